/**
 * The campaign state machine: (state, input, now) -> (state, commands).
 *
 * Pure: no DOM, no timers, no I/O. Time comes in as `now` (epoch ms). The
 * commands it returns are the only way anything reaches a dialer, which is
 * what lets the invariants below be checked exhaustively:
 * - one decision per offer (a refused one may be retried, never doubled);
 * - no command for an offer that is no longer current;
 * - no action the campaign disabled or the dialer cannot perform;
 * - the timeout action is sent by the kit only when the dialer does not
 *   enforce timeouts, and only once.
 */
import type {DialerCommand, DialerEvent} from '../protocol/index.js';
import {callbackProblem} from './callbacks.js';
import type {Intent} from './intents.js';
import {onEvent} from './on-event.js';
import {onIntent, onTick} from './on-intent.js';
import {addNotice, commandRefused, withoutNotice} from './refusals.js';
import type {Capabilities, CampaignState} from './state.js';
import {unchanged, type Transition} from './transition.js';

export type {Transition} from './transition.js';

/** Everything that can happen to the machine. */
export type CoreInput =
  | {readonly kind: 'event'; readonly event: DialerEvent}
  | {readonly kind: 'intent'; readonly intent: Intent}
  /**
   * Time passed: deadlines are checked against `now`. With `hostTakesOver` a
   * host vetoed the kit's timeout action: the offer expires and nothing is sent.
   */
  | {readonly kind: 'tick'; readonly hostTakesOver?: boolean}
  /** An event that failed validation; shown, never applied. */
  | {readonly kind: 'invalid-event'; readonly error: string}
  /** The adapter could not deliver a command. */
  | {readonly kind: 'command-failed'; readonly command: DialerCommand; readonly code: string; readonly message: string}
  /** The dialer's event stream failed or ended. */
  | {readonly kind: 'disconnected'; readonly code: string; readonly message: string}
  /**
   * Whether this page is in charge of the dialer (one tab of several is). A
   * page taking charge starts from what it mirrored, with its own dialer's
   * capabilities; a page that is not sends nothing and handles no deadline.
   */
  | {readonly kind: 'control'; readonly inCharge: boolean; readonly capabilities?: Capabilities}
  /** The state of the tab in charge, shown here read-only. */
  | {readonly kind: 'mirror'; readonly state: CampaignState};

export function transition(state: CampaignState, input: CoreInput, now: number): Transition {
  switch (input.kind) {
    case 'event':
      return onEvent(state, input.event, now);
    case 'intent':
      return onIntent(state, input.intent, now);
    case 'tick':
      return onTick(state, now, input.hostTakesOver ?? false);
    case 'invalid-event':
      return unchanged(addNotice(state, 'invalid-event', null, 'invalid-event', input.error));
    case 'command-failed':
      return unchanged(commandRefused(state, input.command, input.code, input.message));
    case 'control': {
      if (!input.capabilities) return unchanged({...state, inCharge: input.inCharge});
      // A dialer of this tab's own, just connected: what the last tab in charge lost with its line is not lost here.
      const fresh = {...state, inCharge: input.inCharge, capabilities: input.capabilities, connected: true};
      return unchanged(withoutNotice(fresh, 'offline'));
    }
    case 'mirror':
      // Everything the tab in charge shows; this tab's own settings, and not in charge.
      return unchanged(state.inCharge ? state : {...input.state, settings: state.settings, inCharge: false});
    case 'disconnected':
      if (!state.connected) return unchanged(state);
      return unchanged(addNotice({...state, connected: false, requesting: false}, 'stream-error', null, input.code, input.message));
  }
}

/**
 * Why `intent` would send nothing now, or null when it would be carried out:
 * a callback's problem (`past`, `outside-window`, ...), or `not-allowed`.
 */
export function intentProblem(state: CampaignState, intent: Intent, now: number): string | null {
  if (intent.type === 'schedule-callback') {
    const target = 'offerId' in intent ? state.offer : state.call;
    if (target) {
      const problem = callbackProblem(target.campaign, target.contact, intent, now);
      if (problem) return problem;
    }
  }
  if (intent.type === 'dismiss-notice') return state.notices.some((n) => n.id === intent.id) ? null : 'not-allowed';
  if (intent.type === 'take-control') return state.inCharge ? 'not-allowed' : null;
  return transition(state, {kind: 'intent', intent}, now).commands.length > 0 ? null : 'not-allowed';
}
