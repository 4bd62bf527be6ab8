/**
 * One tab in charge of the agent's dialer: the machine's `inCharge` (a tab
 * that is not sends nothing, whatever happens) and `shareCampaignStore`,
 * which elects the tab in charge with Web Locks and mirrors it to the other
 * tabs with BroadcastChannel.
 */
import assert from 'node:assert/strict';
import {afterEach, describe, it} from 'node:test';
import {VirtualTimeScheduler} from 'rxjs';
import {DialerError, type DialerAdapter} from '../../src/adapters/dialer-adapter.js';
import type {Intent} from '../../src/core/intents.js';
import {intentProblem, transition, type CoreInput} from '../../src/core/machine.js';
import type {Notice} from '../../src/core/state.js';
import {nextTimeChange} from '../../src/core/time.js';
import {selectPreview, selectTask, type PreviewView} from '../../src/core/views.js';
import {shareCampaignStore, type ShareOptions, type SharedCampaignStore, type TabControl} from '../../src/store/share-campaign-store.js';
import type {DialerCommand} from '../../src/protocol/index.js';
import {ACTIONS_1_2, Machine, campaign, capabilities, fakeDialer, offered} from './fixtures.js';
import {advance} from './harness.js';

const NO_ACTIONS = {accept: false, skip: false, remove: false, leave: false};
const wrapUp = {codes: [{code: 'ok', label: 'Done'}], allowNote: false, timeoutMs: 0};
const callbacks = {allowOtherNumber: false, allowBackToMe: false};
const NUMBER = '+55 11 91234-5678';

/** The same page, mirroring `m` from another tab: the state `m` has, not in charge. */
function follower(m: Machine): Machine {
  const f = new Machine(m.state.capabilities);
  f.input({kind: 'control', inCharge: false}, m.now);
  f.input({kind: 'mirror', state: m.state}, m.now);
  assert.equal(f.state.inCharge, false);
  return f;
}

/** A page on a dialer that can do everything, the agent available, and what `build` did. */
function page(build: (m: Machine) => void = () => {}): Machine {
  const m = new Machine(capabilities({actions: ACTIONS_1_2}));
  m.event({type: 'agent-state', state: 'available'}, 1_000);
  build(m);
  return m;
}

const showing =
  (overrides = {}) =>
  (m: Machine) =>
    m.event(offered('o1', {timeoutMs: 0, callbacks, ...overrides}, 1_000), 1_000);
const calling =
  (phase: 'ringing' | 'connected', overrides = {}) =>
  (m: Machine) => {
    showing(overrides)(m);
    m.intent({type: 'accept', offerId: 'o1'}, 1_500);
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase}, 1_600);
  };

/** What the tab in charge does, and the follower does not. */
const SITUATIONS: {name: string; build: (m: Machine) => void; input: CoreInput; at?: number}[] = [
  {name: 'request-contact', build: () => {}, input: {kind: 'intent', intent: {type: 'request-contact'}}},
  {
    name: 'answer-reservation',
    build: (m) => m.event({type: 'reservation-offered', reservationId: 'r1', campaign: campaign(), at: 1_000}),
    input: {kind: 'intent', intent: {type: 'answer-reservation', reservationId: 'r1'}},
  },
  ...(['accept', 'skip', 'remove', 'leave'] as const).map((type) => ({
    name: type,
    build: showing(),
    input: {kind: 'intent' as const, intent: {type, offerId: 'o1'}},
  })),
  {
    name: 'schedule-callback from the preview',
    build: showing(),
    input: {kind: 'intent', intent: {type: 'schedule-callback', offerId: 'o1', at: 90_000_000, phoneNumber: NUMBER, backToMe: false}},
  },
  ...(['skip', 'accept', 'remove'] as const).map((timeoutAction) => ({
    name: `the ${timeoutAction} timeout action at the deadline`,
    build: showing({timeoutMs: 5_000, timeoutAction}),
    input: {kind: 'tick' as const},
    at: 6_000,
  })),
  {name: 'cancel-call', build: calling('ringing'), input: {kind: 'intent', intent: {type: 'cancel-call', callId: 'c1'}}},
  {name: 'end-call', build: calling('connected'), input: {kind: 'intent', intent: {type: 'end-call', callId: 'c1'}}},
  {
    name: 'voicemail-left',
    build: (m) => {
      calling('ringing')(m);
      m.event({type: 'cpa-result', callId: 'c1', result: 'answering-machine'});
    },
    input: {kind: 'intent', intent: {type: 'voicemail-left', callId: 'c1'}},
  },
  {
    name: 'set-disposition',
    build: (m) => {
      calling('connected', {wrapUp})(m);
      m.event({type: 'call-ended', callId: 'c1'});
    },
    input: {kind: 'intent', intent: {type: 'set-disposition', callId: 'c1', code: 'ok'}},
  },
  {
    name: 'schedule-callback after the call',
    build: (m) => {
      calling('connected')(m);
      m.event({type: 'call-ended', callId: 'c1'});
    },
    input: {kind: 'intent', intent: {type: 'schedule-callback', callId: 'c1', at: 90_000_000, phoneNumber: NUMBER, backToMe: false}},
  },
  {name: 'set-agent-state', build: () => {}, input: {kind: 'intent', intent: {type: 'set-agent-state', state: 'not-ready'}}},
];

