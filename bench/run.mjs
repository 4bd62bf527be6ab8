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

/** The self-contained bundle a host would ship: elements, provider, store, core, protocol, lit, rxjs; no simulated dialer. */
async function bundleBytes() {
  const entry = [
    "import './dist/define.js';",
    // What a host uses; everything else (the simulated dialer among it) is shaken out.
    "export {createCampaignStore, parseDialerEvent, PROTOCOL_VERSION, transition, selectPreview, selectTask} from './dist/headless.js';",
    "export {provideCampaignStore, registerCampaignStore, registerMessages, CampaignIntentEvent} from './dist/index.js';",
  ].join('\n');
  const bundle = await rollup({
    input: 'entry',
    plugins: [
      {name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? entry : null)},
      nodeResolve({rootDir: root, exportConditions: ['production', 'es2015']}),
      terser({ecma: 2022, module: true, format: {comments: false}}),
    ],
    onwarn: () => {},
  });
  const {output} = await bundle.generate({format: 'es'});
  return gzipSync(output[0].code, {level: 9}).length;
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
    bundle_gzip_bytes: await bundleBytes(),
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
