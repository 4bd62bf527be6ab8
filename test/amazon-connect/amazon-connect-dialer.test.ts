/**
 * The Amazon Connect adapter on the real amazon-connect-streams library
 * (release/connect-streams.js, unmodified), offline behind the stand-in CCP on
 * another loopback origin (test/support/amazon-connect/). What the agent sees
 * is read from the kit's elements; what the library sent is what reached the
 * stand-in.
 */
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import type {CampaignProvider} from '../../src/elements/campaign-provider/campaign-provider.js';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {AmazonConnectDialer, type AmazonConnectDialerOptions, type StreamsConnect} from '../../src/amazon-connect.js';
import {startConnect, type StandInCcp} from '../support/amazon-connect/ccp-driver.js';
import {
  AVAILABLE,
  BREAK,
  agentLeg,
  agentSnapshot,
  agentState,
  customerLeg,
  errorState,
  previewContact,
} from '../support/amazon-connect/snapshots.js';
import {button, plain} from '../elements/support.js';

const ANA = '+15555550101';
const ATTRIBUTES = {customerName: 'Ana Souza', campaignName: 'Spring Renewals', plan: 'Gold'};

let ccp: StandInCcp;
let serial = 0;
const disposers: Array<() => void> = [];

before(async () => {
  ccp = await startConnect();
});

afterEach(async () => {
  disposers.splice(0).forEach((dispose) => dispose());
  document.querySelectorAll('campaign-provider').forEach((el) => el.remove());
  await ccp.reset();
});

type Leg = 'init' | 'connecting' | 'connected' | 'disconnected';

/** The snapshots of one preview contact, each state with its legs. */
function previewOf(contactId = `preview-${++serial}`, values: Record<string, string> = ATTRIBUTES) {
  const at = (state: Parameters<typeof previewContact>[0]['state'], agent: Leg, customer: Leg, since = new Date()) =>
    previewContact({
      contactId,
      state,
      since,
      attributes: values,
      connections: [agentLeg(contactId, agent), customerLeg(contactId, customer, ANA)],
    });
  return {
    contactId,
    ringing: () => at('incoming', 'connecting', 'init'),
    previewing: (since?: Date) => at('connected', 'connected', 'init', since),
    dialing: () => at('connected', 'connected', 'connecting'),
    connected: () => at('connected', 'connected', 'connected'),
    customerGone: () => at('connected', 'connected', 'disconnected'),
    /** The agent hung up; the contact has not ended yet. */
    agentGone: () => at('connected', 'disconnected', 'connected'),
    afterCall: () => at('ended', 'disconnected', 'disconnected'),
    missed: () => at('missed', 'disconnected', 'init'),
  };
}

/** The kit on the adapter on the real library: the elements a desktop drops in. */
async function desk(options: AmazonConnectDialerOptions = {}) {
  const dialer = new AmazonConnectDialer((globalThis as unknown as {connect: StreamsConnect}).connect, options);
  const store = createCampaignStore(dialer);
  disposers.push(() => (store.dispose(), dialer.dispose()));
  const provider = await fixture<CampaignProvider>(
    html`<campaign-provider><campaign-preview></campaign-preview><campaign-task-card></campaign-task-card></campaign-provider>`,
  );
  provider.store = store;
  const preview = provider.querySelector('campaign-preview')!;
  const card = provider.querySelector('campaign-task-card')!;
  const text = (el: Element) => plain(el.shadowRoot!.textContent ?? '');
  return {dialer, store, preview, card, text};
}

const configuration = (autoDialTimeout = 30, canDiscardPreview = true) => {
  ccp.answerSdk('contact/isPreviewMode', {data: {isPreviewMode: true}});
  ccp.answerSdk('contact/getPreviewConfiguration', {data: {autoDialTimeout, canDiscardPreview}});
};

/** A desk with a preview contact the agent answered, shown with its countdown. */
async function previewing(options: AmazonConnectDialerOptions = {}, canDiscard = true) {
  configuration(30, canDiscard);
  const kit = await desk(options);
  const contact = previewOf();
  await ccp.pushAgent(agentSnapshot({contacts: [contact.ringing()]}));
  await waitUntil(() => button(kit.preview, 'Answer'), 'the reservation call');
  button(kit.preview, 'Answer')!.click();
  await ccp.apiRequest('acceptContact');
  await ccp.pushAgent(agentSnapshot({contacts: [contact.previewing()]}));
  await waitUntil(() => button(kit.preview, 'Accept'), 'the preview');
  return {...kit, contact};
}