describe('one tab in charge: the machine', () => {
  for (const {name, build, input, at} of SITUATIONS) {
    it(`a tab not in charge sends nothing: ${name}`, () => {
      const m = page(build);
      const f = follower(m);
      const now = at ?? m.now;
      assert.ok(m.input(input, now).length > 0, 'the tab in charge sends it');
      assert.deepEqual(f.input(input, now), [], 'the tab not in charge does not');
      if (input.kind === 'intent') assert.equal(intentProblem(follower(page(build)).state, input.intent, now), 'not-allowed');
    });
  }

  it('a tab not in charge shows everything, offers nothing, and says why', () => {
    const m = page(showing({timeoutMs: 5_000}));
    const f = follower(m);
    const mine = selectPreview(m.state, m.now);
    const theirs = selectPreview(f.state, f.now);
    assert.equal(mine.inCharge, true);
    assert.equal(theirs.inCharge, false);
    assert.equal(theirs.stage, 'offer');
    assert.deepEqual(theirs.offer, {...mine.offer!, callback: null}, 'the same offer; no callback form either');
    assert.deepEqual(theirs.countdown, mine.countdown);
    assert.deepEqual(theirs.actions, NO_ACTIONS);
    assert.deepEqual(theirs.campaignButton, {visible: true, enabled: false, reason: 'elsewhere'});
    assert.equal(selectTask(f.state, f.now)?.inCharge, false);
    assert.equal(selectTask(m.state, m.now)?.inCharge, true);
    const idle = follower(page());
    assert.equal(selectPreview(idle.state, idle.now).campaignButton.reason, 'elsewhere');
  });

  it('a call shown by a tab not in charge has no Cancel and no End call', () => {
    const ringing = follower(page(calling('ringing')));
    assert.equal(selectTask(ringing.state, ringing.now)?.canCancel, false);
    const connected = follower(page(calling('connected')));
    assert.equal(selectTask(connected.state, connected.now)?.canEnd, false);
    assert.equal(selectTask(connected.state, connected.now)?.inCharge, false);
  });

  it('take-control is for a tab not in charge, and the machine sends nothing for it', () => {
    const m = page(showing());
    const f = follower(m);
    const take: Intent = {type: 'take-control'};
    assert.equal(intentProblem(m.state, take, m.now), 'not-allowed');
    assert.equal(intentProblem(f.state, take, f.now), null);
    for (const state of [m.state, f.state]) {
      const result = transition(state, {kind: 'intent', intent: take}, m.now);
      assert.deepEqual(result.commands, []);
      assert.equal(result.state, state);
    }
  });

  it("a mirror replaces the state, keeping this tab's settings and not in charge; it is ignored in charge", () => {
    const m = page(showing());
    m.input({kind: 'event', event: {type: 'stream-error', code: 'E', message: 'glitch'}});
    const f = new Machine(capabilities(), {connectingNoticeMs: 0});
    f.input({kind: 'mirror', state: m.state});
    assert.equal(f.state.offer, null, 'ignored while in charge');
    f.input({kind: 'control', inCharge: false});
    f.input({kind: 'mirror', state: m.state});
    assert.deepEqual(f.state, {...m.state, settings: {connectingNoticeMs: 0}, inCharge: false});
    const mirroredFromFollower = {...m.state, inCharge: true};
    f.input({kind: 'mirror', state: mirroredFromFollower});
    assert.equal(f.state.inCharge, false, 'whatever the mirrored state says');
  });

  it("control with this tab's dialer: in charge, its capabilities, connected, and the offline notice gone", () => {
    const m = page(showing());
    m.event({type: 'stream-error', code: 'E', message: 'glitch'});
    m.event({type: 'connection-state', state: 'offline'});
    const f = follower(m);
    assert.equal(f.state.connected, false);
    const caps = capabilities({actions: ['accept', 'skip']});
    f.input({kind: 'control', inCharge: true, capabilities: caps});
    assert.equal(f.state.inCharge, true);
    assert.equal(f.state.connected, true);
    assert.equal(f.state.capabilities, caps);
    assert.deepEqual(
      f.state.notices.map((n) => n.code),
      ['E'],
      'only the offline notice goes',
    );
    assert.equal(f.intent({type: 'accept', offerId: 'o1'}).length, 1, 'and it decides again');
    const plain = follower(m);
    plain.input({kind: 'control', inCharge: true});
    assert.deepEqual({...plain.state, inCharge: false}, follower(m).state, 'without capabilities, only inCharge changes');
  });

  it('a tab taking charge acts at once on a deadline that passed while it was not', () => {
    const m = page(showing({timeoutMs: 5_000, timeoutAction: 'skip'}));
    const f = follower(m);
    assert.deepEqual(f.tick(9_000), []);
    assert.equal(f.state.offer?.timedOut, false, 'not handled by a tab not in charge');
    f.input({kind: 'control', inCharge: true, capabilities: m.state.capabilities}, 9_000);
    assert.equal(nextTimeChange(f.state, 9_000), 9_000, 'due now');
    assert.deepEqual(
      f.tick(9_000).map((c) => c.type),
      ['skip'],
    );
  });

  it('nextTimeChange never gives a moment at or before now to a tab not in charge', () => {
    // An overdue deadline, an overdue slow-dialer notice, a calling window: none loops.
    const overdue = follower(page(showing({timeoutMs: 5_000})));
    assert.equal(nextTimeChange(overdue.state, 5_999), 6_000);
    for (const now of [6_000, 7_000]) assert.equal(nextTimeChange(overdue.state, now), null);
    const accepted = page(showing());
    accepted.intent({type: 'accept', offerId: 'o1'}, 2_000);
    const connecting = follower(accepted);
    assert.equal(nextTimeChange(connecting.state, 2_000), 12_000);
    connecting.tick(12_000);
    assert.deepEqual(connecting.state.notices, [], 'the tab in charge raises the notice, not this one');
    assert.equal(nextTimeChange(connecting.state, 12_000), null);
    const windowed = follower(page(showing({callingWindow: {start: '00:01', end: '23:00', enforce: true}})));
    const withZone = {...windowed.state, offer: {...windowed.state.offer!, contact: {...windowed.state.offer!.contact, timeZone: 'UTC'}}};
    assert.equal(nextTimeChange(withZone, 60_000), 120_000);
  });
});

