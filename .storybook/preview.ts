import type {Preview} from '@storybook/web-components-vite';
import {setCustomElementsManifest} from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../src/define.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: {expanded: true},
    a11y: {test: 'error'},
  },
  globalTypes: {
    lang: {
      description: 'Language of the kit',
      toolbar: {title: 'Language', icon: 'globe', items: [{value: 'en', title: 'English'}, {value: 'pt-BR', title: 'Português (Brasil)'}], dynamicTitle: true},
    },
  },
  initialGlobals: {lang: 'en'},
  decorators: [
    (story, context) => {
      document.documentElement.lang = context.globals.lang ?? 'en';
      return story();
    },
  ],
};

export default preview;
