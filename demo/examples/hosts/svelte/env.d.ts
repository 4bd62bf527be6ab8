/** What a `.svelte` file exports, for `tsc` (svelte-check reads the components themselves). */
declare module '*.svelte' {
  import type {Component} from 'svelte';
  const component: Component;
  export default component;
}
