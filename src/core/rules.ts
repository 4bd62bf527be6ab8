/** What the agent and the kit may do now: the guards the machine and the views share. */
import type {DialerCommandType} from '../protocol/index.js';
import {withinCallingWindow} from './calling-window.js';
import {isCallActive, isConnecting, wrapUpPending, type CampaignState, type Decision, type Offer} from './state.js';

/** The command each decision sends. */
export const DECISION_COMMAND: Record<Decision, DialerCommandType> = {
  accept: 'accept',
  skip: 'skip',
  remove: 'remove',
  leave: 'leave-campaign',
};

/** The dialer can perform `command`, and the line to it is up. */
export function can(state: CampaignState, command: DialerCommandType): boolean {
  return state.inCharge && state.connected && state.capabilities.actions.includes(command);
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
export function canDial(state: CampaignState): boolean {
  return state.limit === null && !isCallActive(state.call);
}

/**
 * Why the Campaign button can or cannot ask for a contact now (R-M1): `ready`
 * when it can, otherwise the first thing in the way.
 */
export type RequestContactReason =
  'ready' | 'elsewhere' | 'disconnected' | 'limit' | 'call-in-progress' | 'wrap-up' | 'contact-shown' | 'requesting' | 'not-available';

/** The first thing that keeps the agent from asking for a contact (R-A1, R-L1, R-U2), or `ready`. */
export function requestContactReason(state: CampaignState, now: number): RequestContactReason {
  if (!state.inCharge) return 'elsewhere';
  if (!state.connected) return 'disconnected';
  if (state.limit) return 'limit';
  if (isCallActive(state.call) || isConnecting(state.offer)) return 'call-in-progress';
  if (wrapUpPending(state.call, now)) return 'wrap-up';
  if (state.offer || state.reservation) return 'contact-shown';
  if (state.requesting) return 'requesting';
  if (state.agent.state !== 'available') return 'not-available';
  return 'ready';
}

/** Whether the Campaign button may ask for a contact (R-M1, R-U2), not during a call nor its wrap-up. */
export function canRequestContact(state: CampaignState, now: number): boolean {
  return can(state, 'request-contact') && requestContactReason(state, now) === 'ready';
}
