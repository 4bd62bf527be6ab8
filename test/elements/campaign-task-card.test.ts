import {expect, fixture, html} from '@open-wc/testing';
import type {CampaignTaskCard} from '../../src/elements/campaign-task-card/campaign-task-card.js';
import type {TaskView} from '../../src/core/views.js';
import {ANNOUNCEMENT_DWELL_MS} from '../../src/controllers/announcer-controller.js';
import {button, campaign, contact, expectAccessible, expectRole, settle, useFakeClock, visibleText, withDialer} from './support.js';

const mount = () =>
  withDialer<CampaignTaskCard>(
    html`<campaign-provider><campaign-task-card></campaign-task-card></campaign-provider>`,
    'campaign-task-card',
  );

async function ringing(campaignOverrides = {}) {
  const mounted = await mount();
  const {dialer, el} = mounted;
  dialer.emit({type: 'agent-state', state: 'available'});
  dialer.offer('o1', campaignOverrides);
  mounted.store.dispatch({type: 'accept', offerId: 'o1'});
  dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'dialing'});
  dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
  await settle(el);
  return mounted;
}

const timerText = (el: CampaignTaskCard) =>
  el.shadowRoot!.querySelector('call-timer')!.shadowRoot!.querySelector('time')!.textContent!.trim();

describe('<campaign-task-card>', () => {
  it('renders nothing when there is no campaign task', async () => {
    const {el} = await mount();
    expect(el.shadowRoot!.querySelector('[part=base]')).to.equal(null);
    expect(el.getAttribute('status')).to.equal('');
  });

  it('R-U3 shows the campaign call label, contact icon, details and the time since the preview started', async () => {
    const clock = useFakeClock();
    const {el, dialer} = await mount();
    dialer.emit({type: 'agent-state', state: 'available'});
    dialer.emit({type: 'reservation-offered', reservationId: 'r1', campaign: campaign(), at: Date.now()});
    await settle(el);
    expect(el.getAttribute('status')).to.equal('reserved');
    expect(visibleText(el)).to.contain('Reserved');
    await clock.tickAsync(5_000);
    dialer.emit({type: 'reservation-answered', reservationId: 'r1'});
    dialer.offer('o1', {timeoutMs: 0});
    await settle(el);
    const text = visibleText(el);
    expect(text).to.contain('Campaign call');
    expect(text).to.contain('Maria Oliveira');
    expect(text).to.contain('ACC-1');
    expect(text).to.contain('Previewing');
    expect(el.shadowRoot!.querySelector('[part=icon]')!.getAttribute('aria-label')).to.equal('Contact');
    await clock.tickAsync(60_000);
    await settle(el);
    expect(timerText(el)).to.equal('1:05');
    await expectAccessible(el, clock);
  });

  it('R-U4 R-C3 a ringing call shows Cancel instead of the Ringing status, and cancels', async () => {
    const {el, dialer} = await ringing();
    expect(el.getAttribute('status')).to.equal('ringing');
    await expectRole('button', 'Cancel the call to Maria Oliveira');
    expect(el.shadowRoot!.querySelector('[part=status]')).to.equal(null);
    button(el, 'Cancel')!.click();
    expect(dialer.sent.at(-1)).to.deep.equal({type: 'cancel-call', v: 1, callId: 'c1'});
    await settle(el);
    expect(visibleText(el)).to.contain('Cancelling…');
    await expectAccessible(el);
  });

  it('R-U4 without end-call the card shows Ringing and no Cancel', async () => {
    const {el} = await ringing({allowEndCall: false});
    expect(button(el, 'Cancel')).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('[part=status]')!.textContent!.trim()).to.equal('Ringing');
  });

  it('R-U6 on an answering machine the agent is asked to leave a voicemail and marks it done', async () => {
    const {el, dialer} = await ringing();
    dialer.emit({type: 'cpa-result', callId: 'c1', result: 'answering-machine'});
    await settle(el);
    expect(visibleText(el)).to.contain('Answering machine detected. Leave your voicemail, then mark it done.');
    await expectRole('button', 'Voicemail left');
    await expectAccessible(el);
    button(el, 'Voicemail left')!.focus();
    button(el, 'Voicemail left')!.click();
    expect(dialer.sent.at(-1)).to.deep.equal({type: 'voicemail-left', v: 1, callId: 'c1'});
    await settle(el);
    expect(visibleText(el)).to.contain('Voicemail marked as left.');
    dialer.emit({type: 'call-ended', callId: 'c1', reason: 'voicemail-left'});
    await settle(el);
    expect(el.getAttribute('status')).to.equal('ended');
    expect(el.shadowRoot!.activeElement?.getAttribute('part'), 'focus stays on the card').to.equal('base');
  });

  it('R-U3 shows connected, failed with its reason, and ended; announces and notifies changes', async () => {
    const clock = useFakeClock();
    const {el, dialer, provider} = await ringing();
    const changes: unknown[] = [];
    provider.addEventListener('campaign-task-change', (e) => changes.push(e.detail));
    dialer.emit({type: 'cpa-result', callId: 'c1', result: 'live-voice'});
    await settle(el);
    expect(changes).to.deep.equal([{status: 'connected'}]);
    expect(visibleText(el)).to.contain('Connected');
    const live = () => el.shadowRoot!.querySelector('[role=status]')!.textContent!.trim();
    expect(live(), 'Ringing is not cut short').to.equal('Campaign call: Ringing.');
    await clock.tickAsync(ANNOUNCEMENT_DWELL_MS);
    await settle(el);
    expect(live()).to.equal('Campaign call: Connected.');

    const failed = await ringing();
    failed.dialer.emit({type: 'cpa-result', callId: 'c1', result: 'invalid-number'});
    await settle(failed.el);
    expect(visibleText(failed.el)).to.contain('Failed: invalid number');
    await expectAccessible(failed.el, clock);
  });

  it('a host can drive it with a task and no provider', async () => {
    const task: TaskView = {
      status: 'connected',
      campaign: campaign(),
      contact: contact({name: 'Host Task'}),
      startedAt: Date.now(),
      inCharge: true,
      callId: 'c9',
      canCancel: false,
      cancelling: false,
      canEnd: false,
      ending: false,
      voicemailPrompt: false,
      voicemailLeft: false,
      failReason: null,
      wrapUp: null,
      callback: null,
      finished: false,
    };
    const el = await fixture<CampaignTaskCard>(html`<campaign-task-card .task=${task} lang="pt-BR"></campaign-task-card>`);
    expect(visibleText(el)).to.contain('Chamada de campanha');
    expect(visibleText(el)).to.contain('Conectado');
    expect(visibleText(el)).to.contain('Host Task');
  });
});
