import type {Preview} from '@storybook/web-components-vite';
import {setCustomElementsManifest} from '@storybook/web-components-vite';
import {html} from 'lit';
import {withActions} from 'storybook/actions/decorator';
import manifest from '../custom-elements.json';
import brand from '../src/themes/brand-example.css?inline';
import {THEME_NAMES, themeStylesheet, type ThemeName} from '../src/themes/palettes.js';
import '../src/define.js';
import {freezeClock} from './fixed-clock.js';

setCustomElementsManifest(manifest);

/** Every event the elements fire, from the manifest: the Actions panel logs them. */
const EVENTS = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .flatMap((declaration) => ('events' in declaration ? (declaration.events ?? []) : []))
  .map((event) => event.name);

/** The page's theme stylesheet, as a host would include it: the story's `theme` arg, else the Theme toolbar. */
function useTheme(theme: string): void {
  let style = document.getElementById('cpk-theme');
  if (!style) {
    style = Object.assign(document.createElement('style'), {id: 'cpk-theme'});
    document.head.append(style);
  }
  const text =
    theme === 'brand'
      ? themeStylesheet('light') + brand
      : themeStylesheet(THEME_NAMES.includes(theme as ThemeName) ? (theme as ThemeName) : 'light');
  if (style.textContent !== text) style.textContent = text;
}

/**
 * A story that renders from its own simple args (`parameters.storyArgs`, their
 * names) lists them first in the Controls panel. The element's API, read from
 * custom-elements.json, stays below for reference (and in the docs page), but
 * without controls: such a story's render does not read it.
 */
const storyArgsFirst: NonNullable<Preview['argTypesEnhancers']>[number] = ({argTypes, parameters}) => {
  const own: readonly string[] | undefined = parameters.storyArgs;
  if (!own) return argTypes;
  const entries = Object.entries(argTypes);
  return Object.fromEntries([
    ...entries.filter(([name]) => own.includes(name)),
    ...entries.filter(([name]) => !own.includes(name)).map(([name, argType]) => [name, {...argType, control: false}]),
  ]);
};

const preview: Preview = {
  argTypesEnhancers: [storyArgsFirst],
  tags: ['autodocs'],
  parameters: {
    actions: {handles: [...new Set(EVENTS)]},
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
  // Every story renders at one fixed instant, except those tagged `real-time` (the simulated campaign).
  beforeEach: ({tags}) => (tags.includes('real-time') ? undefined : freezeClock()),
  decorators: [
    withActions,
    (story, {globals, args}) => {
      useTheme(args.theme || globals.theme);
      document.documentElement.lang = globals.lang ?? 'en';
      document.documentElement.dir = globals.dir ?? 'ltr';
      return html`<div class="cpk-story">${story()}</div>`;
    },
  ],
};

export default preview;
