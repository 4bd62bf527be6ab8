/**
 * Selectors: what each element shows, derived from the campaign state at a
 * given moment. Elements render these and nothing else: every rule (what is
 * offered, why something is held back, what time changes) is decided here, so
 * a host that drives an element by hand only needs to hand it one of these.
 */
import type {Campaign, CallingWindow, Contact, PhoneNumber, Reason, TimeoutAction} from '../protocol/index.js';
import {localTime, withinCallingWindow} from './calling-window.js';
import {canDecide, canRequestContact, can, outsideEnforcedWindow, requestContactReason, type RequestContactReason} from './rules.js';
import {isCallActive, isConnecting, wrapUpPending, type CampaignState, type Limit, type Notice} from './state.js';

/** Where the Campaign contact dialog is. */
export type PreviewStage = 'closed' | 'reservation' | 'waiting' | 'offer' | 'connecting' | 'attempt-failed';

/** Why the Campaign button can or cannot ask for a contact now: `ready`, or the first thing in the way. */
export type CampaignButtonReason = RequestContactReason;

/** What the callback form offers, where a callback may be scheduled. */
export interface CallbackView {
  /** When one was scheduled here, or null. */
  readonly scheduledAt: number | null;
  /** The zone the agent picks the time in: the contact's, or null for the agent's own. */
  readonly timeZone: string | null;
  /** The contact's numbers, to call back on. */
  readonly numbers: readonly string[];
  readonly allowOtherNumber: boolean;
  readonly allowBackToMe: boolean;
}

export interface OfferView {
  readonly offerId: string;
  readonly campaign: Campaign;
  readonly contact: Contact;
  /** The numbers the agent may dial; `forced` when the campaign dials the first one whatever is chosen. */
  readonly numbers: {readonly choices: readonly PhoneNumber[]; readonly forced: boolean};
  /** The reasons offered with Skip, when Skip is offered and the campaign has reasons. */
  readonly skip: {readonly reasons: readonly Reason[]; readonly required: boolean} | null;
  /** Remove is offered and may add the contact to the do-not-call list. */
  readonly doNotCall: boolean;
  /** The contact's local time against the campaign's calling window, when both are known. */
  readonly callingWindow: {
    /** `HH:MM`, 24-hour clock, in the contact's zone. */
    readonly localTime: string;
    readonly timeZone: string;
    readonly inside: boolean;
    /** Accept is blocked outside the window. */
    readonly enforced: boolean;
    readonly start: CallingWindow['start'];
    readonly end: CallingWindow['end'];
  } | null;
  readonly callback: CallbackView | null;
}

