import {en} from './en.js';
import {ptBR} from './pt-BR.js';
import {ar} from './ar.js';
import type {Messages} from './messages.js';
import {isolate, type Isolated} from './isolate.js';

export type {Messages, MessageOverrides} from './messages.js';
export {formatDuration, formatCount} from './format.js';
export {isolate, isolateLtr, type Isolated} from './isolate.js';
export {epochToZonedTime, zonedTimeToEpoch} from './zoned-time.js';

const catalogs = new Map<string, Messages>([
  ['en', en],
  ['pt-br', ptBR],
  ['pt', ptBR],
  ['ar', ar],
]);

/** Adds or replaces a language (e.g. `registerMessages('es', es)`). */
export function registerMessages(lang: string, messages: Messages): void {
  catalogs.set(lang.toLowerCase(), messages);
}

/** The catalog for a BCP 47 tag: exact match, then its language, then English. */
export function messagesFor(lang: string | null | undefined): Messages {
  const tag = (lang ?? '').toLowerCase();
  return catalogs.get(tag) ?? catalogs.get(tag.split('-')[0]) ?? en;
}

/** A failure reason in words: a known CPA result is translated, anything else is shown as the dialer sent it (isolated). */
export function reasonText(msg: Messages, reason: string): Isolated {
  return isolate(Object.hasOwn(msg.cpa, reason) ? msg.cpa[reason as keyof Messages['cpa']] : reason);
}
