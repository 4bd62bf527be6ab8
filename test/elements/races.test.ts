/**
 * Races as the agent meets them, in Chromium on a fake clock: Accept clicked
 * once or several times in the same few milliseconds as the offer times out,
 * and clicks on an offer the dialer just withdrew. Randomized runs (seeded,
 * the seed is in the failure message); one decision command every time.
 */
import {expect, html} from '@open-wc/testing';
import '../../src/define.js';
import type {CampaignPreview} from '../../src/elements/campaign-preview/campaign-preview.js';
import {button, settle, useFakeClock, withDialer} from './support.js';

const RUNS = 40;
const DECISIONS = new Set(['accept', 'skip', 'remove', 'leave-campaign']);

/** A small seeded generator, so that a failing run can be replayed. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return (below: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}

async function offerShown(timeoutAction: 'skip' | 'accept' | 'remove') {
  const {el, dialer} = await withDialer<CampaignPreview>(
    html`<campaign-provider><campaign-preview></campaign-preview></campaign-provider>`,
    'campaign-preview',
  );
  dialer.emit({type: 'agent-state', state: 'available'});
  dialer.offer('o1', {timeoutMs: 5_000, timeoutAction});
  await settle(el);
  return {el, dialer, decisions: () => dialer.sent.filter((c) => DECISIONS.has(c.type))};
}

describe('races in the elements (randomized)', () => {
  it(`Accept clicked 1-3 times within 2 ms of the timeout sends one decision (${RUNS} runs)`, async () => {
    const seed = Date.now();
    const next = random(seed);
    for (let run = 0; run < RUNS; run += 1) {
      const clock = useFakeClock();
      const {el, decisions} = await offerShown((['skip', 'accept', 'remove'] as const)[next(3)]);
      clock.tick(5_000 + next(5) - 2);
      const clicks = 1 + next(3);
      for (let i = 0; i < clicks; i += 1) button(el, 'Accept')?.click();
      clock.tick(1_000);
      await settle(el);
      expect(decisions().length, `seed ${seed}, run ${run}: ${JSON.stringify(decisions())}`).to.equal(1);
      clock.restore();
      el.closest('campaign-provider')!.remove();
    }
  });

  it(`clicks on an offer the dialer withdraws in the same instant send nothing for it (${RUNS} runs)`, async () => {
    const seed = Date.now();
    const next = random(seed);
    for (let run = 0; run < RUNS; run += 1) {
      const {el, dialer, decisions} = await offerShown('skip');
      const name = (['Accept', 'Skip', 'Remove'] as const)[next(3)];
      const target = button(el, name)!;
      const withdrawFirst = next(2) === 0;
      if (withdrawFirst) dialer.emit({type: 'offer-withdrawn', offerId: 'o1', reason: 'withdrawn'});
      target.click();
      target.click();
      if (!withdrawFirst) dialer.emit({type: 'offer-withdrawn', offerId: 'o1', reason: 'withdrawn'});
      await settle(el);
      expect(decisions().length, `seed ${seed}, run ${run}: ${name}`).to.equal(withdrawFirst ? 0 : 1);
      el.closest('campaign-provider')!.remove();
    }
  });
});
