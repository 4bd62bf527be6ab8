/**
 * The stand-in CCP under the real amazon-connect-streams library, with no
 * adapter: what the library does with the stand-in's snapshots and answers,
 * seen through the library's own API, as an adapter will see it.
 */
import {expect} from '@open-wc/testing';
import {preview, startConnect, type StandInCcp} from '../support/amazon-connect/ccp-driver.js';
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

const ANA = '+15555550101';
const CONTACT_NAMESPACE = 'aws.connect.contact';

let ccp: StandInCcp;
let contactCount = 0;

before(async () => {
  ccp = await startConnect();
});

afterEach(() => ccp.reset());

/**
 * The next call of a library callback. The library catches what its callbacks
 * throw, so tests assert outside them; a callback that never comes fails with a
 * message before mocha's timeout.
 */
function next<T>(subscribe: (callback: (value: T) => void) => connect.Subscription): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The library never called back: ${subscribe}`)), 3000);
    ccp.track(subscribe((value) => (clearTimeout(timer), resolve(value))));
  });
}

/** A library callback pair and a promise of it: `success` resolves, `failure` rejects with the error the library passed. */
function callbacks() {
  let success!: () => void;
  let failure!: (error: string) => void;
  const done = new Promise<void>((resolve, reject) => ((success = resolve), (failure = reject)));
  return {success, failure, done};
}

/** What `promise` rejects with; fails when it resolves. */
async function rejectionOf<T>(promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (error) {
    return error as T;
  }
  throw new Error('Expected a rejection, got a success');
}

/**
 * Pushes a ringing campaign preview contact (the agent's leg connecting, the
 * customer not dialled yet, an id of its own for each test) and gives the
 * library's contact for it, with a builder of its later snapshots.
 */
async function ringing() {
  const contactId = `preview-${++contactCount}`;
  const snapshot = (state: 'incoming' | 'connected' | 'missed', agent: 'connecting' | 'connected' | 'disconnected') =>
    previewContact({
      contactId,
      state,
      attributes: {customerName: 'Ana Souza'},
      connections: [agentLeg(contactId, agent), customerLeg(contactId, 'init', ANA)],
    });
  const contact = next<connect.Contact>((callback) => connect.contact(callback));
  await ccp.pushAgent(agentSnapshot({contacts: [snapshot('incoming', 'connecting')]}));
  return {contactId, snapshot, contact: await contact};
}

describe('the stand-in CCP under the real amazon-connect-streams', () => {
  it('fires connect.agent with the pushed agent state, and follows later snapshots', async () => {
    const agent = next<connect.Agent>((callback) => connect.agent(callback));
    await ccp.pushAgent(agentSnapshot({state: agentState(AVAILABLE)}));
    const api = await agent;
    expect(api.getState()).to.include({name: 'Available', type: 'routable', agentStateARN: AVAILABLE.agentStateARN});
    expect(api.getAvailabilityState()).to.include({state: 'Available', type: 'routable'});

    const change = next<connect.AgentStateChange>((callback) => api.onStateChange(callback));
    await ccp.pushAgent(agentSnapshot({state: agentState(BREAK)}));
    expect(await change).to.include({oldState: 'Available', newState: 'Break'});
    expect(api.getState()).to.include({name: 'Break', type: 'not_routable'});
  });

  it('fires connect.contact for a campaign preview contact, incoming', async () => {
    const {contactId, contact} = await ringing();
    expect(contact.getContactId()).to.equal(contactId);
    expect(preview(contact).isCampaignPreview()).to.be.true;
    expect(contact.getType()).to.equal('voice');
    expect(contact.getState().type).to.equal('incoming');
    expect(contact.getAttributes()).to.deep.equal({customerName: {name: 'customerName', value: 'Ana Souza'}});
    expect(contact.getInitialConnection()?.getEndpoint().phoneNumber).to.equal(ANA);
    // Worth knowing for an adapter: the library calls a campaign preview contact inbound (only `outbound` is not).
    expect(contact.isInbound()).to.be.true;
  });

  it('turns contact.accept() into an acceptContact request, and fires onConnected on the next snapshot', async () => {
    const {contactId, contact, snapshot} = await ringing();
    const accepted = next<connect.Contact>((callback) => contact.onAccepted(callback));
    const call = callbacks();
    contact.accept(call);
    expect((await ccp.apiRequest('acceptContact')).params).to.deep.equal({contactId});
    await call.done;
    // The success handler broadcasts contact::accepted, which the CCP sends back down.
    expect((await accepted).getContactId()).to.equal(contactId);

    const connected = next<connect.Contact>((callback) => contact.onConnected(callback));
    await ccp.pushAgent(agentSnapshot({contacts: [snapshot('connected', 'connected')]}));
    expect((await connected).getContactId()).to.equal(contactId);
    expect(contact.getAgentConnection().getState().type).to.equal('connected');
  });

  it('leaves a held request pending until the test answers it', async () => {
    const {contact, snapshot} = await ringing();
    ccp.answerApi('acceptContact', 'hold');
    let settled = false;
    const call = callbacks();
    void call.done.then(() => (settled = true));
    contact.accept(call);
    const request = await ccp.apiRequest('acceptContact');
    // A snapshot goes down the same way as an answer: once it is handled, an answer sent before it would have been too.
    await ccp.pushAgent(agentSnapshot({contacts: [snapshot('incoming', 'connecting')]}));
    expect(settled).to.be.false;
    ccp.respondApi(request, {data: {}});
    await call.done;
    expect(settled).to.be.true;
  });

  it('answers the preview requests of the bundled SDK over its MessagePort, and records them', async () => {
    const {contactId, contact} = await ringing();
    ccp.answerSdk('contact/isPreviewMode', {data: {isPreviewMode: true}});
    ccp.answerSdk('contact/getPreviewConfiguration', {data: {autoDialTimeout: 30, canDiscardPreview: true}});
    ccp.answerSdk('contact/engagePreviewContact', {data: {participantId: 'participant-1'}});

    expect(await preview(contact).isPreviewMode()).to.be.true;
    expect(await preview(contact).getPreviewConfiguration()).to.deep.equal({autoDialTimeout: 30, canDiscardPreview: true});
    expect(await preview(contact).engagePreviewContact()).to.deep.equal({participantId: 'participant-1'});
    expect(ccp.sdkRequests.map(({namespace, command, data}) => ({namespace, command, data}))).to.deep.equal([
      {namespace: CONTACT_NAMESPACE, command: 'contact/isPreviewMode', data: {contactId}},
      {namespace: CONTACT_NAMESPACE, command: 'contact/getPreviewConfiguration', data: {contactId}},
      {namespace: CONTACT_NAMESPACE, command: 'contact/engagePreviewContact', data: {contactId}},
    ]);
  });

  it('rejects an SDK request the stand-in fails, with the error key', async () => {
    const {contactId, contact} = await ringing();
    ccp.answerSdk('contact/engagePreviewContact', {error: {errorKey: 'InvalidPreviewState', reason: 'preview already engaged'}});
    const error = await rejectionOf<object>(preview(contact).engagePreviewContact());
    expect((await ccp.sdkRequest('contact/engagePreviewContact')).data).to.deep.equal({contactId});
    expect(error).to.include({errorKey: 'InvalidPreviewState', reason: 'preview already engaged', namespace: CONTACT_NAMESPACE});
  });

  it('turns agent.setState() into putAgentState, and passes a failure on as the CCP formats it', async () => {
    const called = next<connect.Agent>((callback) => connect.agent(callback));
    await ccp.pushAgent(agentSnapshot());
    const agent = await called;
    const call = callbacks();
    // The builders type states with plain strings, the library's declarations with its enums.
    agent.setState(BREAK as connect.AgentStateDefinition, call);
    expect((await ccp.apiRequest('putAgentState')).params).to.deep.include({state: BREAK});
    await call.done;

    ccp.answerApi('putAgentState', {error: {type: 'InvalidStateException', message: 'agent is on a contact'}});
    const failing = callbacks();
    agent.setState(AVAILABLE as connect.AgentStateDefinition, failing);
    // The CCP's worker sends the error down as a JSON string.
    expect(JSON.parse(await rejectionOf<string>(failing.done))).to.include({
      type: 'InvalidStateException',
      message: 'agent is on a contact',
    });
  });

  it('turns contact.clear() into clearContact and a connection destroy() into destroyConnection', async () => {
    const {contactId, contact} = await ringing();
    const clear = callbacks();
    contact.clear(clear);
    expect((await ccp.apiRequest('clearContact')).params).to.deep.equal({contactId});
    await clear.done;
    const destroy = callbacks();
    contact.getAgentConnection().destroy(destroy);
    expect((await ccp.apiRequest('destroyConnection')).params).to.deep.equal({contactId, connectionId: `${contactId}-agent`});
    await destroy.done;
  });

  it('shows a missed contact: the agent falls into the MissedCallAgent error state', async () => {
    const {contact, snapshot} = await ringing();
    // The agent is initialised by now, so connect.agent calls back at once.
    const agent = await next<connect.Agent>((callback) => connect.agent(callback));
    const agentError = next<connect.Agent>((callback) => agent.onError(callback));
    const missed = next<connect.Contact>((callback) => contact.onMissed(callback));
    await ccp.pushAgent(agentSnapshot({state: errorState('MissedCallAgent'), contacts: [snapshot('missed', 'disconnected')]}));
    expect(agent.getState()).to.include({name: 'MissedCallAgent', type: 'error', agentStateARN: null});
    await agentError;
    await missed;
  });

  it('corrects durations by the skew between the service clock and the local one', async () => {
    const serviceNow = new Date(Date.now() + 60_000);
    const agent = next<connect.Agent>((callback) => connect.agent(callback));
    await ccp.pushAgent(
      agentSnapshot({state: agentState(AVAILABLE, new Date(serviceNow.getTime() - 5_000)), snapshotTimestamp: serviceNow}),
    );
    const core = connect.core as connect.Core & {getSkew(): number};
    expect(core.getSkew()).to.be.closeTo(60_000, 1_000);
    expect((await agent).getStateDuration()).to.be.closeTo(5_000, 1_000);
  });

  it('loads everything, the library and the stand-in alike, from loopback only', async () => {
    const page = performance.getEntriesByType('resource').map((entry) => entry.name);
    const frame = await ccp.frameResources();
    expect(new URL(ccp.origin).port).to.not.equal(location.port);
    expect(page.some((url) => url.endsWith('/amazon-connect-streams/release/connect-streams.js'))).to.be.true;
    expect(frame.some((url) => url.startsWith(`${ccp.origin}/stand-in-ccp.js`))).to.be.true;
    const remote = [...page, ...frame].filter((url) => !['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname));
    expect(remote).to.deep.equal([]);
  });
});
