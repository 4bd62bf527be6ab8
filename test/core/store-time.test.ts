/**
 * The store owns time, notices and timeouts (issue 10, points 1-3): views
 * follow the clock with no dialer event, each notice and each planned timeout
 * is emitted once, whoever listens.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Observable, Subject, VirtualTimeScheduler, asyncScheduler, type SchedulerLike} from 'rxjs';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {DialerError, type DialerAdapter} from '../../src/adapters/dialer-adapter.js';
import type {PreviewView, TaskView} from '../../src/core/views.js';
import type {Notice} from '../../src/core/state.js';
import {PROTOCOL_VERSION, type DialerCommand} from '../../src/protocol/index.js';
import {campaign, capabilities, contact, offered} from './fixtures.js';
import {advance} from './harness.js';

function setUp(options: {refuse?: (c: DialerCommand) => Error | null; scheduler?: SchedulerLike} = {}) {
  const virtual = new VirtualTimeScheduler();
  const scheduler = options.scheduler ?? virtual;
  const events = new Subject<unknown>();
  const sent: DialerCommand[] = [];
  const adapter: DialerAdapter = {
    events$: events,
    capabilities: capabilities(),
    send: (command) => {
      sent.push(command);
      const error = options.refuse?.(command) ?? null;
      return new Observable<void>((s) => (error ? s.error(error) : s.complete()));
    },
  };
  const store = createCampaignStore(adapter, {scheduler});
  const previews: PreviewView[] = [];
  const tasks: (TaskView | null)[] = [];
  store.preview$.subscribe((view) => previews.push(view));
  store.task$.subscribe((view) => tasks.push(view));
  const emit = (event: Record<string, unknown>) => events.next({v: PROTOCOL_VERSION, ...event});
  return {store, events, emit, sent, previews, tasks, advance: (ms: number) => advance(virtual, ms), last: () => previews.at(-1)!};
}

/** A virtual scheduler that records the delay of every timer the store arms. */
function countingScheduler() {
  const virtual = new VirtualTimeScheduler();
  const delays: number[] = [];
  const scheduler: SchedulerLike = {
    now: () => virtual.now(),
    schedule: ((work: () => void, delay = 0) => {
      delays.push(delay);
      return virtual.schedule(work, delay);
    }) as SchedulerLike['schedule'],
  };
  return {virtual, scheduler, delays};
}

const wrapUp = {codes: [{code: 'sale', label: 'Renewed'}], allowNote: false, timeoutMs: 5_000};

