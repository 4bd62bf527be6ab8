/**
 * Wall-clock times in a given time zone, for `datetime-local` inputs: the
 * callback form shows and reads times in the contact's zone. Pure; zones are
 * resolved by `Intl`.
 */

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
