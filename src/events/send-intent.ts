import type {CampaignStore} from '../store/campaign-store.js';
import {CampaignIntentEvent, type ElementIntent} from './intent-event.js';

/**
 * Announces the agent's intent as a cancelable DOM event from `target`; unless
 * a host vetoes it, hands it to the store (when there is one). An intent the
 * store would drop (a double click, an offer already gone) raises no event.
 * Returns whether the intent went ahead.
 */
export function sendIntent(target: EventTarget, store: CampaignStore | undefined, intent: ElementIntent): boolean {
  if (store && !store.accepts(intent)) return false;
  const proceed = target.dispatchEvent(new CampaignIntentEvent(intent));
  if (proceed) store?.dispatch(intent);
  return proceed;
}
