/**
 * `<campaign-preview>` with the campaign options beyond the source text:
 * what the agent sees and what command reaches the dialer.
 */
import {expect, html} from '@open-wc/testing';
import type {CampaignPreview} from '../../src/elements/campaign-preview/campaign-preview.js';
import type {CampaignTaskCard} from '../../src/elements/campaign-task-card/campaign-task-card.js';
import {button, expectAccessible, plain, settle, visibleText, withDialer} from './support.js';

const mount = () =>
  withDialer<CampaignPreview>(html`<campaign-provider><campaign-preview></campaign-preview></campaign-provider>`, 'campaign-preview');

describe('<campaign-preview> beyond the source', () => {
  it('number choice: typed numbers, already-tried marked, the chosen one is dialed; a forced number cannot be changed', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer(
      'o1',
      {},
      {
        phoneNumbers: [
          {number: '111', type: 'mobile', tried: true},
          {number: '222', type: 'work'},
        ],
      },
    );
    await settle(el);
    const text = visibleText(el);
    expect(text).to.contain('Mobile · 111 (already tried)');
    expect(text).to.contain('Work · 222');
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[1].click();
    await settle(el);
    button(el, 'Accept')!.click();
    expect(dialer.sent[0]).to.include({type: 'accept', phoneNumber: '222'});
    await expectAccessible(el);

    const forced = await mount();
    forced.dialer.emit({type: 'agent-state', state: 'available'});
    forced.dialer.offer('o2', {forceNumber: true}, {phoneNumbers: [{number: '111'}, {number: '222'}]});
    await settle(forced.el);
    expect(forced.el.shadowRoot!.querySelectorAll('input[type=radio]').length).to.equal(0);
    expect(visibleText(forced.el)).to.contain('The campaign sets the number to dial.');
  });

  it('skip reasons: a required reason is asked for, then travels with the skip', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {
      skipReasons: {
        required: true,
        reasons: [
          {code: 'bad-time', label: 'Bad time to call'},
          {code: 'dup', label: 'Duplicate'},
        ],
      },
    });
    await settle(el);
    button(el, 'Skip')!.click();
    await settle(el);
    expect(dialer.sent).to.deep.equal([]);
    expect(visibleText(el)).to.contain('Choose a skip reason to skip this contact.');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part=skip-reason] select')!;
    expect(el.shadowRoot!.activeElement).to.equal(select);
    select.value = 'dup';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    button(el, 'Skip')!.click();
    expect(dialer.sent).to.deep.equal([{type: 'skip', v: 1, offerId: 'o1', source: 'agent', reason: 'dup'}]);
  });

  it('do-not-call: Remove can add the contact to the do-not-call list', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {allowDoNotCall: true});
    await settle(el);
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('[part=do-not-call] input')!;
    expect(visibleText(el)).to.contain('Also add to the do-not-call list');
    box.click();
    await settle(el);
    button(el, 'Remove')!.click();
    expect(dialer.sent).to.deep.equal([{type: 'remove', v: 1, offerId: 'o1', source: 'agent', doNotCall: true}]);
  });

  it("calling window: shows the contact's local time, warns outside it, and blocks Accept with the reason", async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    const hour = new Date().getUTCHours();
    // A window that closed an hour ago in UTC.
    const start = `${String((hour + 20) % 24).padStart(2, '0')}:00`;
    const end = `${String((hour + 23) % 24).padStart(2, '0')}:00`;
    dialer.offer('o1', {callingWindow: {start, end, enforce: true}}, {timeZone: 'UTC'});
    await settle(el);
    const text = visibleText(el);
    expect(text).to.match(/Contact's local time: \d\d:\d\d \(UTC\)/);
    expect(text).to.contain(`Outside the calling window (${start}–${end}).`);
    expect(button(el, 'Accept')).to.equal(undefined);
    expect(text).to.contain("Accept is unavailable outside the contact's calling window.");
    await expectAccessible(el);
  });

  it('attempt history: compact, expandable, translated', async () => {
    const {el, dialer, provider} = await mount();
    provider.setAttribute('lang', 'pt-BR');
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer(
      'o1',
      {},
      {
        history: [
          {at: Date.UTC(2026, 0, 5, 14, 30), outcome: 'busy', disposition: 'Retornar'},
          {at: Date.UTC(2026, 0, 2, 9, 0), outcome: 'no-answer'},
        ],
      },
    );
    await settle(el);
    const details = el.shadowRoot!.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent).to.equal('Tentativas anteriores (2)');
    details.querySelector('summary')!.click();
    expect(details.open).to.equal(true);
    expect(plain(details.textContent!)).to.contain('ocupado · Retornar');
    expect(details.textContent).to.contain('sem resposta');
    await expectAccessible(el);
  });

  it('bad input: a contact with an unknown time zone is reported, not shown', async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {}, {timeZone: 'Nowhere/Land'});
    await settle(el);
    expect(visibleText(el)).to.contain('Expected an IANA time zone');
    expect(button(el, 'Accept')).to.equal(undefined);
  });
});

