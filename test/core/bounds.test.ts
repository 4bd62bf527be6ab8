/**
 * The protocol's bounds (issue 11, points 1, 4 and 5): every time, duration
 * and deadline the schema takes is one the kit can show and time, and a phone
 * number is shown exactly as it is dialled.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {MAX_DURATION_MS, MAX_EPOCH_MS, PROTOCOL_VERSION, parseDialerCommand, parseDialerEvent} from '../../src/protocol/index.js';
import {protocolJsonSchema} from '../../src/protocol/json-schema.js';
import {campaign, contact, offered} from './fixtures.js';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const WRAP_UP = {codes: [{code: 'sale', label: 'Sale'}], allowNote: false, timeoutMs: 60_000};

const offer = (parts: {offer?: object; campaign?: object; contact?: object} = {}) => ({
  ...offered('o1', {}, T0),
  campaign: {...campaign(), ...parts.campaign},
  contact: {...contact(), ...parts.contact},
  ...parts.offer,
});

/** Every time field of every event, with the value put there. */
const TIME_FIELDS: Record<string, (at: number) => unknown> = {
  'reservation-offered at': (at) => ({type: 'reservation-offered', reservationId: 'r1', campaign: campaign(), at}),
  'contact-offered offeredAt': (offeredAt) => offer({offer: {offeredAt, deadline: null}}),
  'contact-offered deadline': (deadline) => offer({offer: {offeredAt: Math.max(0, deadline - 1_000), deadline}}),
  'contact-offered contact.history at': (at) => offer({contact: {history: [{at, outcome: 'busy'}]}}),
  'call-ended at': (at) => ({type: 'call-ended', callId: 'c1', at}),
};

/** Every duration field. */
const DURATION_FIELDS: Record<string, (ms: number) => unknown> = {
  'campaign.timeoutMs': (timeoutMs) => offer({campaign: {timeoutMs}, offer: {deadline: null}}),
  'campaign.wrapUp.timeoutMs': (timeoutMs) => offer({campaign: {wrapUp: {...WRAP_UP, timeoutMs}}}),
  'reservation campaign.timeoutMs': (timeoutMs) => ({
    type: 'reservation-offered',
    reservationId: 'r1',
    campaign: campaign({timeoutMs}),
    at: T0,
  }),
};

const refusal = (input: unknown): string => {
  const result = parseDialerEvent(input);
  return result.ok ? '' : result.error;
};

describe('protocol bounds: times', () => {
  it('MAX_EPOCH_MS is the last millisecond of the year 9999, and it formats', () => {
    assert.equal(MAX_EPOCH_MS, Date.UTC(9999, 11, 31, 23, 59, 59, 999));
    assert.equal(new Date(MAX_EPOCH_MS).toISOString(), '9999-12-31T23:59:59.999Z');
    assert.doesNotThrow(() =>
      new Intl.DateTimeFormat('en', {dateStyle: 'full', timeStyle: 'full', timeZone: 'Pacific/Kiritimati'}).format(MAX_EPOCH_MS),
    );
  });

  for (const [name, make] of Object.entries(TIME_FIELDS)) {
    it(`${name}: takes 0 and MAX_EPOCH_MS, refuses anything later`, () => {
      assert.equal(refusal(make(0)), '', 'the epoch');
      assert.equal(refusal(make(MAX_EPOCH_MS)), '', 'the end of the year 9999');
      for (const late of [MAX_EPOCH_MS + 1, Date.UTC(10_000, 0, 1), 8_640_000_000_000_000, 8.64e15 + 1, Number.MAX_SAFE_INTEGER, 1e300]) {
        assert.match(refusal(make(late)), /Expected <=253402300799999/, `${late}`);
      }
    });
  }

  it('refuses a history entry at 8.64e15, which used to crash the dialog', () => {
    assert.match(refusal(offer({contact: {history: [{at: 8.64e15, outcome: 'busy'}]}})), /^contact\.history\.0\.at: /);
  });
});

describe('protocol bounds: durations', () => {
  for (const [name, make] of Object.entries(DURATION_FIELDS)) {
    it(`${name}: takes 0 to 24 hours, refuses longer`, () => {
      assert.equal(refusal(make(0)), '');
      assert.equal(refusal(make(MAX_DURATION_MS)), '');
      for (const long of [MAX_DURATION_MS + 1, 2 ** 31, 1e300]) assert.match(refusal(make(long)), /Expected <=86400000/, `${long}`);
    });
  }
});