/**
 * The browser's lock manager, in memory, shared by the stores of one test as
 * by the tabs of one browser: exclusive locks, a FIFO queue per name,
 * `ifAvailable`, `steal` and `signal` as Web Locks have them; a lock is held
 * until its callback's promise settles.
 */
class FakeLocks {
  private readonly holders = new Map<string, Held>();
  private readonly queues = new Map<string, Held[]>();
  /** Every request, in order, by its options. */
  readonly requests: LockOptions[] = [];

  request(name: string, ...args: [LockGrantedCallback<unknown>] | [LockOptions, LockGrantedCallback<unknown>]): Promise<unknown> {
    const [options, callback] = args.length === 1 ? [{}, args[0]] : args;
    this.requests.push(options);
    return new Promise((resolve, reject) => {
      const entry: Held = {name, callback, resolve, reject};
      if (options.signal?.aborted) return reject(abortError());
      if (options.steal) {
        // The holder loses the lock at once: its request rejects.
        this.holders.get(name)?.reject(abortError());
        this.grant(entry);
        return;
      }
      const queue = this.queue(name);
      if (!this.holders.has(name) && queue.length === 0) return this.grant(entry);
      if (options.ifAvailable) return void queueMicrotask(() => this.run(entry, null));
      queue.push(entry);
      options.signal?.addEventListener('abort', () => {
        const at = queue.indexOf(entry);
        if (at < 0) return;
        queue.splice(at, 1);
        reject(abortError());
      });
    });
  }

