import type {AgentState} from '../protocol/index.js';
import type {CallbackRequest} from './callbacks.js';

/**
 * What the agent asked for. Intents name the offer, reservation or call they
 * were made on, so that one made on something no longer current is dropped.
 */
export type Intent =
  | {readonly type: 'request-contact'}
  | {readonly type: 'answer-reservation'; readonly reservationId: string}
  | {readonly type: 'accept'; readonly offerId: string; readonly phoneNumber?: string}
  | {readonly type: 'skip'; readonly offerId: string; readonly reason?: string}
  | {readonly type: 'remove'; readonly offerId: string; readonly doNotCall?: boolean}
  | {readonly type: 'leave'; readonly offerId: string}
  | {readonly type: 'cancel-call'; readonly callId: string}
  /** Hang up a call that was answered (protocol 1.2). */
  | {readonly type: 'end-call'; readonly callId: string}
  | {readonly type: 'voicemail-left'; readonly callId: string}
  | {readonly type: 'set-disposition'; readonly callId: string; readonly code: string; readonly note?: string}
  /** From the preview (name the offer) or the wrap-up (name the call). */
  | ({readonly type: 'schedule-callback'} & ({readonly offerId: string} | {readonly callId: string}) & CallbackRequest)
  | {readonly type: 'set-agent-state'; readonly state: AgentState; readonly reason?: string}
  | {readonly type: 'dismiss-notice'; readonly id: number}
  /** Move control of the agent's dialer to this tab, from the tab in charge ("Use here"). */
  | {readonly type: 'take-control'};

export type IntentType = Intent['type'];

/** The decision the kit is about to take for the agent when an offer times out (R-C1). */
export interface TimeoutIntent {
  readonly type: 'accept' | 'skip' | 'remove';
  readonly offerId: string;
}
