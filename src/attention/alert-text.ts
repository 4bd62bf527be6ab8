import {defer, from, of, type Observable} from 'rxjs';
import type {Attention} from '../core/attention.js';
import {
  formatDuration,
  isolate,
  isolateLtr,
  loadMessages,
  loadedMessages,
  messagesFor,
  type Isolated,
  type Messages,
} from '../i18n/index.js';

/** What a background alert says: the document title and notification title, and the notification's text. */
export interface AlertText {
  readonly title: string;
  readonly body: string;
}

/**
 * Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko... and their
 * presentation forms) and the bidi controls: text with none of them lays out
 * left to right whatever its values hold, so no isolate is needed.
 */
const BIDI_SENSITIVE =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * A sentence with a value in it, as plain text (a title, a notification).
 * The value is isolated (as in the elements) when the sentence has any
 * right-to-left text or bidi control, the value's own included, so that it
 * cannot reorder the words around it; otherwise it is left bare, because the
 * isolate characters are invisible only where the system draws them as such
 * (a tab strip or a notification server with an old font may show boxes).
 */
function plainSentence<T extends string>(sentence: (value: T) => string, value: string, isolator: (text: string) => T): string {
  // Bare only when the check below shows nothing could be reordered.
  const bare = sentence(value as T);
  return BIDI_SENSITIVE.test(bare) ? sentence(isolator(value)) : bare;
}

/** What to tell the agent about `attention`, in the language of `msg`, at `now` (epoch ms). */
export function alertText(attention: Attention, msg: Messages, lang: string, now: number): AlertText {
  if (attention.kind === 'reservation') {
    return {title: plainSentence<Isolated>(msg.alertReservation, attention.campaignName, isolate), body: msg.alertReservationBody};
  }
  const title = plainSentence<Isolated>(msg.contactOffered, attention.contactName ?? '', isolate);
  const left = attention.deadline === null ? 0 : attention.deadline - now;
  if (attention.timeoutAction === null || left <= 0) return {title, body: msg.alertOfferBody};
  const action = attention.timeoutAction;
  const countdown = plainSentence((time: string) => msg.countdown(action, time), formatDuration(left, 'ceil', lang), isolateLtr);
  return {title, body: `${msg.alertOfferBody}\n${countdown}`};
}

/** The language an element speaks: the `lang` of itself or its nearest ancestor (through shadow roots), or the document's. */
export function languageOf(element: Element): string {
  let tagged: Element | null = null;
  for (let at: Element | null = element; at && !tagged;) {
    tagged = at.closest('[lang]');
    const root = at.getRootNode();
    at = root instanceof ShadowRoot ? root.host : null;
  }
  return tagged?.getAttribute('lang') || element.ownerDocument.documentElement.lang || 'en';
}

/**
 * The messages of `lang` for an alert, loaded first: on subscription, at once
 * when they are at hand (English, a registered language, one an element
 * already loaded), otherwise once loaded (pt-BR and ar load on demand), so
 * that an alert is never said in another language first; English should
 * they fail to load.
 */
export function alertMessages(lang: string): Observable<Messages> {
  return defer(() => {
    const loaded = loadedMessages(lang);
    return loaded ? of(loaded) : from(loadMessages(lang).catch(() => messagesFor(lang)));
  });
}
