import {en} from './en.js';
import type {Messages} from './messages.js';
import {isolate, type Isolated} from './isolate.js';

export type {Messages, MessageOverrides} from './messages.js';
export {formatDuration, formatCount} from './format.js';
export {isolate, isolateLtr, type Isolated} from './isolate.js';
export {epochToZonedTime, zonedTimeToEpoch} from './zoned-time.js';

/** The languages at hand: English from the start, the others once loaded or registered. */
const catalogs = new Map<string, Messages>([['en', en]]);

/**
 * The languages the kit ships beyond English, each in a module of its own
 * that is loaded the first time a language needs it (a chunk of the bundle).
 */
const loadPortuguese = () => import('./pt-BR.js').then((m) => m.ptBR);
const shipped = new Map<string, () => Promise<Messages>>([
  ['pt-br', loadPortuguese],
  ['pt', loadPortuguese],
  ['ar', () => import('./ar.js').then((m) => m.ar)],
]);
const loading = new Map<string, Promise<Messages>>();

/** The catalog a BCP 47 tag names: exact match, then its language (registered or shipped), then English. */
function catalogKey(lang: string | null | undefined): string {
  const tag = (lang ?? '').toLowerCase();
  for (const key of [tag, tag.split('-')[0]]) if (catalogs.has(key) || shipped.has(key)) return key;
  return 'en';
}

/** Adds or replaces a language (e.g. `registerMessages('es', es)`); it wins over the kit's own, loaded or not. */
export function registerMessages(lang: string, messages: Messages): void {
  catalogs.set(lang.toLowerCase(), messages);
}

/**
 * The catalog for a BCP 47 tag: exact match, then its language, then
 * English. Synchronous: for a language the kit ships but has not loaded yet
 * (pt-BR, ar: see `loadMessages`) it gives English and starts loading it,
 * so that a later call finds it.
 */
export function messagesFor(lang: string | null | undefined): Messages {
  const loaded = loadedMessages(lang);
  if (loaded) return loaded;
  loadMessages(lang).catch(() => undefined);
  return en;
}

/** The catalog for a tag if it is at hand now; `undefined` while a language the kit ships still has to be loaded. */
export function loadedMessages(lang: string | null | undefined): Messages | undefined {
  return catalogs.get(catalogKey(lang));
}

/**
 * Loads the catalog for a BCP 47 tag if needed and resolves with it; from
 * then on `messagesFor(lang)` gives it synchronously. Resolves at once for
 * English, a registered language or one already loaded (an unknown tag
 * resolves with English); rejects if the module could not be loaded (the
 * next call tries again).
 */
export function loadMessages(lang: string | null | undefined): Promise<Messages> {
  const key = catalogKey(lang);
  const loaded = catalogs.get(key);
  if (loaded) return Promise.resolve(loaded);
  let pending = loading.get(key);
  if (!pending) {
    pending = shipped.get(key)!().then(
      (messages) => {
        loading.delete(key);
        // A language the host registered meanwhile stays.
        if (!catalogs.has(key)) catalogs.set(key, messages);
        return catalogs.get(key)!;
      },
      (error: unknown) => {
        loading.delete(key);
        throw error;
      },
    );
    loading.set(key, pending);
  }
  return pending;
}

/** A failure reason in words: a known CPA result is translated, anything else is shown as the dialer sent it (isolated). */
export function reasonText(msg: Messages, reason: string): Isolated {
  return isolate(Object.hasOwn(msg.cpa, reason) ? msg.cpa[reason as keyof Messages['cpa']] : reason);
}
