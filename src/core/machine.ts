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
import {
  PROTOCOL_VERSION,
  type DialerAction,
  type DialerCommand,
  type DialerCommandType,
  type DialerEvent,
  type DialerEventOf,
} from '../protocol/index.js';
import {callbackProblem} from './callbacks.js';
import {withinCallingWindow} from './calling-window.js';
import type {Intent} from './intents.js';
import {
  MAX_NOTICES,
  isCallActive,
  wrapUpPending,
  type CallStatus,
  type CampaignState,
  type Decision,
  type NoticeKind,
  type Offer,
} from './state.js';

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
  | {readonly kind: 'disconnected'; readonly code: string; readonly message: string};

export interface Step {
  readonly state: CampaignState;
  readonly commands: readonly DialerCommand[];
}

const CALL_RANK: Record<CallStatus, number> = {
  dialing: 0,
  ringing: 1,
  connected: 2,
  'answering-machine': 2,
  failed: 3,
  ended: 3,
};

const DECISION_COMMAND: Record<Decision, DialerCommandType> = {
  accept: 'accept',
  skip: 'skip',
  remove: 'remove',
  leave: 'leave-campaign',
};

const COMMAND_ACTION: Record<DialerCommandType, DialerAction> = {
  'request-contact': 'request-contact',
  'answer-reservation': 'answer-reservation',
  accept: 'accept',
  skip: 'skip',
  remove: 'remove',
  'leave-campaign': 'leave-campaign',
  'cancel-call': 'cancel-call',
  'voicemail-left': 'voicemail-left',
  'set-disposition': 'set-disposition',
  'schedule-callback': 'schedule-callback',
  'set-agent-state': 'set-agent-state',
};

const unchanged = (state: CampaignState): Step => ({state, commands: []});

export function can(state: CampaignState, command: DialerCommandType): boolean {
  return state.connected && state.capabilities.actions.includes(command);
}

/** Whether the agent may take this decision on the current offer at `now`. */
export function canDecide(state: CampaignState, decision: Decision, now: number): boolean {
  const offer = state.offer;
  if (!offer || offer.decision || offer.expired) return false;
  if (!can(state, DECISION_COMMAND[decision])) return false;
  switch (decision) {
    case 'accept':
      return canDial(state) && !outsideEnforcedWindow(offer, now);
    case 'skip':
      return offer.campaign.allowSkip;
    case 'remove':
      return offer.campaign.allowRemove;
    case 'leave':
      return true;
  }
}

/** The campaign blocks calls outside its calling window, and the contact's local time is outside it. */
export function outsideEnforcedWindow(offer: Offer, now: number): boolean {
  const window = offer.campaign.callingWindow;
  return Boolean(window?.enforce) && !withinCallingWindow(window, offer.contact.timeZone, now);
}

/** No limit and no other call: a call may be placed (R-L1, R-U2). */
function canDial(state: CampaignState): boolean {
  return state.limit === null && !isCallActive(state.call);
}

/** Whether the Campaign button may ask for a contact (R-M1, R-U2), not during a call nor its wrap-up. */
export function canRequestContact(state: CampaignState, now: number): boolean {
  return (
    !wrapUpPending(state.call, now) &&
    can(state, 'request-contact') &&
    state.agent.state === 'available' &&
    !state.requesting &&
    state.offer === null &&
    state.reservation === null &&
    state.limit === null &&
    !isCallActive(state.call)
  );
}

export function step(state: CampaignState, input: CoreInput, now: number): Step {
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
      return unchanged(
        onActionFailed(state, COMMAND_ACTION[input.command.type], offerIdOf(input.command), input.code, input.message),
      );
    case 'disconnected':
      if (!state.connected) return unchanged(state);
      return unchanged(addNotice({...state, connected: false, requesting: false}, 'stream-error', null, input.code, input.message));
  }
}

function offerIdOf(command: DialerCommand): string | undefined {
  return 'offerId' in command ? command.offerId : undefined;
}