describe('the store owns time', () => {
  it('re-emits preview$ when the wrap-up time runs out: the Campaign button comes back with no dialer event', () => {
    const {store, emit, advance, last, previews} = setUp();
    emit({type: 'agent-state', state: 'available'});
    emit(offered('o1', {mode: 'preview', wrapUp, timeoutMs: 0}, 0));
    store.dispatch({type: 'accept', offerId: 'o1'});
    emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'});
    emit({type: 'call-ended', callId: 'c1'});
    assert.deepEqual(last().campaignButton, {visible: true, enabled: false, reason: 'wrap-up'});
    const emitted = previews.length;
    advance(4_999);
    assert.equal(previews.length, emitted, 'nothing changes before the wrap-up time is up');
    advance(1);
    assert.deepEqual(last().campaignButton, {visible: true, enabled: true, reason: 'ready'});
    assert.equal(store.accepts({type: 'request-contact'}), true);
  });

  it('re-emits task$ when the wrap-up time runs out', () => {
    const {store, emit, advance, tasks} = setUp();
    emit({type: 'agent-state', state: 'available'});
    emit(offered('o1', {mode: 'preview', wrapUp, timeoutMs: 0}, 0));
    store.dispatch({type: 'accept', offerId: 'o1'});
    emit({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'});
    emit({type: 'call-ended', callId: 'c1'});
    assert.equal(tasks.at(-1)?.wrapUp?.status, 'pending');
    assert.equal(tasks.at(-1)?.finished, false);
    advance(5_000);
    assert.equal(tasks.at(-1)?.wrapUp?.status, 'timed-out');
    assert.equal(tasks.at(-1)?.finished, true);
  });

  it("offers Accept when the enforced calling window opens, and follows the contact's local time", () => {
    const {store, events, advance, last} = setUp();
    events.next({type: 'agent-state', state: 'available'});
    // Virtual time starts at 00:00 UTC; the window opens at 00:01 in the contact's zone.
    events.next({
      type: 'contact-offered',
      offerId: 'o1',
      offeredAt: 0,
      deadline: null,
      campaign: campaign({timeoutMs: 0, callingWindow: {start: '00:01', end: '23:00', enforce: true}}),
      contact: contact({timeZone: 'UTC'}),
    });
    assert.equal(last().actions.accept, false);
    assert.equal(last().acceptBlocked, 'calling-window');
    assert.deepEqual(last().offer?.callingWindow, {
      localTime: '00:00',
      timeZone: 'UTC',
      inside: false,
      enforced: true,
      start: '00:01',
      end: '23:00',
    });
    advance(60_000);
    assert.equal(last().actions.accept, true, 'Accept once the window is open');
    assert.equal(last().acceptBlocked, null);
    assert.equal(last().offer?.callingWindow?.localTime, '00:01');
    assert.equal(store.accepts({type: 'accept', offerId: 'o1'}), true);
  });

  it('arms one timer at a time, and none when nothing depends on time', () => {
    const {virtual, scheduler, delays} = countingScheduler();
    const {emit} = setUp({scheduler});
    emit({type: 'agent-state', state: 'available'});
    emit({type: 'agent-state', state: 'not-ready'});
    assert.equal(delays.length, 0);
    emit(offered('o1', {timeoutMs: 30_000}, virtual.now()));
    emit({type: 'agent-state', state: 'available'});
    assert.deepEqual(delays, [30_000], 'an unchanged deadline keeps its timer');
    emit(offered('o2', {timeoutMs: 10_000}, virtual.now()));
    assert.deepEqual(delays, [30_000, 10_000]);
    assert.equal(virtual.actions.filter((action) => !action.closed).length, 1, "the replaced deadline's timer is cancelled");
  });

  it('a deadline beyond the longest timer delay waits in steps instead of spinning', () => {
    const {virtual, scheduler, delays} = countingScheduler();
    const {events, sent} = setUp({scheduler});
    // The protocol bounds a deadline to a day after its offer, but an offer may come from the future.
    const far = 40 * 86_400_000;
    events.next({type: 'contact-offered', offerId: 'o1', offeredAt: far - 30_000, deadline: far, campaign: campaign(), contact: contact()});
    virtual.maxFrames = far - 1;
    virtual.flush();
    assert.ok(
      delays.every((delay) => delay <= 2_147_483_647),
      'every delay fits a timer',
    );
    assert.ok(delays.length <= 3, `${delays.length} timers before a deadline 40 days away`);
    assert.equal(sent.length, 0);
    virtual.maxFrames = far;
    virtual.flush();
    assert.deepEqual(
      sent.map((c) => c.type),
      ['skip'],
      'and it still acts at the deadline',
    );
  });
});

describe('the store owns notices and timeouts', () => {
  it('emits each notice once, when raised; a late subscriber gets no old notice', () => {
    const {store, events} = setUp({refuse: (c) => (c.type === 'skip' ? new DialerError('E_BUSY', 'Busy') : null)});
    const first: Notice[] = [];
    store.notices$.subscribe((n) => first.push(n));
    events.next({type: 'nonsense'});
    events.next(offered('o1'));
    store.dispatch({type: 'skip', offerId: 'o1'});
    assert.deepEqual(
      first.map((n) => [n.kind, n.code]),
      [
        ['invalid-event', 'invalid-event'],
        ['action-failed', 'E_BUSY'],
      ],
    );
    const late: Notice[] = [];
    store.notices$.subscribe((n) => late.push(n));
    store.dispatch({type: 'dismiss-notice', id: first[0].id});
    assert.deepEqual(late, [], 'no notice again');
    events.next({type: 'nonsense'});
    assert.equal(late.length, 1);
    assert.equal(first.length, 3);
  });

  it('a refusal with no usable message still gives a readable notice', () => {
    const {store, events} = setUp({refuse: () => Object.create(null)});
    events.next(offered('o1'));
    store.dispatch({type: 'skip', offerId: 'o1'});
    const notice = store.snapshot().notices.at(-1)!;
    assert.equal(notice.code, 'send-failed');
    assert.doesNotMatch(notice.message, /object Object/);
  });

  it('plans each timeout once, however many listen, and acts with nobody listening', () => {
    for (const listeners of [0, 1, 2]) {
      const {store, events, sent, advance} = setUp();
      const planned: unknown[] = [];
      for (let i = 0; i < listeners; i++) store.timeouts$.subscribe((p) => planned.push(p.intent));
      events.next(offered('o1', {timeoutMs: 5_000, timeoutAction: 'skip'}, 0));
      advance(5_000);
      assert.deepEqual(planned, Array(listeners).fill({type: 'skip', offerId: 'o1'}));
      assert.deepEqual(
        sent.map((c) => [c.type, 'source' in c && c.source]),
        [['skip', 'timeout']],
        `${listeners} listeners`,
      );
    }
  });

  it('uses real time by default', () => {
    const {store} = setUp({scheduler: asyncScheduler});
    assert.ok(Math.abs(store.now() - Date.now()) < 1_000);
    store.dispose();
  });
});
