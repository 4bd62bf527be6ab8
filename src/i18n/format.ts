const formats = new Map<string, {one: Intl.NumberFormat; two: Intl.NumberFormat}>();

function numberFormats(locale: string) {
  let pair = formats.get(locale);
  if (!pair) {
    pair = {
      one: new Intl.NumberFormat(locale, {useGrouping: false}),
      two: new Intl.NumberFormat(locale, {useGrouping: false, minimumIntegerDigits: 2}),
    };
    formats.set(locale, pair);
  }
  return pair;
}

/**
 * Formats a duration as m:ss, or h:mm:ss from one hour on, with the digits of
 * `locale`. Negative and non-finite durations show as 0:00.
 */
export function formatDuration(ms: number, round: 'floor' | 'ceil' = 'floor', locale = 'en'): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math[round](ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const {one, two} = numberFormats(locale);
  return hours > 0 ? `${one.format(hours)}:${two.format(minutes)}:${two.format(seconds)}` : `${one.format(minutes)}:${two.format(seconds)}`;
}

/** A whole number in the digits of `locale`. */
export function formatCount(value: number, locale = 'en'): string {
  return numberFormats(locale).one.format(value);
}
