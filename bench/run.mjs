/**
 * `npm run bench`: measures the built kit in headless Chromium, prints a
 * table, writes bench/results.json, and exits non-zero when a figure misses
 * its budget in bench/budgets.json. Not part of `npm test`: this machine is
 * shared and noisy, so budgets are checked here only.
 */
import {readFile, writeFile} from 'node:fs/promises';
import {cpus, totalmem} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import puppeteer from 'puppeteer-core';
import {rollup} from 'rollup';
import {CHROMIUM_ARGS, ensureChromium} from '../test/support/chromium.mjs';
import {serveStatic} from '../test/support/static-server.mjs';

const root = new URL('..', import.meta.url).pathname;

/** The parts of the bundle loaded only when a page needs them, by chunk name: the figure each is reported as. */
const LAZY_PARTS = {
  'pt-BR': 'lazy_pt_br_gzip_bytes',
  ar: 'lazy_ar_gzip_bytes',
  'callback-form': 'lazy_callback_form_gzip_bytes',
  'wrap-up-form': 'lazy_wrap_up_form_gzip_bytes',
};

/**
 * The self-contained bundle a host would ship: elements, provider, store,
 * core, protocol, lit, rxjs; no simulated dialer. `bundle_gzip_bytes` is what
 * every page loads (the entry and every chunk it imports statically); each
 * lazy part (a language, a form: a chunk loaded by `import()`) is reported
 * apart with what it brings that the page does not already have.
 */
async function bundleBytes() {
  const entry = [
    "import './dist/define.js';",
    // What a host uses; everything else (the simulated dialer among it) is shaken out.
    "export {createCampaignStore, parseDialerEvent, PROTOCOL_VERSION, transition, selectPreview, selectTask} from './dist/headless.js';",
    "export {provideCampaignStore, registerCampaignStore, registerMessages, CampaignIntentEvent} from './dist/index.js';",
  ].join('\n');
  const bundle = await rollup({
    input: 'entry',
    // As rollup.config.mjs builds the bundle: the chunks import what they share from the entry.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      {name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? entry : null)},
      nodeResolve({rootDir: root, exportConditions: ['production', 'es2015']}),
      terser({ecma: 2022, module: true, format: {comments: false}}),
    ],
    onwarn: () => {},
  });
  const {output} = await bundle.generate({format: 'es', chunkFileNames: '[name]-[hash].js'});
  const chunks = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const gzip = (files) => [...files].reduce((sum, file) => sum + gzipSync(chunks.get(file).code, {level: 9}).length, 0);
  /** The chunk and every chunk it imports statically, leaving out those in `loaded`. */
  const closure = (file, loaded = new Set()) => {
    const files = new Set();
    const visit = (f) => {
      if (files.has(f) || loaded.has(f)) return;
      files.add(f);
      chunks.get(f).imports.forEach(visit);
    };
    visit(file);
    return files;
  };
  const eager = closure([...chunks.values()].find((c) => c.isEntry).fileName);
  const figures = {bundle_gzip_bytes: gzip(eager)};
  for (const chunk of chunks.values()) {
    if (!chunk.isDynamicEntry) continue;
    const figure = LAZY_PARTS[chunk.name];
    if (!figure) throw new Error(`bench: a lazy chunk no figure names: ${chunk.name} (add it to LAZY_PARTS)`);
    figures[figure] = gzip(closure(chunk.fileName, eager));
  }
  for (const figure of Object.values(LAZY_PARTS)) {
    if (!(figure in figures)) throw new Error(`bench: ${figure} has no lazy chunk: is it in the eager bundle?`);
  }
  return figures;
}

const server = await serveStatic(root);
const browser = await puppeteer.launch({
  executablePath: ensureChromium(),
  headless: true,
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
let results;
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`${server.origin}/bench/bench-page.html`);
  await page.addScriptTag({url: '/bench/measure.js', type: 'module'});
  await page.waitForFunction(() => typeof window.runBenchmarks === 'function');
  const measured = await page.evaluate(() => window.runBenchmarks());
  results = {
    ...(await bundleBytes()),
    ...measured,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    browser: await browser.version(),
    node: process.version,
    date: new Date().toISOString(),
  };
} finally {
  await browser.close();
  server.close();
}

const budgets = JSON.parse(await readFile(join(root, 'bench/budgets.json'), 'utf8'));
await writeFile(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
// The last `npm run soak` (a whole shift), summarised with the rest.
const soak = await readFile(join(root, 'bench/soak-results.json'), 'utf8').then(JSON.parse, () => null);
const {divergences: _divergences, heap_by_hour: _hours, date: soakDate, ...shift} = soak ?? {};
let missed = 0;
console.log('figure                               value        budget   ');
for (const [name, value] of Object.entries({...results, ...shift, ...(soak ? {soak_date: soakDate} : {})})) {
  const {min, max} = budgets[name] ?? {};
  const ok = (min === undefined || value >= min) && (max === undefined || value <= max);
  if (!ok) missed++;
  const shown = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
  const budget = min !== undefined ? `≥ ${min}` : max !== undefined ? `≤ ${max}` : '';
  console.log(`${name.padEnd(36)} ${shown.padEnd(12)} ${budget.padEnd(10)} ${budget ? (ok ? 'ok' : 'MISSED') : ''}`);
}
if (!soak) console.log('(no bench/soak-results.json: run `npm run soak` for the shift figures)');
console.log(missed ? `${missed} budget(s) missed` : 'every budget met');
process.exit(missed ? 1 : 0);
