import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {PROTOCOL_VERSION, parseDialerCommand, parseDialerEvent} from '../../src/protocol/index.js';
import {offered} from './fixtures.js';
import {protocolJsonSchema} from '../../src/protocol/json-schema.js';

describe('dialer protocol', () => {
  it('accepts a well-formed contact offer and keeps its fields', () => {
    const result = parseDialerEvent(offered('o1'));
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.value.type, 'contact-offered');
  });

  it('rejects bad input with a readable reason naming the field', () => {
    const cases: [unknown, RegExp][] = [
      [null, /object/i],
      [{type: 'no-such-event'}, /type/],
      [{...offered('o1'), deadline: -5}, /deadline/],
      [{...offered('o1'), deadline: Number.NaN}, /deadline/],
      [{...offered('o1'), offerId: ''}, /offerId/],
      [{...offered('o1'), contact: {id: 'c', name: 'x', phoneNumbers: [], details: []}}, /phoneNumbers/],
      [{type: 'agent-state', state: 'sleeping'}, /state/],
      [{type: 'agent-state', state: 'available', v: 99}, /v/],
      [{type: 'call-progress', offerId: 'o', callId: 'c', phase: 'teleporting'}, /phase/],
      [{type: 'limit-reached', scope: 'tenant', code: 'X', message: 'x'.repeat(5_000)}, /message/],
    ];
    for (const [input, reason] of cases) {
      const result = parseDialerEvent(input);
      assert.equal(result.ok, false, JSON.stringify(input)?.slice(0, 80));
      assert.match(!result.ok ? result.error : '', reason);
    }
  });

  it('never throws, even on hostile objects', () => {
    const proxy = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        has: () => {
          throw new Error('trap');
        },
      },
    );
    assert.doesNotThrow(() => parseDialerEvent(proxy));
    assert.equal(parseDialerEvent(proxy).ok, false);
  });

  it('is published as JSON Schema made from the same schemas', () => {
    const schema = protocolJsonSchema() as {definitions: Record<string, {oneOf?: unknown[]; anyOf?: unknown[]}>};
    const variants = (name: string) => (schema.definitions[name].oneOf ?? schema.definitions[name].anyOf ?? []).length;
    assert.equal(variants('event'), 16);
    assert.equal(variants('command'), 12);
    assert.ok(JSON.stringify(schema).includes('"contact-offered"'));
  });

  it('commands carry the protocol version', () => {
    assert.equal(parseDialerCommand({type: 'skip', v: PROTOCOL_VERSION, offerId: 'o1', source: 'agent'}).ok, true);
    assert.equal(parseDialerCommand({type: 'skip', offerId: 'o1', source: 'agent'}).ok, false);
  });
});
