import type {Subscription} from 'rxjs';
import type {CampaignStore} from '../store/campaign-store.js';
import {alertInBackground, type BackgroundAlertOptions} from '../attention/background-alerts.js';
import {CampaignErrorEvent} from '../events/error-event.js';
import {CampaignIntentEvent} from '../events/intent-event.js';

/**
 * Turns a store's notices and planned timeouts into DOM events, once per
 * store whatever is mounted: `campaign-error` for each notice, and the
 * cancelable intent event with `detail.source: 'timeout'` before each timeout
 * action (a host that cancels it takes the action over). The events come from
 * the first connected element that provides the store (`<campaign-provider>`,
 * or the host given to `provideCampaignStore`); shared by every copy of the
 * kit on the page. The background alerts (`alertInBackground`) run once per
 * store too, as that same first provider asks.
 */
interface Bridge {
  readonly hosts: HTMLElement[];
  readonly subscription: Subscription;
}

/** The background alerts each provider of a store asks for, and those running. */
interface Alerts {
  readonly wanted: Map<HTMLElement, BackgroundAlertOptions | null>;
  running: {readonly host: HTMLElement; readonly options: BackgroundAlertOptions; readonly stop: () => void} | null;
}

const KEY = Symbol.for('campaign-preview-kit/store-bridges');
// Apart from the bridges, whose shape every copy of the kit shares.
const ALERTS_KEY = Symbol.for('campaign-preview-kit/store-alerts');

function registry<T>(key: symbol): WeakMap<CampaignStore, T> {
  const holder = globalThis as unknown as Record<symbol, WeakMap<CampaignStore, T> | undefined>;
  return (holder[key] ??= new WeakMap());
}

const bridges = () => registry<Bridge>(KEY);
const alerts = () => registry<Alerts>(ALERTS_KEY);

/** The element the store's events come from: the first connected of its providers, in the order they connected. */
function dispatcher(bridge: Bridge): HTMLElement {
  return bridge.hosts.find((host) => host.isConnected) ?? bridge.hosts[0];
}

function sameOptions(a: BackgroundAlertOptions, b: BackgroundAlertOptions | null): boolean {
  return b !== null && a.title === b.title && a.notification === b.notification && a.ring === b.ring && a.scheduler === b.scheduler;
}

/** Runs the background alerts the store's first provider asks for; restarts them only when those change. */
function reconcileAlerts(store: CampaignStore): void {
  const entry = alerts().get(store);
  if (!entry) return;
  if (entry.wanted.size === 0) alerts().delete(store);
  const bridge = bridges().get(store);
  const host = bridge && bridge.hosts.length > 0 ? dispatcher(bridge) : undefined;
  const options = host ? (entry.wanted.get(host) ?? null) : null;
  const running = entry.running;
  if (running ? running.host === host && sameOptions(running.options, options) : !options) return;
  running?.stop();
  entry.running = host && options ? {host, options, stop: alertInBackground(store, host, options)} : null;
}

/**
 * Makes `host` one of the elements that provide `store`, asking for the
 * background alerts `options` (`null`: none). Returns a function that
 * withdraws it.
 */
export function bridgeStore(store: CampaignStore, host: HTMLElement, options: BackgroundAlertOptions | null = null): () => void {
  const all = bridges();
  let bridge = all.get(store);
  if (!bridge) {
    const hosts: HTMLElement[] = [];
    const created: Bridge = {
      hosts,
      subscription: store.notices$.subscribe((notice) => dispatcher(created).dispatchEvent(new CampaignErrorEvent(notice))),
    };
    created.subscription.add(
      store.timeouts$.subscribe((planned) => {
        const proceed = dispatcher(created).dispatchEvent(new CampaignIntentEvent(planned.intent, 'timeout'));
        if (!proceed) planned.takeOver();
      }),
    );
    bridge = created;
    all.set(store, bridge);
  }
  const current = bridge;
  current.hosts.push(host);
  setBridgedAlerts(store, host, options);
  return () => {
    const index = current.hosts.indexOf(host);
    if (index < 0) return;
    current.hosts.splice(index, 1);
    alerts().get(store)?.wanted.delete(host);
    if (current.hosts.length === 0) {
      current.subscription.unsubscribe();
      all.delete(store);
    }
    reconcileAlerts(store);
  };
}

/** Changes the background alerts `host`, one of the providers of `store`, asks for (`null`: none). */
export function setBridgedAlerts(store: CampaignStore, host: HTMLElement, options: BackgroundAlertOptions | null): void {
  let entry = alerts().get(store);
  if (!entry) {
    entry = {wanted: new Map(), running: null};
    alerts().set(store, entry);
  }
  entry.wanted.set(host, options);
  reconcileAlerts(store);
}
