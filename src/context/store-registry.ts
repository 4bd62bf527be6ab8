import type {CampaignStore} from '../store/campaign-store.js';

/**
 * A page-wide register of campaign stores by name, for hosts that cannot hand
 * a store to each provider (a desktop layout that places the elements in
 * several areas, such as Webex Contact Center Desktop). Shared by every copy
 * of the kit on the page.
 */
interface Registry {
  readonly stores: Map<string, CampaignStore>;
  readonly changes: EventTarget;
}

const KEY = Symbol.for('campaign-preview-kit/store-registry');

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[KEY] ??= {stores: new Map(), changes: new EventTarget()});
}

/** Makes `store` the one `<campaign-provider store-name="name">` provides. Returns a function that withdraws it. */
export function registerCampaignStore(store: CampaignStore, name = 'default'): () => void {
  const {stores, changes} = registry();
  stores.set(name, store);
  changes.dispatchEvent(new Event(name));
  return () => {
    if (stores.get(name) !== store) return;
    stores.delete(name);
    changes.dispatchEvent(new Event(name));
  };
}

/** Calls `callback` with the store registered under `name` now and on every change, until the returned function is called. */
export function watchCampaignStore(name: string, callback: (store: CampaignStore | undefined) => void): () => void {
  const {stores, changes} = registry();
  const notify = () => callback(stores.get(name));
  changes.addEventListener(name, notify);
  notify();
  return () => changes.removeEventListener(name, notify);
}
