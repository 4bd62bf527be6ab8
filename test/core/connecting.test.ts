/**
 * Between the accept and the call (Connecting), the dialer that is slow to
 * start it (the `dialer-slow` notice), and hanging up an answered call
 * (`end-call`, protocol 1.2).
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {VirtualTimeScheduler} from 'rxjs';
import {intentProblem} from '../../src/core/machine.js';
import {applySnapshot, snapshotOf} from '../../src/core/snapshot.js';
import {DEFAULT_SETTINGS, initialState, type Notice} from '../../src/core/state.js';
import {nextTimeChange} from '../../src/core/time.js';
import {selectPreview, selectTask} from '../../src/core/views.js';
import {DialerError} from '../../src/adapters/dialer-adapter.js';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {PROTOCOL_VERSION, parseDialerEvent, type DialerCommand} from '../../src/protocol/index.js';
import {ACTIONS_1_2, Machine, capabilities, fakeDialer, offered} from './fixtures.js';
import {advance} from './harness.js';

const v = PROTOCOL_VERSION;
const NO_ACTIONS = {accept: false, skip: false, remove: false, leave: false};
const DECISIONS = ['accept', 'skip', 'remove', 'leave'] as const;

/** An available agent shown offer o1 (offered at 1 000, no deadline unless given). */
function offering(m: Machine, overrides = {}) {
  m.event({type: 'agent-state', state: 'available'}, 1_000);
  m.event(offered('o1', {timeoutMs: 0, ...overrides}, 1_000), 1_000);
}

function assertConnecting(m: Machine, offerId = 'o1') {
  const view = selectPreview(m.state, m.now);
  const offer = m.state.offer!;
  assert.equal(view.stage, 'connecting');
  assert.deepEqual(view.connecting, {offerId, campaign: offer.campaign, contact: offer.contact});
  assert.equal(view.offer, null, 'the offer is no longer shown to decide');
  assert.deepEqual(view.actions, NO_ACTIONS);
  assert.equal(view.countdown, null);
  assert.equal(selectTask(m.state, m.now)?.status, 'connecting');
  for (const type of DECISIONS) {
    assert.deepEqual(m.intent({type, offerId}), [], `no second decision (${type}) while connecting`);
    assert.equal(intentProblem(m.state, {type, offerId}, m.now), 'not-allowed');
  }
  assert.equal(m.state.offer?.decision?.action ?? 'accept', 'accept', 'still the accept');
}

const slowNotices = (notices: readonly Notice[]) => notices.filter((n) => n.code === 'dialer-slow');

