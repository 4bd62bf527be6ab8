/**
 * An agent's working day, in the elements: Connecting after Accept (and a
 * notice when the dialer is slow), End call on an answered call, and one tab
 * in charge among several (the mirror, Use here, the handover when a tab goes).
 */
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import type {CampaignPreview} from '../../src/elements/campaign-preview/campaign-preview.js';
import type {CampaignProvider} from '../../src/elements/campaign-provider/campaign-provider.js';
import type {CampaignTaskCard} from '../../src/elements/campaign-task-card/campaign-task-card.js';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {shareCampaignStore, type SharedCampaignStore} from '../../src/store/share-campaign-store.js';
import {ACTIONS_1_2} from '../core/fixtures.js';
import {ScriptedDialer, button, expectAccessible, expectRole, settle, useFakeClock, visibleText} from './support.js';

const WRAP_UP = {codes: [{code: 'sale', label: 'Renewed'}], allowNote: false, timeoutMs: 60_000};

async function desk(dialer = new ScriptedDialer({enforcesTimeout: false, actions: ACTIONS_1_2}), options = {}) {
  const provider = await fixture<CampaignProvider>(html`<campaign-provider>
    <campaign-preview></campaign-preview>
    <campaign-task-card></campaign-task-card>
  </campaign-provider>`);
  provider.store = createCampaignStore(dialer, options);
  const preview = provider.querySelector<CampaignPreview>('campaign-preview')!;
  const card = provider.querySelector<CampaignTaskCard>('campaign-task-card')!;
  const render = async () => {
    await settle(preview);
    await settle(card);
  };
  dialer.emit({type: 'agent-state', state: 'available'});
  await render();
  return {provider, preview, card, dialer, render};
}

describe('Connecting: after Accept, until the call starts', () => {
  it('the card and the dialog say Connecting, nothing is offered twice, and the call takes over', async () => {
    const {preview, card, dialer, render} = await desk();
    dialer.offer('o1', {wrapUp: WRAP_UP});
    await render();
    button(preview, 'Accept')!.click();
    await render();
    expect(card.status).to.equal('connecting');
    expect(visibleText(card)).to.contain('Connecting…');
    expect(visibleText(preview)).to.contain('Connecting to Maria Oliveira…');
    for (const name of ['Accept', 'Skip', 'Remove', 'Leave campaign']) expect(button(preview, name), name).to.equal(undefined);
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    await render();
    expect(preview.stage).to.equal('closed');
    expect(card.status).to.equal('ringing');
    expect(dialer.sent.filter((c) => c.type === 'accept')).to.have.length(1);
  });

  it('a dialer that has not started the call after connectingNoticeMs gets a visible, non-blocking notice, gone when the call starts', async () => {
    const clock = useFakeClock();
    const {preview, card, dialer, render} = await desk(undefined, {connectingNoticeMs: 8_000});
    dialer.offer('o1');
    await render();
    button(preview, 'Accept')!.click();
    await render();
    await clock.tickAsync(7_900);
    await render();
    expect(visibleText(preview)).not.to.contain('The call is taking long');
    await clock.tickAsync(200);
    await render();
    const notice = preview.shadowRoot!.querySelector('[part=notice]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(visibleText(preview)).to.contain('The call is taking long');
    expect(visibleText(preview), 'still connecting').to.contain('Connecting to Maria Oliveira…');
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'dialing'});
    await render();
    expect(preview.shadowRoot!.querySelector('[part=notice]')).to.equal(null);
    expect(card.status).to.equal('dialing');
  });

  it('in Portuguese', async () => {
    const {preview, card, dialer, render} = await desk();
    preview.lang = card.lang = 'pt-BR';
    dialer.offer('o1');
    await render();
    button(preview, 'Aceitar')!.click();
    await render();
    expect(visibleText(card)).to.contain('Conectando…');
    expect(visibleText(preview)).to.contain('Conectando com Maria Oliveira…');
  });
});

