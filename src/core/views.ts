/**
 * Selectors: what each element shows, derived from the campaign state.
 * Elements render these and nothing else, so a host that drives an element
 * by hand only needs to hand it one of these objects.
 */
import type {Campaign, Contact, Reason, TimeoutAction} from '../protocol/index.js';
import {canDecide, canRequestContact, can, outsideEnforcedWindow} from './rules.js';
import {isCallActive, type CampaignState, type Limit, type Notice} from './state.js';

export type PreviewStep = 'closed' | 'reservation' | 'waiting' | 'offer' | 'attempt-failed';

export interface PreviewView {
  readonly step: PreviewStep;
  readonly agentState: CampaignState['agent']['state'];
  /** The Campaign button (R-M1); hidden when the dialer takes no requests. */
  readonly campaignButton: {
    readonly visible: boolean;
    readonly enabled: boolean;
    /** A campaign call is in progress (R-U2). */
    readonly callInProgress: boolean;
  };
  readonly reservation: {
    readonly reservationId: string;
    readonly campaign: Campaign;
    readonly answered: boolean;
    readonly answering: boolean;
  } | null;
  readonly offer: {
    readonly offerId: string;
    readonly campaign: Campaign;
    readonly contact: Contact;
    /** When a callback was scheduled from this preview. */
    readonly callbackAt: number | null;
  } | null;
  /** Which decisions are offered (R-C2): disabled ones are not rendered at all. */
  readonly actions: {readonly accept: boolean; readonly skip: boolean; readonly remove: boolean; readonly leave: boolean};
  /** Why Accept is held back, when an offer is shown but cannot be accepted. */
  readonly acceptBlocked: 'limit' | 'calling-window' | null;
  /** The pending automatic action and when it happens (R-C1). */
  readonly countdown: {readonly deadline: number; readonly action: TimeoutAction} | null;
  readonly lastFailure: CampaignState['lastFailure'];
  readonly limit: Limit | null;
  readonly notices: readonly Notice[];
}

export type TaskStatus =
  | 'reserved'
  | 'previewing'
  | 'dialing'
  | 'ringing'
  | 'connected'
  | 'answering-machine'
  | 'failed'
  | 'ended';

export interface TaskView {
  readonly status: TaskStatus;
  readonly campaign: Campaign;
  readonly contact: Contact | null;
  /** When the preview started; the card's timer counts from here (R-U3). */
  readonly startedAt: number;
  readonly callId: string | null;
  /** A Cancel button replaces the Ringing status (R-U4). */
  readonly canCancel: boolean;
  readonly cancelling: boolean;
  /** Answering machine reached: the agent may leave a voicemail (R-U6). */
  readonly voicemailPrompt: boolean;
  readonly voicemailLeft: boolean;
  readonly failReason: string | null;
  /** When a callback was scheduled from this call's wrap-up. */
  readonly callbackAt: number | null;
  /** The disposition the campaign asks for after the call, if it does. */
  readonly wrapUp: {
    readonly codes: readonly Reason[];
    readonly allowNote: boolean;
    readonly deadline: number | null;
    /** The code given, once given. */
    readonly disposition: string | null;
  } | null;
}

function previewStep(state: CampaignState): PreviewStep {
  const {offer, reservation} = state;
  if (offer && !offer.decision && !offer.expired) return 'offer';
  if (reservation) return reservation.answered ? 'waiting' : 'reservation';
  if (offer && offer.decision?.action !== 'accept' && offer.decision?.action !== 'leave') {
    // Skipped, removed or expired: the next contact is on its way in standard and
    // direct preview; in preview mode the agent asks again.
    return offer.campaign.mode === 'preview' ? 'closed' : 'waiting';
  }
  if (state.requesting) return 'waiting';
  if (state.lastFailure && !offer && !isCallActive(state.call)) return 'attempt-failed';
  return 'closed';
}

/** What `<campaign-preview>` shows at `now` (the calling window depends on the time). */
export function selectPreview(state: CampaignState, now: number = Date.now()): PreviewView {
  const step = previewStep(state);
  const offer = step === 'offer' ? state.offer! : null;
  const callInProgress =
    isCallActive(state.call) || state.offer?.decision?.action === 'accept';
  return {
    step,
    agentState: state.agent.state,
    campaignButton: {
      visible: can(state, 'request-contact'),
      enabled: canRequestContact(state, now),
      callInProgress,
    },
    reservation: state.reservation && step === 'reservation'
      ? {
          reservationId: state.reservation.reservationId,
          campaign: state.reservation.campaign,
          answered: state.reservation.answered,
          answering: state.reservation.answering,
        }
      : null,
    offer: offer && {offerId: offer.offerId, campaign: offer.campaign, contact: offer.contact, callbackAt: offer.callbackAt},
    actions: {
      accept: offer !== null && canDecide(state, 'accept', now),
      skip: offer !== null && canDecide(state, 'skip', now),
      remove: offer !== null && canDecide(state, 'remove', now),
      leave: offer !== null && canDecide(state, 'leave', now),
    },
    acceptBlocked: acceptBlocked(state, now),
    countdown:
      offer && offer.deadline !== null
        ? {deadline: offer.deadline, action: offer.campaign.timeoutAction}
        : null,
    lastFailure: step === 'attempt-failed' || step === 'offer' || step === 'waiting' ? state.lastFailure : null,
    limit: state.limit,
    notices: state.notices,
  };
}

/** Why an offer shown cannot be accepted now, when that is the only thing in the way. */
function acceptBlocked(state: CampaignState, now: number): PreviewView['acceptBlocked'] {
  const offer = state.offer;
  if (!offer || offer.decision || offer.expired || !can(state, 'accept')) return null;
  if (state.limit) return 'limit';
  if (isCallActive(state.call)) return null;
  return outsideEnforcedWindow(offer, now) ? 'calling-window' : null;
}

export function selectTask(state: CampaignState): TaskView | null {
  const {call, offer, reservation} = state;
  if (call) {
    return {
      status: call.status,
      campaign: call.campaign,
      contact: call.contact,
      startedAt: call.startedAt,
      callId: call.callId,
      canCancel:
        call.status === 'ringing' && call.campaign.allowEndCall && can(state, 'cancel-call'),
      cancelling: call.cancelling,
      voicemailPrompt: call.status === 'answering-machine',
      voicemailLeft: call.voicemailLeft,
      failReason: call.failReason,
      callbackAt: call.callbackAt,
      wrapUp: call.wrapUp && call.campaign.wrapUp
        ? {...call.wrapUp, codes: call.campaign.wrapUp.codes, allowNote: call.campaign.wrapUp.allowNote}
        : null,
    };
  }
  const base = {callId: null, canCancel: false, cancelling: false, voicemailPrompt: false, voicemailLeft: false, failReason: null, wrapUp: null, callbackAt: null};
  if (offer && (!offer.decision || offer.decision.action === 'accept') && !offer.expired) {
    return {
      ...base,
      status: offer.decision ? 'dialing' : 'previewing',
      campaign: offer.campaign,
      contact: offer.contact,
      startedAt: offer.startedAt,
    };
  }
  if (reservation) {
    return {...base, status: 'reserved', campaign: reservation.campaign, contact: null, startedAt: reservation.at};
  }
  return null;
}

/** Time left before a deadline; never negative. */
export function remainingMs(deadline: number, now: number): number {
  return Math.max(0, deadline - now);
}
