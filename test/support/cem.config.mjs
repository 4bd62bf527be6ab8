/**
 * Custom Elements Manifest settings (`npm run analyze`). The class comments
 * are the public contract; events the analyzer infers from `dispatchEvent`
 * calls (often with a wrong name) duplicate the documented `@fires` and are dropped.
 * Each `@fires {EventClass} name` is typed (an untyped one fails the analysis);
 * from the same manifest: VS Code custom data and JSX types in dist/ide/, and
 * the React wrappers' events in src/react/events.generated.ts (test/support/cem-events.mjs).
 */
import {jsxTypesPlugin, reactEventsPlugin, vsCodePlugin} from './cem-events.mjs';

const ide = {outdir: 'dist/ide', hideLogs: true};

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/define.ts', 'src/elements/icons.ts', 'src/elements/define-once.ts'],
  litelement: true,
  plugins: [
    {
      name: 'cpk-stable-named-events-only',
      packageLinkPhase({customElementsManifest}) {
        // The analyzer reads files in no fixed order; sort so that the committed file is stable.
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) {
              declaration.events = declaration.events.filter((event) => event.name && event.description);
            }
          }
        }
      },
    },
    // After the one above: they read the sorted modules and the documented events only.
    reactEventsPlugin(),
    vsCodePlugin({...ide, htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json'}),
    jsxTypesPlugin({
      ...ide,
      fileName: 'jsx.d.ts',
      componentTypePath: (_name, tag) => `../elements/${tag}/${tag}.js`,
      kitTypes: '../index.js',
    }),
  ],
};
