/**
 * Malformed and hostile dialer input, one class per entry. Each class is sent
 * while a valid offer (`good-1`) is on show; the core and element tests check
 * that nothing throws, that input the protocol refuses becomes a visible
 * error, that no markup gets in, and that the stream keeps working.
 *
 * `events` is a factory: some inputs (proxies, getters, cycles) must be fresh.
 */
import {campaign, contact} from '../core/fixtures.js';
import {FIELDS, NOW as now, type FieldKind} from './fields.js';

export const goodOffer = (offerId: string, overrides: Record<string, unknown> = {}, contactOverrides: Record<string, unknown> = {}) => ({
  type: 'contact-offered',
  offerId,
  campaign: campaign(),
  contact: {...contact(), ...contactOverrides},
  offeredAt: now,
  deadline: now + 30_000,
  ...overrides,
});

/** Markup and script payloads: if any of them became DOM, `window.__pwned` or an element would show it. */
export const SCRIPT = '<script>window.__pwned = 1</script>';
export const IMG = '<img src=x onerror="window.__pwned = 1" data-pwned>';
export const JS_URL = 'javascript:window.__pwned=1';

export interface HostileClass {
  readonly name: string;
  readonly events: () => unknown[];
  /** The protocol refuses at least one of the events: the agent sees an "invalid event" error. */
  readonly refused: boolean;
}

const offerWith = (overrides: Record<string, unknown>) => () => [goodOffer('bad', overrides)];
const contactWith = (overrides: Record<string, unknown>) => () => [goodOffer('bad', {}, overrides)];
const campaignWith = (overrides: Record<string, unknown>) => () => [goodOffer('bad', {campaign: {...campaign(), ...overrides}})];

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i += 1) value = {value};
  return value;
}

function cycle(): unknown {
  const event: Record<string, unknown> = goodOffer('bad');
  (event.contact as Record<string, unknown>).self = event;
  (event.contact as Record<string, unknown>).details = [{label: 'loop', value: event}];
  return event;
}

function throwingGetter(): unknown {
  const event = goodOffer('bad');
  Object.defineProperty(event, 'offerId', {
    enumerable: true,
    get: () => {
      throw new Error('getter');
    },
  });
  return event;
}

/** A getter that throws something with no usable `toString`. */
function throwingUnreadable(): unknown {
  const event = goodOffer('bad');
  Object.defineProperty(event, 'contact', {
    enumerable: true,
    get: () => {
      throw Object.create(null);
    },
  });
  return event;
}

function revokedProxy(): unknown {
  const {proxy, revoke} = Proxy.revocable({}, {});
  revoke();
  return {...goodOffer('bad'), contact: proxy};
}

function throwingProxy(): unknown {
  const trap = () => {
    throw new Error('proxy');
  };
  return new Proxy({}, {get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap});
}

/** A hostile value of a kind of field, and whether the protocol must refuse it. */
interface HostileValue {
  readonly name: string;
  readonly value: unknown;
  readonly refused: boolean;
}

const HUGE = 'A'.repeat(1_000_000);

/** Dialer text that would reverse what follows it: unbalanced overrides, embeddings and isolates. */
export const BIDI_SPOOFS: readonly HostileValue[] = [
  {name: 'an unbalanced right-to-left override', value: '\u202Eαβγ δεζ', refused: false},
  {name: 'an unbalanced right-to-left embedding', value: 'αβγ\u202B δεζ', refused: false},
  {name: 'an unclosed right-to-left isolate', value: '\u2067αβγ δεζ', refused: false},
];

/** 2,000 characters with nowhere to break (the most the protocol takes). */
export const UNBROKEN = 'W'.repeat(2_000);