function addNotice(
  state: CampaignState,
  kind: NoticeKind,
  action: DialerAction | null,
  code: string,
  message: string,
): CampaignState {
  const notice = {id: state.nextNoticeId, kind, action, code, message};
  return {
    ...state,
    notices: [...state.notices, notice].slice(-MAX_NOTICES),
    nextNoticeId: state.nextNoticeId + 1,
  };
}

// ---------------------------------------------------------------- decisions

/** What the agent added to a decision: the number to dial, a skip reason, do-not-call. */
interface DecisionDetails {
  readonly phoneNumber?: string;
  readonly reason?: string;
  readonly doNotCall?: boolean;
}

function decide(state: CampaignState, decision: Decision, source: 'agent' | 'timeout', details: DecisionDetails = {}): Step {
  const offer = state.offer!;
  const {campaign, contact} = offer;
  const base = {v: PROTOCOL_VERSION, offerId: offer.offerId} as const;
  let command: DialerCommand;
  let acceptedNumber = state.acceptedNumber;
  switch (decision) {
    case 'accept': {
      const numbers = contact.phoneNumbers.map((p) => p.number);
      // A campaign that forces the number dials the first one, whatever was chosen.
      const chosen = campaign.forceNumber ? numbers[0] : (details.phoneNumber ?? numbers[0]);
      if (!numbers.includes(chosen)) return unchanged(state);
      command = {...base, type: 'accept', phoneNumber: chosen, source};
      acceptedNumber = chosen;
      break;
    }
    case 'skip': {
      const reasons = campaign.skipReasons;
      const {reason} = details;
      if (reasons && reason !== undefined && !reasons.reasons.some((r) => r.code === reason)) return unchanged(state);
      if (reasons?.required && reason === undefined && source === 'agent') return unchanged(state);
      command = reasons && reason !== undefined ? {...base, type: 'skip', source, reason} : {...base, type: 'skip', source};
      break;
    }
    case 'remove':
      command = campaign.allowDoNotCall && details.doNotCall
        ? {...base, type: 'remove', source, doNotCall: true}
        : {...base, type: 'remove', source};
      break;
    case 'leave':
      command = {...base, type: 'leave-campaign'};
      break;
  }
  const next: Offer = {...offer, decision: {action: decision, source}};
  return {
    state: {...state, offer: next, acceptedNumber, reservation: null, lastFailure: null},
    commands: [command],
  };
}

/**
 * At the deadline (R-C1), once per offer: a dialer that enforces timeouts acts
 * on its own; otherwise the kit sends the campaign's action, unless a host took
 * it over or the action cannot be done now (then the agent still decides).
 */
function onTick(state: CampaignState, now: number, hostTakesOver: boolean): Step {
  const offer = state.offer;
  if (!offer || offer.decision || offer.timedOut || offer.deadline === null || now < offer.deadline) {
    return unchanged(state);
  }
  const handled: CampaignState = {...state, offer: {...offer, timedOut: true}};
  if (state.capabilities.enforcesTimeout) {
    return unchanged({...handled, offer: {...handled.offer!, expired: true}});
  }
  const decision: Decision = offer.campaign.timeoutAction;
  const dialable = canDial(state) && !outsideEnforcedWindow(offer, now);
  const possible = can(state, DECISION_COMMAND[decision]) && (decision !== 'accept' || dialable);
  return possible && !hostTakesOver ? decide(handled, decision, 'timeout') : unchanged(handled);
}

// ---------------------------------------------------------------- intents

