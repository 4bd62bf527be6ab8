/**
 * When time alone changes what the machine does or what a view shows. The
 * store feeds the machine a tick at that moment, so views follow the clock
 * with no dialer event.
 */
import {isConnecting, type CampaignState} from './state.js';

const MINUTE = 60_000;

/**
 * The first moment after `now` (epoch ms) at which the state or a view may
 * change by time alone, or null when nothing depends on time:
 * - the offer's deadline (R-C1), until it was handled;
 * - the wrap-up's deadline, while the disposition is owed;
 * - the next minute, while an offer shows the contact's local time against a
 *   calling window (its edges fall on whole minutes);
 * - when an accepted offer's call is late (`settings.connectingNoticeMs`).
 * A deadline already reached gives `now`: it is due at once; but not in a tab
 * that is not in charge, which acts on no deadline and only follows the clock.
 */
export function nextTimeChange(state: CampaignState, now: number): number | null {
  const moments: number[] = [];
  const {offer, call} = state;
  if (offer && !offer.decision && !offer.expired) {
    if (!offer.timedOut && offer.deadline !== null) moments.push(offer.deadline);
    if (offer.campaign.callingWindow && offer.contact.timeZone) moments.push((Math.floor(now / MINUTE) + 1) * MINUTE);
  }
  const notice = state.settings.connectingNoticeMs;
  if (offer && isConnecting(offer) && !offer.slow && notice > 0) moments.push(offer.acceptedAt! + notice);
  const wrapUp = call?.wrapUp;
  if (wrapUp && wrapUp.disposition === null && wrapUp.deadline !== null) {
    if (wrapUp.deadline > now) moments.push(wrapUp.deadline);
  }
  const due = state.inCharge ? moments : moments.filter((at) => at > now);
  if (!due.length) return null;
  return Math.max(now, Math.min(...due));
}
