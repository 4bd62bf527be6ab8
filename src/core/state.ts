/**
 * The campaign state the machine keeps. Plain data, no DOM, no timers.
 */
import type {AgentState, Campaign, Contact, CpaResult, DecisionSource, DialerAction, DialerCommandType} from '../protocol/index.js';

/** What a dialer can do, declared by its adapter. */
export interface Capabilities {
  /**
   * The dialer applies a campaign's timeout action itself (as Webex does).
   * When true the kit never sends the auto action; it only shows the countdown.
   */
  readonly enforcesTimeout: boolean;
  /** The commands this dialer can perform; anything else is never offered. */
  readonly actions: readonly DialerCommandType[];
}

export type Decision = 'accept' | 'skip' | 'remove' | 'leave';

export interface Reservation {
  readonly reservationId: string;
  readonly campaign: Campaign;
  readonly at: number;
  readonly answered: boolean;
  /** The answer command is on its way. */
  readonly answering: boolean;
}

export interface Offer {
  readonly offerId: string;
  readonly campaign: Campaign;
  readonly contact: Contact;
  /** When the preview started: the reservation call, or the offer itself (R-U3). */
  readonly startedAt: number;
  readonly deadline: number | null;
  /** The one decision taken for this offer, if any, and by whom. */
  readonly decision: {readonly action: Decision; readonly source: DecisionSource} | null;
  /** The deadline passed; a dialer that enforces timeouts is acting on it. */
  readonly expired: boolean;
  /**
   * The deadline was handled, once: the kit sent the timeout action, a host
   * took it over, the dialer enforces it, or nothing could be done. The kit
   * never acts on this offer's deadline again; the agent still may.
   */
  readonly timedOut: boolean;
  /** When a callback was scheduled from this preview (epoch ms). */
  readonly callbackAt: number | null;
  /**
   * When this page learned the offer was accepted (by the agent, the kit's
   * timeout action, or a dialer enforcing an accept at the deadline): the
   * call is being placed, and nothing more is offered until its first progress.
   */
  readonly acceptedAt: number | null;
  /** The call took longer than `settings.connectingNoticeMs` to start: the notice was raised, once. */
  readonly slow: boolean;
}

export type CallStatus = 'dialing' | 'ringing' | 'connected' | 'answering-machine' | 'failed' | 'ended';

/** How far a call has got: a later event never takes it back. */
export const CALL_RANK: Record<CallStatus, number> = {
  dialing: 0,
  ringing: 1,
  connected: 2,
  'answering-machine': 2,
  failed: 3,
  ended: 3,
};

export interface Call {
  readonly callId: string;
  readonly offerId: string;
  readonly campaign: Campaign;
  readonly contact: Contact;
  readonly phoneNumber: string;
  readonly startedAt: number;
  readonly status: CallStatus;
  readonly cpa: CpaResult | null;
  readonly failReason: string | null;
  readonly cancelling: boolean;
  /** The end-call command is on its way (protocol 1.2). */
  readonly ending: boolean;
  readonly voicemailLeft: boolean;
  /** After the call, when the campaign asks for a disposition. */
  readonly wrapUp: WrapUp | null;
  /** When a callback was scheduled from this call's wrap-up (epoch ms). */
  readonly callbackAt: number | null;
}

export interface WrapUp {
  /** When wrap-up time runs out (epoch ms), or null for no limit. */
  readonly deadline: number | null;
  /** The disposition code sent, once the agent gave it. */
  readonly disposition: string | null;
}

export interface Limit {
  readonly scope: 'tenant' | 'datacenter';
  readonly code: string;
  readonly message: string;
}

export type NoticeKind = 'action-failed' | 'invalid-event' | 'stream-error';

/** The codes of the notices the kit raises itself (the elements word them in the agent's language). */
export type KitNoticeCode = 'offline' | 'reservation-missed' | 'dialer-slow';

/** A visible, non-blocking error. */
export interface Notice {
  readonly id: number;
  readonly kind: NoticeKind;
  readonly action: DialerAction | null;
  readonly code: string;
  readonly message: string;
}

/** How the kit behaves, whatever the dialer: set once, by the store's options. */
export interface Settings {
  /**
   * After an accept, how long (ms) the call may take to start before a notice
   * says the dialer is slow; 0 for never.
   */
  readonly connectingNoticeMs: number;
}

export const DEFAULT_SETTINGS: Settings = {connectingNoticeMs: 10_000};

export interface CampaignState {
  readonly capabilities: Capabilities;
  readonly settings: Settings;
  /**
   * This page is the one that talks to the dialer. False in a tab that mirrors
   * another tab in charge of the same agent: it shows everything and sends nothing.
   */
  readonly inCharge: boolean;
  readonly agent: {readonly state: AgentState | 'unknown'; readonly reason: string | null};
  /** A request-contact command is waiting for its contact (R-M1). */
  readonly requesting: boolean;
  readonly reservation: Reservation | null;
  readonly offer: Offer | null;
  /** The phone number the agent accepted, kept until the call starts. */
  readonly acceptedNumber: string | null;
  readonly call: Call | null;
  /** The last attempt that failed, shown until the next contact (R-U5). */
  readonly lastFailure: {readonly contactName: string; readonly reason: string} | null;
  readonly limit: Limit | null;
  readonly notices: readonly Notice[];
  readonly nextNoticeId: number;
  /** False once the dialer's event stream failed or ended: nothing can be sent. */
  readonly connected: boolean;
}

export const MAX_NOTICES = 5;

export function initialState(capabilities: Capabilities, settings: Settings = DEFAULT_SETTINGS): CampaignState {
  return {
    capabilities,
    settings,
    inCharge: true,
    agent: {state: 'unknown', reason: null},
    requesting: false,
    reservation: null,
    offer: null,
    acceptedNumber: null,
    call: null,
    lastFailure: null,
    limit: null,
    notices: [],
    nextNoticeId: 1,
    connected: true,
  };
}

/** The agent still owes this call its disposition, and there is time to give it. */
export function wrapUpPending(call: Call | null, now: number): boolean {
  const wrapUp = call?.wrapUp;
  return Boolean(wrapUp && wrapUp.disposition === null && (wrapUp.deadline === null || now < wrapUp.deadline));
}

/** The offer was accepted and its call has not started yet: the page says it is connecting. */
export function isConnecting(offer: Offer | null): boolean {
  return offer !== null && offer.acceptedAt !== null;
}

/** A call that is still going on (R-U2). */
export function isCallActive(call: Call | null): boolean {
  return call !== null && call.status !== 'failed' && call.status !== 'ended';
}
