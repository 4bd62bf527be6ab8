/** What a `.vue` file exports, for `tsc` (a Vue project's usual shim). */
declare module '*.vue' {
  import type {DefineComponent} from 'vue';
  const component: DefineComponent;
  export default component;
}
