import type {Intent} from '../core/intents.js';

/** The intents an element can raise; `set-agent-state` and `dismiss-notice` are not DOM events. */
export type ElementIntent = Exclude<Intent, {type: 'set-agent-state'} | {type: 'dismiss-notice'}>;

export type IntentEventName = `campaign-${ElementIntent['type']}`;

/**
 * Dispatched before the kit sends a command for the agent's action. It is
 * cancelable: a host that calls `preventDefault()` vetoes the command (and may
 * send its own). `detail` is the intent, naming the offer, reservation or call
 * it was made on.
 */
export class CampaignIntentEvent<I extends ElementIntent = ElementIntent> extends Event {
  constructor(readonly detail: I) {
    super(`campaign-${detail.type}`, {bubbles: true, composed: true, cancelable: true});
  }
}

type IntentEvents = {
  [I in ElementIntent as `campaign-${I['type']}`]: CampaignIntentEvent<I>;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends IntentEvents {}
}
