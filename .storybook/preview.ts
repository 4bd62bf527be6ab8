import type {Preview} from '@storybook/web-components-vite';
import {setCustomElementsManifest} from '@storybook/web-components-vite';
import {html} from 'lit';
import manifest from '../custom-elements.json';
import light from '../src/themes/light.css?url';
import dark from '../src/themes/dark.css?url';
import highContrast from '../src/themes/high-contrast.css?url';
import brand from '../src/themes/brand-example.css?url';
import '../src/define.js';

setCustomElementsManifest(manifest);

const THEMES: Record<string, string> = {light, dark, 'high-contrast': highContrast, brand};

/** One stylesheet link whose target follows the Theme toolbar. */
function useTheme(theme: string): void {
  let link = document.getElementById('cpk-theme') as HTMLLinkElement | null;
  if (!link) {
    link = Object.assign(document.createElement('link'), {id: 'cpk-theme', rel: 'stylesheet'});
    document.head.append(link);
  }
  const href = THEMES[theme] ?? light;
  if (link.getAttribute('href') !== href) link.setAttribute('href', href);
}

const preview: Preview = {
  parameters: {
    controls: {expanded: true},
    a11y: {test: 'error'},
  },
  globalTypes: {
    theme: {
      description: 'Theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          {value: 'light', title: 'Light'},
          {value: 'dark', title: 'Dark'},
          {value: 'high-contrast', title: 'High contrast'},
          {value: 'brand', title: 'Brand example (white label)'},
        ],
        dynamicTitle: true,
      },
    },
    lang: {
      description: 'Language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          {value: 'en', title: 'English'},
          {value: 'pt-BR', title: 'Português (Brasil)'},
          {value: 'ar', title: 'العربية'},
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          {value: 'ltr', title: 'Left to right'},
          {value: 'rtl', title: 'Right to left'},
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {theme: 'light', lang: 'en', dir: 'ltr'},
  decorators: [
    (story, {globals}) => {
      useTheme(globals.theme);
      document.documentElement.lang = globals.lang ?? 'en';
      document.documentElement.dir = globals.dir ?? 'ltr';
      return html`<div class="cpk-story">${story()}</div>`;
    },
  ],
};

export default preview;
