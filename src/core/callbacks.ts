/**
 * Scheduling a callback (beyond the source text): what makes a request valid,
 * checked by the machine before the command goes out. Pure; time zones are
 * resolved by `Intl`.
 */
import type {Campaign, Contact} from '../protocol/index.js';
import {insideWindow, localTime} from './calling-window.js';

export interface CallbackRequest {
  readonly at: number;
  readonly phoneNumber: string;
  readonly backToMe: boolean;
}

export type CallbackProblem = 'not-allowed' | 'past' | 'outside-window' | 'number' | 'back-to-me';

const PHONE = /^\+?[0-9][0-9 ()-]{2,39}$/;

/** Why this callback cannot be scheduled at `now`, or null when it can. */
export function callbackProblem(campaign: Campaign, contact: Contact, request: CallbackRequest, now: number): CallbackProblem | null {
  const options = campaign.callbacks;
  if (!options) return 'not-allowed';
  if (!Number.isFinite(request.at) || request.at <= now) return 'past';
  const window = campaign.callingWindow;
  if (window && contact.timeZone && !insideWindow(window, localTime(contact.timeZone, request.at).minutes)) {
    return 'outside-window';
  }
  const known = contact.phoneNumbers.some((p) => p.number === request.phoneNumber);
  if (!known && !(options.allowOtherNumber && PHONE.test(request.phoneNumber))) return 'number';
  if (request.backToMe && !options.allowBackToMe) return 'back-to-me';
  return null;
}
