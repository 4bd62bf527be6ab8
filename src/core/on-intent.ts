/** What the agent's intents and the passing of time do: the decisions, and the commands they send. */
import {PROTOCOL_VERSION, type DialerCommand} from '../protocol/index.js';
import {callbackProblem} from './callbacks.js';
import type {Intent} from './intents.js';
import {DECISION_COMMAND, can, canDecide, canDial, canRequestContact, outsideEnforcedWindow} from './rules.js';
import {addNotice} from './refusals.js';
import {isCallActive, isConnecting, type CampaignState, type Decision, type KitNoticeCode, type Offer} from './state.js';
import {unchanged, type Transition} from './transition.js';

/** What the agent added to a decision: the number to dial, a skip reason, do-not-call. */
interface DecisionDetails {
  readonly phoneNumber?: string;
  readonly reason?: string;
  readonly doNotCall?: boolean;
}

function decide(
  state: CampaignState,
  decision: Decision,
  source: 'agent' | 'timeout',
  now: number,
  details: DecisionDetails = {},
): Transition {
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
      command =
        campaign.allowDoNotCall && details.doNotCall
          ? {...base, type: 'remove', source, doNotCall: true}
          : {...base, type: 'remove', source};
      break;
    case 'leave':
      command = {...base, type: 'leave-campaign'};
      break;
  }
  const next: Offer = {...offer, decision: {action: decision, source}, acceptedAt: decision === 'accept' ? now : null};
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
export function onTick(state: CampaignState, now: number, hostTakesOver: boolean): Transition {
  const offer = state.offer;
  // A tab that mirrors the one in charge acts on nothing.
  if (!state.inCharge) return unchanged(state);
  if (offer && isConnecting(offer)) return unchanged(connectingTooLong(state, offer, now));
  if (!offer || offer.decision || offer.timedOut || offer.deadline === null || now < offer.deadline) {
    return unchanged(state);
  }
  const handled: CampaignState = {...state, offer: {...offer, timedOut: true}};
  if (state.capabilities.enforcesTimeout) {
    // The dialer acts; when it accepts, its call is on the way.
    const acceptedAt = offer.campaign.timeoutAction === 'accept' ? now : null;
    return unchanged({...handled, offer: {...handled.offer!, expired: true, acceptedAt}});
  }
  const decision: Decision = offer.campaign.timeoutAction;
  const dialable = canDial(state) && !outsideEnforcedWindow(offer, now);
  const possible = can(state, DECISION_COMMAND[decision]) && (decision !== 'accept' || dialable);
  return possible && !hostTakesOver ? decide(handled, decision, 'timeout', now) : unchanged(handled);
}

/** An accepted offer whose call has not started after `settings.connectingNoticeMs`: a notice, once. */
function connectingTooLong(state: CampaignState, offer: Offer, now: number): CampaignState {
  const after = state.settings.connectingNoticeMs;
  if (offer.slow || after <= 0 || now < offer.acceptedAt! + after) return state;
  const code: KitNoticeCode = 'dialer-slow';
  return addNotice({...state, offer: {...offer, slow: true}}, 'stream-error', 'accept', code, 'The dialer has not started the call yet.');
}

/** What the agent asked for; dropped when it no longer applies. */
export function onIntent(state: CampaignState, intent: Intent, now: number): Transition {
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
      return decide(state, intent.type, 'agent', now, intent as DecisionDetails);
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
    case 'end-call': {
      const call = state.call;
      if (
        !call ||
        call.callId !== intent.callId ||
        (call.status !== 'connected' && call.status !== 'answering-machine') ||
        call.ending ||
        !can(state, 'end-call')
      ) {
        return unchanged(state);
      }
      return {
        state: {...state, call: {...call, ending: true}},
        commands: [{type: 'end-call', v: PROTOCOL_VERSION, callId: call.callId}],
      };
    }
    case 'take-control':
      // The store hands control over between tabs; the machine has nothing to do.
      return unchanged(state);
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

/**
 * A callback, once per preview or per call, from the offer shown (not yet
 * decided) or the wrap-up of a call that is over.
 */
function onCallback(state: CampaignState, intent: Extract<Intent, {type: 'schedule-callback'}>, now: number): Transition {
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

/** The disposition, once, with a code of the campaign's and a note only where allowed. */
function onDisposition(state: CampaignState, intent: Extract<Intent, {type: 'set-disposition'}>, now: number): Transition {
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
