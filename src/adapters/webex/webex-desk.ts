/**
 * The agent's whole desk on Webex as one protocol 1.1 snapshot: how the kit
 * resumes after a reload or a reconnection, whatever mix of pending previews
 * and calls the SDK brought back.
 */
import type {DialerEventOf, Snapshot} from '../../protocol/index.js';

/** Where a followed Webex task stands, as the kit sees it. */
export type TaskPhase =
  /** A contact is on show, waiting for the agent. */
  | 'offer'
  /** The agent's skip or remove was carried out; the next contact (or the end) is due on the same task. */
  | 'between'
  /** Accepted, and the agent's browser line is ringing. */
  | 'ringing'
  /** The call is up. */
  | 'call'
  /** Ended; the disposition is due. */
  | 'wrap-up';

/** One followed task: its phase and the contact it is about. */
export interface DeskEntry {
  readonly phase: TaskPhase;
  readonly offer: DialerEventOf<'contact-offered'>;
}

/**
 * The snapshot of the desk: the newest pending preview (Webex's widgets show
 * only one), and the newest call. The agent's state is left as the kit knows it.
 */
export function deskSnapshot(entries: Iterable<DeskEntry>): Snapshot {
  const all = [...entries].sort((a, b) => b.offer.offeredAt - a.offer.offeredAt);
  const offer = all.find((entry) => entry.phase === 'offer')?.offer ?? null;
  const call = all.find((entry) => entry.phase === 'ringing' || entry.phase === 'call' || entry.phase === 'wrap-up');
  return {
    type: 'snapshot',
    agent: null,
    requesting: false,
    reservation: null,
    offer: offer && {
      offerId: offer.offerId,
      campaign: offer.campaign,
      contact: offer.contact,
      startedAt: offer.offeredAt,
      deadline: offer.deadline,
      decision: null,
      timedOut: false,
      expired: false,
      callbackAt: null,
    },
    call: call ? callOf(call) : null,
    lastFailure: null,
    limit: null,
  };
}

function callOf({phase, offer}: DeskEntry): NonNullable<Snapshot['call']> {
  const ended = phase === 'wrap-up';
  return {
    callId: offer.offerId,
    offerId: offer.offerId,
    campaign: offer.campaign,
    contact: offer.contact,
    phoneNumber: offer.contact.phoneNumbers[0].number,
    startedAt: offer.offeredAt,
    phase: ended ? 'ended' : phase === 'ringing' ? 'ringing' : 'connected',
    cpa: null,
    failReason: null,
    cancelling: false,
    voicemailLeft: false,
    wrapUp: ended && offer.campaign.wrapUp ? {deadline: null, disposition: null} : null,
    callbackAt: null,
  };
}
