/** Svelte 5 host (README "Svelte"): App.svelte holds the wiring. */
import {mount} from 'svelte';
import App from './App.svelte';

mount(App, {target: document.getElementById('app')!});
