/**
 * Bidi isolation of the values put into the kit's sentences: a value's own
 * direction, or an override it leaves open, stays inside it and cannot
 * reorder the words around it (Unicode's first-strong and left-to-right
 * isolates, closed by a pop).
 */
const FSI = '\u2068';
const LRI = '\u2066';
const PDI = '\u2069';

/** Keeps a time such as 0:12 left-to-right inside right-to-left text. */
export function isolateLtr(text: string): string {
  return `${LRI}${text}${PDI}`;
}

declare const isolated: unique symbol;

/**
 * Text from the dialer made safe to put into a sentence by `isolate`. The
 * messages take dialer text only as this type, so a value cannot be put into
 * one unisolated.
 */
export type Isolated = string & {readonly [isolated]: true};

/** Isolates a value of any direction (a name, a reason) inside a sentence. */
export function isolate(text: string): Isolated {
  return `${FSI}${text}${PDI}` as Isolated;
}
