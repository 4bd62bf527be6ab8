/**
 * The recorded simulated dialer's compacted journal (version 2), on virtual
 * time: its size does not grow with the campaign, a campaign restarted from
 * it carries on as one that never stopped, a command resent under its key
 * after a restart runs once, and a late subscriber gets one snapshot, then
 * the live events.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {VirtualTimeScheduler} from 'rxjs';
import {
  OUTCOMES_KEPT,
  RecordedSimulatedDialer,
  parseSimulationJournal,
  type SimulationJournal,
} from '../../src/adapters/simulated/recorded-dialer.js';
import {RECORDS_KEPT} from '../../src/adapters/simulated/simulated-dialer.js';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {selectPreview, selectTask} from '../../src/core/views.js';
import type {DialerCommand, Snapshot} from '../../src/protocol/index.js';
import {advance} from './harness.js';
import {longCampaign, nextCommand} from './scripted-agent.js';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
/** How often the agent looks at the situation (virtual ms). */
const LOOK_MS = 500;

const bytes = (value: unknown) => JSON.stringify(value).length;

/** A journal as it comes back from storage. */
const stored = (journal: SimulationJournal): SimulationJournal => {
  const parsed = parseSimulationJournal(JSON.parse(JSON.stringify(journal)));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return parsed.journal;
};

/** A recorded dialer on `scheduler`, with everything it stored and every event it raised. */
function recorded(scheduler: VirtualTimeScheduler, from: SimulationJournal | ReturnType<typeof longCampaign>) {
  const saved: SimulationJournal[] = [];
  const options = {scheduler, onJournal: (journal: SimulationJournal) => saved.push(journal)};
  const dialer = 'state' in from ? RecordedSimulatedDialer.resume(from, options) : RecordedSimulatedDialer.start(from, options);
  // A new campaign is stored at once (as the demo and the reference server do).
  if (!('state' in from)) saved.push(dialer.journal());
  const events: unknown[] = [];
  dialer.events$.subscribe((event) => events.push(event));
  return {dialer, saved, events};
}

function clock(): VirtualTimeScheduler {
  const scheduler = new VirtualTimeScheduler();
  scheduler.frame = T0;
  return scheduler;
}

