/**
 * The store's own events reach the page once per store, from its provider,
 * whatever elements are mounted (issue 10, points 2 and 3).
 */
import {expect, fixture, html} from '@open-wc/testing';
import {DialerError} from '../../src/adapters/dialer-adapter.js';
import {registerCampaignStore} from '../../src/context/store-registry.js';
import {provideCampaignStore} from '../../src/elements/campaign-provider/campaign-provider.js';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import type {CampaignIntentEvent} from '../../src/events/intent-event.js';
import {ScriptedDialer, button, settle, useFakeClock, withDialer} from './support.js';

/** Every `campaign-error` and `campaign-skip` that reaches the document, with where it came from. */
function listen() {
  const errors: {code: string; from: string}[] = [];
  const skips: {source: string; from: string}[] = [];
  const onError = (e: Event) => errors.push({code: (e as CustomEvent).detail.code, from: (e.target as Element).localName});
  const onSkip = (e: Event) => skips.push({source: (e as CampaignIntentEvent).detail.source, from: (e.target as Element).localName});
  document.addEventListener('campaign-error', onError);
  document.addEventListener('campaign-skip', onSkip);
  after(() => {
    document.removeEventListener('campaign-error', onError);
    document.removeEventListener('campaign-skip', onSkip);
  });
  return {errors, skips};
}

const refusingSkips = () => {
  const dialer = new ScriptedDialer();
  dialer.refuse = (c) => (c.type === 'skip' && c.source === 'agent' ? new DialerError('E_BUSY', 'Busy') : null);
  return dialer;
};

describe("the store's events", () => {
  const seen = listen();
  beforeEach(() => {
    seen.errors.splice(0);
    seen.skips.splice(0);
  });

  it('two previews: one campaign-error, one timeout intent and one command', async () => {
    const clock = useFakeClock();
    const {provider, dialer} = await withDialer(
      html`<campaign-provider><campaign-preview></campaign-preview><campaign-preview></campaign-preview></campaign-provider>`,
      'campaign-preview',
      refusingSkips(),
    );
    const [first, second] = provider.querySelectorAll('campaign-preview');
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {timeoutMs: 5_000, timeoutAction: 'skip'});
    await settle(first);
    await settle(second);
    button(first, 'Skip')!.click();
    await settle(first);
    expect(seen.errors).to.deep.equal([{code: 'E_BUSY', from: 'campaign-provider'}]);
    expect(seen.skips, "the agent's own Skip, from the element pressed").to.deep.equal([{source: 'agent', from: 'campaign-preview'}]);
    await clock.tickAsync(5_000);
    expect(seen.skips.slice(1)).to.deep.equal([{source: 'timeout', from: 'campaign-provider'}]);
    expect(dialer.sent.filter((c) => c.type === 'skip' && c.source === 'timeout')).to.have.length(1);
  });

  it('a page with only a task card: one campaign-error, and the timeout command', async () => {
    const clock = useFakeClock();
    const {dialer, store} = await withDialer(
      html`<campaign-provider><campaign-task-card></campaign-task-card></campaign-provider>`,
      'campaign-task-card',
      refusingSkips(),
    );
    dialer.offer('o1', {timeoutMs: 5_000, timeoutAction: 'skip'});
    store.dispatch({type: 'skip', offerId: 'o1'});
    dialer.emit({type: 'nonsense'});
    expect(seen.errors.map((e) => e.code)).to.deep.equal(['E_BUSY', 'invalid-event']);
    await clock.tickAsync(5_000);
    expect(seen.skips).to.deep.equal([{source: 'timeout', from: 'campaign-provider'}]);
    expect(dialer.sent.at(-1)).to.deep.include({type: 'skip', offerId: 'o1', source: 'timeout'});
  });

  it('a host that cancels the timeout intent takes the action over: nothing is sent', async () => {
    const clock = useFakeClock();
    const {provider, dialer} = await withDialer(html`<campaign-provider></campaign-provider>`, 'none');
    provider.addEventListener('campaign-skip', (e) => e.preventDefault());
    dialer.offer('o1', {timeoutMs: 5_000, timeoutAction: 'skip'});
    await clock.tickAsync(5_000);
    expect(seen.skips).to.have.length(1);
    expect(dialer.sent).to.deep.equal([]);
  });

  it('a preview mounted after an error fires no old error', async () => {
    const {provider, dialer} = await withDialer(html`<campaign-provider></campaign-provider>`, 'none');
    dialer.emit({type: 'nonsense'});
    expect(seen.errors).to.have.length(1);
    const late = document.createElement('campaign-preview');
    provider.append(late);
    await settle(late);
    expect(late.shadowRoot!.textContent, 'the notice is still shown').to.contain('could not read');
    expect(seen.errors).to.have.length(1);
  });

  it('several providers of one store (a multi-area layout): each error once', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <campaign-provider store-name="areas"><campaign-preview></campaign-preview></campaign-provider>
      <campaign-provider store-name="areas"><campaign-task-card></campaign-task-card></campaign-provider>
    </div>`);
    const dialer = new ScriptedDialer();
    const withdraw = registerCampaignStore(createCampaignStore(dialer), 'areas');
    await settle(page.querySelector('campaign-preview')!);
    dialer.emit({type: 'nonsense'});
    expect(seen.errors).to.deep.equal([{code: 'invalid-event', from: 'campaign-provider'}]);
    const [first, second] = page.querySelectorAll('campaign-provider');
    const targets: EventTarget[] = [];
    const record = (e: Event) => targets.push(e.target!);
    document.addEventListener('campaign-error', record);
    first.remove();
    dialer.emit({type: 'nonsense'});
    document.removeEventListener('campaign-error', record);
    expect(seen.errors, 'once').to.have.length(2);
    expect(targets, 'the remaining provider takes over').to.deep.equal([second]);
    withdraw();
  });

  it('provideCampaignStore dispatches them from the host it was given', async () => {
    const root = await fixture<HTMLElement>(html`<main><campaign-task-card></campaign-task-card></main>`);
    const dialer = new ScriptedDialer();
    const swap = provideCampaignStore(root, createCampaignStore(dialer));
    dialer.emit({type: 'nonsense'});
    expect(seen.errors).to.deep.equal([{code: 'invalid-event', from: 'main'}]);
    swap(undefined);
    dialer.emit({type: 'nonsense'});
    expect(seen.errors, 'withdrawn: no more events').to.have.length(1);
  });
});