/** A desk on the preview call after Accept, its customer's leg ringing (`dialing`) or up (`connected`). */
async function onCall(leg: 'dialing' | 'connected') {
  const kit = await previewing();
  ccp.answerSdk('contact/engagePreviewContact', {data: {participantId: 'p-1'}});
  button(kit.preview, 'Accept')!.click();
  await ccp.pushAgent(agentSnapshot({contacts: [kit.contact[leg]()]}));
  return kit;
}

describe('Amazon Connect adapter on the real amazon-connect-streams', () => {
  it("the agent's state: routable is Available, any other Not ready with its name; Not ready goes through agent.setState", async () => {
    const {store} = await desk();
    await ccp.pushAgent(agentSnapshot({state: agentState(AVAILABLE)}));
    await waitUntil(() => store.snapshot().agent.state === 'available', 'Available');
    await ccp.pushAgent(agentSnapshot({state: agentState(BREAK)}));
    await waitUntil(() => store.snapshot().agent.reason === 'Break', 'Not ready: Break');
    store.dispatch({type: 'set-agent-state', state: 'available'});
    expect((await ccp.apiRequest('putAgentState')).params).to.deep.include({state: AVAILABLE});
  });

  it('R-M2 a preview contact rings as the reservation call; Answer is contact.accept()', async () => {
    const {preview, card, text} = await desk();
    const contact = previewOf();
    await ccp.pushAgent(agentSnapshot({contacts: [contact.ringing()]}));
    await waitUntil(() => button(preview, 'Answer'), 'the reservation call');
    expect(text(preview)).to.contain('Spring Renewals');
    expect(card.getAttribute('status')).to.equal('reserved');
    button(preview, 'Answer')!.click();
    expect((await ccp.apiRequest('acceptContact')).params).to.deep.equal({contactId: contact.contactId});
  });

  it("R-U1 R-C1 once answered in preview mode, the customer with Amazon Connect's countdown (autoDialTimeout, from the accept, on the library's clock skew)", async () => {
    ccp.answerSdk('contact/isPreviewMode', {data: {isPreviewMode: true}});
    ccp.answerSdk('contact/getPreviewConfiguration', {data: {autoDialTimeout: 30, canDiscardPreview: true}});
    const {store, preview, text} = await desk();
    const contact = previewOf();
    await ccp.pushAgent(agentSnapshot({contacts: [contact.ringing()]}));
    // The service's clock runs a minute ahead of the page's: the accept happened 5 s ago on its clock.
    const serviceNow = Date.now() + 60_000;
    await ccp.pushAgent(
      agentSnapshot({contacts: [contact.previewing(new Date(serviceNow - 5_000))], snapshotTimestamp: new Date(serviceNow)}),
    );
    await waitUntil(() => button(preview, 'Accept'), 'the preview');
    expect(text(preview)).to.contain('Ana Souza').and.contain(ANA).and.contain('plan').and.contain('Gold');
    const offer = store.snapshot().offer!;
    const left = offer.deadline! - Date.now();
    expect(left).to.be.within(24_000, 25_500);
    expect(offer.campaign.timeoutAction).to.equal('accept');
    expect(button(preview, 'Skip'), 'a discard is allowed').to.exist;
    expect(ccp.sdkRequests.map((r) => r.command)).to.include.members(['contact/isPreviewMode', 'contact/getPreviewConfiguration']);
  });

  it("a preview contact the agent's phone answered by itself (auto-accept) is shown as the preview, without an Answer step", async () => {
    configuration();
    const {preview} = await desk();
    await ccp.pushAgent(agentSnapshot({contacts: [previewOf().previewing()]}));
    await waitUntil(() => button(preview, 'Accept'), 'the preview');
    expect(ccp.apiRequests.map((r) => r.method)).to.not.include('acceptContact');
  });

  it('the host maps its own attributes with describe(contact): name, number, campaign and details', async () => {
    configuration();
    const {preview, text} = await desk({
      describe: (contact) => {
        const value = (name: string) => contact.getAttributes()[name]?.value ?? '';
        return {
          name: value('cliente'),
          phoneNumber: value('telefone'),
          campaignName: value('campanha'),
          details: [{label: 'Saldo', value: value('saldo')}],
        };
      },
    });
    const contact = previewOf(undefined, {cliente: 'Bruno Lima', telefone: '+5511955550102', campanha: 'Renovações', saldo: 'R$ 120,00'});
    await ccp.pushAgent(agentSnapshot({contacts: [contact.ringing()]}));
    await waitUntil(() => text(preview).includes('Renovações'), 'the campaign named by the host');
    await ccp.pushAgent(agentSnapshot({contacts: [contact.previewing()]}));
    await waitUntil(() => button(preview, 'Accept'), 'the preview');
    expect(text(preview)).to.contain('Bruno Lima').and.contain('+5511955550102').and.contain('Saldo').and.contain('R$ 120,00');
    expect(text(preview)).to.not.contain('cliente');
  });

  it("Accept is engagePreviewContact(); the customer's leg rings (with Cancel) and connects", async () => {
    const {preview, card, contact} = await previewing();
    ccp.answerSdk('contact/engagePreviewContact', {data: {participantId: 'p-1'}});
    button(preview, 'Accept')!.click();
    expect((await ccp.sdkRequest('contact/engagePreviewContact')).data).to.deep.equal({contactId: contact.contactId});
    await ccp.pushAgent(agentSnapshot({contacts: [contact.dialing()]}));
    await waitUntil(() => card.getAttribute('status') === 'ringing', 'ringing');
    expect(button(card, 'Cancel')).to.exist;
    await ccp.pushAgent(agentSnapshot({contacts: [contact.connected()]}));
    await waitUntil(() => card.getAttribute('status') === 'connected', 'connected');
  });

  it("R-C3 Cancel ends the customer's leg (its connection's destroy())", async () => {
    const {preview, card, contact} = await previewing();
    ccp.answerSdk('contact/engagePreviewContact', {data: {participantId: 'p-1'}});
    button(preview, 'Accept')!.click();
    await ccp.pushAgent(agentSnapshot({contacts: [contact.dialing()]}));
    await waitUntil(() => button(card, 'Cancel'), 'Cancel');
    button(card, 'Cancel')!.click();
    expect((await ccp.apiRequest('destroyConnection')).params).to.deep.equal({
      contactId: contact.contactId,
      connectionId: `${contact.contactId}-customer`,
    });
  });

  it("End call (protocol 1.2) hangs up the agent's leg (its connection's destroy(), Streams' hang-up); the after-call work that follows is the wrap-up", async () => {
    const {card, store, dialer, contact} = await onCall('connected');
    expect(dialer.capabilities.actions).to.include('end-call');
    await waitUntil(() => button(card, 'End call'), 'End call on the connected call');
    ccp.answerApi('destroyConnection', 'hold');
    button(card, 'End call')!.click();
    const request = await ccp.apiRequest('destroyConnection');
    expect(request.params).to.deep.equal({contactId: contact.contactId, connectionId: `${contact.contactId}-agent`});
    await waitUntil(() => store.snapshot().call?.ending, 'ending while Amazon Connect answers');
    ccp.respondApi(request, {});
    // The agent's leg goes down, then the contact ends into after-call work.
    await ccp.pushAgent(agentSnapshot({contacts: [contact.agentGone()]}));
    expect(store.snapshot().call?.status).to.equal('connected');
    await ccp.pushAgent(agentSnapshot({contacts: [contact.afterCall()]}));
    await waitUntil(() => store.snapshot().call?.wrapUp, 'the wrap-up');
    expect(store.snapshot().call?.status, 'ended, not failed').to.equal('ended');
    expect(store.snapshot().call?.ending).to.equal(false);
    expect(button(card, 'End call')).to.equal(undefined);
    expect(store.snapshot().notices).to.deep.equal([]);
    expect(ccp.apiRequests.filter((r) => r.method === 'destroyConnection')).to.have.length(1);
    store.dispatch({type: 'set-disposition', callId: contact.contactId, code: 'done'});
    expect((await ccp.apiRequest('clearContact')).params).to.deep.equal({contactId: contact.contactId});
  });

  it("End call is not offered while the customer's phone rings (Cancel is), and is refused then", async () => {
    const {card, dialer, contact} = await onCall('dialing');
    await waitUntil(() => button(card, 'Cancel'), 'Cancel on the ringing call');
    expect(button(card, 'End call')).to.equal(undefined);
    const code = await new Promise<string>((resolve) =>
      dialer
        .send({type: 'end-call', v: 1, callId: contact.contactId})
        .subscribe({complete: () => resolve('sent'), error: (e: {code: string}) => resolve(e.code)}),
    );
    expect(code).to.equal('not-connected');
    expect(ccp.apiRequests.map((r) => r.method)).to.not.include('destroyConnection');
  });

  it("a refused End call (the CCP's failure) is shown, and End call is offered again", async () => {
    const {card, store} = await onCall('connected');
    await waitUntil(() => button(card, 'End call'), 'End call');
    ccp.answerApi('destroyConnection', {error: {type: 'InvalidStateException', message: 'The connection is on hold.'}});
    button(card, 'End call')!.click();
    await waitUntil(() => store.snapshot().notices.length > 0, 'the refusal');
    expect(store.snapshot().notices.map((n) => [n.action, n.code])).to.deep.equal([['end-call', 'InvalidStateException']]);
    expect(store.snapshot().call?.ending).to.equal(false);
    await waitUntil(() => button(card, 'End call'), 'End call again');
  });

  it("R-U5 a customer leg that fails gives the failed call with Streams' reason", async () => {
    const {preview, card, contact} = await previewing();
    ccp.answerSdk('contact/engagePreviewContact', {data: {participantId: 'p-1'}});
    button(preview, 'Accept')!.click();
    await ccp.pushAgent(agentSnapshot({contacts: [contact.dialing()]}));
    await ccp.pushAgent(agentSnapshot({state: errorState('LineEngagedCustomer'), contacts: [contact.customerGone()]}));
    await waitUntil(() => card.getAttribute('status') === 'failed', 'failed');
    expect(plain(card.shadowRoot!.textContent!)).to.contain('LineEngagedCustomer');
  });

  it('R-U4 after-call work is the wrap-up; its code clears the contact, and the card is done when it leaves', async () => {
    const {preview, card, store, contact} = await previewing();
    ccp.answerSdk('contact/engagePreviewContact', {data: {participantId: 'p-1'}});
    button(preview, 'Accept')!.click();
    await ccp.pushAgent(agentSnapshot({contacts: [contact.connected()]}));
    // The customer hangs up: their leg goes down, then the contact ends.
    await ccp.pushAgent(agentSnapshot({contacts: [contact.customerGone()]}));
    await ccp.pushAgent(agentSnapshot({contacts: [contact.afterCall()]}));
    await waitUntil(() => store.snapshot().call?.wrapUp, 'the wrap-up');
    expect(store.snapshot().call?.status, 'a hang-up, not a failure').to.equal('ended');
    store.dispatch({type: 'set-disposition', callId: contact.contactId, code: 'done'});
    expect((await ccp.apiRequest('clearContact')).params).to.deep.equal({contactId: contact.contactId});
    await ccp.pushAgent(agentSnapshot({contacts: []}));
    await waitUntil(() => store.snapshot().call?.wrapUp?.disposition === 'done', 'the disposition');
    expect(card.getAttribute('status')).to.equal('ended');
  });

  it("a discard (when allowed) ends the agent's leg before the customer is dialled; its after-call work is cleared", async () => {
    const {preview, store, contact} = await previewing();
    button(preview, 'Skip')!.click();
    expect((await ccp.apiRequest('destroyConnection')).params).to.deep.equal({
      contactId: contact.contactId,
      connectionId: `${contact.contactId}-agent`,
    });
    await ccp.pushAgent(agentSnapshot({contacts: [contact.afterCall()]}));
    expect((await ccp.apiRequest('clearContact')).params).to.deep.equal({contactId: contact.contactId});
    await waitUntil(() => store.snapshot().offer === null, 'the preview leaves');
    expect(store.snapshot().call).to.equal(null);
  });

  it('no discard is offered when the campaign does not allow it; discard as Remove when the host says so', async () => {
    const strict = await previewing({}, false);
    expect(button(strict.preview, 'Skip')).to.equal(undefined);
    disposers.splice(0).forEach((dispose) => dispose());
    document.querySelectorAll('campaign-provider').forEach((el) => el.remove());
    await ccp.reset();
    const removing = await previewing({discardAs: 'remove'});
    expect(removing.dialer.capabilities.actions).to.include('remove').and.not.include('skip');
    expect(button(removing.preview, 'Remove')).to.exist;
  });

  for (const [how, left] of [
    ['the contact missed', (contact: ReturnType<typeof previewOf>) => [contact.missed()]],
    ['the contact still incoming', (contact: ReturnType<typeof previewOf>) => [contact.ringing()]],
    ['the contact gone', () => []],
  ] as const) {
    it(`R-A2 a missed preview contact (${how}, the agent in MissedCallAgent) stops ringing and leaves the screen`, async () => {
      const {store, preview} = await desk();
      const contact = previewOf();
      await ccp.pushAgent(agentSnapshot({contacts: [contact.ringing()]}));
      await waitUntil(() => button(preview, 'Answer'), 'the reservation call');
      await ccp.pushAgent(agentSnapshot({state: errorState('MissedCallAgent'), contacts: left(contact)}));
      await waitUntil(() => !button(preview, 'Answer'), 'the ringing stops');
      expect(store.snapshot().notices.map((n) => n.code)).to.include('reservation-missed');
    });
  }

  it('R-A2 a missed preview contact stops ringing and leaves the screen, though the availability may still say routable', async () => {
    const {store, preview, card} = await desk();
    const contact = previewOf();
    await ccp.pushAgent(agentSnapshot({contacts: [contact.ringing()]}));
    await waitUntil(() => button(preview, 'Answer'), 'the reservation call');
    await ccp.pushAgent(
      agentSnapshot({
        state: errorState('MissedCallAgent'),
        availability: {state: 'Available', type: 'routable', timeStamp: new Date()},
        contacts: [contact.missed()],
      }),
    );
    await waitUntil(() => !button(preview, 'Answer'), 'the ringing stops');
    expect(store.snapshot().reservation).to.equal(null);
    expect(store.snapshot().agent).to.deep.equal({state: 'not-ready', reason: 'MissedCallAgent'});
    expect(plain(preview.shadowRoot!.textContent!)).to.contain('Reservation call missed');
    expect(card.getAttribute('status')).to.not.equal('reserved');
  });

  it("a reload mid-call resumes from the agent's snapshot, as one snapshot", async () => {
    const contact = previewOf();
    await ccp.pushAgent(agentSnapshot({contacts: [contact.connected()]}));
    const {store, card, text} = await desk();
    await waitUntil(() => card.getAttribute('status') === 'connected', 'the call');
    expect(text(card)).to.contain('Ana Souza');
    expect(store.snapshot().call?.callId).to.equal(contact.contactId);
    // The customer hangs up: a conversation that ended, not a failed call.
    await ccp.pushAgent(agentSnapshot({contacts: [contact.customerGone()]}));
    await ccp.pushAgent(agentSnapshot({contacts: [contact.afterCall()]}));
    await waitUntil(() => store.snapshot().call?.wrapUp, 'the wrap-up');
    expect(store.snapshot().call?.status).to.equal('ended');
  });

  it('a reload mid-preview resumes the preview with its countdown', async () => {
    configuration(60);
    const contact = previewOf();
    await ccp.pushAgent(agentSnapshot({contacts: [contact.previewing(new Date(Date.now() - 10_000))]}));
    const {store, preview} = await desk();
    await waitUntil(() => button(preview, 'Accept'), 'the preview');
    expect(store.snapshot().offer!.deadline! - Date.now()).to.be.within(48_000, 50_500);
  });

  it('dispose() releases every subscription: later snapshots reach nothing', async () => {
    const {dialer, store} = await desk();
    const seen: unknown[] = [];
    dialer.events$.subscribe({next: (event) => seen.push(event), complete: () => seen.push('complete')});
    store.dispose();
    dialer.dispose();
    await ccp.pushAgent(agentSnapshot({contacts: [previewOf().ringing()]}));
    expect(seen).to.deep.equal(['complete']);
  });
});
