/**
 * The contact's local time and whether it falls inside the campaign's calling
 * window. Pure: time comes in as epoch ms, zones are resolved by `Intl`.
 */
import type {CallingWindow} from '../protocol/index.js';

export interface LocalTime {
  /** Minutes since local midnight. */
  readonly minutes: number;
  /** `HH:MM` on a 24-hour clock. */
  readonly clock: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The time of day at `now` in `timeZone`. */
export function localTime(timeZone: string, now: number): LocalTime {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return {minutes: hour * 60 + minute, clock: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`};
}

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Whether `minutes` (since local midnight) is inside the window; a window may run past midnight. */
export function insideWindow(window: CallingWindow, minutes: number): boolean {
  const start = toMinutes(window.start);
  const end = toMinutes(window.end);
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** Whether the contact may be called at `now`: true when the campaign has no window or the contact no time zone. */
export function withinCallingWindow(window: CallingWindow | undefined, timeZone: string | undefined, now: number): boolean {
  if (!window || !timeZone) return true;
  return insideWindow(window, localTime(timeZone, now).minutes);
}
