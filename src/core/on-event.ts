/** What the dialer's events do to the campaign. */
import type {DialerEvent, DialerEventOf} from '../protocol/index.js';
import {addNotice, onActionFailed, withoutNotice} from './refusals.js';
import {applySnapshot} from './snapshot.js';
import {CALL_RANK, isCallActive, type CampaignState, type KitNoticeCode} from './state.js';
import {unchanged, type Transition} from './transition.js';

/** A validated dialer event. */
export function onEvent(state: CampaignState, event: DialerEvent, now: number): Transition {
  switch (event.type) {
    case 'agent-state': {
      const agent = {state: event.state, reason: event.reason ?? null};
      if (event.state === 'available') return unchanged({...state, agent});
      return unchanged({...state, agent, requesting: false, reservation: null});
    }
    case 'reservation-offered':
      if (state.reservation?.reservationId === event.reservationId) return unchanged(state); // a repeated event
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
    case 'reservation-withdrawn': {
      if (state.reservation?.reservationId !== event.reservationId) return unchanged(state);
      const left = {...state, reservation: null};
      const missed: KitNoticeCode = 'reservation-missed';
      // The ringing stopped without the agent: the dialog says why (R-A2).
      return unchanged(
        event.reason === 'missed'
          ? addNotice(left, 'stream-error', 'answer-reservation', missed, 'The reservation call was not answered in time.')
          : left,
      );
    }
    case 'contact-offered':
      return unchanged(onContactOffered(state, event));
    case 'offer-withdrawn': {
      const offer = state.offer;
      if (offer?.offerId !== event.offerId) return unchanged(state);
      if (event.autoAction === 'accept') {
        // The dialer accepted on its own: its call follows and is this offer's.
        return unchanged({
          ...state,
          offer: {...offer, decision: {action: 'accept', source: 'timeout'}, expired: false, acceptedAt: offer.acceptedAt ?? now},
        });
      }
      return unchanged(withoutNotice({...state, offer: null, acceptedNumber: null}, 'dialer-slow'));
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
      const ended = {
        ...state,
        call: call.status === 'failed' ? call : {...call, status: 'ended' as const, cancelling: false, ending: false},
      };
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
      return unchanged(
        addNotice(
          {...state, connected: false, requesting: false},
          'stream-error',
          null,
          'offline',
          'The connection to the dialer is down; reconnecting…',
        ),
      );
    case 'stream-error':
      return unchanged(addNotice(state, 'stream-error', null, event.code, event.message));
    case 'snapshot':
      return unchanged(applySnapshot(state, event, now));
  }
}

function onContactOffered(state: CampaignState, event: DialerEventOf<'contact-offered'>): CampaignState {
  if (state.offer?.offerId === event.offerId) return state; // a repeated event
  const reservation = state.reservation;
  return {
    // A slow start was the previous offer's.
    ...withoutNotice(state, 'dialer-slow'),
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
      acceptedAt: null,
      slow: false,
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
    ...withoutNotice(state, 'dialer-slow'),
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
      ending: false,
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

/** A campaign with wrap-up asks for the disposition once its call is over. */
function startWrapUp(state: CampaignState, callId: string, at: number): CampaignState {
  const call = state.call;
  const config = call?.campaign.wrapUp;
  if (!call || call.callId !== callId || !config || call.wrapUp || isCallActive(call)) return state;
  const deadline = config.timeoutMs > 0 ? at + config.timeoutMs : null;
  return {...state, call: {...call, wrapUp: {deadline, disposition: null}}};
}

function failCall(state: CampaignState, callId: string, reason: string): CampaignState {
  const call = state.call;
  if (call?.callId !== callId || !isCallActive(call)) return state;
  return {
    ...state,
    call: {...call, status: 'failed', failReason: reason, cancelling: false, ending: false},
    lastFailure: {contactName: call.contact.name, reason},
  };
}
