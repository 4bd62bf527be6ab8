import type {Subscription} from 'rxjs';
import type {CampaignStore} from '../store/campaign-store.js';
import {CampaignErrorEvent} from '../events/error-event.js';
import {CampaignIntentEvent} from '../events/intent-event.js';

/**
 * Turns a store's notices and planned timeouts into DOM events, once per
 * store whatever is mounted: `campaign-error` for each notice, and the
 * cancelable intent event with `detail.source: 'timeout'` before each timeout
 * action (a host that cancels it takes the action over). The events come from
 * the first connected element that provides the store (`<campaign-provider>`,
 * or the host given to `provideCampaignStore`); shared by every copy of the
 * kit on the page.
 */
interface Bridge {
  readonly hosts: HTMLElement[];
  readonly subscription: Subscription;
}

const KEY = Symbol.for('campaign-preview-kit/store-bridges');

function bridges(): WeakMap<CampaignStore, Bridge> {
  const holder = globalThis as unknown as Record<symbol, WeakMap<CampaignStore, Bridge> | undefined>;
  return (holder[KEY] ??= new WeakMap());
}

/** The element the store's events come from: the first connected of its providers, in the order they connected. */
function dispatcher(bridge: Bridge): HTMLElement {
  return bridge.hosts.find((host) => host.isConnected) ?? bridge.hosts[0];
}

/** Makes `host` one of the elements that provide `store`. Returns a function that withdraws it. */
export function bridgeStore(store: CampaignStore, host: HTMLElement): () => void {
  const all = bridges();
  let bridge = all.get(store);
  if (!bridge) {
    const hosts: HTMLElement[] = [];
    const created: Bridge = {hosts, subscription: store.notices$.subscribe((notice) => dispatcher(created).dispatchEvent(new CampaignErrorEvent(notice)))};
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
  return () => {
    const index = current.hosts.indexOf(host);
    if (index < 0) return;
    current.hosts.splice(index, 1);
    if (current.hosts.length === 0) {
      current.subscription.unsubscribe();
      all.delete(store);
    }
  };
}
