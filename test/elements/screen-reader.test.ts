/**
 * What a screen-reader user hears (issue 10, point 4), read from Chromium's
 * accessibility tree: the names and descriptions of the controls, what has
 * focus, and the text of the live regions, in order.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {ANNOUNCEMENT_DWELL_MS} from '../../src/controllers/announcer-controller.js';
import type {CampaignProvider} from '../../src/elements/campaign-provider/campaign-provider.js';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {AX_TREE_AVAILABLE, axFind, axFindAll, axFocused, axLiveRegions, axTree} from './ax-tree.js';
import {ALL_ACTIONS} from '../core/fixtures.js';
import {ScriptedDialer, button, campaign, plain, settle, useFakeClock} from './support.js';

/** An agent desktop: the Campaign contact dialog and the task card on one store. */
async function desk(campaignOverrides = {}, dialer = new ScriptedDialer()) {
  const clock = useFakeClock();
  const provider = await fixture<CampaignProvider>(html`<campaign-provider>
    <input aria-label="CRM notes" />
    <campaign-preview></campaign-preview>
    <campaign-task-card></campaign-task-card>
  </campaign-provider>`);
  provider.store = createCampaignStore(dialer);
  const preview = provider.querySelector('campaign-preview')!;
  const card = provider.querySelector('campaign-task-card')!;
  const render = async () => {
    await settle(preview);
    await settle(card);
  };
  await render();
  /** Lets time pass (announcements wait their turn), then renders. */
  const wait = async (ms: number) => {
    await clock.tickAsync(ms);
    await render();
  };
  dialer.emit({type: 'agent-state', state: 'available'});
  const offer = () => {
    dialer.emit({type: 'reservation-offered', reservationId: 'r1', campaign: campaign(campaignOverrides), at: Date.now()});
    dialer.emit({type: 'reservation-answered', reservationId: 'r1'});
    dialer.offer('o1', campaignOverrides);
  };
  /** The contact is offered and the agent presses Accept: the card takes the call (and focus). */
  const accept = async () => {
    offer();
    await render();
    const acceptButton = button(preview, 'Accept')!;
    acceptButton.focus();
    acceptButton.click();
    await render();
    await render();
  };
  return {clock, provider, dialer, preview, card, render, wait, offer, accept};
}

/** The text of every polite status region on the page, in document order. */
async function spoken(): Promise<string[]> {
  return (await axLiveRegions()).filter((r) => r.role === 'status' && r.live === 'polite').map((r) => r.text.trim());
}

