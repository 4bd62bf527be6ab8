/**
 * fast-check arbitraries of hostile values: what a getter may throw or an
 * adapter error with, and values that fight back when read, planted at a
 * random place in an otherwise valid event.
 *
 * The arbitraries give plain descriptions, and `thrown` / `hostile` / `plant`
 * make the values from them: fast-check prints and shrinks what it generates,
 * and these values throw when touched.
 */
import fc from 'fast-check';
import type {DialerEvent} from '../../src/protocol/index.js';

/** The kinds of thing a getter throws or an adapter errors with. */
export const THROWN_KINDS = [
  'error',
  'error-with-code',
  'plain-refusal',
  'null-prototype',
  'throwing-message',
  'throwing-to-string',
  'error-subclass-throwing-message',
  'throwing-proxy',
  'revoked-proxy',
  'string',
  'huge-string',
  'huge-message',
  'blank-string',
  'undefined',
  'null',
  'symbol',
  'bigint',
] as const;

export type ThrownKind = (typeof THROWN_KINDS)[number];

export const thrownArb: fc.Arbitrary<ThrownKind> = fc.constantFrom(...THROWN_KINDS);

/** 1,000,000 characters. */
export const MILLION = 1_000_000;

const trap = () => {
  throw new Error('trap');
};

/** A proxy that throws on every trap. */
export function throwingProxy(): object {
  return new Proxy(
    {},
    {
      get: trap,
      has: trap,
      ownKeys: trap,
      getOwnPropertyDescriptor: trap,
      getPrototypeOf: trap,
      set: trap,
      defineProperty: trap,
      deleteProperty: trap,
      isExtensible: trap,
      preventExtensions: trap,
      setPrototypeOf: trap,
      apply: trap,
      construct: trap,
    },
  );
}

/** A proxy already revoked: every operation on it throws a TypeError. */
export function revokedProxy(): object {
  const {proxy, revoke} = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

class ThrowingMessageError extends Error {
  override get message(): string {
    throw Object.create(null);
  }
}

/** A fresh value of the kind. */
export function thrown(kind: ThrownKind): unknown {
  switch (kind) {
    case 'error':
      return new Error('it broke');
    case 'error-with-code':
      return Object.assign(new Error('refused by the dialer'), {code: 'E_REFUSED'});
    case 'plain-refusal':
      return {code: 'E_PLAIN', message: 'a plain refusal'};
    case 'null-prototype':
      return Object.create(null);
    case 'throwing-message':
      return Object.defineProperties(
        {},
        {
          code: {
            get: () => {
              throw new Error('code');
            },
          },
          message: {
            get: () => {
              throw Object.create(null);
            },
          },
          toString: {
            get: () => {
              throw new Error('toString');
            },
          },
        },
      );
    case 'throwing-to-string':
      return {toString: trap, valueOf: trap, [Symbol.toPrimitive]: trap};
    case 'error-subclass-throwing-message':
      return new ThrowingMessageError();
    case 'throwing-proxy':
      return throwingProxy();
    case 'revoked-proxy':
      return revokedProxy();
    case 'string':
      return 'refused as a string';
    case 'huge-string':
      return 'x'.repeat(MILLION);
    case 'huge-message':
      return Object.assign(new Error('m'.repeat(MILLION)), {code: 'c'.repeat(MILLION)});
    case 'blank-string':
      return ' \n ';
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'symbol':
      return Symbol('refused');
    case 'bigint':
      return 10n ** 400n;
  }
}

/** A hostile value, described. */
export type HostileValue =
  | {readonly kind: 'throwing-getter'; readonly thrown: ThrownKind}
  | {readonly kind: 'throwing-proxy' | 'revoked-proxy' | 'null-prototype' | 'symbol' | 'bigint' | 'function'}
  | {readonly kind: 'huge-string'; readonly length: number; readonly char: string}
  | {readonly kind: 'deep'; readonly depth: number};

/** Characters a huge string is made of: plain, markup, a bidi override, a zero-width space, a lone surrogate, NUL. */
const HUGE_CHARS = ['x', 'A', '<', '\u202E', '\u200B', '\uD800', '\u0000'];

export const hostileArb: fc.Arbitrary<HostileValue> = fc.oneof(
  thrownArb.map((kind) => ({kind: 'throwing-getter' as const, thrown: kind})),
  fc.constantFrom(
    {kind: 'throwing-proxy' as const},
    {kind: 'revoked-proxy' as const},
    {kind: 'null-prototype' as const},
    {kind: 'symbol' as const},
    {kind: 'bigint' as const},
    {kind: 'function' as const},
  ),
  fc.record({
    kind: fc.constant('huge-string' as const),
    length: fc.oneof(fc.integer({min: 0, max: 3_000}), fc.integer({min: 3_000, max: MILLION}), fc.constant(MILLION)),
    char: fc.constantFrom(...HUGE_CHARS),
  }),
  fc.record({kind: fc.constant('deep' as const), depth: fc.integer({min: 1, max: 10_000})}),
);

/** A fresh value as described; a throwing getter is made by `plant`, here an object with one. */
export function hostile(value: HostileValue): unknown {
  switch (value.kind) {
    case 'throwing-getter':
      return Object.defineProperty({}, 'type', {
        enumerable: true,
        get: () => {
          throw thrown(value.thrown);
        },
      });
    case 'throwing-proxy':
      return throwingProxy();
    case 'revoked-proxy':
      return revokedProxy();
    case 'null-prototype':
      return Object.assign(Object.create(null), {type: 'contact-offered', offerId: 'np'});
    case 'symbol':
      return Symbol('hostile');
    case 'bigint':
      return 10n ** 400n;
    case 'function':
      return () => 'hostile';
    case 'huge-string':
      return value.char.repeat(value.length);
    case 'deep': {
      let nested: unknown = 'bottom';
      for (let i = 0; i < value.depth; i += 1) nested = {nested};
      return nested;
    }
  }
}

type Slot = readonly [parent: Record<string, unknown>, key: string];

/** Every property of every object and array inside `node`. */
function slotsOf(node: unknown): Slot[] {
  if (node === null || typeof node !== 'object') return [];
  const parent = node as Record<string, unknown>;
  return Object.keys(parent).flatMap((key) => [[parent, key] as const, ...slotsOf(parent[key])]);
}

/**
 * A copy of `event` with the value at its `index`th place (counting every
 * property of every nested object and array, and the event itself) made
 * hostile: replaced by the value, or, for a throwing getter, read through one.
 */
export function plant(event: DialerEvent, index: number, value: HostileValue): unknown {
  const root = structuredClone(event) as Record<string, unknown>;
  const slots = slotsOf(root);
  const at = index % (slots.length + 1);
  if (at === slots.length) return hostile(value);
  const [parent, key] = slots[at];
  if (value.kind === 'throwing-getter') {
    Object.defineProperty(parent, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        throw thrown(value.thrown);
      },
    });
  } else {
    parent[key] = hostile(value);
  }
  return root;
}
