/** Vue 3 host (README "Vue"): App.vue holds the wiring; vite.config.ts tells Vue the kit's tags. */
import {createApp} from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