describe('connecting: after the accept, before the call', () => {
  it('the agent accepts: acceptedAt is set, the dialog and the card say connecting, nothing is decided twice', () => {
    const m = new Machine();
    offering(m);
    assert.equal(m.state.offer?.acceptedAt, null);
    assert.equal(m.intent({type: 'accept', offerId: 'o1'}, 2_500).length, 1);
    assert.equal(m.state.offer?.acceptedAt, 2_500);
    assertConnecting(m);
    assert.equal(selectPreview(m.state, m.now).campaignButton.reason, 'call-in-progress');
  });

  it("the kit's own timeout action accepts at the deadline: connecting from then", () => {
    const m = new Machine();
    offering(m, {timeoutMs: 5_000, timeoutAction: 'accept'});
    assert.deepEqual(
      m.tick(6_000).map((c) => [c.type, 'source' in c && c.source]),
      [['accept', 'timeout']],
    );
    assert.equal(m.state.offer?.acceptedAt, 6_000);
    assertConnecting(m);
    assert.deepEqual(m.tick(7_000), [], 'the timeout goes once');
  });

  it('a dialer that enforces an accept at the deadline: connecting, and its offer-withdrawn keeps the moment', () => {
    const m = new Machine(capabilities({enforcesTimeout: true}));
    offering(m, {timeoutMs: 5_000, timeoutAction: 'accept'});
    assert.deepEqual(m.tick(6_000), [], 'the dialer acts, not the kit');
    assert.equal(m.state.offer?.acceptedAt, 6_000);
    assertConnecting(m);
    m.event({type: 'offer-withdrawn', offerId: 'o1', reason: 'expired', autoAction: 'accept'}, 6_400);
    assert.equal(m.state.offer?.acceptedAt, 6_000, 'connecting since the deadline, not since the event');
    assertConnecting(m);
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'dialing'}, 6_500);
    assert.equal(selectPreview(m.state, m.now).stage, 'closed');
    assert.equal(selectTask(m.state, m.now)?.status, 'dialing');
  });

  it('a dialer that enforces another timeout action is not connecting', () => {
    for (const timeoutAction of ['skip', 'remove'] as const) {
      const m = new Machine(capabilities({enforcesTimeout: true}));
      offering(m, {timeoutMs: 5_000, timeoutAction});
      m.tick(6_000);
      assert.equal(m.state.offer?.acceptedAt, null, timeoutAction);
      assert.notEqual(selectPreview(m.state, m.now).stage, 'connecting');
      assert.notEqual(selectTask(m.state, m.now)?.status, 'connecting');
    }
  });

  it('offer-withdrawn with autoAction accept, with no deadline seen here: connecting from the event', () => {
    const m = new Machine(capabilities({enforcesTimeout: true}));
    offering(m, {timeoutMs: 5_000, timeoutAction: 'accept'});
    m.event({type: 'offer-withdrawn', offerId: 'o1', reason: 'expired', autoAction: 'accept'}, 5_900);
    assert.equal(m.state.offer?.acceptedAt, 5_900);
    assert.deepEqual(m.state.offer?.decision, {action: 'accept', source: 'timeout'});
    assertConnecting(m);
    assert.deepEqual(m.tick(6_000), [], 'nothing at the deadline either');
  });

  it('a deadline passing while connecting sends no timeout action', () => {
    const m = new Machine();
    offering(m, {timeoutMs: 5_000, timeoutAction: 'skip'});
    m.intent({type: 'accept', offerId: 'o1'}, 2_000);
    assert.deepEqual(m.tick(6_000), []);
    assert.deepEqual(m.tick(60_000), []);
    assertConnecting(m);
  });

  it('the first call-progress for the offer creates the call: the dialog closes, the card follows the call', () => {
    for (const phase of ['dialing', 'ringing', 'connected'] as const) {
      const m = new Machine();
      offering(m);
      m.intent({type: 'accept', offerId: 'o1'}, 2_000);
      m.event({type: 'call-progress', offerId: 'o2', callId: 'c9', phase}, 2_100);
      assertConnecting(m);
      m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase}, 2_200);
      const view = selectPreview(m.state, m.now);
      assert.equal(m.state.offer, null);
      assert.equal(view.stage, 'closed', phase);
      assert.equal(view.connecting, null);
      assert.equal(selectTask(m.state, m.now)?.status, phase);
      assert.equal(selectTask(m.state, m.now)?.callId, 'c1');
    }
  });

  it('an accept the dialer refuses (action-failed) gives the offer back to decide', () => {
    const m = new Machine();
    offering(m);
    m.intent({type: 'accept', offerId: 'o1'}, 2_000);
    m.event({type: 'action-failed', action: 'accept', offerId: 'o2', code: 'E', message: 'not this one'}, 2_100);
    assertConnecting(m);
    m.event({type: 'action-failed', action: 'accept', offerId: 'o1', code: 'E_BUSY', message: 'refused'}, 2_200);
    const view = selectPreview(m.state, m.now);
    assert.equal(m.state.offer?.acceptedAt, null);
    assert.equal(view.stage, 'offer');
    assert.equal(view.connecting, null);
    assert.equal(view.actions.accept, true);
    assert.equal(selectTask(m.state, m.now)?.status, 'previewing');
    assert.equal(m.intent({type: 'accept', offerId: 'o1'}, 2_300).length, 1, 'the agent may accept again');
    assert.equal(m.state.offer?.acceptedAt, 2_300);
  });

  it("an accept the adapter could not deliver (the store's command-failed) gives the offer back", () => {
    const scheduler = new VirtualTimeScheduler();
    const {adapter, emit, sent} = fakeDialer({refuse: (c) => (c.type === 'accept' ? new DialerError('E_DOWN', 'Unreachable') : null)});
    const store = createCampaignStore(adapter, {scheduler});
    emit({type: 'agent-state', state: 'available'});
    emit(offered('o1', {timeoutMs: 0}, 0));
    store.dispatch({type: 'accept', offerId: 'o1'});
    assert.equal(sent.length, 1);
    const view = selectPreview(store.snapshot(), store.now());
    assert.equal(view.stage, 'offer');
    assert.equal(store.snapshot().offer?.acceptedAt, null);
    assert.equal(view.notices.at(-1)?.code, 'E_DOWN');
    assert.equal(store.accepts({type: 'accept', offerId: 'o1'}), true);
    store.dispose();
  });
});