describe('the compacted journal of a recorded simulated campaign', () => {
  it('stays the same size over a long campaign: beyond its script, only the situation', () => {
    const scheduler = clock();
    const script = longCampaign(600);
    const {dialer, saved, events} = recorded(scheduler, script);
    const offers = () => events.filter((e) => (e as {type: string}).type === 'contact-offered').length;
    /** The journal stored after the first disposition once `count` contacts were offered (the same situation each time). */
    const at = new Map<number, SimulationJournal>();
    const marks = [10, 500];
    for (let turn = 1, key = 0; offers() < 500 || !at.has(500); turn += 1) {
      advance(scheduler, LOOK_MS);
      const command = nextCommand(dialer.snapshot(), turn, scheduler.now());
      if (!command) continue;
      // Under a key each, as the reference server sends them: the journal keeps the latest keys' outcomes.
      dialer.send(command, `key-${(key += 1)}`).subscribe({error: () => undefined});
      const mark = marks.find((m) => offers() >= m && !at.has(m));
      if (mark !== undefined && command.type === 'set-disposition') at.set(mark, saved.at(-1)!);
    }
    const [early, late] = marks.map((m) => at.get(m)!);
    const scriptBytes = bytes(script);
    for (const journal of [early, late]) {
      assert.deepEqual(journal.commands, [], 'compacted after every command');
      assert.ok(bytes(journal) - scriptBytes <= 16_384, `beyond its script: ${bytes(journal) - scriptBytes} bytes`);
      assert.ok(
        journal.outcomes.length <= OUTCOMES_KEPT &&
          journal.state.callbacks.length <= RECORDS_KEPT &&
          journal.state.dispositions.length <= RECORDS_KEPT,
      );
    }
    assert.equal(late.outcomes.length, OUTCOMES_KEPT, 'the latest keys only');
    // What is neither a bounded table (the latest keys, callbacks and dispositions) nor bounded by the script (the queue
    // names each contact still to come at most once, the do-not-call list each one removed) does not grow at all.
    const {queue, doNotCall} = late.state;
    assert.ok(queue.front.length + queue.back.length + (script.contacts.length - queue.next) <= script.contacts.length);
    assert.ok(doNotCall.length <= script.contacts.length);
    const rest = (journal: SimulationJournal) => {
      const {queue, doNotCall, callbacks, dispositions} = journal.state;
      return (
        bytes(journal) -
        scriptBytes -
        [queue, doNotCall, callbacks, dispositions, journal.outcomes].reduce((sum, part) => sum + bytes(part), 0)
      );
    };
    assert.ok(rest(late) <= rest(early) + 128, `the rest: after 500 contacts ${rest(late)} bytes, after 10 ${rest(early)}`);
  });

  it('a campaign restarted from its journal carries on as a twin that never stopped, whatever the stage and the gap', () => {
    const scheduler = clock();
    const script = longCampaign(300);
    const twin = recorded(scheduler, script);
    let subject = recorded(scheduler, script);
    let key = 0;
    let turn = 0;
    /** Every `LOOK_MS` the agent looks, and both get the same command under the same key; then 100 ms pass. */
    const tick = (elapsed: number) => {
      const command = elapsed % LOOK_MS === 0 ? nextCommand(twin.dialer.snapshot(), (turn += 1), scheduler.now()) : null;
      if (command) {
        key += 1;
        for (const {dialer} of [twin, subject]) dialer.send(command, `key-${key}`).subscribe({error: () => undefined});
      }
      advance(scheduler, 100);
    };
    const workFor = (ms: number) => {
      for (let elapsed = 0; elapsed < ms; elapsed += 100) tick(elapsed);
    };
    const workUntil = (stage: string, reached: (s: Snapshot) => boolean) => {
      for (let elapsed = 0; !reached(twin.dialer.snapshot()); elapsed += 100) {
        assert.ok(elapsed < 900_000, `no ${stage} within 15 minutes`);
        tick(elapsed);
      }
    };
    const stages: [string, (s: Snapshot) => boolean][] = [
      ['reservation', (s) => Boolean(s.reservation && !s.offer)],
      ['offer', (s) => Boolean(s.offer && !s.offer.decision)],
      ['dialing', (s) => s.call?.phase === 'dialing'],
      ['ringing', (s) => s.call?.phase === 'ringing'],
      ['connected', (s) => s.call?.phase === 'connected'],
      ['answering machine', (s) => s.call?.phase === 'answering-machine'],
      ['wrap-up', (s) => s.call?.wrapUp?.disposition === null],
      ['not ready', (s) => s.agent?.state === 'not-ready'],
    ];
    const gaps = [0, 250, 1_300, 5_000, 45_000];
    let restarts = 0;
    for (const [stage, reached] of stages) {
      for (const killed of [true, false]) {
        workUntil(stage, reached);
        // Killed: from what it stored after its last command; or stopped: from its journal now.
        const journal = killed ? subject.saved.at(-1)! : subject.dialer.journal();
        subject.dialer.dispose();
        advance(scheduler, gaps[restarts % gaps.length]); // nobody runs the subject; the twin goes on
        subject = recorded(scheduler, stored(journal));
        restarts += 1;
        const what = `${stage}, ${killed ? 'killed' : 'stopped'}`;
        assert.deepEqual(subject.events, [twin.dialer.snapshot()], `${what}: the situation now, caught up`);
        assert.deepEqual(subject.dialer.journal(), twin.dialer.journal(), `${what}: the same state`);
        const since = twin.events.length;
        workFor(15_000);
        assert.deepEqual(subject.events.slice(1), twin.events.slice(since), `${what}: then the same events`);
        assert.deepEqual(subject.dialer.journal(), twin.dialer.journal(), `${what}: and the same journal`);
      }
    }
    assert.equal(restarts, 16);
  });

  it('a command resent under its key after a restart gets its first answer and runs once', () => {
    const scheduler = clock();
    const first = recorded(scheduler, longCampaign(5));
    advance(scheduler, 300);
    const reservationId = first.dialer.snapshot().reservation!.reservationId;
    first.dialer.send({type: 'answer-reservation', v: 1, reservationId}, 'once').subscribe();
    first.dialer
      .send({type: 'accept', v: 1, offerId: 'offer-9', source: 'agent', phoneNumber: '+1 555 0100'}, 'refused')
      .subscribe({error: () => undefined});
    // The answers are lost, and the dialer stops; it comes back from what it stored.
    first.dialer.dispose();
    advance(scheduler, 250);
    const again = recorded(scheduler, stored(first.saved.at(-1)!));
    const before = again.dialer.journal();
    let answered = false;
    again.dialer.send({type: 'answer-reservation', v: 1, reservationId}, 'once').subscribe({complete: () => (answered = true)});
    let refusal: {code?: string} = {};
    again.dialer
      .send({type: 'accept', v: 1, offerId: 'offer-9', source: 'agent', phoneNumber: '+1 555 0100'}, 'refused')
      .subscribe({error: (e) => (refusal = e)});
    assert.ok(answered, 'the first answer');
    assert.equal(refusal.code, 'stale-offer', 'the first refusal');
    assert.deepEqual(again.events.slice(1), [], 'nothing ran again');
    assert.deepEqual(again.dialer.journal(), before);
    // Under a new key, it runs.
    again.dialer.send({type: 'answer-reservation', v: 1, reservationId}, 'new').subscribe();
    assert.deepEqual(
      again.events.slice(1).map((e) => (e as {type: string}).type),
      ['reservation-answered'],
    );
  });

  it('a late subscriber gets one snapshot of the situation now, then the live events', () => {
    const scheduler = clock();
    const early = recorded(scheduler, longCampaign(5));
    const reference = createCampaignStore(early.dialer, {scheduler});
    advance(scheduler, 300);
    reference.dispatch({type: 'answer-reservation', reservationId: reference.snapshot().reservation!.reservationId});
    advance(scheduler, 300);
    reference.dispatch({type: 'accept', offerId: reference.snapshot().offer!.offerId});
    advance(scheduler, 1_000);

    const late: unknown[] = [];
    const since = early.events.length;
    early.dialer.events$.subscribe((event) => late.push(event));
    assert.deepEqual(late, [early.dialer.snapshot()]);
    assert.equal((late[0] as {type: string}).type, 'snapshot');
    const page = createCampaignStore(early.dialer, {scheduler});
    const views = (store: typeof page) => ({
      preview: selectPreview(store.snapshot(), store.now()),
      task: selectTask(store.snapshot(), store.now()),
    });
    assert.deepEqual(views(page), views(reference), 'a page made from it shows what the first one does');
    advance(scheduler, 5_000);
    reference.dispatch({type: 'set-disposition', callId: reference.snapshot().call!.callId, code: 'sale'});
    advance(scheduler, 5_000);
    assert.deepEqual(late.slice(1), early.events.slice(since), 'then live, and nothing else');
    assert.deepEqual(
      late.slice(1).map((e) => (e as {type: string}).type),
      ['cpa-result', 'call-ended', 'reservation-offered'],
    );
    assert.equal(late.filter((e) => (e as {type: string}).type === 'snapshot').length, 1);
    assert.deepEqual(views(page), views(reference));
  });

  it('what happens while a late subscriber gets its snapshot comes after it', () => {
    const scheduler = clock();
    const {dialer} = recorded(scheduler, longCampaign(5));
    advance(scheduler, 300);
    const seen: string[] = [];
    dialer.events$.subscribe((event) => {
      const {type} = event as {type: string};
      seen.push(type);
      if (type !== 'snapshot') return;
      dialer.send({type: 'set-agent-state', v: 1, state: 'not-ready'}).subscribe();
      seen.push('snapshot handled');
    });
    assert.deepEqual(seen, ['snapshot', 'snapshot handled', 'agent-state']);
  });

  it('reads a version 1 journal (every command since the start) and carries on from it', () => {
    const scheduler = clock();
    const script = longCampaign(5);
    const twin = recorded(scheduler, script);
    const commands: {at: number; key: string; command: DialerCommand}[] = [];
    const send = (command: DialerCommand) => {
      const key = `key-${commands.length}`;
      commands.push({at: scheduler.now(), key, command});
      twin.dialer.send(command, key).subscribe({error: () => undefined});
    };
    for (let turn = 1; turn < 40; turn += 1) {
      advance(scheduler, LOOK_MS);
      const command = nextCommand(twin.dialer.snapshot(), turn, scheduler.now());
      if (command) send(command);
    }
    const parsed = parseSimulationJournal(JSON.parse(JSON.stringify({v: 1, startedAt: T0, script, commands})));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    assert.equal(parsed.journal.v, 2);
    const resumed = recorded(scheduler, parsed.journal);
    assert.deepEqual(resumed.events, [twin.dialer.snapshot()]);
    assert.deepEqual(resumed.dialer.journal(), twin.dialer.journal());
  });

  it('refuses a journal whose state does not fit its script', () => {
    const scheduler = clock();
    const {dialer} = recorded(scheduler, longCampaign(3));
    advance(scheduler, 300);
    const journal = JSON.parse(JSON.stringify(dialer.journal()));
    const broken = {...journal, state: {...journal.state, queue: {front: [7], next: 0, back: []}}};
    assert.deepEqual(parseSimulationJournal(broken), {ok: false, error: 'state: The state names a contact the script does not have'});
    const orphan = {...journal, state: {...journal.state, agenda: [{at: T0 + 1_000, action: {do: 'ring', callId: 'call-99'}}]}};
    assert.match((parseSimulationJournal(orphan) as {error: string}).error, /^state: The agenda plans/);
  });
});
