/** What the agent and the kit may do now: the guards the machine and the views share. */
import type {DialerCommandType} from '../protocol/index.js';
import {withinCallingWindow} from './calling-window.js';
import {isCallActive, wrapUpPending, type CampaignState, type Decision, type Offer} from './state.js';

/** The command each decision sends. */
export const DECISION_COMMAND: Record<Decision, DialerCommandType> = {
  accept: 'accept',
  skip: 'skip',
  remove: 'remove',
  leave: 'leave-campaign',
};

/** The dialer can perform `command`, and the line to it is up. */
export function can(state: CampaignState, command: DialerCommandType): boolean {
  return state.connected && state.capabilities.actions.includes(command);
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

/** Whether the Campaign button may ask for a contact (R-M1, R-U2), not during a call nor its wrap-up. */
export function canRequestContact(state: CampaignState, now: number): boolean {
  return (
    !wrapUpPending(state.call, now) &&
    can(state, 'request-contact') &&
    state.agent.state === 'available' &&
    !state.requesting &&
    state.offer === null &&
    state.reservation === null &&
    state.limit === null &&
    !isCallActive(state.call)
  );
}

