import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import {readFileSync, rmSync} from 'node:fs';
import {tsImport} from 'tsx/esm/api';

/**
 * Ships the generated assets: the theme stylesheets (from the palettes, plus
 * the brand example) and the protocol's JSON Schema.
 */
const assets = () => ({
  name: 'cpk-assets',
  async generateBundle() {
    const {THEME_NAMES, themeStylesheet} = await tsImport('./src/themes/palettes.ts', import.meta.url);
    for (const name of THEME_NAMES) {
      this.emitFile({type: 'asset', fileName: `themes/${name}.css`, source: themeStylesheet(name)});
    }
    const {protocolJsonSchema} = await tsImport('./src/protocol/json-schema.ts', import.meta.url);
    this.emitFile({type: 'asset', fileName: 'protocol/dialer-protocol.schema.json', source: JSON.stringify(protocolJsonSchema(), null, 2)});
    const brand = 'brand-example.css';
    this.emitFile({type: 'asset', fileName: `themes/${brand}`, source: readFileSync(`src/themes/${brand}`)});
  },
});

/** Empties dist/bundle-chunks first: the chunks' names carry a hash, so an earlier build's would stay and ship. */
const cleanChunks = () => ({
  name: 'cpk-clean-chunks',
  buildStart: () => rmSync('dist/bundle-chunks', {recursive: true, force: true}),
});

const tsOptions = (declarations) => ({
  tsconfig: './tsconfig.build.json',
  compilerOptions: {
    declaration: declarations,
    declarationDir: declarations ? 'dist' : undefined,
  },
});

const dependencies = ['lit', '@lit/context', '@lit/react', 'react', 'rxjs', 'valibot', 'tslib', '@webex/contact-center'];
const isDependency = (id) => dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

export default [
  // For hosts with a bundler: one module per source file, dependencies left as imports.
  {
    input: {
      index: 'src/index.ts',
      headless: 'src/headless.ts',
      define: 'src/define.ts',
      'react/index': 'src/react/index.ts',
      webex: 'src/webex.ts',
      'amazon-connect': 'src/amazon-connect.ts',
    },
    external: isDependency,
    plugins: [typescript(tsOptions(true)), assets()],
    output: {dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true},
  },
  // For a <script type="module"> drop-in: everything in one minified module, with what only some pages
  // need (the pt-BR and Arabic messages, the callback and wrap-up forms) in chunks beside it that it
  // imports when first needed, by a path relative to itself.
  {
    input: {'campaign-preview-kit.bundle': 'src/index.ts'},
    // The chunks import what they share from the bundle itself (extra, minified export names)
    // rather than from a third file the bundle would wait for.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      cleanChunks(),
      // es2015: RxJS's ES2015 build (classes, no ES5 helpers) is smaller.
      nodeResolve({exportConditions: ['production', 'es2015']}),
      typescript(tsOptions(false)),
      terser({ecma: 2022, module: true, format: {comments: false}}),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'bundle-chunks/[name]-[hash].js',
    },
  },
];
