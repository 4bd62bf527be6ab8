/**
 * The README's test command: every check and every test runner, then one
 * closing line `N passed, N failed` over all of them. Exits non-zero on any
 * failure. Each check (type check, manifest up to date, build) counts as one.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {ensureChromium} from './support/chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'cpk-test-'));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = {passed: 0, failed: 0};
const results = [];

function run(command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, {cwd: root, stdio: 'inherit', env: {...process.env, ...env}});
  return {ok: result.status === 0, seconds: (Date.now() - started) / 1000};
}

function check(name, fn) {
  console.log(`\n=== ${name}`);
  let ok = false;
  let seconds = 0;
  try {
    ({ok, seconds} = fn());
  } catch (error) {
    console.error(String(error?.message ?? error));
  }
  if (ok) totals.passed++;
  else totals.failed++;
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${seconds.toFixed(1)} s)`);
}

function runner(name, fn) {
  console.log(`\n=== ${name}`);
  const {passed, failed, skipped = 0, ok, seconds} = fn();
  // A runner that crashed without counting still fails the run.
  const crashed = !ok && failed === 0 ? 1 : 0;
  totals.passed += passed;
  totals.failed += failed + crashed;
  const skips = skipped ? `, ${skipped} skipped` : '';
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${passed} passed, ${failed + crashed} failed${skips} (${seconds.toFixed(1)} s)`);
}

function files(dir, suffix) {
  return readdirSync(join(root, dir), {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

check('type check (tsc --noEmit)', () => run(bin('tsc'), ['--noEmit', '-p', '.']));

check('lint (ESLint with lit and lit-a11y rules, lit-analyzer)', () => run('npm', ['run', '--silent', 'lint']));

check('formatting (prettier --check)', () => run('npm', ['run', '--silent', 'format:check']));

check('custom-elements.json and the React event map are up to date', () => {
  // `npm run analyze` writes the manifest and, from its @fires, src/react/events.generated.ts: both are committed.
  const generated = ['custom-elements.json', 'src/react/events.generated.ts'].map((file) => join(root, file));
  const committed = generated.map((file) => (existsSync(file) ? readFileSync(file, 'utf8') : ''));
  const result = run('npm', ['run', '--silent', 'analyze']);
  const stale = generated.filter((file, i) => !existsSync(file) || readFileSync(file, 'utf8') !== committed[i]);
  if (stale.length) {
    generated.forEach((file, i) => writeFileSync(file, committed[i]));
    console.error(`${stale.map((file) => relative(root, file)).join(', ')} out of date: run \`npm run analyze\` and commit.`);
    return {...result, ok: false};
  }
  return result;
});

check('build (rollup: dist/)', () => run('npm', ['run', '--silent', 'build']));

/** A node:test run: its TAP output gives the counts. */
function nodeTests(name, testFiles) {
  const tap = join(scratch, `${name.replace(/\W+/g, '-')}.tap`);
  const result = run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...testFiles,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (label) => Number(text.match(new RegExp(`^# ${label} (\\d+)`, 'm'))?.[1] ?? 0);
  return {...result, passed: count('pass'), failed: count('fail') + count('cancelled')};
}

// After the build: test/core/tsx-types.test.ts and react-events.test.ts read dist/ (the types a host gets).
runner('core tests (node:test)', () => nodeTests('core', files('test/core', '.test.ts')));

/** web-test-runner in the browsers named (CPK_BROWSERS), counted by test/support/count-reporter.mjs. */
function browserTests(browsers) {
  const counts = join(scratch, `wtr-${browsers}.json`);
  const result = run(bin('web-test-runner'), ['--config', 'test/web-test-runner.config.mjs'], {
    CPK_COUNT_FILE: counts,
    CPK_BROWSERS: browsers,
  });
  const {passed, failed, skipped} = existsSync(counts) ? JSON.parse(readFileSync(counts, 'utf8')) : {passed: 0, failed: 0, skipped: 0};
  return {...result, passed, failed, skipped};
}

runner('element and demo tests (web-test-runner, headless Chromium)', () => {
  process.env.CHROME_PATH = ensureChromium();
  return browserTests('chromium');
});

// WebKit skips the tests that hold a modifier key: its WebDriver launcher only presses or types keys.
runner('element tests in Firefox ESR and WebKit (web-test-runner)', () => browserTests('firefox,webkit'));

check('build Storybook (storybook-static/)', () => run('npm', ['run', '--silent', 'build-storybook'], {STORYBOOK_DISABLE_TELEMETRY: '1'}));

runner('page tests (every story, axe; pages under a strict CSP; headless Chromium)', () =>
  nodeTests('pages', [...files('test/stories', '.test.mjs'), ...files('test/csp', '.test.mjs')]),
);

// The README's host guides (demo/examples/hosts/): built by name from the packed package, then used in Chromium.
check('host guides: npm pack, ngc type check, Vite builds of the React, Vue, Svelte and Angular apps', () =>
  run(process.execPath, ['test/hosts/build.mjs']),
);

runner('host guide apps (React, Vue, Svelte, Angular, plain HTML; headless Chromium)', () =>
  nodeTests('hosts', files('test/hosts', '.test.mjs')),
);

console.log('\n=== summary');
for (const line of results) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
