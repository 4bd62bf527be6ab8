/**
 * Describing an error never throws (issue 11, point 2): whatever was thrown,
 * `describeError` gives a readable, bounded message, and the error's own code
 * and message when it has them; `parseDialerEvent` survives a getter that
 * throws something with no usable `toString`.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {MAX_NOTICE_CODE, MAX_NOTICE_MESSAGE, MAX_PARSE_ERROR, describeError, parseDialerEvent} from '../../src/protocol/index.js';
import {DialerError} from '../../src/adapters/dialer-adapter.js';
import {FUZZ} from './arbitraries.js';
import {offered} from './fixtures.js';
import {MILLION, THROWN_KINDS, thrown, thrownArb} from './hostile-values.js';

const FALLBACK = 'The dialer could not carry out the command.';

describe('describeError', () => {
  it('gives the code and message of an Error, a DialerError and a plain {code, message} object', () => {
    assert.deepEqual(describeError(new DialerError('E_BUSY', 'Busy'), FALLBACK), {code: 'E_BUSY', message: 'Busy'});
    assert.deepEqual(describeError(new Error('it broke'), FALLBACK), {message: 'it broke'});
    assert.deepEqual(describeError({code: 'E_PLAIN', message: 'a plain refusal'}, FALLBACK), {code: 'E_PLAIN', message: 'a plain refusal'});
    assert.deepEqual(describeError('refused as a string', FALLBACK), {message: 'refused as a string'});
  });

  it('never says "[object Object]"', () => {
    for (const kind of THROWN_KINDS) assert.doesNotMatch(describeError(thrown(kind), FALLBACK).message, /\[object /, kind);
  });

  it('falls back for what has no readable message, never throwing', () => {
    const unreadable: Record<string, unknown> = {
      'a null-prototype object': thrown('null-prototype'),
      'an object whose code, message and toString getters throw': thrown('throwing-message'),
      'an object whose toString, valueOf and toPrimitive throw': thrown('throwing-to-string'),
      'an Error subclass whose message getter throws': thrown('error-subclass-throwing-message'),
      'a proxy that throws on every trap': thrown('throwing-proxy'),
      'a revoked proxy': thrown('revoked-proxy'),
      'a Symbol': Symbol('x'),
      'a BigInt': 10n ** 400n,
      undefined: undefined,
      null: null,
      'a number': 404,
      'a blank string': ' \n ',
      'an empty message': new Error(''),
      'a non-string message and code': {code: 7, message: {toString: () => 'no'}},
      'a function': () => 'x',
    };
    for (const [name, error] of Object.entries(unreadable)) {
      assert.deepEqual(describeError(error, FALLBACK), {message: FALLBACK}, name);
    }
  });

  it('cuts a huge code and message to the notice bounds', () => {
    const huge = describeError(thrown('huge-message'), FALLBACK);
    assert.ok(huge.message.length <= MAX_NOTICE_MESSAGE);
    assert.ok(huge.code !== undefined && huge.code.length <= MAX_NOTICE_CODE);
    assert.ok(describeError('x'.repeat(MILLION), FALLBACK).message.length <= MAX_NOTICE_MESSAGE);
  });

  it(`never throws and stays bounded, whatever it gets (fast-check)`, () => {
    fc.assert(
      fc.property(thrownArb, (kind) => {
        const {code, message} = describeError(thrown(kind), FALLBACK);
        assert.equal(typeof message, 'string');
        assert.ok(message.length > 0 && message.length <= MAX_NOTICE_MESSAGE);
        assert.ok(code === undefined || (typeof code === 'string' && code.length <= MAX_NOTICE_CODE));
      }),
      FUZZ,
    );
  });
});

describe('parseDialerEvent with a getter that throws', () => {
  for (const kind of THROWN_KINDS) {
    it(`throwing ${kind}: refused with a readable, bounded reason`, () => {
      const event = offered('o1') as unknown as Record<string, unknown>;
      Object.defineProperty(event, 'contact', {
        enumerable: true,
        get: () => {
          throw thrown(kind);
        },
      });
      let result: ReturnType<typeof parseDialerEvent> | undefined;
      assert.doesNotThrow(() => (result = parseDialerEvent(event)));
      assert.equal(result?.ok, false);
      const error = result && !result.ok ? result.error : '';
      assert.match(error, /^unreadable input \(.+\)$/);
      assert.doesNotMatch(error, /\[object /, "the error's own message, or a generic one");
      assert.ok(error.length <= MAX_PARSE_ERROR, `${error.length} characters`);
      assert.doesNotMatch(error, /(.)\1{99}/, 'no run of 100 identical characters');
    });
  }
});