function onIntent(state: CampaignState, intent: Intent, now: number): Step {
  switch (intent.type) {
    case 'request-contact':
      if (!canRequestContact(state, now)) return unchanged(state);
      return {
        state: {...state, requesting: true, lastFailure: null},
        commands: [{type: 'request-contact', v: PROTOCOL_VERSION}],
      };
    case 'answer-reservation': {
      const reservation = state.reservation;
      if (
        !reservation ||
        reservation.reservationId !== intent.reservationId ||
        reservation.answered ||
        reservation.answering ||
        !can(state, 'answer-reservation')
      ) {
        return unchanged(state);
      }
      return {
        state: {...state, reservation: {...reservation, answering: true}},
        commands: [{type: 'answer-reservation', v: PROTOCOL_VERSION, reservationId: reservation.reservationId}],
      };
    }
    case 'accept':
    case 'skip':
    case 'remove':
    case 'leave': {
      if (state.offer?.offerId !== intent.offerId || !canDecide(state, intent.type, now)) return unchanged(state);
      return decide(state, intent.type, 'agent', intent as DecisionDetails);
    }
    case 'cancel-call': {
      const call = state.call;
      if (
        !call ||
        call.callId !== intent.callId ||
        call.status !== 'ringing' ||
        call.cancelling ||
        !call.campaign.allowEndCall ||
        !can(state, 'cancel-call')
      ) {
        return unchanged(state);
      }
      return {
        state: {...state, call: {...call, cancelling: true}},
        commands: [{type: 'cancel-call', v: PROTOCOL_VERSION, callId: call.callId}],
      };
    }
    case 'voicemail-left': {
      const call = state.call;
      if (
        !call ||
        call.callId !== intent.callId ||
        call.status !== 'answering-machine' ||
        call.voicemailLeft ||
        !can(state, 'voicemail-left')
      ) {
        return unchanged(state);
      }
      return {
        state: {...state, call: {...call, voicemailLeft: true}},
        commands: [{type: 'voicemail-left', v: PROTOCOL_VERSION, callId: call.callId}],
      };
    }
    case 'set-disposition':
      return onDisposition(state, intent, now);
    case 'schedule-callback':
      return onCallback(state, intent, now);
    case 'set-agent-state':
      if (!can(state, 'set-agent-state') || state.agent.state === intent.state) return unchanged(state);
      return {
        state,
        commands: [
          intent.reason === undefined
            ? {type: 'set-agent-state', v: PROTOCOL_VERSION, state: intent.state}
            : {type: 'set-agent-state', v: PROTOCOL_VERSION, state: intent.state, reason: intent.reason},
        ],
      };
    case 'dismiss-notice':
      return unchanged({...state, notices: state.notices.filter((n) => n.id !== intent.id)});
  }
}

// ---------------------------------------------------------------- events

function onEvent(state: CampaignState, event: DialerEvent, now: number): Step {
  switch (event.type) {
    case 'agent-state': {
      const agent = {state: event.state, reason: event.reason ?? null};
      if (event.state === 'available') return unchanged({...state, agent});
      return unchanged({...state, agent, requesting: false, reservation: null});
    }
    case 'reservation-offered':
      return unchanged({
        ...state,
        reservation: {
          reservationId: event.reservationId,
          campaign: event.campaign,
          at: event.at,
          answered: false,
          answering: false,
        },
        call: isCallActive(state.call) ? state.call : null,
      });
    case 'reservation-answered': {
      const reservation = state.reservation;
      if (reservation?.reservationId !== event.reservationId) return unchanged(state);
      return unchanged({...state, reservation: {...reservation, answered: true, answering: false}});
    }
    case 'contact-offered':
      return unchanged(onContactOffered(state, event));
    case 'offer-withdrawn': {
      const offer = state.offer;
      if (offer?.offerId !== event.offerId) return unchanged(state);
      if (event.autoAction === 'accept') {
        // The dialer accepted on its own: its call follows and is this offer's.
        return unchanged({...state, offer: {...offer, decision: {action: 'accept', source: 'timeout'}, expired: false}});
      }
      return unchanged({...state, offer: null, acceptedNumber: null});
    }
    case 'call-progress':
      return unchanged(onCallProgress(state, event));
    case 'cpa-result':
      return unchanged(onCpaResult(state, event));
    case 'call-failed': {
      const failed = failCall(state, event.callId, event.reason);
      return unchanged(event.wrapUp === false ? failed : startWrapUp(failed, event.callId, now));
    }
    case 'call-ended': {
      const call = state.call;
      if (call?.callId !== event.callId || call.status === 'ended') return unchanged(state);
      // A failed call keeps its failed status; an ended one may now need its disposition.
      const ended = {...state, call: call.status === 'failed' ? call : {...call, status: 'ended' as const, cancelling: false}};
      return unchanged(event.wrapUp === false ? ended : startWrapUp(ended, event.callId, event.at ?? now));
    }
    case 'action-failed':
      return unchanged(onActionFailed(state, event.action, event.offerId, event.code, event.message));
    case 'limit-reached':
      return unchanged({
        ...state,
        requesting: false,
        limit: {scope: event.scope, code: event.code, message: event.message},
      });
    case 'limit-cleared':
      return unchanged({...state, limit: null});
    case 'connection-state':
      if (event.state === 'online') {
        // Back online: the notice of the outage goes with it.
        return unchanged({...state, connected: true, notices: state.notices.filter((n) => n.code !== 'offline')});
      }
      if (!state.connected) return unchanged(state);
      return unchanged(addNotice({...state, connected: false, requesting: false}, 'stream-error', null, 'offline', 'The connection to the dialer is down; reconnecting…'));
    case 'stream-error':
      return unchanged(addNotice(state, 'stream-error', null, event.code, event.message));
  }
}

