import {expect, fixture, html} from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/elements/call-timer/define.js';
import type {CallTimer} from '../../src/elements/call-timer/call-timer.js';
import {sharedTicker} from '../../src/controllers/shared-ticker.js';

describe('<call-timer>', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({now: new Date('2026-01-01T10:00:00.000Z').getTime(), toFake: ['setTimeout', 'clearTimeout', 'Date']});
  });
  afterEach(() => clock.restore());

  const text = (el: CallTimer) => el.shadowRoot!.querySelector('time')!.textContent!.trim();

  it('R-U3 counts up from its anchor in m:ss', async () => {
    const el = await fixture<CallTimer>(html`<call-timer .since=${Date.now() - 5_000} label="Elapsed"></call-timer>`);
    expect(text(el)).to.equal('0:05');
    await clock.tickAsync(60_000);
    await el.updateComplete;
    expect(text(el)).to.equal('1:05');
    clock.restore(); // axe schedules its own timers
    await expect(el).to.be.accessible();
  });

  it('switches to h:mm:ss from one hour on', async () => {
    const el = await fixture<CallTimer>(html`<call-timer .since=${Date.now() - 3_725_000}></call-timer>`);
    expect(text(el)).to.equal('1:02:05');
  });

  it('counts down to a deadline and never below 0:00', async () => {
    const el = await fixture<CallTimer>(html`<call-timer .until=${Date.now() + 2_500}></call-timer>`);
    expect(text(el)).to.equal('0:03');
    await clock.tickAsync(10_000);
    await el.updateComplete;
    expect(text(el)).to.equal('0:00');
  });

  it('is right after a sleeping tab: the time comes from the wall clock, not counted ticks', async () => {
    const el = await fixture<CallTimer>(html`<call-timer .since=${Date.now()}></call-timer>`);
    clock.setSystemTime(Date.now() + 600_000); // ten minutes pass with no tick (tab asleep)
    await clock.tickAsync(1_000);
    await el.updateComplete;
    expect(text(el)).to.equal('10:01');
  });

  it('shares one ticker between every timer and stops it when none is connected', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div>
      ${Array.from({length: 50}, () => html`<call-timer .since=${Date.now()}></call-timer>`)}
    </div>`);
    expect(sharedTicker.listening).to.equal(50);
    const before = sharedTicker.fired;
    await clock.tickAsync(3_000);
    expect(sharedTicker.fired - before).to.equal(3);
    parent.remove();
    expect(sharedTicker.listening).to.equal(0);
    expect(clock.countTimers()).to.equal(0);
  });
});