const VALUES: Record<FieldKind, readonly HostileValue[]> = {
  text: [
    ...BIDI_SPOOFS,
    {name: 'a 2,000-character unbroken value', value: UNBROKEN, refused: false},
    {name: 'a one-million-character value', value: HUGE, refused: true},
  ],
  id: [
    {name: 'an unbalanced right-to-left override', value: '\u202Eid-1', refused: false},
    {name: 'a one-million-character value', value: HUGE, refused: true},
  ],
  number: [
    {name: 'a right-to-left override inside', value: '+55 11 \u202E91234-5678', refused: true},
    {name: 'a left-to-right mark', value: '\u200E+55 11 91234-5678', refused: true},
    {name: 'a zero-width space', value: '+55 11\u200B91234-5678', refused: true},
    {name: 'a pop-directional isolate', value: '+55 11 91234-5678\u2069', refused: true},
    {name: 'a NUL', value: '+55 11 9\u00001234-5678', refused: true},
    {name: 'a 40-digit number', value: '9'.repeat(40), refused: false},
    {name: 'a one-million-character value', value: HUGE, refused: true},
  ],
  time: [
    {name: 'beyond what Date can represent', value: 8_640_000_000_000_001, refused: true},
    {name: 'in the year 10,000', value: Date.UTC(10_000, 0, 1), refused: true},
    {name: 'the largest safe integer', value: Number.MAX_SAFE_INTEGER, refused: true},
  ],
  duration: [
    {name: "longer than the platform's longest timer (2^31 ms)", value: 2 ** 31, refused: true},
    {name: '1e300 ms', value: 1e300, refused: true},
    {name: 'a full day', value: 86_400_000, refused: false},
  ],
};

/** Each hostile value of its kind, in every field of every event. */
function perField(): HostileClass[] {
  return FIELDS.flatMap((field) =>
    VALUES[field.kind].map(({name, value, refused}) => ({name: `${field.name}: ${name}`, events: () => field.events(value), refused})),
  );
}

const refused = (name: string, events: () => unknown[]): HostileClass => ({name, events, refused: true});
const ignored = (name: string, events: () => unknown[]): HostileClass => ({name, events, refused: false});