function onContactOffered(state: CampaignState, event: DialerEventOf<'contact-offered'>): CampaignState {
  if (state.offer?.offerId === event.offerId) return state; // a repeated event
  const reservation = state.reservation;
  return {
    ...state,
    requesting: false,
    reservation: null,
    acceptedNumber: null,
    offer: {
      offerId: event.offerId,
      campaign: event.campaign,
      contact: event.contact,
      startedAt: reservation ? reservation.at : event.offeredAt,
      deadline: event.deadline,
      decision: null,
      expired: false,
      timedOut: false,
      callbackAt: null,
    },
    call: isCallActive(state.call) ? state.call : null,
  };
}

function onCallProgress(state: CampaignState, event: DialerEventOf<'call-progress'>): CampaignState {
  const {call, offer} = state;
  if (call?.callId === event.callId) {
    if (CALL_RANK[event.phase] <= CALL_RANK[call.status]) return state; // late or repeated
    return {...state, call: {...call, status: event.phase}};
  }
  if (offer?.offerId !== event.offerId || isCallActive(call)) return state;
  return {
    ...state,
    offer: null,
    acceptedNumber: null,
    lastFailure: null,
    call: {
      callId: event.callId,
      offerId: offer.offerId,
      campaign: offer.campaign,
      contact: offer.contact,
      phoneNumber: state.acceptedNumber ?? offer.contact.phoneNumbers[0].number,
      startedAt: offer.startedAt,
      status: event.phase,
      cpa: null,
      failReason: null,
      cancelling: false,
      voicemailLeft: false,
      wrapUp: null,
      callbackAt: null,
    },
  };
}

function onCpaResult(state: CampaignState, event: DialerEventOf<'cpa-result'>): CampaignState {
  const call = state.call;
  if (call?.callId !== event.callId || !isCallActive(call) || call.cpa) return state;
  switch (event.result) {
    case 'live-voice':
      return {...state, call: {...call, cpa: event.result, status: 'connected', cancelling: false}};
    case 'answering-machine':
      return {...state, call: {...call, cpa: event.result, status: 'answering-machine', cancelling: false}};
    default:
      return failCall({...state, call: {...call, cpa: event.result}}, call.callId, event.result);
  }
}

/**
 * A callback, once per preview or per call, from the offer shown (not yet
 * decided) or the wrap-up of a call that is over.
 */
function onCallback(state: CampaignState, intent: Extract<Intent, {type: 'schedule-callback'}>, now: number): Step {
  if (!can(state, 'schedule-callback')) return unchanged(state);
  const request = {at: intent.at, phoneNumber: intent.phoneNumber, backToMe: intent.backToMe};
  const base = {type: 'schedule-callback', v: PROTOCOL_VERSION, ...request} as const;
  if ('offerId' in intent) {
    const offer = state.offer;
    if (!offer || offer.offerId !== intent.offerId || offer.decision || offer.expired || offer.callbackAt !== null) return unchanged(state);
    if (callbackProblem(offer.campaign, offer.contact, request, now)) return unchanged(state);
    return {state: {...state, offer: {...offer, callbackAt: intent.at}}, commands: [{...base, offerId: offer.offerId}]};
  }
  const call = state.call;
  if (!call || call.callId !== intent.callId || isCallActive(call) || call.callbackAt !== null) return unchanged(state);
  if (callbackProblem(call.campaign, call.contact, request, now)) return unchanged(state);
  return {state: {...state, call: {...call, callbackAt: intent.at}}, commands: [{...base, callId: call.callId}]};
}

