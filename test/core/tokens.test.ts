/**
 * Design tokens: every system token an element reads is defined by every
 * theme, and no element's stylesheet names a colour itself.
 */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, it} from 'node:test';

const src = resolve(import.meta.dirname, '../../src');
const read = (path: string) => readFileSync(join(src, path), 'utf8');
const sources = readdirSync(src, {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.ts'));
const used = new Set(sources.flatMap((f) => [...read(f).matchAll(/var\((--cpk-[a-z-]+)/g)].map((m) => m[1])));
const defined = (css: string) => new Set([...css.matchAll(/(--cpk-[a-z-]+)\s*:/g)].map((m) => m[1]));

describe('design tokens', () => {
  it('the light theme defines every system token the elements use, and no other', () => {
    const light = defined(read('themes/light.css'));
    assert.deepEqual([...used].filter((t) => !light.has(t)), [], 'used but undefined');
    assert.deepEqual([...light].filter((t) => !used.has(t)), [], 'defined but unused');
  });

  for (const theme of ['dark', 'high-contrast']) {
    it(`the ${theme} theme sets every colour token`, () => {
      const tokens = defined(read(`themes/${theme}.css`));
      const colours = [...used].filter((t) => t.startsWith('--cpk-color-'));
      assert.deepEqual(colours.filter((t) => !tokens.has(t)), []);
    });
  }

  it('no element stylesheet hard-codes a colour', () => {
    for (const file of sources.filter((f) => f.startsWith('elements/'))) {
      const text = read(file);
      assert.doesNotMatch(text, /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i, file);
    }
  });
});
