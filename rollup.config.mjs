import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import {readFileSync, readdirSync} from 'node:fs';

/** Ships the theme stylesheets as dist/themes/*.css. */
const themes = () => ({
  name: 'cpk-themes',
  generateBundle() {
    for (const file of readdirSync('src/themes').filter((name) => name.endsWith('.css'))) {
      this.emitFile({type: 'asset', fileName: `themes/${file}`, source: readFileSync(`src/themes/${file}`)});
    }
  },
});

const tsOptions = (declarations) => ({
  tsconfig: './tsconfig.build.json',
  compilerOptions: {
    declaration: declarations,
    declarationDir: declarations ? 'dist' : undefined,
  },
});

const dependencies = ['lit', '@lit/context', '@lit/react', 'react', 'rxjs', 'valibot', 'tslib'];
const isDependency = (id) => dependencies.some((dep) => id === dep || id.startsWith(`${dep}/`));

export default [
  // For hosts with a bundler: one module per source file, dependencies left as imports.
  {
    input: {index: 'src/index.ts', headless: 'src/headless.ts', define: 'src/define.ts', 'react/index': 'src/react/index.ts'},
    external: isDependency,
    plugins: [typescript(tsOptions(true)), themes()],
    output: {dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true},
  },
  // For a <script type="module"> drop-in: everything in one minified file.
  {
    input: 'src/index.ts',
    plugins: [
      nodeResolve({exportConditions: ['production']}),
      typescript(tsOptions(false)),
      terser({ecma: 2022, module: true, format: {comments: false}}),
    ],
    output: {file: 'dist/campaign-preview-kit.bundle.js', format: 'es', sourcemap: true},
  },
];
