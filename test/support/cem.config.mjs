/**
 * Custom Elements Manifest settings (`npm run analyze`). The class comments
 * are the public contract; events the analyzer infers from `dispatchEvent`
 * calls (often with a wrong name) duplicate the documented `@fires` and are dropped.
 */
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/define.ts', 'src/elements/icons.ts', 'src/elements/define-once.ts'],
  litelement: true,
  plugins: [
    {
      name: 'cpk-named-events-only',
      packageLinkPhase({customElementsManifest}) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) {
              declaration.events = declaration.events.filter((event) => event.name && event.description);
            }
          }
        }
      },
    },
  ],
};