describe('connecting: the dialer that is slow to start the call', () => {
  it('one dialer-slow notice at acceptedAt + connectingNoticeMs (10 s by default), once', () => {
    assert.equal(DEFAULT_SETTINGS.connectingNoticeMs, 10_000);
    const m = new Machine();
    assert.equal(m.state.settings.connectingNoticeMs, 10_000);
    offering(m);
    m.intent({type: 'accept', offerId: 'o1'}, 2_000);
    assert.equal(nextTimeChange(m.state, 2_000), 12_000, 'the store ticks then');
    m.tick(11_999);
    assert.deepEqual(slowNotices(m.state.notices), []);
    assert.deepEqual(m.tick(12_000), [], 'a notice, no command');
    const [notice, ...more] = slowNotices(m.state.notices);
    assert.deepEqual(more, []);
    assert.equal(notice.kind, 'stream-error');
    assert.equal(notice.action, 'accept');
    assert.equal(m.state.offer?.slow, true);
    assert.equal(nextTimeChange(m.state, 12_000), null, 'nothing more to wait for');
    m.tick(30_000);
    assert.equal(slowNotices(m.state.notices).length, 1, 'once');
    assertConnecting(m);
  });

  it("counts from the kit's timeout accept and from an enforcing dialer's deadline", () => {
    const kit = new Machine(capabilities(), {connectingNoticeMs: 3_000});
    offering(kit, {timeoutMs: 5_000, timeoutAction: 'accept'});
    kit.tick(6_000);
    assert.equal(nextTimeChange(kit.state, 6_000), 9_000);
    kit.tick(9_000);
    assert.equal(slowNotices(kit.state.notices).length, 1);
    const dialer = new Machine(capabilities({enforcesTimeout: true}), {connectingNoticeMs: 3_000});
    offering(dialer, {timeoutMs: 5_000, timeoutAction: 'accept'});
    dialer.tick(6_000);
    assert.equal(nextTimeChange(dialer.state, 6_000), 9_000);
    dialer.tick(8_999);
    assert.equal(slowNotices(dialer.state.notices).length, 0);
    dialer.tick(9_000);
    assert.equal(slowNotices(dialer.state.notices).length, 1);
  });

  it('connectingNoticeMs 0: never a notice, nothing scheduled for it', () => {
    const m = new Machine(capabilities(), {connectingNoticeMs: 0});
    offering(m);
    m.intent({type: 'accept', offerId: 'o1'}, 2_000);
    assert.equal(nextTimeChange(m.state, 2_000), null);
    m.tick(10_000_000);
    assert.deepEqual(m.state.notices, []);
    assertConnecting(m);
  });

  /** An accepted offer whose call is late: the notice is up. */
  function slow() {
    const m = new Machine();
    offering(m);
    m.intent({type: 'accept', offerId: 'o1'}, 2_000);
    m.tick(12_000);
    assert.equal(slowNotices(m.state.notices).length, 1);
    return m;
  }

  it('the notice goes when the call starts', () => {
    const m = slow();
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'dialing'}, 13_000);
    assert.deepEqual(slowNotices(m.state.notices), []);
  });

  it('the notice goes when the offer goes (withdrawn, or the accept refused)', () => {
    const withdrawn = slow();
    withdrawn.event({type: 'offer-withdrawn', offerId: 'o1', reason: 'withdrawn'}, 13_000);
    assert.deepEqual(slowNotices(withdrawn.state.notices), []);
    const refused = slow();
    refused.event({type: 'action-failed', action: 'accept', offerId: 'o1', code: 'E', message: 'no'}, 13_000);
    assert.deepEqual(slowNotices(refused.state.notices), []);
    assert.equal(refused.state.offer?.slow, false);
  });

  it('the notice goes when the offer goes for the next one (contact-offered)', () => {
    const m = slow();
    m.event(offered('o2', {timeoutMs: 0}, 13_000), 13_000);
    assert.equal(selectPreview(m.state, m.now).stage, 'offer');
    assert.deepEqual(slowNotices(m.state.notices), [], 'the dialer-slow notice of o1 is gone with o1');
  });

  it('the notice goes when a snapshot shows the call', () => {
    const m = slow();
    const twin = new Machine();
    offering(twin);
    twin.intent({type: 'accept', offerId: 'o1'}, 2_000);
    twin.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'}, 12_500);
    const snapshot = snapshotOf(twin.state);
    assert.ok(parseDialerEvent({...snapshot, v}).ok);
    m.event(snapshot, 13_000);
    assert.deepEqual(slowNotices(m.state.notices), []);
    assert.equal(selectTask(m.state, m.now)?.status, 'ringing');
  });

  it('a snapshot that still shows the accepted offer keeps the notice and the moment', () => {
    const m = slow();
    m.event(snapshotOf(m.state), 13_000);
    assert.equal(slowNotices(m.state.notices).length, 1);
    assert.equal(m.state.offer?.acceptedAt, 2_000);
    assert.equal(m.state.offer?.slow, true);
    m.tick(40_000);
    assert.equal(slowNotices(m.state.notices).length, 1);
  });

  it('a page that learns of an accepted offer from a snapshot is connecting from then', () => {
    const twin = new Machine();
    offering(twin);
    twin.intent({type: 'accept', offerId: 'o1'}, 2_000);
    const page = new Machine();
    page.event(snapshotOf(twin.state), 5_000);
    assert.equal(page.state.offer?.acceptedAt, 5_000);
    assertConnecting(page);
    assert.equal(nextTimeChange(page.state, 5_000), 15_000);
  });

  it('the store raises it on virtual time with no event; notices$ emits it once', () => {
    const scheduler = new VirtualTimeScheduler();
    const {adapter, emit} = fakeDialer();
    const store = createCampaignStore(adapter, {scheduler, connectingNoticeMs: 4_000});
    assert.equal(store.snapshot().settings.connectingNoticeMs, 4_000);
    const emitted: Notice[] = [];
    store.notices$.subscribe((n) => emitted.push(n));
    const stages: string[] = [];
    store.preview$.subscribe((view) => stages.push(view.stage));
    emit({type: 'agent-state', state: 'available'});
    emit(offered('o1', {timeoutMs: 0}, 0));
    store.dispatch({type: 'accept', offerId: 'o1'});
    assert.equal(stages.at(-1), 'connecting');
    advance(scheduler, 3_999);
    assert.equal(emitted.length, 0);
    advance(scheduler, 1);
    assert.deepEqual(
      emitted.map((n) => [n.code, n.kind, n.action]),
      [['dialer-slow', 'stream-error', 'accept']],
    );
    advance(scheduler, 60_000);
    assert.equal(emitted.length, 1, 'once');
    assert.equal(slowNotices(store.snapshot().notices).length, 1);
    emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'dialing'});
    assert.deepEqual(slowNotices(store.snapshot().notices), []);
    assert.equal(emitted.length, 1);
    store.dispose();
  });

  it('the store defaults to 10 s, takes 0 for never, and refuses anything else with a RangeError', () => {
    const {adapter} = fakeDialer();
    const scheduler = new VirtualTimeScheduler();
    assert.equal(createCampaignStore(adapter, {scheduler}).snapshot().settings.connectingNoticeMs, 10_000);
    assert.equal(createCampaignStore(adapter, {scheduler, connectingNoticeMs: 0}).snapshot().settings.connectingNoticeMs, 0);
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '5000' as unknown as number, null as unknown as number]) {
      assert.throws(() => createCampaignStore(adapter, {scheduler, connectingNoticeMs: bad}), RangeError, String(bad));
    }
  });
});