describe('End call', () => {
  async function connected(dialer?: ScriptedDialer) {
    const parts = await desk(dialer);
    parts.dialer.offer('o1', {wrapUp: WRAP_UP});
    await parts.render();
    button(parts.preview, 'Accept')!.click();
    parts.dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    parts.dialer.emit({type: 'cpa-result', callId: 'c1', result: 'live-voice'});
    await parts.render();
    return parts;
  }

  it('hangs up the answered call: the dialer gets end-call, the card says Ending, and wrap-up follows', async () => {
    const {card, dialer, render} = await connected();
    await expectRole('button', 'End call with Maria Oliveira');
    expect(visibleText(card)).to.contain('Connected');
    await expectAccessible(card);
    setTimeout(() => button(card, 'End call')!.click());
    const event = await oneEvent(card, 'campaign-end-call');
    expect(event.detail).to.deep.equal({type: 'end-call', callId: 'c1', source: 'agent'});
    await render();
    expect(dialer.sent.at(-1)).to.deep.equal({type: 'end-call', v: 1, callId: 'c1'});
    const ending = button(card, 'Ending…')!;
    expect(ending.getAttribute('aria-disabled')).to.equal('true');
    ending.click();
    expect(
      dialer.sent.filter((c) => c.type === 'end-call'),
      'once',
    ).to.have.length(1);
    dialer.emit({type: 'call-ended', callId: 'c1'});
    await render();
    expect(card.status).to.equal('ended');
    expect(card.shadowRoot!.querySelector('[part=wrap-up] select'), 'the disposition is asked').to.exist;
    await expectAccessible(card);
  });

  it('a host that cancels campaign-end-call keeps the call; a dialer that refuses gives End call back', async () => {
    const {card, dialer, render} = await connected();
    card.addEventListener('campaign-end-call', (e) => e.preventDefault(), {once: true});
    button(card, 'End call')!.click();
    await render();
    expect(dialer.sent.some((c) => c.type === 'end-call')).to.equal(false);
    dialer.refuse = (command) => (command.type === 'end-call' ? new Error('busy line') : null);
    button(card, 'End call')!.click();
    await render();
    expect(button(card, 'End call'), 'offered again after the refusal').to.exist;
  });

  it('is not offered while ringing (Cancel is), nor by a dialer that cannot hang up', async () => {
    const ringing = await desk();
    ringing.dialer.offer('o1');
    await ringing.render();
    button(ringing.preview, 'Accept')!.click();
    ringing.dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    await ringing.render();
    expect(button(ringing.card, 'End call')).to.equal(undefined);
    expect(button(ringing.card, 'Cancel')).to.exist;
    ringing.provider.remove();
    const {card} = await connected(new ScriptedDialer({enforcesTimeout: false, actions: ACTIONS_1_2.filter((a) => a !== 'end-call')}));
    expect(card.status).to.equal('connected');
    expect(button(card, 'End call')).to.equal(undefined);
  });
});

