/**
 * The self-contained bundle (run after `npm run build`, as `npm test` does):
 * what every page loads leaves out the other languages and the
 * beyond-the-seed forms, which come in chunks beside it, loaded by `import()`
 * when a page needs them.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {describe, it} from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const ENTRY = join(root, 'dist/campaign-preview-kit.bundle.js');

const read = (file: string) => readFileSync(file, 'utf8');
/** Whether `code` has `mark`, with a message naming the file only (not the minified code). */
const has = (code: string, mark: RegExp, message: string, expected = true) => assert.equal(mark.test(code), expected, message);
/** The relative modules `code` imports: statically (`from './x.js'`, `import './x.js'`) or by `import('./x.js')`. */
const imports = (code: string, kind: 'static' | 'dynamic') =>
  [...code.matchAll(kind === 'static' ? /(?:\bfrom|\bimport)\s*["'](\.[^"']+)["']/g : /\bimport\(\s*["'](\.[^"']+)["']\s*\)/g)].map(
    (m) => m[1],
  );

/** The entry and every file it imports statically: what a page loads before anything runs. */
function eagerFiles(): string[] {
  const files: string[] = [];
  const visit = (file: string) => {
    if (files.includes(file)) return;
    files.push(file);
    for (const spec of imports(read(file), 'static')) visit(resolve(dirname(file), spec));
  };
  visit(ENTRY);
  return files;
}

/** The chunks the entry loads when needed, by name (`bundle-chunks/pt-BR-1a2b3c.js` is `pt-BR`). */
function lazyChunks(): Map<string, string> {
  const chunks = new Map<string, string>();
  for (const file of eagerFiles()) {
    for (const spec of imports(read(file), 'dynamic')) {
      const path = resolve(dirname(file), spec);
      const name = relative(join(root, 'dist/bundle-chunks'), path).replace(/-[\w-]{8}\.js$/, '');
      chunks.set(name, path);
    }
  }
  return chunks;
}

/** What marks each lazy part: strings only it has. */
const PARTS: Record<string, {what: string; marks: RegExp[]}> = {
  'pt-BR': {what: 'the Brazilian Portuguese messages', marks: [/Aceitar/, /Pular/, /Chamada de campanha/]},
  ar: {what: 'the Arabic messages', marks: [/[\u0600-\u06ff]/]},
  'callback-form': {what: 'the callback form', marks: [/datetime-local/, /callback-numbers/]},
  'wrap-up-form': {what: 'the wrap-up form', marks: [/part="disposition-button"/, /part="wrap-up"/]},
};

describe('the self-contained bundle', () => {
  it('is built (run npm run build)', () => {
    assert.ok(existsSync(ENTRY), `${relative(root, ENTRY)} is missing`);
  });

  it('loads neither the other languages nor the forms with the page', () => {
    const eager = eagerFiles();
    for (const file of eager) {
      const code = read(file);
      for (const {what, marks} of Object.values(PARTS)) {
        for (const mark of marks) has(code, mark, `${relative(root, file)} (eager) holds ${what}: ${mark}`, false);
      }
    }
    // English stays: it is every language's fallback, and the forms' English words are among its messages.
    has(eager.map(read).join('\n'), /"Campaign call"/, 'the English messages are in the bundle');
  });

  it('loads each of them by import() from a chunk beside it, self-contained', () => {
    const chunks = lazyChunks();
    assert.deepEqual([...chunks.keys()].sort(), Object.keys(PARTS).sort());
    for (const [name, file] of chunks) {
      assert.ok(existsSync(file), `${relative(root, file)} is missing`);
      const code = read(file);
      for (const mark of PARTS[name].marks) has(code, mark, `${relative(root, file)} holds ${PARTS[name].what}: ${mark}`);
      // A chunk takes what it shares from the bundle, by a relative path: no bare import for a page without a bundler.
      has(code, /(?:\bfrom|\bimport)\s*["'][^"'./]/, `${relative(root, file)} has a bare import`, false);
      for (const spec of imports(code, 'static')) assert.ok(existsSync(resolve(dirname(file), spec)), `${name} imports ${spec}`);
    }
  });

  it('the ES module entries load them by import() too, dependencies left to the host', () => {
    assert.match(read(join(root, 'dist/i18n/index.js')), /import\('\.\/pt-BR\.js'\)/);
    assert.match(read(join(root, 'dist/i18n/index.js')), /import\('\.\/ar\.js'\)/);
    assert.match(read(join(root, 'dist/controllers/callback-form-controller.js')), /import\('\.\/callback-form\.js'\)/);
    assert.match(read(join(root, 'dist/elements/campaign-task-card/campaign-task-card.js')), /import\('\.\/wrap-up-form\.js'\)/);
    assert.match(read(join(root, 'dist/controllers/callback-form.js')), /from 'lit'/);
  });
});