describe('end-call (protocol 1.2)', () => {
  /** A call in `phase`, on a dialer that can end calls unless told otherwise. */
  function onCall(phase: 'dialing' | 'ringing' | 'connected' | 'answering-machine', actions = ACTIONS_1_2) {
    const m = new Machine(capabilities({actions}));
    offering(m);
    m.intent({type: 'accept', offerId: 'o1'}, 2_000);
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: phase === 'answering-machine' ? 'ringing' : phase}, 2_100);
    if (phase === 'answering-machine') m.event({type: 'cpa-result', callId: 'c1', result: 'answering-machine'}, 2_200);
    assert.equal(m.state.call?.status, phase);
    return m;
  }
  const END: DialerCommand = {type: 'end-call', v, callId: 'c1'};

  it('sends end-call once for an answered call, and the card says it is ending', () => {
    for (const phase of ['connected', 'answering-machine'] as const) {
      const m = onCall(phase);
      assert.equal(m.state.call?.ending, false);
      assert.equal(selectTask(m.state, m.now)?.canEnd, true, phase);
      assert.equal(selectTask(m.state, m.now)?.ending, false);
      assert.equal(intentProblem(m.state, {type: 'end-call', callId: 'c1'}, m.now), null);
      assert.deepEqual(m.intent({type: 'end-call', callId: 'c1'}), [END]);
      assert.equal(m.state.call?.ending, true);
      assert.equal(selectTask(m.state, m.now)?.ending, true);
      assert.deepEqual(m.intent({type: 'end-call', callId: 'c1'}), [], 'not twice');
      assert.equal(intentProblem(m.state, {type: 'end-call', callId: 'c1'}, m.now), 'not-allowed');
    }
  });

  it('sends nothing for a call not answered, another call, or a call that is over', () => {
    for (const phase of ['dialing', 'ringing'] as const) {
      const m = onCall(phase);
      assert.equal(selectTask(m.state, m.now)?.canEnd, false, phase);
      assert.deepEqual(m.intent({type: 'end-call', callId: 'c1'}), [], phase);
    }
    const other = onCall('connected');
    assert.deepEqual(other.intent({type: 'end-call', callId: 'c2'}), []);
    const over = onCall('connected');
    over.event({type: 'call-ended', callId: 'c1'});
    assert.equal(selectTask(over.state, over.now)?.canEnd, false);
    assert.deepEqual(over.intent({type: 'end-call', callId: 'c1'}), []);
    const failed = onCall('connected');
    failed.event({type: 'call-failed', callId: 'c1', reason: 'network'});
    assert.deepEqual(failed.intent({type: 'end-call', callId: 'c1'}), []);
  });

  it('sends nothing to a dialer whose capabilities do not list end-call', () => {
    const m = onCall('connected', capabilities().actions);
    assert.equal(m.state.capabilities.actions.includes('end-call'), false);
    assert.equal(selectTask(m.state, m.now)?.canEnd, false);
    assert.deepEqual(m.intent({type: 'end-call', callId: 'c1'}), []);
    assert.equal(m.state.call?.ending, false);
  });

  it('sends nothing while the line to the dialer is down', () => {
    const m = onCall('connected');
    m.input({kind: 'disconnected', code: 'disconnected', message: 'socket closed'});
    assert.equal(selectTask(m.state, m.now)?.canEnd, false);
    assert.deepEqual(m.intent({type: 'end-call', callId: 'c1'}), []);
  });

  it('a refused end-call (action-failed, command-failed) may be tried again', () => {
    const m = onCall('connected');
    m.intent({type: 'end-call', callId: 'c1'});
    m.event({type: 'action-failed', action: 'end-call', code: 'E', message: 'refused'});
    assert.equal(m.state.call?.ending, false);
    assert.equal(selectTask(m.state, m.now)?.ending, false);
    assert.deepEqual(m.intent({type: 'end-call', callId: 'c1'}), [END]);
    m.input({kind: 'command-failed', command: END, code: 'send-failed', message: 'offline'});
    assert.equal(m.state.call?.ending, false);
    assert.deepEqual(m.intent({type: 'end-call', callId: 'c1'}), [END]);
  });

  it('call-ended clears ending', () => {
    const m = onCall('answering-machine');
    m.intent({type: 'end-call', callId: 'c1'});
    m.event({type: 'call-ended', callId: 'c1'});
    assert.equal(m.state.call?.status, 'ended');
    assert.equal(m.state.call?.ending, false);
    assert.equal(selectTask(m.state, m.now)?.ending, false);
  });

  it('snapshots carry ending only while it is on, and round-trip through snapshotOf/applySnapshot', () => {
    const m = onCall('connected');
    const before = snapshotOf(m.state);
    assert.equal(before.call && 'ending' in before.call, false, 'a 1.1 snapshot has no ending');
    m.intent({type: 'end-call', callId: 'c1'});
    const snapshot = snapshotOf(m.state);
    assert.equal(snapshot.call?.ending, true);
    const parsed = parseDialerEvent({...snapshot, v});
    assert.ok(parsed.ok && parsed.value.type === 'snapshot' && parsed.value.call?.ending === true, 'the schema keeps it');
    const page = applySnapshot(initialState(m.state.capabilities), snapshot, m.now);
    assert.equal(page.call?.ending, true);
    assert.equal(selectTask(page, m.now)?.ending, true);
    assert.deepEqual(snapshotOf(page), snapshot);
    // A page that sent end-call itself keeps it through a snapshot that does not say (1.1 dialer).
    assert.equal(applySnapshot(m.state, before, m.now).call?.ending, true);
    // A snapshot of the call over ends it.
    const ended = {...snapshot, call: {...snapshot.call!, phase: 'ended' as const}};
    assert.equal(applySnapshot(page, ended, m.now).call?.ending, false);
  });

  it("the store sends end-call through the adapter (the command passes the protocol's schema)", () => {
    const scheduler = new VirtualTimeScheduler();
    const {adapter, emit, sent} = fakeDialer({caps: capabilities({actions: ACTIONS_1_2})});
    const store = createCampaignStore(adapter, {scheduler});
    emit({type: 'agent-state', state: 'available'});
    emit(offered('o1', {timeoutMs: 0}, 0));
    store.dispatch({type: 'accept', offerId: 'o1'});
    emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'});
    const tasks: (boolean | undefined)[] = [];
    store.task$.subscribe((task) => tasks.push(task?.ending));
    assert.equal(store.accepts({type: 'end-call', callId: 'c1'}), true);
    store.dispatch({type: 'end-call', callId: 'c1'});
    assert.deepEqual(sent.at(-1), END);
    assert.deepEqual(tasks, [false, true]);
    assert.deepEqual(store.snapshot().notices, [], 'no invalid-command');
    store.dispose();
  });
});
