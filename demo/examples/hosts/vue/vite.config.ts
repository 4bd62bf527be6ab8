import vue from '@vitejs/plugin-vue';
import {defineConfig} from 'vite';

// The kit's tags are custom elements, not Vue components.
const isCustomElement = (tag: string) => tag.startsWith('campaign-') || tag === 'call-timer';

export default defineConfig({plugins: [vue({template: {compilerOptions: {isCustomElement}}})]});
