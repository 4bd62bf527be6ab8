/**
 * What is waiting for the agent, derived from the campaign state: the one
 * thing a page in the background tells the agent about (the title, a desktop
 * notification, a ring). Plain data, no DOM.
 */
import type {TimeoutAction} from '../protocol/index.js';
import type {CampaignState} from './state.js';

export interface Attention {
  /** A reservation call to answer, or a contact to accept, skip or remove. */
  readonly kind: 'reservation' | 'offer';
  /**
   * The same for as long as the same reservation or offer waits
   * (`reservation:<reservationId>`, `offer:<offerId>`): a new key is a new
   * thing to tell the agent.
   */
  readonly key: string;
  readonly campaignName: string;
  /** The contact's name (an offer's), as the dialer sent it. */
  readonly contactName: string | null;
  /** When the campaign's timeout action happens (epoch ms), or null for no limit. */
  readonly deadline: number | null;
  /** What happens at the deadline; null without one. */
  readonly timeoutAction: TimeoutAction | null;
}

/**
 * What needs the agent now: an offer shown and not yet decided, accepted or
 * expired, else a reservation call not yet answered nor being answered; null
 * when nothing waits, and always in a tab that mirrors another tab in charge
 * (`inCharge` false: that tab tells the agent, this one never does).
 */
export function selectAttention(state: CampaignState): Attention | null {
  if (!state.inCharge) return null;
  const {offer, reservation} = state;
  if (offer && !offer.decision && !offer.expired && offer.acceptedAt === null) {
    return {
      kind: 'offer',
      key: `offer:${offer.offerId}`,
      campaignName: offer.campaign.name,
      contactName: offer.contact.name,
      deadline: offer.deadline,
      timeoutAction: offer.deadline === null ? null : offer.campaign.timeoutAction,
    };
  }
  if (reservation && !reservation.answered && !reservation.answering) {
    return {
      kind: 'reservation',
      key: `reservation:${reservation.reservationId}`,
      campaignName: reservation.campaign.name,
      contactName: null,
      deadline: null,
      timeoutAction: null,
    };
  }
  return null;
}