describe('one tab in charge (Web Locks and BroadcastChannel of this page)', () => {
  let name = '';
  const stores: SharedCampaignStore[] = [];
  beforeEach(() => {
    name = `test-agent-${Math.random().toString(36).slice(2)}`;
  });
  afterEach(() => {
    stores.splice(0).forEach((store) => store.dispose());
  });

  /** One "tab": a provider with both elements and a store of the shared name, connecting to its own dialer. */
  async function tab() {
    const dialers: ScriptedDialer[] = [];
    const disconnected: ScriptedDialer[] = [];
    const store = shareCampaignStore({
      name,
      connect: () => {
        const dialer = new ScriptedDialer({enforcesTimeout: false, actions: ACTIONS_1_2});
        dialers.push(dialer);
        return dialer;
      },
      disconnect: (adapter) => disconnected.push(adapter as ScriptedDialer),
    });
    stores.push(store);
    const provider = await fixture<CampaignProvider>(html`<campaign-provider .store=${store}>
      <campaign-preview></campaign-preview>
      <campaign-task-card></campaign-task-card>
    </campaign-provider>`);
    const preview = provider.querySelector<CampaignPreview>('campaign-preview')!;
    const card = provider.querySelector<CampaignTaskCard>('campaign-task-card')!;
    let control = '';
    store.control$.subscribe((value) => (control = value));
    const render = async () => {
      await settle(preview);
      await settle(card);
    };
    return {store, provider, preview, card, dialers, disconnected, render, control: () => control};
  }

  it('the second tab mirrors the first read-only, says so, and Use here moves control both ways', async () => {
    const a = await tab();
    await waitUntil(() => a.control() === 'here', 'the first tab takes charge');
    const b = await tab();
    await waitUntil(() => b.control() === 'elsewhere', 'the second tab follows');
    expect(b.dialers, 'a tab not in charge does not connect').to.have.length(0);
    a.dialers[0].emit({type: 'agent-state', state: 'available'});
    a.dialers[0].offer('o1');
    await waitUntil(() => visibleText(b.preview).includes('Maria Oliveira'), 'the offer is mirrored');
    await b.render();
    expect(visibleText(b.preview)).to.contain('Active in another tab');
    expect(button(b.preview, 'Accept'), 'nothing to decide here').to.equal(undefined);
    expect(button(a.preview, 'Accept')).to.exist;
    expect(button(b.preview, 'Use here')!.title).to.equal('Move your campaign contacts to this tab');
    await expectAccessible(b.preview);

    button(b.preview, 'Use here')!.click();
    await waitUntil(() => b.control() === 'here' && a.control() === 'elsewhere', 'control moves to the second tab');
    expect(b.dialers).to.have.length(1);
    expect(a.disconnected, 'the first tab lets its dialer go').to.deep.equal([a.dialers[0]]);
    // The second tab's own dialer takes over from what it showed.
    b.dialers[0].emit({type: 'agent-state', state: 'available'});
    b.dialers[0].offer('o1');
    await b.render();
    button(b.preview, 'Accept')!.click();
    expect(b.dialers[0].sent.map((c) => c.type)).to.deep.equal(['accept']);
    expect(a.dialers[0].sent, 'the first tab sent nothing').to.deep.equal([]);
    await waitUntil(() => visibleText(a.preview).includes('Connecting to Maria Oliveira…'), 'the first tab mirrors the second');
    await a.render();
    expect(visibleText(a.preview)).to.contain('Active in another tab');

    button(a.preview, 'Use here')!.click();
    await waitUntil(() => a.control() === 'here' && b.control() === 'elsewhere', 'and back');
    expect(a.dialers, 'a fresh dialer each time a tab takes charge').to.have.length(2);
  });

  it('the card of a tab not in charge shows the call with no controls', async () => {
    const a = await tab();
    await waitUntil(() => a.control() === 'here');
    const b = await tab();
    await waitUntil(() => b.control() === 'elsewhere');
    const dialer = a.dialers[0];
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {wrapUp: WRAP_UP});
    await a.render();
    button(a.preview, 'Accept')!.click();
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'});
    await waitUntil(() => b.card.status === 'connected', 'the call is mirrored');
    await b.render();
    expect(button(a.card, 'End call')).to.exist;
    expect(button(b.card, 'End call')).to.equal(undefined);
    expect(visibleText(b.card)).to.contain('Active in another tab');
    dialer.emit({type: 'call-ended', callId: 'c1'});
    await waitUntil(() => b.card.status === 'ended');
    await b.render();
    expect(a.card.shadowRoot!.querySelector('[part=wrap-up] select'), 'the tab in charge asks the disposition').to.exist;
    expect(b.card.shadowRoot!.querySelector('[part=wrap-up] select'), 'the other only says it is owed').to.equal(null);
    expect(visibleText(b.card)).to.contain('Wrap-up');
  });

  it('when the tab in charge goes (closed, crashed), a waiting tab takes over and connects', async () => {
    const a = await tab();
    await waitUntil(() => a.control() === 'here');
    const b = await tab();
    await waitUntil(() => b.control() === 'elsewhere');
    a.provider.remove();
    a.store.dispose();
    await waitUntil(() => b.control() === 'here', 'the waiting tab takes charge');
    expect(b.dialers).to.have.length(1);
    await b.render();
    expect(visibleText(b.preview)).not.to.contain('Active in another tab');
  });
});