describe('<campaign-task-card> wrap-up', () => {
  const wrapUp = {
    codes: [
      {code: 'sale', label: 'Renewed'},
      {code: 'cb', label: 'Call back later'},
    ],
    allowNote: true,
    timeoutMs: 60_000,
  };
  const mountCard = () =>
    withDialer<CampaignTaskCard>(
      html`<campaign-provider><campaign-task-card></campaign-task-card></campaign-provider>`,
      'campaign-task-card',
    );

  it('asks for a disposition after the call, sends it with the note, and says it is saved', async () => {
    const {el, dialer, store} = await mountCard();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {wrapUp, timeoutMs: 0});
    store.dispatch({type: 'accept', offerId: 'o1'});
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'});
    dialer.emit({type: 'call-ended', callId: 'c1'});
    await settle(el);
    expect(visibleText(el)).to.match(/Wrap-up ends in 1:00|Wrap-up ends in 0:59/);
    button(el, 'Save disposition')!.click();
    await settle(el);
    expect(dialer.sent.map((c) => c.type)).to.deep.equal(['accept']);
    expect(visibleText(el)).to.contain('Choose a disposition first.');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('[part=wrap-up] select')!;
    expect(el.shadowRoot!.activeElement).to.equal(select);
    select.value = 'cb';
    select.dispatchEvent(new Event('change'));
    const note = el.shadowRoot!.querySelector<HTMLTextAreaElement>('[part=wrap-up] textarea')!;
    note.value = 'Prefers mornings';
    note.dispatchEvent(new Event('input'));
    await settle(el);
    await expectAccessible(el);
    button(el, 'Save disposition')!.click();
    expect(dialer.sent.at(-1)).to.deep.equal({type: 'set-disposition', v: 1, callId: 'c1', code: 'cb', note: 'Prefers mornings'});
    await settle(el);
    expect(visibleText(el)).to.contain('Disposition saved: Call back later.');
  });
});

describe('callbacks', () => {
  it("from the preview: the agent picks a time in the contact's zone, sees their own, and the callback is sent", async () => {
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {callbacks: {allowOtherNumber: true, allowBackToMe: true}}, {timeZone: 'America/Sao_Paulo'});
    await settle(el);
    button(el, 'Schedule callback')!.click();
    await settle(el);
    const time = el.shadowRoot!.querySelector<HTMLInputElement>('[part=callback] input[type=datetime-local]')!;
    expect(el.shadowRoot!.activeElement).to.equal(time);
    expect(visibleText(el)).to.contain("Callback time (contact's time zone, America/Sao_Paulo)");
    time.value = '2020-01-01T10:00';
    time.dispatchEvent(new Event('input'));
    await settle(el);
    button(el, 'Save callback')!.click();
    await settle(el);
    expect(visibleText(el)).to.contain('Choose a time in the future.');
    expect(dialer.sent).to.deep.equal([]);
    const next = new Date(Date.now() + 2 * 86_400_000);
    const day = next.toISOString().slice(0, 10);
    time.value = `${day}T10:00`;
    time.dispatchEvent(new Event('input'));
    const other = el.shadowRoot!.querySelector<HTMLInputElement>('[part=callback] input[type=tel]')!;
    other.value = '+55 21 98888-7777';
    other.dispatchEvent(new Event('input'));
    el.shadowRoot!.querySelector<HTMLInputElement>('[part=callback] input[type=checkbox]')!.click();
    await settle(el);
    expect(visibleText(el)).to.contain('Your time:');
    await expectAccessible(el);
    button(el, 'Save callback')!.click();
    await settle(el);
    const sent = dialer.sent[0] as {type: string; at: number; phoneNumber: string; backToMe: boolean; offerId: string};
    expect(sent).to.include({type: 'schedule-callback', offerId: 'o1', phoneNumber: '+55 21 98888-7777', backToMe: true});
    expect(new Date(sent.at).toISOString()).to.equal(`${day}T13:00:00.000Z`, '10:00 in São Paulo is 13:00 UTC');
    expect(visibleText(el)).to.contain('Callback scheduled for');
    expect(button(el, 'Accept'), "the offer is still the agent's to decide").to.exist;
  });

  it('from the wrap-up: the task card offers it once the call is over', async () => {
    const {el, dialer, store} = await withDialer<CampaignTaskCard>(
      html`<campaign-provider><campaign-task-card></campaign-task-card></campaign-provider>`,
      'campaign-task-card',
    );
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.offer('o1', {callbacks: {allowOtherNumber: false, allowBackToMe: false}, timeoutMs: 0});
    store.dispatch({type: 'accept', offerId: 'o1'});
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    await settle(el);
    expect(button(el, 'Schedule callback')).to.equal(undefined);
    dialer.emit({type: 'cpa-result', callId: 'c1', result: 'no-answer'});
    dialer.emit({type: 'call-ended', callId: 'c1'});
    await settle(el);
    button(el, 'Schedule callback')!.click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part=callback] input[type=tel]'), 'no other number').to.equal(null);
    button(el, 'Save callback')!.click();
    await settle(el);
    expect(dialer.sent.at(-1)).to.include({type: 'schedule-callback', callId: 'c1', backToMe: false});
    expect(visibleText(el)).to.contain('Callback scheduled for');
  });
});