export const HOSTILE_CORPUS: readonly HostileClass[] = [
  // Not an event at all
  refused('null', () => [null]),
  refused('undefined', () => [undefined]),
  refused('a number', () => [42]),
  refused('a string of markup', () => [IMG]),
  refused('an array', () => [[goodOffer('bad')]]),
  refused('a BigInt', () => [10n]),
  refused('a Symbol', () => [Symbol('event')]),
  refused('a function', () => [() => goodOffer('bad')]),
  // Types
  refused('no type', offerWith({type: undefined})),
  refused('an unknown type', offerWith({type: 'contact-exploded'})),
  refused('a type in the wrong case', offerWith({type: 'Contact-Offered'})),
  refused('a numeric type', offerWith({type: 7})),
  refused('another protocol version', offerWith({v: 2})),
  // Identifiers
  refused('a missing offerId', offerWith({offerId: undefined})),
  refused('a numeric offerId', offerWith({offerId: 12})),
  refused('an empty offerId', offerWith({offerId: ''})),
  refused('a 10,000-character offerId', offerWith({offerId: 'x'.repeat(10_000)})),
  // Times
  refused('a negative deadline', offerWith({deadline: -1})),
  refused('a NaN deadline', offerWith({deadline: Number.NaN})),
  refused('an infinite deadline', offerWith({deadline: Number.POSITIVE_INFINITY})),
  refused('a fractional offeredAt', offerWith({offeredAt: now + 0.5})),
  refused('a Date object for offeredAt', offerWith({offeredAt: new Date(now)})),
  refused('a string timestamp', offerWith({offeredAt: String(now)})),
  refused('a deadline in the year 275,000', offerWith({deadline: 8_639_999_999_999_999})),
  ignored('an offer from the future', offerWith({offeredAt: now + 86_400_000 * 365, deadline: now + 86_400_000 * 366})),
  refused('a deadline before the offer', offerWith({deadline: now - 1})),
  refused('a deadline more than a day after the offer', offerWith({deadline: now + 86_400_001})),
  // Campaign
  refused('no campaign', offerWith({campaign: undefined})),
  refused('an unknown mode', campaignWith({mode: 'turbo'})),
  refused('a negative timeout', campaignWith({timeoutMs: -5})),
  refused('a NaN timeout', campaignWith({timeoutMs: Number.NaN})),
  refused('a string boolean', campaignWith({allowSkip: 'false'})),
  refused('a calling window at 25:99', campaignWith({callingWindow: {start: '25:99', end: '18:00', enforce: true}})),
  refused('a 3,000-character campaign name', campaignWith({name: 'n'.repeat(3_000)})),
  // Contact
  refused('no phone number', contactWith({phoneNumbers: []})),
  refused('phone numbers that are not a list', contactWith({phoneNumbers: '+1 555'})),
  refused('10,000 phone numbers', contactWith({phoneNumbers: Array.from({length: 10_000}, (_, i) => ({number: String(i)}))})),
  refused('10,000 detail fields', contactWith({details: Array.from({length: 10_000}, (_, i) => ({label: `l${i}`, value: 'v'}))})),
  refused('a one-megabyte name', contactWith({name: 'A'.repeat(1_000_000)})),
  refused('an object nested 10,000 deep', contactWith({details: [{label: 'deep', value: deep(10_000)}]})),
  refused('a cycle', () => [cycle()]),
  refused('an unknown time zone', contactWith({timeZone: 'Mars/Olympus_Mons'})),
  // Objects that fight back
  refused('a throwing getter', () => [throwingGetter()]),
  refused('a proxy that throws on every trap', () => [throwingProxy()]),
  refused('a getter that throws a null-prototype object', () => [throwingUnreadable()]),
  refused('a revoked proxy', () => [revokedProxy()]),
  ignored('a __proto__ key', () => [JSON.parse(`{"type":"agent-state","state":"available","__proto__":{"polluted":true}}`)]),
  ignored('unknown extra fields', offerWith({offerId: 'extra', extra: {nested: [1, 2, 3]}, onclick: 'window.__pwned=1'})),
  // Markup and script in every text field
  ignored('markup in the contact name', contactWith({name: IMG})),
  ignored('script in a detail label and value', contactWith({details: [{label: SCRIPT, value: IMG}]})),
  ignored('markup in the campaign name', campaignWith({name: `${IMG}Renewals`})),
  ignored('a javascript: URL as the phone number', contactWith({phoneNumbers: [{number: JS_URL.slice(0, 40), label: IMG}]})),
  ignored('markup in an error message', () => [{type: 'action-failed', action: 'accept', offerId: 'good-1', code: IMG, message: SCRIPT}]),
  ignored('markup in the limit reason', () => [{type: 'limit-reached', scope: 'tenant', code: SCRIPT, message: IMG}]),
  ignored('markup in the stream error', () => [{type: 'stream-error', code: IMG, message: SCRIPT}]),
  ignored('markup in an attempt outcome', contactWith({history: [{at: now - 1000, outcome: IMG, disposition: SCRIPT}]})),
  ignored('markup in skip reasons', campaignWith({skipReasons: {required: false, reasons: [{code: 'x', label: IMG}]}})),
  // Text that misleads the eye
  ignored('a right-to-left override in the name', contactWith({name: 'Maria \u202Egnp.exe\u202C Oliveira'})),
  ignored('zero-width characters in the name', contactWith({name: 'M\u200Ba\u200Cr\u200Di\uFEFFa'})),
  ignored('a flood of combining marks', contactWith({name: `Z${'\u0336\u0337\u0338'.repeat(300)}`})),
  ignored('a lone surrogate', contactWith({name: 'Ana \uD800 Souza'})),
  ignored('NUL and control characters', contactWith({name: 'Ana\u0000\u0007\u001B[31m Souza\r\n'})),
  // Out of place, late, repeated
  ignored('the same offer twice', () => [goodOffer('twice'), goodOffer('twice')]),
  ignored('an offer withdrawn that was never offered', () => [{type: 'offer-withdrawn', offerId: 'ghost', reason: 'withdrawn'}]),
  ignored('call progress for an unknown offer', () => [
    {type: 'call-progress', offerId: 'ghost', callId: 'ghost-call', phase: 'connected'},
  ]),
  ignored('a CPA result for an unknown call', () => [{type: 'cpa-result', callId: 'ghost-call', result: 'live-voice'}]),
  ignored('a call that ends twice', () => [
    {type: 'call-ended', callId: 'ghost-call'},
    {type: 'call-ended', callId: 'ghost-call'},
  ]),
  ignored('an answer for an unknown reservation', () => [{type: 'reservation-answered', reservationId: 'ghost'}]),
  ignored('a limit cleared that was never reached', () => [{type: 'limit-cleared'}, {type: 'limit-cleared'}]),
  refused('10,000 invalid events in a row', () => Array.from({length: 10_000}, (_, i) => ({type: 'contact-offered', offerId: i}))),
  ignored('5,000 valid events in a row', () => Array.from({length: 5_000}, (_, i) => goodOffer(`burst-${i}`))),
  ...perField(),
];
