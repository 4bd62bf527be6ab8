/**
 * Protocol 1.1 snapshots: the dialer's whole situation, replacing what the
 * machine knew, and the snapshot a dialer (or the reference server, which
 * mirrors its own events through this machine) gives of a state.
 *
 * A snapshot is the dialer's truth, with one exception: it never undoes what
 * the agent already did here. Whatever the kit sent and the dialer may not
 * have seen yet when it took the snapshot stays: a decision on the same offer,
 * an answer to the same reservation, a cancel, a voicemail marked as left or
 * a disposition given on the same call, a callback scheduled. A call never
 * goes back to an earlier phase. Notices stay (they are the page's). A
 * timeout already handled here is not handled again; one nobody handled is.
 */
import type {Snapshot} from '../protocol/index.js';
import {withoutNotice} from './refusals.js';
import {CALL_RANK, isConnecting, type Call, type CampaignState, type Offer, type Reservation} from './state.js';

export function applySnapshot(state: CampaignState, snapshot: Snapshot, now: number): CampaignState {
  const next: CampaignState = {
    ...state,
    agent: snapshot.agent ?? state.agent,
    requesting: snapshot.requesting,
    reservation: reservationFrom(state.reservation, snapshot.reservation),
    offer: offerFrom(state, snapshot.offer, now),
    acceptedNumber: acceptedNumberFrom(state, snapshot),
    call: callFrom(state.call, snapshot.call),
    lastFailure: snapshot.lastFailure,
    limit: snapshot.limit,
  };
  // The call started (or the offer went) while the page waited: the dialer was not slow after all.
  return isConnecting(next.offer) ? next : withoutNotice(next, 'dialer-slow');
}

function reservationFrom(local: Reservation | null, taken: Snapshot['reservation']): Reservation | null {
  if (!taken) return null;
  const same = local?.reservationId === taken.reservationId ? local : null;
  const answered = taken.answered || (same?.answered ?? false);
  return {...taken, answered, answering: !answered && (taken.answering || (same?.answering ?? false))};
}

/**
 * The offer, with what this page already did on it. A deadline that passed
 * while nobody acted on it (the page was away) is acted on at the next tick,
 * once, as at the deadline.
 */
function offerFrom(state: CampaignState, taken: Snapshot['offer'], now: number): Offer | null {
  if (!taken) return null;
  const same = state.offer?.offerId === taken.offerId ? state.offer : null;
  const decision = taken.decision ? {action: taken.decision.action, source: taken.decision.source} : (same?.decision ?? null);
  const expired = taken.expired || (same?.expired ?? false);
  // Accepted (or being accepted by the dialer at the deadline): connecting since this page first knew it.
  const accepted = decision ? decision.action === 'accept' : expired && taken.campaign.timeoutAction === 'accept';
  return {
    offerId: taken.offerId,
    campaign: taken.campaign,
    contact: taken.contact,
    startedAt: taken.startedAt,
    deadline: taken.deadline,
    decision,
    expired,
    timedOut: taken.timedOut || (same?.timedOut ?? false),
    callbackAt: taken.callbackAt ?? same?.callbackAt ?? null,
    acceptedAt: accepted ? (same?.acceptedAt ?? now) : null,
    slow: accepted && (same?.slow ?? false),
  };
}

function acceptedNumberFrom(state: CampaignState, snapshot: Snapshot): string | null {
  const number = snapshot.offer?.decision?.phoneNumber;
  if (number) return number;
  return state.offer?.offerId === snapshot.offer?.offerId ? state.acceptedNumber : null;
}

function callFrom(local: Call | null, taken: Snapshot['call']): Call | null {
  if (!taken) return null;
  const same = local?.callId === taken.callId ? local : null;
  // A failed call stays failed when it ends, as with the events.
  const keep = same && (CALL_RANK[same.status] > CALL_RANK[taken.phase] || same.status === 'failed');
  const status = keep ? same.status : taken.phase;
  const ongoing = status !== 'failed' && status !== 'ended';
  const disposition = taken.wrapUp?.disposition ?? same?.wrapUp?.disposition ?? null;
  return {
    callId: taken.callId,
    offerId: taken.offerId,
    campaign: taken.campaign,
    contact: taken.contact,
    phoneNumber: taken.phoneNumber,
    startedAt: taken.startedAt,
    status,
    cpa: taken.cpa ?? same?.cpa ?? null,
    failReason: taken.failReason ?? same?.failReason ?? null,
    cancelling: ongoing && (taken.cancelling || (same?.cancelling ?? false)),
    ending: ongoing && ((taken.ending ?? false) || (same?.ending ?? false)),
    voicemailLeft: taken.voicemailLeft || (same?.voicemailLeft ?? false),
    wrapUp: taken.wrapUp ? {deadline: taken.wrapUp.deadline, disposition} : (same?.wrapUp ?? null),
    callbackAt: taken.callbackAt ?? same?.callbackAt ?? null,
  };
}

/** The snapshot of `state`: what a dialer that knows all of it would send. */
export function snapshotOf(state: CampaignState): Snapshot {
  const {agent, reservation, offer, call} = state;
  return {
    type: 'snapshot',
    agent: agent.state === 'unknown' ? null : {state: agent.state, reason: agent.reason},
    requesting: state.requesting,
    reservation: reservation && {
      reservationId: reservation.reservationId,
      campaign: reservation.campaign,
      at: reservation.at,
      answered: reservation.answered,
      answering: reservation.answering,
    },
    offer: offer && {
      offerId: offer.offerId,
      campaign: offer.campaign,
      contact: offer.contact,
      startedAt: offer.startedAt,
      deadline: offer.deadline,
      decision: offer.decision && {
        ...offer.decision,
        ...(offer.decision.action === 'accept' && state.acceptedNumber ? {phoneNumber: state.acceptedNumber} : {}),
      },
      timedOut: offer.timedOut,
      expired: offer.expired,
      callbackAt: offer.callbackAt,
    },
    call: call && {
      callId: call.callId,
      offerId: call.offerId,
      campaign: call.campaign,
      contact: call.contact,
      phoneNumber: call.phoneNumber,
      startedAt: call.startedAt,
      phase: call.status,
      cpa: call.cpa,
      failReason: call.failReason,
      cancelling: call.cancelling,
      ...(call.ending ? {ending: true} : {}),
      voicemailLeft: call.voicemailLeft,
      wrapUp: call.wrapUp,
      callbackAt: call.callbackAt,
    },
    lastFailure: state.lastFailure,
    limit: state.limit,
  };
}
