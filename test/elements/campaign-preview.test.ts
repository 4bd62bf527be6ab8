import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {CampaignPreview} from '../../src/elements/campaign-preview/campaign-preview.js';
import type {PreviewView} from '../../src/core/views.js';
import {
  button,
  campaign,
  contact,
  dialogName,
  expectAccessible,
  expectRole,
  plain,
  settle,
  skipWithoutHeldKeys,
  useFakeClock,
  visibleText,
  withDialer,
} from './support.js';

const mount = () =>
  withDialer<CampaignPreview>(html`<campaign-provider><campaign-preview></campaign-preview></campaign-provider>`, 'campaign-preview');

describe('<campaign-preview>', () => {
  it('R-M2 shows the reservation call step and answers it', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.emit({type: 'reservation-offered', reservationId: 'r1', campaign: campaign(), at: Date.now()});
    await settle(el);
    expect(dialogName(el)).to.equal('Reservation call');
    expect(visibleText(el)).to.contain('Renewals is reserving you');
    button(el, 'Answer')!.click();
    expect(dialer.sent).to.deep.include({type: 'answer-reservation', v: 1, reservationId: 'r1'});
    await expectAccessible(el);
  });

  it('R-M3 direct preview tells the agent they will hear ringback', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {mode: 'direct'});
    await settle(el);
    expect(visibleText(el)).to.contain('Direct preview: after Accept you hear ringback');
  });

  it('R-U1 shows the contact, its details and the actions, accessibly', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer();
    await settle(el);
    expect(dialogName(el)).to.equal('Campaign contact');
    const text = visibleText(el);
    expect(text).to.contain('Maria Oliveira');
    expect(text).to.contain('+55 11 91234-5678');
    expect(text).to.contain('Account');
    expect(text).to.contain('ACC-1');
    for (const name of ['Accept', 'Skip', 'Remove', 'Leave campaign']) await expectRole('button', name);
    await expectAccessible(el);
  });

  it('R-M2 Accept, Skip, Remove and Leave send their commands for the shown offer', async () => {
    for (const [name, type] of [
      ['Accept', 'accept'],
      ['Skip', 'skip'],
      ['Remove', 'remove'],
      ['Leave campaign', 'leave-campaign'],
    ]) {
      const {el, dialer} = await mount();
      dialer.emit({type: 'agent-state', state: 'available'});
      dialer.offer('o7');
      await settle(el);
      button(el, name)!.click();
      expect(dialer.sent.map((c) => c.type)).to.deep.equal([type]);
      expect((dialer.sent[0] as {offerId: string}).offerId).to.equal('o7');
      await settle(el);
      expect(button(el, name), `${name} gone after the decision`).to.equal(undefined);
    }
  });

  it('R-M2 the agent picks which number to dial', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer(
      'o1',
      {},
      {
        phoneNumbers: [
          {number: '111', label: 'Mobile'},
          {number: '222', label: 'Home'},
        ],
      },
    );
    await settle(el);
    const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]');
    expect(radios.length).to.equal(2);
    radios[1].click();
    await settle(el);
    button(el, 'Accept')!.click();
    expect(dialer.sent[0]).to.include({type: 'accept', phoneNumber: '222'});
  });

  it('R-C2 Skip and Remove are not offered when the campaign disables them', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {allowSkip: false, allowRemove: false});
    await settle(el);
    expect(button(el, 'Accept')).to.exist;
    expect(button(el, 'Skip')).to.equal(undefined);
    expect(button(el, 'Remove')).to.equal(undefined);
    await expectRole('button', 'Skip', false);
  });

  it('R-C1 the countdown names the pending action, announces thresholds, and the kit acts at the deadline', async () => {
    const clock = useFakeClock();
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {timeoutMs: 12_000, timeoutAction: 'remove'});
    await settle(el);
    const countdown = () => plain(el.shadowRoot!.querySelector('[part=countdown]')?.textContent ?? '');
    expect(countdown()).to.equal('Removing in 0:12');
    await clock.tickAsync(2_000);
    await settle(el);
    expect(countdown()).to.equal('Removing in 0:10');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Removing in 10 seconds');
    await clock.tickAsync(10_000);
    await settle(el);
    expect(dialer.sent).to.deep.equal([{type: 'remove', v: 1, offerId: 'o1', source: 'timeout'}]);
    expect(visibleText(el)).not.to.contain('Maria Oliveira');
  });

  it('R-C1 at the deadline the same intent event fires with source "timeout", and a host may take over', async () => {
    const clock = useFakeClock();
    const {el, dialer, provider} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {timeoutMs: 5_000, timeoutAction: 'skip'});
    await settle(el);
    const seen: unknown[] = [];
    provider.addEventListener('campaign-skip', (e) => {
      seen.push(e.detail);
      e.preventDefault();
    });
    await clock.tickAsync(5_000);
    await settle(el);
    expect(seen).to.deep.equal([{type: 'skip', offerId: 'o1', source: 'timeout'}]);
    expect(dialer.sent, 'the host took over: the kit sends nothing').to.deep.equal([]);
    expect(button(el, 'Accept'), 'the offer stays with the agent').to.exist;
  });

  it('R-C1 the countdown is right after the tab slept', async () => {
    const clock = useFakeClock();
    const dialerEnforcing = await withDialer<CampaignPreview>(
      html`<campaign-provider><campaign-preview></campaign-preview></campaign-provider>`,
      'campaign-preview',
    );
    const {el, dialer} = dialerEnforcing;
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {timeoutMs: 60_000});
    await settle(el);
    clock.setSystemTime(Date.now() + 45_000); // asleep: no timer ran
    await clock.tickAsync(1_000);
    await settle(el);
    expect(plain(el.shadowRoot!.querySelector('[part=countdown]')!.textContent!)).to.equal('Skipping in 0:14');
  });

  it('R-M1 the Campaign button asks for a contact only when the agent is Available', async () => {
    const {el, dialer} = await mount();
    await settle(el);
    const campaignButton = () => button(el, 'Campaign')!;
    expect(campaignButton().getAttribute('aria-disabled')).to.equal('true');
    campaignButton().click();
    expect(dialer.sent).to.deep.equal([]);
    dialer.emit({type: 'agent-state', state: 'available'});
    await settle(el);
    expect(campaignButton().getAttribute('aria-disabled')).to.equal('false');
    campaignButton().click();
    expect(dialer.sent).to.deep.equal([{type: 'request-contact', v: 1}]);
    await expectAccessible(el);
  });

  it('R-U2 after Accept the Campaign button is disabled and says why', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {mode: 'preview'});
    await settle(el);
    button(el, 'Accept')!.click();
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'dialing'});
    await settle(el);
    expect(button(el, 'Campaign')!.getAttribute('aria-disabled')).to.equal('true');
    expect(visibleText(el)).to.contain('Unavailable while a campaign call is in progress');
    button(el, 'Campaign')!.click();
    expect(dialer.sent.map((c) => c.type)).to.deep.equal(['accept']);
  });

  it('R-U5 after a failed attempt the dialog offers the next contact', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {mode: 'preview'});
    await settle(el);
    button(el, 'Accept')!.click();
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    dialer.emit({type: 'cpa-result', callId: 'c1', result: 'no-answer'});
    await settle(el);
    expect(visibleText(el)).to.contain('The call to Maria Oliveira did not go through: no answer.');
    button(el, 'Next contact')!.click();
    expect(dialer.sent.at(-1)).to.deep.equal({type: 'request-contact', v: 1});
    await expectAccessible(el);
  });

  it('R-L1 shows the limit reason code and holds Accept back', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.emit({type: 'limit-reached', scope: 'tenant', code: 'MAX_CONCURRENT_CALLS', message: 'Tenant limit of 50 calls reached.'});
    dialer.offer();
    await settle(el);
    const text = visibleText(el);
    expect(text).to.contain('Call limit reached');
    expect(text).to.contain('MAX_CONCURRENT_CALLS');
    expect(text).to.contain('Tenant limit of 50 calls reached.');
    expect(button(el, 'Accept')).to.equal(undefined);
    expect(text).to.contain('Accept is unavailable until calls can be made again.');
    await expectAccessible(el);
  });

  it('a host can veto a command by cancelling the intent event', async () => {
    const {el, dialer, provider} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer();
    await settle(el);
    provider.addEventListener('campaign-accept', (e) => e.preventDefault(), {once: true});
    setTimeout(() => button(el, 'Accept')!.click());
    const event = await oneEvent(provider, 'campaign-accept');
    expect(event.detail).to.include({type: 'accept', offerId: 'o1'});
    expect(event.cancelable && event.composed && event.bubbles).to.equal(true);
    expect(dialer.sent).to.deep.equal([]);
  });

  it('works by keyboard: Tab to Accept and press Enter', async function () {
    skipWithoutHeldKeys(this);
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer();
    await settle(el);
    button(el, 'Accept')!.focus();
    await sendKeys({press: 'Tab'});
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Skip');
    await sendKeys({down: 'Shift'});
    await sendKeys({press: 'Tab'});
    await sendKeys({up: 'Shift'});
    await sendKeys({press: 'Enter'});
    expect(dialer.sent.map((c) => c.type)).to.deep.equal(['accept']);
  });

  it("R-A2 a reservation call that rang out leaves the screen and says it was missed, in the agent's language", async () => {
    const {el, dialer, provider} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.emit({type: 'reservation-offered', reservationId: 'r1', campaign: campaign(), at: Date.now()});
    await settle(el);
    expect(button(el, 'Answer')).to.exist;
    dialer.emit({type: 'reservation-withdrawn', reservationId: 'r1', reason: 'missed'});
    await settle(el);
    expect(button(el, 'Answer'), 'nothing left to answer').to.equal(undefined);
    const alert = el.shadowRoot!.querySelector('[part=notice][role=alert]')!;
    expect(plain(alert.textContent!)).to.contain('Reservation call missed').and.contain('stopped ringing before you answered it');
    provider.setAttribute('lang', 'pt-BR');
    await settle(el);
    expect(plain(el.shadowRoot!.querySelector('[part=notice]')!.textContent!)).to.contain('Chamada de reserva perdida');
  });

  it('moves focus into the dialog when the pressed button goes away, and never steals it', async () => {
    const {el, dialer, provider} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.emit({type: 'reservation-offered', reservationId: 'r1', campaign: campaign(), at: Date.now()});
    await settle(el);
    button(el, 'Answer')!.focus();
    await sendKeys({press: 'Enter'});
    dialer.emit({type: 'reservation-answered', reservationId: 'r1'});
    dialer.offer();
    await settle(el);
    expect(el.shadowRoot!.activeElement?.getAttribute('role')).to.equal('dialog');
    await sendKeys({press: 'Tab'});
    expect(el.shadowRoot!.activeElement?.closest('[role=dialog]'), 'Tab continues inside the dialog').to.exist;

    const notes = document.createElement('input');
    provider.append(notes);
    notes.focus();
    button(el, 'Skip')!.click();
    dialer.offer('o2');
    await settle(el);
    expect(document.activeElement).to.equal(notes);
  });

  it('a double click raises one intent event and sends one command', async () => {
    const {el, dialer, provider} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer();
    await settle(el);
    let events = 0;
    provider.addEventListener('campaign-accept', () => events++);
    const accept = button(el, 'Accept')!;
    accept.click();
    accept.click();
    expect(events).to.equal(1);
    expect(dialer.sent.length).to.equal(1);
  });

  it('after Accept in preview mode the dialog says Connecting, with nothing to press twice; then focus goes back to the Campaign button', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {mode: 'preview'});
    await settle(el);
    button(el, 'Accept')!.focus();
    await sendKeys({press: 'Enter'});
    await settle(el);
    expect(el.stage).to.equal('connecting');
    expect(el.shadowRoot!.activeElement?.getAttribute('role')).to.equal('dialog');
    expect(visibleText(el)).to.contain('Connecting to Maria Oliveira…');
    expect(button(el, 'Accept'), 'Accept is not offered twice').to.equal(undefined);
    await sendKeys({press: 'Enter'});
    expect(dialer.sent.filter((c) => c.type === 'accept')).to.have.length(1);
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    await settle(el);
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('Campaign');
  });

  it('keyboard shortcuts: Alt+Shift+S skips from anywhere on the page; hosts remap or turn them off', async function () {
    skipWithoutHeldKeys(this);
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer();
    await settle(el);
    expect(button(el, 'Skip')!.getAttribute('aria-keyshortcuts')).to.equal('Alt+Shift+S');
    const press = async (...keys: string[]) => {
      for (const key of keys.slice(0, -1)) await sendKeys({down: key});
      await sendKeys({press: keys.at(-1)!});
      for (const key of keys.slice(0, -1).reverse()) await sendKeys({up: key});
    };
    el.shortcuts = {skip: null, accept: 'Control+Enter'};
    await settle(el);
    await press('Alt', 'Shift', 'KeyS');
    expect(dialer.sent).to.deep.equal([], 'skip was turned off');
    await press('Control', 'Enter');
    expect(dialer.sent.map((c) => c.type)).to.deep.equal(['accept']);

    const second = await mount();
    second.el.noShortcuts = true;
    second.dialer.emit({type: 'agent-state', state: 'available'});
    second.dialer.offer();
    await settle(second.el);
    await press('Alt', 'Shift', 'KeyA');
    expect(second.dialer.sent).to.deep.equal([]);
    second.el.noShortcuts = false;
    await settle(second.el);
    await press('Alt', 'Shift', 'KeyR');
    expect(second.dialer.sent.map((c) => c.type)).to.deep.equal(['remove']);
  });

  it('keyboard shortcuts leave keys typed into a field alone', async function () {
    skipWithoutHeldKeys(this);
    const {el, dialer, provider} = await mount();
    const notes = document.createElement('textarea');
    provider.append(notes);
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer();
    await settle(el);
    notes.focus();
    await sendKeys({down: 'Alt'});
    await sendKeys({down: 'Shift'});
    await sendKeys({press: 'KeyA'});
    await sendKeys({up: 'Shift'});
    await sendKeys({up: 'Alt'});
    expect(dialer.sent).to.deep.equal([]);
  });

  it('announces the new contact once, name first, even when the countdown starts at an announced threshold', async () => {
    const clock = useFakeClock();
    const {el, dialer, provider} = await mount();
    // The agent is typing elsewhere: focus stays there, and the live region speaks.
    const notes = document.createElement('input');
    provider.before(notes);
    notes.focus();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {timeoutMs: 30_000});
    await settle(el);
    const live = () => plain(el.shadowRoot!.querySelector('[role=status]')!.textContent!);
    expect(live()).to.equal('Campaign contact: Maria Oliveira. Skipping in 30 seconds');
    await clock.tickAsync(1_000);
    await settle(el);
    expect(live()).to.equal('Campaign contact: Maria Oliveira. Skipping in 30 seconds');
    expect(document.activeElement).to.equal(notes);
    await clock.tickAsync(19_000);
    await settle(el);
    expect(live()).to.equal('Skipping in 10 seconds');
  });

  it('hosts add their own content through slots', async () => {
    const {el, dialer} = await withDialer<CampaignPreview>(
      html`<campaign-provider>
        <campaign-preview>
          <a slot="contact-header" href="#crm">Open in CRM</a>
          <p slot="details">Last contact: 2 days ago</p>
          <button slot="actions">Schedule callback</button>
        </campaign-preview>
      </campaign-provider>`,
      'campaign-preview',
    );
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer();
    await settle(el);
    const assigned = (name: string) =>
      el
        .shadowRoot!.querySelector<HTMLSlotElement>(`slot[name=${name}]`)!
        .assignedElements()
        .map((e) => e.textContent);
    expect(assigned('contact-header')).to.deep.equal(['Open in CRM']);
    expect(assigned('details')).to.deep.equal(['Last contact: 2 days ago']);
    expect(assigned('actions')).to.deep.equal(['Schedule callback']);
    await expectAccessible(el);
  });

  it('shows a refused command as an error, fires campaign-error, and lets the agent retry', async () => {
    const {el, dialer, provider} = await mount();
    dialer.refuse = (c) => (c.type === 'skip' ? Object.assign(new Error('Dialer is busy'), {code: 'E_BUSY'}) : null);
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer();
    await settle(el);
    setTimeout(() => button(el, 'Skip')!.click());
    const error = await oneEvent(provider, 'campaign-error');
    expect(error.detail).to.include({code: 'E_BUSY', action: 'skip'});
    await settle(el);
    expect(visibleText(el)).to.contain('Dialer is busy');
    expect(button(el, 'Skip')).to.exist;
    await expectAccessible(el);
  });

  it('shows when the dialer is offline: no action offered until it is back', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer();
    dialer.emit({type: 'connection-state', state: 'offline'});
    await settle(el);
    expect(visibleText(el)).to.contain('The connection to the dialer is down. Reconnecting…');
    expect(button(el, 'Accept')).to.equal(undefined);
    await expectAccessible(el);
    dialer.emit({type: 'connection-state', state: 'online'});
    await settle(el);
    expect(visibleText(el)).not.to.contain('connection to the dialer is down');
    expect(button(el, 'Accept')).to.exist;
  });

  it('bad input: an invalid event shows a visible error and the stream goes on', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'contact-offered', offerId: 'o1', campaign: 'nope'});
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o2');
    await settle(el);
    const text = visibleText(el);
    expect(text).to.contain('The dialer sent something the kit could not read');
    expect(text).to.contain('campaign');
    expect(text).to.contain('Maria Oliveira');
    button(el, 'Dismiss')!.click();
    await settle(el);
    expect(visibleText(el)).not.to.contain('could not read');
  });

  it('bad input: HTML in contact fields renders as text, never as markup', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer(
      'o1',
      {},
      {
        name: '<img src=x onerror="window.__pwned=1">Eve',
        details: [{label: '<b>Note</b>', value: '<script>window.__pwned=1</script>'}],
      },
    );
    await settle(el);
    expect(el.shadowRoot!.querySelector('img, b, script:not([type])')).to.equal(null);
    expect(visibleText(el)).to.contain('<img src=x onerror="window.__pwned=1">Eve');
    expect((window as {__pwned?: number}).__pwned).to.equal(undefined);
  });

  it('speaks Brazilian Portuguese under lang="pt-BR" and follows a change of language', async () => {
    const {el, dialer, provider} = await mount();
    provider.setAttribute('lang', 'pt-BR');
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {timeoutMs: 20_000});
    await settle(el);
    for (const name of ['Aceitar', 'Pular', 'Remover', 'Sair da campanha']) expect(button(el, name), name).to.exist;
    expect(visibleText(el)).to.contain('Pulando em 0:');
    provider.setAttribute('lang', 'en');
    await settle(el);
    expect(button(el, 'Accept')).to.exist;
  });

  it('speaks Arabic right to left, with the countdown kept left to right', async () => {
    const {el, dialer, provider} = await mount();
    provider.setAttribute('lang', 'ar');
    provider.setAttribute('dir', 'rtl');
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {timeoutMs: 20_000});
    await settle(el);
    for (const name of ['قبول', 'تخطي', 'إزالة', 'مغادرة الحملة']) expect(button(el, name), name).to.exist;
    const countdown = el.shadowRoot!.querySelector('[part=countdown]')!.textContent!;
    expect(countdown).to.match(/\u2066[0-9٠-٩]:[0-9٠-٩]{2}\u2069/, 'the time is isolated left-to-right');
    await expectAccessible(el);
  });

  it('a host can drive it with a view and no provider; intents still fire', async () => {
    const view: PreviewView = {
      stage: 'offer',
      inCharge: true,
      agentState: 'available',
      campaignButton: {visible: false, enabled: false, reason: 'contact-shown'},
      reservation: null,
      connecting: null,
      offer: {
        offerId: 'x1',
        campaign: campaign(),
        contact: contact({name: 'Host Driven'}),
        numbers: {choices: contact().phoneNumbers, forced: false},
        skip: null,
        doNotCall: false,
        callingWindow: null,
        callback: null,
      },
      actions: {accept: true, skip: true, remove: false, leave: false},
      acceptBlocked: null,
      countdown: null,
      lastFailure: null,
      limit: null,
      notices: [],
    };
    const el = await fixture<CampaignPreview>(html`<campaign-preview .view=${view}></campaign-preview>`);
    expect(visibleText(el)).to.contain('Host Driven');
    expect(el.getAttribute('stage')).to.equal('offer');
    expect(el.stage).to.equal('offer');
    setTimeout(() => button(el, 'Skip')!.click());
    const event = await oneEvent(el, 'campaign-skip');
    expect(event.detail).to.deep.equal({type: 'skip', offerId: 'x1', source: 'agent'});
  });

  it('per-instance label overrides', async () => {
    const {el, dialer} = await mount();
    el.messages = {accept: 'Call now'};
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer();
    await settle(el);
    expect(button(el, 'Call now')).to.exist;
  });
});