/** A campaign with wrap-up asks for the disposition once its call is over. */
function startWrapUp(state: CampaignState, callId: string, at: number): CampaignState {
  const call = state.call;
  const config = call?.campaign.wrapUp;
  if (!call || call.callId !== callId || !config || call.wrapUp || isCallActive(call)) return state;
  const deadline = config.timeoutMs > 0 ? at + config.timeoutMs : null;
  return {...state, call: {...call, wrapUp: {deadline, disposition: null}}};
}

/** The disposition, once, with a code of the campaign's and a note only where allowed. */
function onDisposition(state: CampaignState, intent: Extract<Intent, {type: 'set-disposition'}>, now: number): Step {
  const call = state.call;
  const config = call?.campaign.wrapUp;
  const wrapUp = call?.wrapUp;
  if (!call || !config || !wrapUp || call.callId !== intent.callId || wrapUp.disposition !== null) return unchanged(state);
  if (wrapUp.deadline !== null && now >= wrapUp.deadline) return unchanged(state);
  if (!config.codes.some((c) => c.code === intent.code) || !can(state, 'set-disposition')) return unchanged(state);
  const note = config.allowNote ? intent.note?.trim() : undefined;
  const command: DialerCommand = note
    ? {type: 'set-disposition', v: PROTOCOL_VERSION, callId: call.callId, code: intent.code, note}
    : {type: 'set-disposition', v: PROTOCOL_VERSION, callId: call.callId, code: intent.code};
  return {state: {...state, call: {...call, wrapUp: {...wrapUp, disposition: intent.code}}}, commands: [command]};
}

function failCall(state: CampaignState, callId: string, reason: string): CampaignState {
  const call = state.call;
  if (call?.callId !== callId || !isCallActive(call)) return state;
  return {
    ...state,
    call: {...call, status: 'failed', failReason: reason, cancelling: false},
    lastFailure: {contactName: call.contact.name, reason},
  };
}

function onActionFailed(
  state: CampaignState,
  action: DialerAction,
  offerId: string | undefined,
  code: string,
  message: string,
): CampaignState {
  let next = addNotice(state, 'action-failed', action, code, message);
  switch (action) {
    case 'request-contact':
      next = {...next, requesting: false};
      break;
    case 'answer-reservation':
      if (next.reservation) next = {...next, reservation: {...next.reservation, answering: false}};
      break;
    case 'accept':
    case 'skip':
    case 'remove':
    case 'leave-campaign': {
      const offer = next.offer;
      const decided = offer?.decision && DECISION_COMMAND[offer.decision.action] === action;
      if (offer && decided && (offerId === undefined || offerId === offer.offerId)) {
        // The dialer refused: the offer is the agent's to decide again.
        next = {...next, offer: {...offer, decision: null}, acceptedNumber: null};
      }
      break;
    }
    case 'cancel-call':
      if (next.call) next = {...next, call: {...next.call, cancelling: false}};
      break;
    case 'voicemail-left':
      if (next.call) next = {...next, call: {...next.call, voicemailLeft: false}};
      break;
    case 'set-disposition':
      if (next.call?.wrapUp) next = {...next, call: {...next.call, wrapUp: {...next.call.wrapUp, disposition: null}}};
      break;
    case 'schedule-callback':
      // Refused: the agent may try again, wherever it was scheduled from.
      if (next.offer && (offerId === undefined || offerId === next.offer.offerId)) next = {...next, offer: {...next.offer, callbackAt: null}};
      if (next.call && offerId === undefined) next = {...next, call: {...next.call, callbackAt: null}};
      break;
    case 'set-agent-state':
      break;
  }
  return next;
}
