/**
 * The types a host gets from the built package (dist/*.d.ts and dist/ide/jsx.d.ts,
 * through package.json `exports`), type-checked with tsc as a host would:
 * test/types/react-host.tsx (a React 19 host: the wrappers and the raw elements
 * in JSX) and test/types/plain-host.ts (no React). They need `npm run build`
 * first: test/run-all.mjs runs its "build" check before the core tests, so
 * under `npm test` dist/ is fresh when this runs; keep that order.
 */
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, it} from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules', '.bin', 'tsc');

function typeCheck(project: string, ...args: string[]): Promise<{status: number | null; output: string}> {
  for (const built of ['dist/index.d.ts', 'dist/react/index.d.ts', 'dist/ide/jsx.d.ts']) {
    assert.ok(existsSync(join(root, built)), `${built} is missing: run npm run build first`);
  }
  return new Promise((done) => {
    const child = spawn(tsc, ['-p', project, ...args], {cwd: root});
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => done({status, output}));
  });
}

describe('the types a host gets', {concurrency: true}, () => {
  it('a React 19 host: every event of the wrappers and of the raw elements in JSX is typed (e.detail.offerId), none is any', async () => {
    const {status, output} = await typeCheck('test/types/tsconfig.json');
    assert.equal(status, 0, output);
  });

  it('a host without React: the package type-checks and loads no file of react, @types/react or @lit/react', async () => {
    const {status, output} = await typeCheck('test/types/tsconfig.plain.json', '--listFiles');
    assert.equal(status, 0, output);
    const files = output.split('\n').filter((line) => line.trim());
    assert.ok(
      files.some((file) => file.endsWith('dist/index.d.ts')),
      'the program loads the package',
    );
    const react = files.filter((file) => /node_modules\/(react|@types\/react|@lit\/react)\//.test(file));
    assert.deepEqual(react, [], 'React types loaded by a host without React');
  });
});
