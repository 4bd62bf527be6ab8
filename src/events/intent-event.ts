import type {Intent} from '../core/intents.js';

/** The intents an element can raise; `set-agent-state` and `dismiss-notice` are not DOM events. */
export type ElementIntent = Exclude<Intent, {type: 'set-agent-state'} | {type: 'dismiss-notice'}>;

export type IntentEventName = `campaign-${ElementIntent['type']}`;

/**
 * The intent of one type, as the `@fires` tags name it:
 * `CampaignIntentEvent<IntentOf<'accept'>>` is the event of `campaign-accept`.
 */
export type IntentOf<T extends ElementIntent['type']> = Extract<ElementIntent, {type: T}>;

/** Who asked: the agent, or the kit at an offer's deadline (R-C1). */
export type IntentSource = 'agent' | 'timeout';

/**
 * Dispatched before the kit sends a command for the agent's action, or for
 * the timeout action (`detail.source === 'timeout'`). It is cancelable: a host
 * that calls `preventDefault()` vetoes the command (and may send its own).
 * `detail` is the intent, naming the offer, reservation or call it was made on.
 */
export class CampaignIntentEvent<I extends ElementIntent = ElementIntent> extends Event {
  readonly detail: I & {readonly source: IntentSource};

  constructor(intent: I, source: IntentSource = 'agent') {
    super(`campaign-${intent.type}`, {bubbles: true, composed: true, cancelable: true});
    this.detail = {...intent, source};
  }
}

type IntentEvents = {
  [I in ElementIntent as `campaign-${I['type']}`]: CampaignIntentEvent<I>;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends IntentEvents {}
}