export interface PreviewView {
  readonly stage: PreviewStage;
  /**
   * This tab talks to the dialer. False in a tab mirroring the one in charge:
   * nothing is offered, and the element says so with a Use here button.
   */
  readonly inCharge: boolean;
  readonly agentState: CampaignState['agent']['state'];
  /** The Campaign button (R-M1); hidden when the dialer takes no requests. */
  readonly campaignButton: {
    readonly visible: boolean;
    readonly enabled: boolean;
    /** Why it is enabled or not (R-U2, R-L1, R-A1). */
    readonly reason: CampaignButtonReason;
  };
  readonly reservation: {
    readonly reservationId: string;
    readonly campaign: Campaign;
    readonly answered: boolean;
    readonly answering: boolean;
  } | null;
  readonly offer: OfferView | null;
  /** The contact accepted, while its call is being placed (stage `connecting`): nothing more is offered. */
  readonly connecting: {readonly offerId: string; readonly campaign: Campaign; readonly contact: Contact} | null;
  /** Which decisions are offered now (R-C2): the others are not rendered at all. */
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
  /** Accepted, before the dialer's first call progress. */
  | 'connecting'
  | 'dialing'
  | 'ringing'
  | 'connected'
  | 'answering-machine'
  | 'failed'
  | 'ended';

export interface TaskView {
  readonly status: TaskStatus;
  /** This tab talks to the dialer; false in a tab mirroring the one in charge (read-only). */
  readonly inCharge: boolean;
  readonly campaign: Campaign;
  readonly contact: Contact | null;
  /** When the preview started; the card's timer counts from here (R-U3). */
  readonly startedAt: number;
  readonly callId: string | null;
  /** A Cancel button replaces the Ringing status (R-U4). */
  readonly canCancel: boolean;
  readonly cancelling: boolean;
  /** An End call button hangs up the answered call (protocol 1.2, when the dialer can). */
  readonly canEnd: boolean;
  readonly ending: boolean;
  /** Answering machine reached: the agent may leave a voicemail (R-U6). */
  readonly voicemailPrompt: boolean;
  readonly voicemailLeft: boolean;
  readonly failReason: string | null;
  /** The disposition the campaign asks for after the call, if it does. */
  readonly wrapUp: {
    readonly codes: readonly Reason[];
    readonly allowNote: boolean;
    readonly deadline: number | null;
    /** `pending` while it is owed and there is time; then `saved` or `timed-out`. */
    readonly status: 'pending' | 'saved' | 'timed-out';
    /** The code given, once given. */
    readonly disposition: string | null;
  } | null;
  /** Once the call is over: scheduling a callback, when the campaign allows it. */
  readonly callback: CallbackView | null;
  /** The call is over and owes nothing more: the agent's next step is the Campaign contact dialog. */
  readonly finished: boolean;
}

function previewStage(state: CampaignState): PreviewStage {
  const {offer, reservation} = state;
  if (isConnecting(offer)) return 'connecting';
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

/** What `<campaign-preview>` shows at `now` (epoch ms). */
export function selectPreview(state: CampaignState, now: number): PreviewView {
  const stage = previewStage(state);
  const offer = stage === 'offer' ? state.offer! : null;
  // Shown whenever the dialer takes requests, offline too (disabled, saying why).
  const visible = state.capabilities.actions.includes('request-contact');
  const actions = {
    accept: offer !== null && canDecide(state, 'accept', now),
    skip: offer !== null && canDecide(state, 'skip', now),
    remove: offer !== null && canDecide(state, 'remove', now),
    leave: offer !== null && canDecide(state, 'leave', now),
  };
  return {
    stage,
    inCharge: state.inCharge,
    agentState: state.agent.state,
    campaignButton: {visible, enabled: canRequestContact(state, now), reason: requestContactReason(state, now)},
    reservation:
      state.reservation && stage === 'reservation'
        ? {
            reservationId: state.reservation.reservationId,
            campaign: state.reservation.campaign,
            answered: state.reservation.answered,
            answering: state.reservation.answering,
          }
        : null,
    offer: offer && {
      offerId: offer.offerId,
      campaign: offer.campaign,
      contact: offer.contact,
      numbers: {choices: offer.contact.phoneNumbers, forced: Boolean(offer.campaign.forceNumber)},
      skip:
        actions.skip && offer.campaign.skipReasons
          ? {reasons: offer.campaign.skipReasons.reasons, required: offer.campaign.skipReasons.required}
          : null,
      doNotCall: actions.remove && Boolean(offer.campaign.allowDoNotCall),
      callingWindow: callingWindowView(offer.campaign, offer.contact, now),
      callback: callbackView(state, offer.campaign, offer.contact, offer.callbackAt),
    },
    connecting:
      stage === 'connecting' ? {offerId: state.offer!.offerId, campaign: state.offer!.campaign, contact: state.offer!.contact} : null,
    actions,
    acceptBlocked: acceptBlocked(state, now),
    countdown: offer && offer.deadline !== null ? {deadline: offer.deadline, action: offer.campaign.timeoutAction} : null,
    // Shown until the next contact, the reservation call before it included (R-U5).
    lastFailure: stage !== 'closed' ? state.lastFailure : null,
    limit: state.limit,
    notices: state.notices,
  };
}

function callingWindowView(campaign: Campaign, contact: Contact, now: number): OfferView['callingWindow'] {
  const window = campaign.callingWindow;
  if (!window || !contact.timeZone) return null;
  return {
    localTime: localTime(contact.timeZone, now).clock,
    timeZone: contact.timeZone,
    inside: withinCallingWindow(window, contact.timeZone, now),
    enforced: window.enforce,
    start: window.start,
    end: window.end,
  };
}

function callbackView(state: CampaignState, campaign: Campaign, contact: Contact, scheduledAt: number | null): CallbackView | null {
  const options = campaign.callbacks;
  if (!options || !can(state, 'schedule-callback')) return null;
  return {
    scheduledAt,
    timeZone: contact.timeZone ?? null,
    numbers: contact.phoneNumbers.map((p) => p.number),
    allowOtherNumber: options.allowOtherNumber,
    allowBackToMe: options.allowBackToMe,
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

/** What `<campaign-task-card>` shows at `now` (epoch ms). */
export function selectTask(state: CampaignState, now: number): TaskView | null {
  const {call, offer, reservation} = state;
  if (call) {
    const over = !isCallActive(call);
    const config = call.campaign.wrapUp;
    const wrapUp =
      call.wrapUp && config
        ? {
            codes: config.codes,
            allowNote: config.allowNote,
            deadline: call.wrapUp.deadline,
            disposition: call.wrapUp.disposition,
            status:
              call.wrapUp.disposition !== null
                ? ('saved' as const)
                : wrapUpPending(call, now)
                  ? ('pending' as const)
                  : ('timed-out' as const),
          }
        : null;
    return {
      status: call.status,
      inCharge: state.inCharge,
      campaign: call.campaign,
      contact: call.contact,
      startedAt: call.startedAt,
      callId: call.callId,
      canCancel: call.status === 'ringing' && call.campaign.allowEndCall && can(state, 'cancel-call'),
      cancelling: call.cancelling,
      canEnd: (call.status === 'connected' || call.status === 'answering-machine') && can(state, 'end-call'),
      ending: call.ending,
      voicemailPrompt: call.status === 'answering-machine',
      voicemailLeft: call.voicemailLeft,
      failReason: call.failReason,
      wrapUp,
      callback: over ? callbackView(state, call.campaign, call.contact, call.callbackAt) : null,
      finished: over && wrapUp?.status !== 'pending',
    };
  }
  const base = {
    inCharge: state.inCharge,
    callId: null,
    canCancel: false,
    cancelling: false,
    canEnd: false,
    ending: false,
    voicemailPrompt: false,
    voicemailLeft: false,
    failReason: null,
    wrapUp: null,
    callback: null,
    finished: false,
  };
  const connecting = isConnecting(offer);
  if (offer && (connecting || (!offer.decision && !offer.expired))) {
    return {
      ...base,
      status: connecting ? 'connecting' : 'previewing',
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