describe('what a screen-reader user hears', function () {
  beforeEach(function () {
    if (!AX_TREE_AVAILABLE) this.skip();
  });

  it('the disabled Campaign button says the real reason: the call limit, the wrap-up, being Not ready; its hint is read once', async () => {
    const {dialer, render, wait, preview, clock} = await desk({
      mode: 'preview',
      timeoutMs: 0,
      wrapUp: {codes: [{code: 'ok', label: 'Done'}], allowNote: false, timeoutMs: 5_000},
    });
    const campaignButton = async () => (await axFind('button', 'Campaign'))!;
    expect((await campaignButton()).description).to.equal('Ask for the next campaign contact');
    dialer.emit({type: 'limit-reached', scope: 'tenant', code: 'MAX_CALLS', message: 'Tenant limit'});
    await render();
    expect((await campaignButton()).description).to.equal('Unavailable: the concurrent-call limit is reached');
    dialer.emit({type: 'limit-cleared'});
    dialer.offer('o1', {mode: 'preview', timeoutMs: 0, wrapUp: {codes: [{code: 'ok', label: 'Done'}], allowNote: false, timeoutMs: 5_000}});
    await render();
    button(preview, 'Accept')!.click();
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'});
    dialer.emit({type: 'call-ended', callId: 'c1'});
    await render();
    expect((await campaignButton()).description).to.equal("Unavailable until the last call's disposition is given");
    await wait(5_000);
    expect((await campaignButton()).description, 'the wrap-up time ran out: no dialer event needed').to.equal(
      'Ask for the next campaign contact',
    );
    dialer.emit({type: 'agent-state', state: 'not-ready'});
    await render();
    expect((await campaignButton()).description).to.equal('Set yourself Available to receive campaign contacts');
    const tree = await axTree();
    const hints = tree!.nodes.filter((n) => n.role === 'StaticText' && n.name === 'Set yourself Available to receive campaign contacts');
    expect(hints, 'the hint is not read a second time as text').to.have.length(0);
    clock.restore();
  });

  it('a new contact: focus moves to the dialog, which says who it is and the countdown; nothing else speaks over it', async () => {
    const {offer, render, wait} = await desk();
    offer();
    await render();
    const focused = await axFocused();
    expect(focused?.role).to.equal('dialog');
    expect(focused?.name).to.equal('Campaign contact');
    expect(plain(focused!.description)).to.equal('Maria Oliveira Renewals · Standard preview Skipping in 0:30');
    expect((await spoken()).filter(Boolean), 'neither live region talks over the focus move').to.deep.equal([]);
    await wait(20_000);
    expect(await spoken()).to.include('Skipping in 10 seconds');
  });

  it("a new contact while the agent types elsewhere: focus stays, the contact's name is said first, then the countdown", async () => {
    const {offer, render, wait, provider} = await desk({timeoutMs: 31_000});
    provider.querySelector('input')!.focus();
    offer();
    await render();
    expect((await axFocused())?.name).to.equal('CRM notes');
    expect(await spoken()).to.deep.equal(['Campaign contact: Maria Oliveira. Skipping in 31 seconds', '']);
    await wait(1_000);
    // The 30-second mark came, and waits its turn; it says the time left when it is spoken.
    expect((await spoken())[0], 'not replaced within a second').to.equal('Campaign contact: Maria Oliveira. Skipping in 31 seconds');
    await wait(1_000);
    expect((await spoken())[0]).to.equal('Skipping in 29 seconds');
    await wait(19_000);
    expect((await spoken())[0]).to.equal('Skipping in 10 seconds');
  });

  it("after Accept focus moves to the task card's call, and Cancel (naming the call) is one Tab away", async () => {
    const {accept, wait, dialer} = await desk();
    await accept();
    let focused = await axFocused();
    expect(focused?.name).to.equal('Campaign call: Maria Oliveira');
    expect(focused?.description).to.equal('Connecting…');
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    await wait(ANNOUNCEMENT_DWELL_MS);
    expect(await spoken()).to.include('Campaign call: Ringing.');
    await sendKeys({press: 'Tab'});
    focused = await axFocused();
    expect(focused?.role).to.equal('button');
    expect(focused?.name).to.equal('Cancel the call to Maria Oliveira');
  });

  it('an answering machine says what to do; after Voicemail left the next reservation is heard', async () => {
    const {accept, render, wait, card, dialer} = await desk();
    await accept();
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    dialer.emit({type: 'cpa-result', callId: 'c1', result: 'answering-machine'});
    await wait(ANNOUNCEMENT_DWELL_MS);
    expect(await spoken()).to.include('Answering machine detected. Leave your voicemail, then press Voicemail left.');
    button(card, 'Voicemail left')!.focus();
    button(card, 'Voicemail left')!.click();
    dialer.emit({type: 'call-ended', callId: 'c1', reason: 'voicemail-left'});
    await render();
    await render();
    expect((await axFocused())?.name, 'the call is over: back to the Campaign button').to.equal('Campaign');
    dialer.emit({type: 'reservation-offered', reservationId: 'r2', campaign: campaign(), at: Date.now()});
    await render();
    const focused = await axFocused();
    expect(focused?.role).to.equal('dialog');
    expect(focused?.name).to.equal('Reservation call');
    expect(focused?.description).to.contain('Renewals is reserving you');
  });

  it('the wrap-up request is announced with its time left', async () => {
    const {accept, wait, dialer} = await desk({wrapUp: {codes: [{code: 'ok', label: 'Done'}], allowNote: false, timeoutMs: 30_000}});
    await accept();
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'});
    await wait(ANNOUNCEMENT_DWELL_MS);
    dialer.emit({type: 'call-ended', callId: 'c1'});
    await wait(ANNOUNCEMENT_DWELL_MS);
    // Its turn came after "Connected" had its 2 s: the time left is worded then.
    expect(await spoken()).to.include('Campaign call: Ended. Choose a disposition: 0:28 left.');
    await wait(20_000);
    expect(await spoken()).to.include('10 seconds left for the disposition');
  });

  it('numbers read with their kind and "(already tried)" as words apart', async () => {
    const {dialer, render} = await desk();
    dialer.offer(
      'o1',
      {},
      {
        phoneNumbers: [
          {number: '+55 11 91234-5678', label: 'Mobile'},
          {number: '+55 11 3333-4444', label: 'Home', tried: true},
        ],
      },
    );
    await render();
    const radios = (await axFindAll('radio')).map((n) => n.name);
    expect(radios).to.deep.equal(['Mobile · +55 11 91234-5678', 'Home · +55 11 3333-4444 (already tried)']);
  });

  it('after Voicemail left focus stays on the card until the call ends', async () => {
    const {accept, render, card, dialer} = await desk();
    await accept();
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    dialer.emit({type: 'cpa-result', callId: 'c1', result: 'answering-machine'});
    await render();
    button(card, 'Voicemail left')!.focus();
    button(card, 'Voicemail left')!.click();
    await render();
    expect((await axFocused())?.name).to.equal('Campaign call: Maria Oliveira');
  });

  it("the wrap-up after a failed call is asked for too; the failure itself is the dialog's alert", async () => {
    const {accept, wait, dialer} = await desk({
      mode: 'preview',
      wrapUp: {codes: [{code: 'ok', label: 'Done'}], allowNote: false, timeoutMs: 30_000},
    });
    await accept();
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    await wait(ANNOUNCEMENT_DWELL_MS);
    dialer.emit({type: 'call-failed', callId: 'c1', reason: 'busy'});
    await wait(ANNOUNCEMENT_DWELL_MS);
    const said = await spoken();
    // Worded when its turn came, after "Ringing" had its 2 s.
    expect(said).to.include('Choose a disposition: 0:28 left.');
    expect(said.join(' ')).not.to.contain('Failed');
    expect(await axFind('alert')).to.exist;
  });

  it('a reservation call that rang out is said as missed, and the Answer button is gone', async () => {
    const {dialer, wait} = await desk();
    dialer.emit({type: 'reservation-offered', reservationId: 'r9', campaign: campaign(), at: Date.now()});
    await wait(ANNOUNCEMENT_DWELL_MS);
    expect(await axFind('button', 'Answer')).to.exist;
    dialer.emit({type: 'reservation-withdrawn', reservationId: 'r9', reason: 'missed'});
    await wait(ANNOUNCEMENT_DWELL_MS);
    const alerts = (await axLiveRegions()).filter((r) => r.role === 'alert').map((r) => r.text);
    expect(alerts.join(' ')).to.contain('Reservation call missed');
    expect(await axFind('button', 'Answer')).to.equal(null);
  });

  it("focus stays where the agent is: in the card's callback form when the wrap-up time runs out", async () => {
    const {accept, render, wait, card, dialer} = await desk({
      mode: 'preview',
      callbacks: {allowOtherNumber: false, allowBackToMe: false},
      wrapUp: {codes: [{code: 'ok', label: 'Done'}], allowNote: false, timeoutMs: 5_000},
    });
    await accept();
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'});
    dialer.emit({type: 'call-ended', callId: 'c1'});
    await render();
    button(card, 'Schedule callback')!.click();
    await render();
    const field = card.shadowRoot!.querySelector<HTMLInputElement>('[part=callback] input')!;
    field.focus();
    await wait(5_000);
    expect(card.shadowRoot!.activeElement, 'still in the form').to.equal(field);
  });

  it('focus does not move when the store arrives or the card re-renders', async () => {
    const {card, render} = await desk();
    expect(document.activeElement).to.equal(document.body);
    card.messages = {campaignCall: 'Outbound call'};
    await render();
    expect(document.activeElement).to.equal(document.body);
  });

  it('a hidden task card does not take focus: after Accept the dialog says Connecting, then focus goes to the Campaign button', async () => {
    const {accept, card, dialer, render} = await desk({mode: 'preview'});
    card.hidden = true;
    await accept();
    const focused = await axFocused();
    expect(focused?.name).to.equal('Campaign contact');
    expect(focused?.description).to.equal('Connecting to Maria Oliveira…');
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    await render();
    expect((await axFocused())?.name).to.equal('Campaign');
  });

  it('the next contact after a Skip is said, though focus already rests on the dialog', async () => {
    const {offer, render, wait, preview, dialer} = await desk();
    offer();
    await render();
    button(preview, 'Skip')!.click();
    await render();
    expect((await axFocused())?.role, 'waiting: focus on the dialog').to.equal('dialog');
    await wait(ANNOUNCEMENT_DWELL_MS);
    dialer.offer('o2', {}, {name: 'John Carter'});
    await render();
    expect((await axFocused())?.role, 'focus stays on the dialog').to.equal('dialog');
    // "Waiting for the next contact…" had its turn after the focus move; the contact comes next.
    await wait(ANNOUNCEMENT_DWELL_MS);
    expect((await spoken())[0], 'the time left when it is spoken').to.equal('Campaign contact: John Carter. Skipping in 28 seconds');
  });

  it('a Cancel the agent Tabbed to goes away when the call connects: focus stays on the card', async () => {
    const {accept, render, card, dialer} = await desk();
    await accept();
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    await render();
    button(card, 'Cancel')!.focus();
    dialer.emit({type: 'cpa-result', callId: 'c1', result: 'answering-machine'});
    await render();
    expect((await axFocused())?.name).to.equal('Campaign call: Maria Oliveira');
    await sendKeys({press: 'Tab'});
    expect((await axFocused())?.name).to.equal('Voicemail left');
  });

  it('standard preview with no Campaign button: after the call the next reservation takes focus from the card', async () => {
    const dialer = new ScriptedDialer({enforcesTimeout: false, actions: ALL_ACTIONS.filter((a) => a !== 'request-contact')});
    const {accept, render, dialer: same} = await desk({}, dialer);
    await accept();
    same.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'});
    await render();
    await render();
    same.emit({type: 'call-ended', callId: 'c1'});
    await render();
    expect((await axFocused())?.name, 'nowhere else to go: the card keeps it').to.equal('Campaign call: Maria Oliveira');
    same.emit({type: 'reservation-offered', reservationId: 'r2', campaign: campaign(), at: Date.now()});
    await render();
    expect((await axFocused())?.name).to.equal('Reservation call');
  });

  it('a card mounted in the middle of a call says nothing until something changes', async () => {
    const {accept, dialer, provider, wait} = await desk();
    await accept();
    dialer.emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'});
    await wait(ANNOUNCEMENT_DWELL_MS);
    const late = document.createElement('campaign-task-card');
    provider.append(late);
    await settle(late);
    expect(late.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('');
  });
});
