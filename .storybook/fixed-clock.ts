/**
 * The fixed clock of the stories: while a story renders, `Date.now()` returns
 * one instant, so a story looks the same whenever it is opened (a 30-second
 * countdown shows 0:30, an hour-long timer 1:02:05, the history "2 days ago").
 * The scenarios read `Date.now()` when the story renders, and the elements read
 * it through the shared ticker (`src/controllers/shared-ticker.ts`, whose
 * default time source calls `Date.now()`), so the state and the elements'
 * clocks agree. The ticker keeps firing; it finds the same time each second.
 *
 * Only `Date.now` is frozen: timers (`setTimeout`), `performance.now()` and
 * `new Date()` run as usual, so Storybook itself is unaffected. A story tagged
 * `real-time` (the interactive simulated campaign, which runs a dialer in real
 * time) renders on the real clock, and has no visual baseline.
 */

/** Tuesday 10 March 2026, 13:30:00 UTC (10:30 in São Paulo): the instant every story is rendered at. */
export const STORY_NOW = Date.UTC(2026, 2, 10, 13, 30, 0);

const realNow = Date.now;
/** Stories rendered now on the fixed clock (a docs page renders several at once). */
let holders = 0;

/** Freezes `Date.now()` at `at` until the returned function is called (nested freezes count). */
export function freezeClock(at: number = STORY_NOW): () => void {
  holders++;
  Date.now = () => at;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0) Date.now = realNow;
  };
}