  /** Who holds `name`, for assertions. */
  held(name: string): boolean {
    return this.holders.has(name);
  }

  private queue(name: string): Held[] {
    if (!this.queues.has(name)) this.queues.set(name, []);
    return this.queues.get(name)!;
  }

  private grant(entry: Held): void {
    this.holders.set(entry.name, entry);
    queueMicrotask(() => this.run(entry, {name: entry.name, mode: 'exclusive'}));
  }

  private run(entry: Held, lock: Lock | null): void {
    let result: Promise<unknown>;
    try {
      result = Promise.resolve(entry.callback(lock));
    } catch (error) {
      result = Promise.reject(error);
    }
    const done = () => {
      if (lock && this.holders.get(entry.name) === entry) {
        this.holders.delete(entry.name);
        const next = this.queue(entry.name).shift();
        if (next) this.grant(next);
      }
    };
    // A stolen lock's request has already rejected: settling again does nothing.
    result.then(
      (value) => {
        done();
        entry.resolve(value);
      },
      (error: unknown) => {
        done();
        entry.reject(error);
      },
    );
  }
}

interface Held {
  readonly name: string;
  readonly callback: LockGrantedCallback<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

const abortError = () => new DOMException('The lock request was aborted.', 'AbortError');

describe('the fake lock manager behaves as Web Locks', () => {
  it('queues in order, gives null to ifAvailable when held, steals, and aborts a queued request', async () => {
    const locks = new FakeLocks();
    const order: string[] = [];
    let releaseA!: () => void;
    const a = locks.request('n', () => new Promise<void>((r) => (releaseA = r)).then(() => void order.push('a done')));
    const b = locks.request('n', () => void order.push('b'));
    const c = new AbortController();
    const aborted = locks.request('n', {signal: c.signal}, () => void order.push('never'));
    const probe = await locks.request('n', {ifAvailable: true}, (lock) => lock);
    assert.equal(probe, null);
    c.abort();
    await assert.rejects(aborted, {name: 'AbortError'});
    releaseA();
    await a;
    await b;
    assert.deepEqual(order, ['a done', 'b']);
    const held = locks.request('n', () => new Promise(() => {}));
    await Promise.resolve();
    const thief = await locks.request('n', {steal: true}, (lock) => lock?.name);
    assert.equal(thief, 'n');
    await assert.rejects(held, {name: 'AbortError'});
    assert.equal(locks.held('n'), false);
  });
});

/** Real time for BroadcastChannel, which delivers in a later turn of the event loop. */
async function until(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Long enough for any message or lock in flight to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

const opened: SharedCampaignStore[] = [];
afterEach(() => opened.splice(0).forEach((store) => store.dispose()));

let browsers = 0;

/** The tabs of one browser, of one agent: one lock manager, one channel name, one virtual clock. */
function browser(shared: Partial<ShareOptions> = {}) {
  const locks = new FakeLocks();
  const scheduler = new VirtualTimeScheduler();
  const name = `agent-${process.pid}-${++browsers}`;
  const tab = (options: Partial<ShareOptions> = {}) => {
    const dialers: ReturnType<typeof fakeDialer>[] = [];
    const disconnected: DialerAdapter[] = [];
    const store = shareCampaignStore({
      name,
      scheduler,
      locks: locks as unknown as LockManager,
      connect: () => {
        const dialer = fakeDialer();
        dialers.push(dialer);
        return dialer.adapter;
      },
      disconnect: (adapter) => disconnected.push(adapter),
      ...shared,
      ...options,
    });
    opened.push(store);
    const control: TabControl[] = [];
    const previews: PreviewView[] = [];
    const notices: Notice[] = [];
    const commands: DialerCommand[] = [];
    store.control$.subscribe((c) => control.push(c));
    store.preview$.subscribe((view) => previews.push(view));
    store.notices$.subscribe((notice) => notices.push(notice));
    store.commands$.subscribe((command) => commands.push(command));
    return {
      store,
      dialers,
      disconnected,
      control,
      notices,
      commands,
      /** The dialer this tab connected last. */
      dialer: () => dialers.at(-1)!,
      preview: () => previews.at(-1)!,
      is: (c: TabControl) => control.at(-1) === c,
      /** In charge, and connected to its dialer. */
      leading: () => control.at(-1) === 'here' && store.snapshot().inCharge,
    };
  };
  return {locks, scheduler, name, tab};
}

type Tab = ReturnType<ReturnType<typeof browser>['tab']>;

/** Two tabs: the first in charge and showing offer o1, the second mirroring it. */
async function twoTabs(shared: Partial<ShareOptions> = {}) {
  const b = browser(shared);
  const first = b.tab();
  await until(first.leading, 'the first tab leads');
  const second = b.tab();
  await until(() => second.is('elsewhere'), 'the second tab follows');
  first.dialer().emit({type: 'agent-state', state: 'available'});
  first.dialer().emit(offered('o1', {timeoutMs: 0}, 0));
  await until(() => second.preview().stage === 'offer', 'the second tab shows the offer');
  return {...b, first, second};
}

const noticeCodes = (tab: Tab) => tab.store.snapshot().notices.map((n) => n.code);

describe('one tab in charge: shareCampaignStore', () => {
  it('the first tab is in charge and connects; the second mirrors it read-only and never connects', async () => {
    const {first, second} = await twoTabs();
    assert.deepEqual(first.control, ['electing', 'here']);
    assert.deepEqual(second.control, ['electing', 'elsewhere']);
    assert.equal(first.dialers.length, 1, 'connect called once');
    assert.equal(second.dialers.length, 0, 'never connects');
    const mine = first.preview();
    const theirs = second.preview();
    assert.equal(mine.inCharge, true);
    assert.equal(mine.actions.accept, true);
    assert.equal(theirs.inCharge, false);
    assert.equal(theirs.offer?.offerId, 'o1');
    assert.deepEqual(theirs.offer, mine.offer);
    assert.deepEqual(theirs.actions, NO_ACTIONS);
    assert.equal(theirs.campaignButton.reason, 'elsewhere');
    assert.equal(second.store.accepts({type: 'take-control'}), true);
    assert.equal(first.store.accepts({type: 'take-control'}), false);
  });

  it('Accept in the tab not in charge sends nothing, anywhere', async () => {
    const {first, second} = await twoTabs();
    const accept: Intent = {type: 'accept', offerId: 'o1'};
    assert.equal(second.store.accepts(accept), false);
    assert.equal(second.store.problem(accept), 'not-allowed');
    second.store.dispatch(accept);
    await settle();
    assert.deepEqual(second.commands, []);
    assert.deepEqual(first.dialer().sent, []);
    assert.equal(first.store.snapshot().offer?.decision, null);
    assert.equal(second.preview().stage, 'offer');
    assert.deepEqual(second.notices, [], 'and no send-failed notice either');
  });

  it('takeControl(): the second tab connects and leads, the first disconnects its dialer and stops listening to it', async () => {
    const {first, second} = await twoTabs();
    const old = first.dialer();
    second.store.takeControl();
    await until(second.leading, 'the second tab leads');
    await until(() => first.is('elsewhere'), 'the first tab follows');
    assert.equal(second.dialers.length, 1);
    assert.equal(first.dialers.length, 1, 'the first tab does not connect again');
    assert.deepEqual(first.disconnected, [old.adapter]);
    assert.equal(first.store.snapshot().inCharge, false);
    // The second tab starts from what it showed.
    assert.equal(second.preview().actions.accept, true);
    // The old dialer's events reach nobody.
    old.emit({type: 'agent-state', state: 'not-ready'});
    await settle();
    assert.equal(first.preview().agentState, 'available');
    assert.equal(second.preview().agentState, 'available');
    first.store.dispatch({type: 'accept', offerId: 'o1'});
    second.store.dispatch({type: 'accept', offerId: 'o1'});
    assert.deepEqual(old.sent, []);
    assert.deepEqual(
      second.dialer().sent.map((c) => c.type),
      ['accept'],
    );
    await until(() => first.preview().stage === 'connecting', 'the first tab mirrors the second');
    assert.equal(first.preview().inCharge, false);
  });

  it('dispatch({type: "take-control"}) does the same, back and forth', async () => {
    const {first, second} = await twoTabs();
    second.store.dispatch({type: 'take-control'});
    await until(() => second.leading() && first.is('elsewhere'), 'the second tab leads');
    first.store.dispatch({type: 'take-control'});
    await until(() => first.leading() && second.is('elsewhere'), 'the first tab leads again');
    assert.equal(first.dialers.length, 2, 'a fresh dialer each time it takes charge');
    assert.deepEqual(second.disconnected, [second.dialers[0].adapter]);
    assert.deepEqual(first.disconnected, [first.dialers[0].adapter]);
    first.dialer().emit({type: 'agent-state', state: 'not-ready'});
    await until(() => second.preview().agentState === 'not-ready', 'the second tab mirrors the new dialer');
    // take-control in the tab in charge does nothing.
    first.store.dispatch({type: 'take-control'});
    await settle();
    assert.ok(first.leading());
    assert.equal(first.dialers.length, 2);
  });

  it('closing (or crashing) the tab in charge hands over to the tab waiting first', async () => {
    const {first, second, tab} = await twoTabs();
    const third = tab();
    await until(() => third.is('elsewhere') && third.preview().stage === 'offer', 'the third tab follows');
    first.store.dispose();
    await until(second.leading, 'the second tab leads');
    assert.deepEqual(first.disconnected, [first.dialers[0].adapter], 'the closing tab releases its dialer');
    assert.equal(second.dialers.length, 1);
    assert.equal(second.preview().offer?.offerId, 'o1', 'from what it showed');
    await settle();
    assert.ok(third.is('elsewhere'));
    assert.equal(third.dialers.length, 0);
    second.dialer().emit({type: 'agent-state', state: 'not-ready'});
    await until(() => third.preview().agentState === 'not-ready', 'the third tab mirrors the second');
    second.store.dispose();
    await until(third.leading, 'then the third tab leads');
  });

  it('locks: null: a tab alone, in charge', async () => {
    const {tab} = browser({locks: null});
    const alone = tab();
    await until(alone.leading, 'the tab leads');
    assert.deepEqual(alone.control, ['here'], 'no election');
    alone.dialer().emit({type: 'agent-state', state: 'available'});
    alone.dialer().emit(offered('o1', {timeoutMs: 0}, 0));
    alone.store.dispatch({type: 'accept', offerId: 'o1'});
    assert.deepEqual(
      alone.dialer().sent.map((c) => c.type),
      ['accept'],
    );
    assert.equal(alone.store.accepts({type: 'take-control'}), false);
  });

  it('the tab not in charge does not re-emit the notices it mirrors, and raises none at the deadlines', async () => {
    const {first, second, scheduler} = await twoTabs({connectingNoticeMs: 4_000});
    first.dialer().emit({type: 'stream-error', code: 'E_STREAM', message: 'glitch'});
    await until(() => noticeCodes(second).includes('E_STREAM'), 'the second tab shows the notice');
    first.store.dispatch({type: 'accept', offerId: 'o1'});
    await until(() => second.preview().stage === 'connecting', 'the second tab shows the accept');
    advance(scheduler, 4_000);
    assert.deepEqual(
      first.notices.map((n) => n.code),
      ['E_STREAM', 'dialer-slow'],
    );
    await until(() => noticeCodes(second).includes('dialer-slow'), 'the second tab shows the slow dialer');
    advance(scheduler, 60_000);
    await settle();
    assert.deepEqual(second.notices, [], 'notices$ of the tab not in charge');
    assert.deepEqual(noticeCodes(second), ['E_STREAM', 'dialer-slow'], 'each shown once');
  });

  it('only the tab in charge acts at a deadline: the timeout action goes once', async () => {
    const b = browser();
    const first = b.tab();
    await until(first.leading, 'the first tab leads');
    const second = b.tab();
    await until(() => second.is('elsewhere'), 'the second tab follows');
    first.dialer().emit({type: 'agent-state', state: 'available'});
    first.dialer().emit(offered('o1', {timeoutMs: 5_000, timeoutAction: 'skip'}, 0));
    await until(() => second.preview().stage === 'offer', 'the second tab shows the offer');
    advance(b.scheduler, 5_000);
    await settle();
    advance(b.scheduler, 5_000);
    assert.deepEqual(
      first.dialer().sent.map((c) => [c.type, 'source' in c && c.source]),
      [['skip', 'timeout']],
    );
    assert.deepEqual(second.commands, []);
  });

  it('a connect() that rejects (or throws) gives a visible notice', async () => {
    const failing = [
      {connect: () => Promise.reject(new DialerError('E_AUTH', 'Sign-in expired')), code: 'E_AUTH', message: 'Sign-in expired'},
      {
        connect: () => {
          throw new DialerError('E_SOCKET', 'No socket');
        },
        code: 'E_SOCKET',
        message: 'No socket',
      },
      {connect: () => Promise.reject(null), code: 'connect-failed', message: 'This tab could not connect to the dialer.'},
    ];
    for (const {connect, code, message} of failing) {
      const {tab} = browser();
      const alone = tab({connect});
      await until(() => alone.notices.length > 0, `a notice for ${code}`);
      assert.deepEqual(
        alone.notices.map((n) => [n.code, n.message]),
        [[code, message]],
      );
      assert.deepEqual(
        alone.preview().notices.map((n) => n.code),
        [code],
        'shown',
      );
    }
  });

  it('a tab whose connect() failed can try again with take-control (its Use here button)', async () => {
    const {tab} = browser();
    let calls = 0;
    const alone = tab({
      connect: () => (++calls === 1 ? Promise.reject(new DialerError('E_AUTH', 'Sign-in expired')) : fakeDialer().adapter),
    });
    await until(() => alone.notices.length > 0, 'the notice');
    assert.equal(alone.store.accepts({type: 'take-control'}), true, 'Use here is offered');
    alone.store.dispatch({type: 'take-control'});
    await until(alone.leading, 'the tab connects on the second try', 500);
    assert.equal(calls, 2);
  });

  it('a connection that comes back after this tab handed over is closed, never used', async () => {
    const b = browser();
    let resolve!: (adapter: DialerAdapter) => void;
    const late = fakeDialer();
    const first = b.tab({connect: () => new Promise<DialerAdapter>((r) => (resolve = r))});
    await until(() => first.is('here'), 'the first tab has the lock');
    const second = b.tab();
    await until(() => second.is('elsewhere'), 'the second tab follows');
    second.store.takeControl();
    await until(() => second.leading() && first.is('elsewhere'), 'the second tab leads');
    resolve(late.adapter);
    await until(() => first.disconnected.includes(late.adapter), 'the late dialer is disconnected');
    late.emit({type: 'agent-state', state: 'not-ready'});
    await settle();
    assert.notEqual(first.preview().agentState, 'not-ready');
    assert.equal(first.store.snapshot().inCharge, false);
  });

  it('a message of another kit version, or not shaped like a state, is not mirrored (nor thrown on)', async () => {
    const b = browser();
    const first = b.tab();
    await until(first.leading, 'the first tab leads');
    const second = b.tab();
    await until(() => second.is('elsewhere'), 'the second tab follows');
    first.dialer().emit({type: 'agent-state', state: 'available'});
    await until(() => second.preview().agentState === 'available', 'the second tab mirrors');
    const other = new BroadcastChannel(`campaign-preview-kit:${b.name}`);
    const stale = {...first.store.snapshot(), agent: {state: 'not-ready', reason: null}};
    for (const data of [
      {type: 'state', v: 2, state: stale},
      {type: 'state', v: 1, state: {agent: {state: 'not-ready'}}},
      {type: 'state', v: 1},
      null,
      'state',
    ])
      other.postMessage(data);
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 20));
    other.close();
    assert.equal(second.preview().agentState, 'available', 'nothing of them shown');
    assert.equal(second.notices.length, 0);
  });

  it('each tab keeps its own settings when mirroring', async () => {
    const b = browser();
    const first = b.tab();
    await until(first.leading, 'the first tab leads');
    const second = b.tab({connectingNoticeMs: 0});
    first.dialer().emit({type: 'agent-state', state: 'available'});
    await until(() => second.preview().agentState === 'available', 'the second tab mirrors');
    assert.equal(first.store.snapshot().settings.connectingNoticeMs, 10_000);
    assert.equal(second.store.snapshot().settings.connectingNoticeMs, 0);
  });

  it('a disposed tab leaves the lock and the channel: nothing arrives after', async () => {
    const {first, second, locks, name} = await twoTabs();
    second.store.dispose();
    first.store.dispose();
    await settle();
    assert.equal(locks.held(`campaign-preview-kit:${name}`), false);
    assert.equal(second.dialers.length, 0, 'a disposed tab waiting for the lock never takes charge');
  });
});