describe("protocol bounds: an offer's deadline", () => {
  const at = (deadline: number | null, offeredAt = T0) => offer({offer: {offeredAt, deadline}});

  it('takes no deadline, or one from offeredAt to 24 hours after it', () => {
    for (const deadline of [null, T0, T0 + 1, T0 + 30_000, T0 + MAX_DURATION_MS]) assert.equal(refusal(at(deadline)), '', `${deadline}`);
  });

  it('refuses a deadline before offeredAt, or more than 24 hours after it, naming the field', () => {
    for (const deadline of [T0 - 1, 0, T0 + MAX_DURATION_MS + 1, T0 + 40 * MAX_DURATION_MS]) {
      assert.equal(refusal(at(deadline)), 'deadline: Expected a deadline within 24 hours after offeredAt', `${deadline}`);
    }
  });

  it("takes an offer from the future whose deadline follows it (the store's timer waits in steps)", () => {
    assert.equal(refusal(at(MAX_EPOCH_MS, MAX_EPOCH_MS - 30_000)), '');
  });
});

describe('protocol bounds: phone numbers', () => {
  const SPOOFS: Record<string, string> = {
    'a right-to-left override': '+55 11 \u202E91234-5678',
    'a left-to-right override': '\u202D+55 11 91234-5678',
    'a right-to-left embedding': '+55\u202B 11 91234-5678',
    'a pop directional formatting': '+55 11 91234-5678\u202C',
    'a right-to-left isolate': '\u2067+55 11 91234-5678',
    'a first-strong isolate': '\u2068+55 11 91234-5678',
    'a pop directional isolate': '+55 11 91234-5678\u2069',
    'a left-to-right mark': '\u200E+55 11 91234-5678',
    'a right-to-left mark': '+55 11\u200F 91234-5678',
    'an Arabic letter mark': '+55 11\u061C 91234-5678',
    'a zero-width space': '+55 11\u200B91234-5678',
    'a zero-width joiner': '+55 11\u200D91234-5678',
    'a word joiner': '+55 11\u206091234-5678',
    'a byte order mark': '\uFEFF+55 11 91234-5678',
    'a soft hyphen': '+55 11 91234\u00AD5678',
    'a combining grapheme joiner': '+55 11 9\u034F1234-5678',
    'a Hangul filler': '+55 11 \u316491234-5678',
    'a variation selector': '+55 11 9\uFE0F1234-5678',
    'a tag character': '+55 11 9\u{E0041}1234-5678',
    'a NUL': '+55 11 9\u00001234-5678',
    'an escape': '+55 11 \u001B[31m91234-5678',
    'a newline': '+55 11\n91234-5678',
    'a line separator': '+55 11\u202891234-5678',
    'a paragraph separator': '+55 11\u202991234-5678',
    'a lone surrogate': '+55 11 \uD80091234-5678',
  };
  const MESSAGE = /Expected a phone number without control, bidi or invisible characters/;

  for (const [name, number] of Object.entries(SPOOFS)) {
    it(`refuses ${name} in a number, in events and commands`, () => {
      assert.match(refusal(offer({contact: {phoneNumbers: [{number, label: 'Mobile'}]}})), MESSAGE);
      const accept = parseDialerCommand({type: 'accept', v: PROTOCOL_VERSION, offerId: 'o1', phoneNumber: number, source: 'agent'});
      assert.match(accept.ok ? '' : accept.error, MESSAGE);
      const callback = parseDialerCommand({
        type: 'schedule-callback',
        v: PROTOCOL_VERSION,
        offerId: 'o1',
        at: T0,
        phoneNumber: number,
        backToMe: false,
      });
      assert.match(callback.ok ? '' : callback.error, MESSAGE);
    });
  }

  it('takes the numbers people write', () => {
    for (const number of [
      '+55 11 91234-5678',
      '(11) 3333-4444',
      '+1.555.010.9999',
      '9'.repeat(40),
      '555 0100 x12',
      '*99#',
      '+971 ٥٠ ١٢٣ ٤٥٦٧',
    ]) {
      assert.equal(refusal(offer({contact: {phoneNumbers: [{number}]}})), '', number);
    }
  });

  it("bounds the command's number and callback time like the event's", () => {
    const accept = parseDialerCommand({type: 'accept', v: PROTOCOL_VERSION, offerId: 'o1', phoneNumber: '9'.repeat(41), source: 'agent'});
    assert.equal(accept.ok, false);
    const callback = parseDialerCommand({
      type: 'schedule-callback',
      v: PROTOCOL_VERSION,
      offerId: 'o1',
      at: MAX_EPOCH_MS + 1,
      phoneNumber: '+5511912345678',
      backToMe: false,
    });
    assert.equal(callback.ok, false);
  });
});

describe('protocol bounds in the JSON Schema', () => {
  it('publishes the time and duration bounds as minimum and maximum', () => {
    const text = JSON.stringify(protocolJsonSchema());
    assert.ok(text.includes(`"maximum":${MAX_EPOCH_MS}`), 'times');
    assert.ok(text.includes(`"maximum":${MAX_DURATION_MS}`), 'durations');
    assert.ok(text.includes('Default_Ignorable_Code_Point'), 'the phone number pattern');
    assert.ok(text.includes('at most 24 hours after it'), 'the deadline rule, described');
  });
});
