/**
 * Custom Elements Manifest settings (`npm run analyze`). The class comments
 * are the public contract; events the analyzer infers from `dispatchEvent`
 * calls (often with a wrong name) duplicate the documented `@fires` and are dropped.
 * From the same manifest: VS Code custom data and JSX types in dist/ide/.
 */
import {customElementJsxPlugin} from 'custom-element-jsx-integration';
import {customElementVsCodePlugin} from 'custom-element-vs-code-integration';

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
    customElementVsCodePlugin({...ide, htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json'}),
    customElementJsxPlugin({
      ...ide,
      fileName: 'jsx.d.ts',
      componentTypePath: (_name, tag) => `../elements/${tag}/${tag}.js`,
    }),
  ],
};
