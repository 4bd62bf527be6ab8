import type {Notice} from '../core/state.js';

/**
 * Something went wrong that the agent is being shown: a refused command, an
 * event that failed validation, or a stream error. Not cancelable.
 */
export class CampaignErrorEvent extends Event {
  constructor(readonly detail: Notice) {
    super('campaign-error', {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'campaign-error': CampaignErrorEvent;
  }
}
