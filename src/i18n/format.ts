/**
 * Formats a duration as m:ss, or h:mm:ss from one hour on. Negative and
 * non-finite durations show as 0:00.
 */
export function formatDuration(ms: number, round: 'floor' | 'ceil' = 'floor'): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math[round](ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}
