/**
 * Quoting untrusted text (issue 11, point 3): `excerpt` quotes a short, safe
 * part of a value; `clipText` cuts text kept as it is; the protocol's refusals
 * quote excerpts only.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {MAX_EXCERPT, MAX_PARSE_ERROR, clipText, excerpt, parseDialerEvent, parseServerMessage} from '../../src/protocol/index.js';
import {offered} from './fixtures.js';
import {MILLION} from './hostile-values.js';

describe('excerpt', () => {
  it('keeps a short value as it is', () => {
    assert.equal(excerpt('Maria Oliveira'), 'Maria Oliveira');
    assert.equal(excerpt(''), '');
  });

  it(`keeps at most ${MAX_EXCERPT} code points, then an ellipsis`, () => {
    assert.equal(excerpt('x'.repeat(MAX_EXCERPT)), 'x'.repeat(MAX_EXCERPT));
    assert.equal(excerpt('x'.repeat(MILLION)), `${'x'.repeat(MAX_EXCERPT)}…`);
    assert.equal(excerpt('😀'.repeat(100)), `${'😀'.repeat(MAX_EXCERPT)}…`, 'code points, not halves of pairs');
    assert.equal(excerpt('abcdef', 3), 'abc…');
  });

  it('replaces control, bidi, invisible characters and lone surrogates with U+FFFD', () => {
    const cases: [string, string][] = [
      ['a\u202Eb', 'a\uFFFDb'],
      ['\u2067x\u2069', '\uFFFDx\uFFFD'],
      ['a\u200Bb\u200Dc\uFEFF', 'a\uFFFDb\uFFFDc\uFFFD'],
      ['\u0000\u001B[31m\r\n', '\uFFFD\uFFFD[31m\uFFFD\uFFFD'],
      ['a\u2028b\u2029', 'a\uFFFDb\uFFFD'],
      ['x\uD800y\uDC00', 'x\uFFFDy\uFFFD'],
      ['\u00AD\u034F\u115F\uFE0F\u{E0041}', '\uFFFD'.repeat(5)],
    ];
    for (const [input, output] of cases) assert.equal(excerpt(input), output, JSON.stringify(input));
    assert.equal(excerpt('Zoë 😀 عربي <b>'), 'Zoë 😀 عربي <b>', 'visible text stays');
  });
});

describe('clipText', () => {
  it('keeps text within the bound, and cuts longer text with an ellipsis to the bound', () => {
    assert.equal(clipText('abc', 3), 'abc');
    assert.equal(clipText('abcd', 3), 'ab…');
    assert.equal(clipText('x'.repeat(MILLION), 500).length, 500);
  });

  it('never cuts a surrogate pair in two', () => {
    const clipped = clipText(`ab${'😀'.repeat(10)}`, 4); // room for "ab", half an emoji, "…"
    assert.equal(clipped, 'ab…');
    assert.equal(clipText(`a${'😀'.repeat(10)}`, 4), 'a😀…');
  });
});

describe('refusals quote excerpts, never the value', () => {
  const huge = (char: string) => char.repeat(MILLION);
  const events: Record<string, unknown> = {
    'a huge contact name': {...offered('o1'), contact: {...(offered('o1') as {contact: object}).contact, name: huge('A')}},
    'a huge event type': {type: huge('A')},
    'a huge agent state': {type: 'agent-state', state: huge('A')},
    'a huge phone number of bidi overrides': {
      ...offered('o1'),
      contact: {id: 'c', name: 'x', details: [], phoneNumbers: [{number: huge('\u202E')}]},
    },
    'a huge time zone': {...offered('o1'), contact: {id: 'c', name: 'x', details: [], phoneNumbers: [{number: '1'}], timeZone: huge('A')}},
    'a huge BigInt': {type: 'call-ended', callId: 'c1', at: 10n ** 100_000n},
  };
  for (const [name, event] of Object.entries(events)) {
    it(name, () => {
      const result = parseDialerEvent(event);
      assert.equal(result.ok, false);
      const error = result.ok ? '' : result.error;
      assert.ok(error.length <= MAX_PARSE_ERROR, `${error.length} characters`);
      assert.doesNotMatch(error, /(.)\1{99}/su, 'no run of 100 identical characters');
      assert.doesNotMatch(error, /\u202E/);
    });
  }

  it('a wire message the client cannot read is described in an excerpt too', () => {
    const result = parseServerMessage(JSON.stringify({kind: 'A'.repeat(MILLION)}));
    assert.equal(result.ok, false);
    const error = result.ok ? '' : result.error;
    assert.ok(error.length <= MAX_PARSE_ERROR);
    assert.doesNotMatch(error, /A{100}/);
  });
});
