import {
  EMPTY,
  Observable,
  asyncScheduler,
  combineLatest,
  distinctUntilChanged,
  endWith,
  map,
  scan,
  switchMap,
  type SchedulerLike,
} from 'rxjs';
import {selectAttention, type Attention} from '../core/attention.js';
import {focusStoreElement} from '../controllers/focus-handoff-controller.js';
import type {Messages} from '../i18n/index.js';
import type {CampaignStore} from '../store/campaign-store.js';
import {alertMessages, alertText, languageOf} from './alert-text.js';
import {showNotification} from './desktop-notification.js';
import {pageAway$} from './page-visibility.js';
import {RingTone} from './ring-tone.js';
import {flashTitle, prefersReducedMotion} from './title-alert.js';

/** How a page in the background tells the agent that a reservation call or a contact arrived. */
export interface BackgroundAlertOptions {
  /** The document title says it, flashing once a second (still under reduced motion). Default true. */
  readonly title?: boolean;
  /**
   * A desktop notification, when the agent granted the permission (see
   * `requestAlertPermission`; the kit never asks by itself). Clicking it
   * brings the agent to the Campaign contact dialog. Default false.
   */
  readonly notification?: boolean;
  /** A short two-tone ring every 2.5 s, made with Web Audio. Default false. */
  readonly ring?: boolean;
  /** Time for the title's flashing and the ring's repetition (default `asyncScheduler`). */
  readonly scheduler?: SchedulerLike;
}

/** The alert tokens of `<campaign-provider alerts>`. */
export const ALERT_TOKENS = ['title', 'notification', 'ring'] as const;
export type AlertToken = (typeof ALERT_TOKENS)[number];

/**
 * Options from a space-separated list of `title`, `notification`, `ring`:
 * `''` or `none` turn every alert off, `null` or `undefined` give the default
 * (`title`); other words are ignored.
 */
export function alertsFromTokens(tokens: string | null | undefined): BackgroundAlertOptions {
  if (tokens === null || tokens === undefined) return {title: true, notification: false, ring: false};
  const words = new Set(tokens.toLowerCase().split(/\s+/));
  return {title: words.has('title'), notification: words.has('notification'), ring: words.has('ring')};
}

interface Watch {
  readonly attention: Attention | null;
  readonly away: boolean;
  /** The agent was on the page while this attention waited: it has been seen, and is never alerted. */
  readonly seen: boolean;
}

function watch(previous: Watch, [attention, away]: [Attention | null, boolean]): Watch {
  const same = attention !== null && attention.key === previous.attention?.key;
  return {attention, away, seen: attention !== null && (!away || (same && previous.seen))};
}

/**
 * Tells the agent, while the page is hidden or not focused, about a
 * reservation call to answer or a contact to decide on that arrives then
 * (`selectAttention`): the title, a desktop notification, a ring, as
 * `options` say. Nothing happens while the page is visible and focused, nor
 * for what arrived while it was (the agent has seen it). What is on stops,
 * the title put back, the notification closed, the ring silenced, as soon
 * as the agent is back on the page, or what it was about is over (answered,
 * decided, withdrawn, timed out), or something else replaces it. The words
 * are in the language of `host` (its `lang` or its nearest ancestor's).
 * Returns a function that stops it all.
 */
export function alertInBackground(store: CampaignStore, host: Element, options: BackgroundAlertOptions = {}): () => void {
  const title = options.title ?? true;
  const notification = options.notification ?? false;
  const scheduler = options.scheduler ?? asyncScheduler;
  const ring = (options.ring ?? false) ? new RingTone(scheduler) : null;
  if (!title && !notification && !ring) return () => undefined;
  const doc = host.ownerDocument;

  const alert = (attention: Attention, lang: string, msg: Messages) =>
    new Observable<never>(() => {
      const text = alertText(attention, msg, lang, store.now());
      const stops: (() => void)[] = [];
      if (title) stops.push(flashTitle(doc, text.title, {scheduler, still: () => prefersReducedMotion(doc)}));
      if (notification) {
        const onClick = () => {
          doc.defaultView?.focus();
          focusStoreElement(store, 'preview');
        };
        stops.push(showNotification({...text, tag: `campaign-preview-kit:${attention.key}`, lang, onClick}));
      }
      if (ring) {
        ring.start();
        stops.push(() => ring.stop());
      }
      return () => stops.forEach((stop) => stop());
    });

  const initial: Watch = {attention: null, away: false, seen: false};
  // A disposed store (its state completes) needs nothing more.
  const attention$ = store.state$.pipe(map(selectAttention), endWith(null));
  const subscription = combineLatest([attention$, pageAway$(doc)])
    .pipe(
      scan(watch, initial),
      map((w) => (w.away && !w.seen ? w.attention : null)),
      distinctUntilChanged((a, b) => a?.key === b?.key),
      // In the host's language, loaded first when the kit loads it on demand (at once when it is here).
      switchMap((attention) => {
        if (!attention) return EMPTY;
        const lang = languageOf(host);
        return alertMessages(lang).pipe(switchMap((msg) => alert(attention, lang, msg)));
      }),
    )
    .subscribe();
  return () => {
    subscription.unsubscribe();
    ring?.dispose();
  };
}
