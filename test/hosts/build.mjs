/**
 * Builds the host guides' apps (demo/examples/hosts/<host>/) against the
 * package as a user installs it, for test/hosts/hosts.test.mjs:
 *
 * 1. `npm pack` the kit (dist/ must be built) and unpack the tarball into
 *    demo/examples/hosts/node_modules/campaign-preview-kit/: every app then
 *    resolves `campaign-preview-kit` by its name, through the packed
 *    package.json's `exports` and `files`, as from a user's node_modules
 *    (its own dependencies, lit and rxjs, come from the repository's); and
 *    a copy into demo/examples/hosts/plain/node_modules/, beside the plain page.
 * 2. Type-checks the apps' TypeScript against the packed declarations
 *    (demo/examples/hosts/tsconfig.json), with Angular's compiler: the
 *    Angular template is checked ahead of time as an Angular CLI build does.
 * 3. Builds the React, Vue, Svelte and Angular apps with Vite (the frameworks'
 *    development builds, so that their warnings reach the test) into
 *    node_modules/.cache/cpk-hosts/<host>/. The plain HTML page needs no build.
 *
 *   node test/hosts/build.mjs [host ...]
 */
import {execFileSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const hostsDir = join(root, 'demo/examples/hosts');
/** Where the built apps go (ignored by git, ESLint, Prettier and tsc, like all of node_modules). */
export const outDir = process.env.CPK_HOSTS_OUT ?? join(root, 'node_modules/.cache/cpk-hosts');
/** The packed kit, where the apps' imports find it. */
const kitDir = join(hostsDir, 'node_modules/campaign-preview-kit');
/** The plain page's copy, installed beside it as a site without a bundler has it. */
const plainKitDir = join(hostsDir, 'plain/node_modules/campaign-preview-kit');
export const BUILT_HOSTS = ['react', 'vue', 'svelte', 'angular'];

function step(what, fn) {
  const started = Date.now();
  fn();
  console.log(`${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

export function packKit() {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const scratch = mkdtempSync(join(tmpdir(), 'cpk-pack-'));
  try {
    const [{filename}] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], {cwd: root, encoding: 'utf8'}));
    rmSync(kitDir, {recursive: true, force: true});
    mkdirSync(kitDir, {recursive: true});
    execFileSync('tar', ['-xzf', join(scratch, filename), '-C', kitDir, '--strip-components=1']);
    rmSync(plainKitDir, {recursive: true, force: true});
    cpSync(kitDir, plainKitDir, {recursive: true});
  } finally {
    rmSync(scratch, {recursive: true, force: true});
  }
}

/** `ngc` is `tsc` plus Angular's ahead-of-time template checks (what `ng build` runs): an unknown element or binding fails it. */
export function typeCheck() {
  execFileSync(join(root, 'node_modules/.bin/ngc'), ['-p', join(hostsDir, 'tsconfig.json')], {cwd: root, stdio: 'inherit'});
}

export async function buildApp(host) {
  const {build} = await import('vite');
  await build({
    root: join(hostsDir, host),
    // The app's own vite.config.ts (the Angular app needs none).
    configFile: existsSync(join(hostsDir, host, 'vite.config.ts')) ? join(hostsDir, host, 'vite.config.ts') : false,
    logLevel: 'warn',
    build: {outDir: join(outDir, host), emptyOutDir: true, minify: false, reportCompressedSize: false},
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The frameworks' development builds (Vue's and Angular's template checks, React's warnings), as `vite` serves them.
  process.env.NODE_ENV = 'development';
  const hosts = process.argv.length > 2 ? process.argv.slice(2) : BUILT_HOSTS;
  step('packed the kit into demo/examples/hosts/node_modules/campaign-preview-kit', packKit);
  step('type-checked the hosts against the packed declarations (ngc)', typeCheck);
  for (const host of hosts) {
    const started = Date.now();
    await buildApp(host);
    console.log(`built ${host} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}
