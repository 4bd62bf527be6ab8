/**
 * When time alone changes what the machine does or what a view shows. The
 * store feeds the machine a tick at that moment, so views follow the clock
 * with no dialer event.
 */
import type {CampaignState} from './state.js';

const MINUTE = 60_000;

/**
 * The first moment after `now` (epoch ms) at which the state or a view may
 * change by time alone, or null when nothing depends on time:
 * - the offer's deadline (R-C1), until it was handled;
 * - the wrap-up's deadline, while the disposition is owed;
 * - the next minute, while an offer shows the contact's local time against a
 *   calling window (its edges fall on whole minutes).
 * A deadline already reached gives `now`: it is due at once.
 */
export function nextTimeChange(state: CampaignState, now: number): number | null {
  const moments: number[] = [];
  const {offer, call} = state;
  if (offer && !offer.decision && !offer.expired) {
    if (!offer.timedOut && offer.deadline !== null) moments.push(offer.deadline);
    if (offer.campaign.callingWindow && offer.contact.timeZone) moments.push((Math.floor(now / MINUTE) + 1) * MINUTE);
  }
  const wrapUp = call?.wrapUp;
  if (wrapUp && wrapUp.disposition === null && wrapUp.deadline !== null) {
    if (wrapUp.deadline > now) moments.push(wrapUp.deadline);
  }
  if (!moments.length) return null;
  return Math.max(now, Math.min(...moments));
}
