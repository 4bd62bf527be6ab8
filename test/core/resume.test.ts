/**
 * Resuming a simulated campaign from its journal (a page reload, a server
 * restart): the same campaign, ids and start times, and what fell due while
 * nothing ran happens on resume. On virtual time. (The compacted journal's
 * own properties: compacted-journal.test.ts.)
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {VirtualTimeScheduler, interval, take, type SchedulerAction, type SchedulerLike} from 'rxjs';
import {CatchUpScheduler} from '../../src/adapters/simulated/catch-up-scheduler.js';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {RecordedSimulatedDialer, parseSimulationJournal, type SimulationJournal} from '../../src/adapters/simulated/recorded-dialer.js';
import type {SimulatedCampaignScript} from '../../src/adapters/simulated/simulated-dialer.js';
import {selectPreview, selectTask} from '../../src/core/views.js';
import type {Snapshot} from '../../src/protocol/index.js';
import {campaign, contact} from './fixtures.js';
import {advance} from './harness.js';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const script: SimulatedCampaignScript = {
  campaign: campaign({timeoutMs: 0, cpa: false, wrapUp: {codes: [{code: 'sale', label: 'Sale'}], allowNote: false, timeoutMs: 0}}),
  contacts: [contact({id: 'a', name: 'Ana'}), contact({id: 'b', name: 'Bruno'})],
  agentAvailable: true,
  latencyMs: 100,
  dialMs: 100,
  ringMs: 1_000,
  talkMs: 60_000,
};

/** A page: a recorded dialer and a store on a virtual clock that starts at `start`. */
function page(start: number, journal?: SimulationJournal) {
  const scheduler = new VirtualTimeScheduler();
  scheduler.frame = start;
  const saved: SimulationJournal[] = [];
  const options = {scheduler, onJournal: (j: SimulationJournal) => saved.push(j)};
  const dialer = journal ? RecordedSimulatedDialer.resume(journal, options) : RecordedSimulatedDialer.start(script, options);
  const store = createCampaignStore(dialer, {scheduler});
  return {dialer, store, advance: (ms: number) => advance(scheduler, ms), saved, now: () => scheduler.frame};
}

/** Reservation, contact, accept: a connected call 5 s in. */
function midCall() {
  const first = page(T0);
  first.advance(200);
  first.store.dispatch({type: 'answer-reservation', reservationId: first.store.snapshot().reservation!.reservationId});
  first.advance(200);
  first.store.dispatch({type: 'accept', offerId: first.store.snapshot().offer!.offerId});
  first.advance(5_000);
  return first;
}

