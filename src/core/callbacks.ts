/**
 * Scheduling a callback (beyond the source text): what makes a request valid,
 * and turning a wall-clock time in the contact's time zone into epoch ms.
 * Pure; time zones are resolved by `Intl`.
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

/** The offset of `timeZone` from UTC at `epoch`, in ms. */
function offsetAt(timeZone: string, epoch: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(epoch);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/**
 * Epoch ms of a `YYYY-MM-DDTHH:MM` wall-clock time in `timeZone` (a
 * `datetime-local` input's value), or NaN when it is not one.
 */
export function zonedTimeToEpoch(value: string, timeZone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return Number.NaN;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset across a daylight-saving change.
  let epoch = wall - offsetAt(timeZone, wall);
  epoch = wall - offsetAt(timeZone, epoch);
  return epoch;
}

/** The `YYYY-MM-DDTHH:MM` wall-clock time of `epoch` in `timeZone` (for a `datetime-local` input). */
export function epochToZonedTime(epoch: number, timeZone: string): string {
  const shifted = new Date(epoch + offsetAt(timeZone, epoch));
  return shifted.toISOString().slice(0, 16);
}
