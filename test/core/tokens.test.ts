/**
 * Design tokens: every system token the elements read has a value in every
 * theme, and no element's stylesheet names a colour itself.
 */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, it} from 'node:test';
import {PALETTES, THEME_NAMES, themeStylesheet} from '../../src/themes/palettes.js';

const src = resolve(import.meta.dirname, '../../src');
const read = (path: string) => readFileSync(join(src, path), 'utf8');
const sources = readdirSync(src, {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.ts'));
/** The system tokens the elements' styles read (through themes/tokens.ts). */
const used = new Set([...read('themes/tokens.ts').matchAll(/token\('(--cpk-[a-z-]+)'\)/g)].map((m) => m[1]));

describe('design tokens', () => {
  it('the light palette defines every system token the elements use, and no other', () => {
    const light = new Set(Object.keys(PALETTES.light));
    assert.deepEqual(
      [...used].filter((t) => !light.has(t)),
      [],
      'used but undefined',
    );
    assert.deepEqual(
      [...light].filter((t) => !used.has(t)),
      [],
      'defined but unused',
    );
  });

  for (const theme of THEME_NAMES) {
    it(`the ${theme} palette sets every colour token, and only known tokens`, () => {
      const tokens = Object.keys(PALETTES[theme]);
      const colours = Object.keys(PALETTES.light).filter((t) => t.startsWith('--cpk-color-'));
      assert.deepEqual(
        colours.filter((t) => !tokens.includes(t)),
        [],
      );
      assert.deepEqual(
        tokens.filter((t) => !(t in PALETTES.light)),
        [],
      );
      assert.match(themeStylesheet(theme), new RegExp(`\\.cpk-theme-${theme} \\{`));
    });
  }

  it('no element stylesheet hard-codes a colour', () => {
    for (const file of sources.filter((f) => f.startsWith('elements/'))) {
      assert.doesNotMatch(read(file), /#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i, file);
    }
  });
});