describe('resuming a simulated campaign from its journal', () => {
  it('a reload mid-call gives back the same call, with its start time, still connected', () => {
    const first = midCall();
    const before = selectTask(first.store.snapshot(), first.store.now())!;
    assert.equal(before.status, 'connected');
    const stored = JSON.parse(JSON.stringify(first.saved.at(-1)));
    const parsed = parseSimulationJournal(stored);
    assert.ok(parsed.ok);

    const reloaded = page(first.now() + 3_000, parsed.journal);
    const after = selectTask(reloaded.store.snapshot(), reloaded.store.now())!;
    assert.equal(after.callId, before.callId);
    assert.equal(after.status, 'connected');
    assert.equal(after.startedAt, before.startedAt);
    assert.equal(after.contact?.name, before.contact?.name);
  });

  it('what fell due while the page was gone has happened on resume, and the rest runs on time', () => {
    const first = midCall();
    const journal = first.saved.at(-1)!;
    // Back after the customer hung up: the call is over and its wrap-up is due.
    const late = page(first.now() + 60_000, journal);
    assert.equal(selectTask(late.store.snapshot(), late.store.now())?.status, 'ended');
    assert.equal(selectTask(late.store.snapshot(), late.store.now())?.wrapUp?.disposition, null);
    late.store.dispatch({type: 'set-disposition', callId: selectTask(late.store.snapshot(), late.store.now())!.callId!, code: 'sale'});
    late.advance(1_000);
    assert.equal(selectPreview(late.store.snapshot(), late.store.now()).stage, 'reservation', 'the next reservation followed');
  });

  it("keeps each command's outcome by key, across a resume", () => {
    const first = page(T0);
    first.advance(200);
    const reservationId = first.store.snapshot().reservation!.reservationId;
    first.dialer.send({type: 'answer-reservation', v: 1, reservationId}, 'key-1').subscribe();
    first.dialer.send({type: 'answer-reservation', v: 1, reservationId: 'nope'}, 'key-2').subscribe({error: () => undefined});
    const resumed = page(first.now() + 10, first.saved.at(-1));
    assert.deepEqual(resumed.dialer.outcome('key-1'), {ok: true});
    assert.equal(resumed.dialer.outcome('key-2')?.ok, false);
    assert.equal(resumed.dialer.outcome('key-3'), undefined);
    const before = resumed.dialer.journal();
    assert.deepEqual(
      before.outcomes.map((o) => o.key),
      ['key-1', 'key-2'],
    );
    let again: unknown = 'pending';
    resumed.dialer.send({type: 'answer-reservation', v: 1, reservationId}, 'key-1').subscribe({complete: () => (again = 'ok')});
    assert.equal(again, 'ok', 'a known key gets its first answer');
    assert.deepEqual(resumed.dialer.journal(), before, 'and does not run again');
  });

  it('carries on at the exact times of a live run whose timers fired late, and in its order', () => {
    const clock = new VirtualTimeScheduler();
    clock.frame = T0;
    // Real timers fire a little late; this live clock fires every one 7 ms late.
    const late: SchedulerLike = {
      now: () => clock.now(),
      schedule: <T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T) => clock.schedule(work, delay + 7, state),
    };
    const dialer = RecordedSimulatedDialer.start(script, {scheduler: late});
    const live: unknown[] = [];
    dialer.events$.subscribe((event) => live.push(event));
    const store = createCampaignStore(dialer, {scheduler: clock});
    advance(clock, 500);
    store.dispatch({type: 'answer-reservation', reservationId: store.snapshot().reservation!.reservationId});
    advance(clock, 503);
    store.dispatch({type: 'accept', offerId: store.snapshot().offer!.offerId});
    const accepted = clock.now();
    // Resumed beside the original, between the moment the call was due to connect and its late timer.
    advance(clock, 100 + 1_000 + 2);
    const journal = dialer.journal();
    assert.equal(journal.at, accepted + 100 + 1_000, 'the journal is as of the timer still due');
    const resumed: unknown[] = [];
    RecordedSimulatedDialer.resume(journal, {scheduler: late}).events$.subscribe((event) => resumed.push(event));
    assert.equal((resumed[0] as Snapshot).call?.phase, 'connected', 'connected on resume');
    advance(clock, 70_000);
    // From then on both raise the same events at the same times.
    assert.deepEqual(resumed.slice(1), live.slice(-1));
    assert.deepEqual(live.at(-1), {
      type: 'call-ended',
      v: 1,
      callId: 'call-3',
      reason: 'customer-hung-up',
      at: accepted + 100 + 1_000 + 60_000,
    });
    assert.equal((live[1] as {at: number}).at, T0 + 100, 'the reservation at its nominal time, not 7 ms late');
  });

  it('its scheduler lets work reschedule itself, as RxJS operators do', () => {
    const clock = new VirtualTimeScheduler();
    clock.frame = T0;
    const catchUp = new CatchUpScheduler(clock, T0);
    const ticks: number[] = [];
    interval(100, catchUp)
      .pipe(take(3))
      .subscribe(() => ticks.push(catchUp.now()));
    catchUp.goLive();
    clock.maxFrames = T0 + 1_000;
    clock.flush();
    assert.deepEqual(ticks, [T0 + 100, T0 + 200, T0 + 300]);
  });

  it('refuses a corrupt journal with the reason', () => {
    const journal = midCall().saved.at(-1)!;
    const broken = {...journal, commands: [{at: 5, command: {type: 'accept'}}]};
    const parsed = parseSimulationJournal(broken);
    assert.equal(parsed.ok, false);
    assert.match(parsed.ok ? '' : parsed.error, /^commands\.0\.command/);
    assert.equal(parseSimulationJournal('{}').ok, false);
    assert.deepEqual(parseSimulationJournal({...journal, v: 3}), {ok: false, error: 'v: Expected a journal of version 2 (or 1)'});
  });
});
