/**
 * End call (protocol 1.2): the agent hangs up a call that was answered. On the
 * simulated dialer (virtual time, through the store), its journal (a reload
 * resumes after it), and the reference dialer server over a real WebSocket.
 * Webex and Amazon Connect: webex.test.ts and amazon-connect-dialer.test.ts.
 */
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {VirtualTimeScheduler, switchMap, timer} from 'rxjs';
import {WebSocket} from 'ws';
import type {DialerAdapter} from '../../src/adapters/dialer-adapter.js';
import {RecordedSimulatedDialer, parseSimulationJournal, type SimulationJournal} from '../../src/adapters/simulated/recorded-dialer.js';
import {SimulatedDialer, simulatedCapabilities, type SimulatedCampaignScript} from '../../src/adapters/simulated/simulated-dialer.js';
import {WebSocketDialer, type SocketLike} from '../../src/adapters/websocket/websocket-dialer.js';
import {selectPreview, selectTask, type TaskView} from '../../src/core/views.js';
import type {DialerCommand, DialerEvent} from '../../src/protocol/index.js';
import type {CampaignStore} from '../../src/store/campaign-store.js';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {startReferenceDialer, type ReferenceDialer} from '../../server/reference-dialer.js';
import {campaign, contact} from './fixtures.js';
import {advance, simulatedCampaign} from './harness.js';
import {until} from './wire.js';

const WRAP_UP = {codes: [{code: 'sale', label: 'Sale'}], allowNote: false, timeoutMs: 0};
const task = (store: CampaignStore) => selectTask(store.snapshot(), store.now());

/** A campaign with a wrap-up whose dialer takes `ms` to act and to dial; a call rings ten times that, and the customer talks for a minute. */
const scriptOf = (ms: number): SimulatedCampaignScript => ({
  campaign: campaign({timeoutMs: 0, cpa: false, wrapUp: WRAP_UP}),
  contacts: [contact({id: 'a', name: 'Ana'}), contact({id: 'b', name: 'Bruno'})],
  agentAvailable: true,
  latencyMs: ms,
  dialMs: ms,
  ringMs: 10 * ms,
  talkMs: 60_000,
});

/** Reservation, contact, accept, then `ms` of the call (virtual time, a dialer acting within 100 ms). */
function call(sim: {store: CampaignStore; advance: (ms: number) => void}, ms: number): TaskView {
  sim.advance(200);
  sim.store.dispatch({type: 'answer-reservation', reservationId: sim.store.snapshot().reservation!.reservationId});
  sim.advance(200);
  sim.store.dispatch({type: 'accept', offerId: sim.store.snapshot().offer!.offerId});
  sim.advance(ms);
  return task(sim.store)!;
}

/** The call once the customer answered (it rings at most 1,200 ms after the accept). */
const connect = (sim: {store: CampaignStore; advance: (ms: number) => void}) => call(sim, 1_300);

/** What the simulated dialer says from now on. */
function heard(dialer: {events$: DialerAdapter['events$']}): DialerEvent[] {
  const events: DialerEvent[] = [];
  dialer.events$.subscribe((event) => events.push(event as DialerEvent));
  return events;
}

describe('End call on the simulated dialer (protocol 1.2)', () => {
  it('is one of its capabilities', () => {
    assert.equal(simulatedCapabilities({campaign: campaign()}).actions.includes('end-call'), true);
  });

  it("ends a connected call as a hang-up: call-ended, then the wrap-up; the dialer got end-call, and the customer's own hang-up never comes", () => {
    const sim = simulatedCampaign({agentAvailable: true, campaign: campaign({wrapUp: WRAP_UP})});
    const connected = connect(sim);
    assert.equal(connected.status, 'connected');
    assert.equal(connected.canEnd, true, 'End call is offered');
    const events = heard(sim.dialer);
    sim.store.dispatch({type: 'end-call', callId: connected.callId!});
    assert.deepEqual(sim.commands.at(-1), {type: 'end-call', v: 1, callId: connected.callId});
    const ended = events.filter((e) => e.type === 'call-ended');
    assert.deepEqual(ended, [{type: 'call-ended', v: 1, callId: connected.callId, reason: 'agent-hung-up', at: sim.scheduler.now()}]);
    const after = task(sim.store)!;
    assert.equal(after.status, 'ended');
    assert.equal(after.ending, false);
    assert.equal(after.canEnd, false);
    assert.equal(after.wrapUp?.status, 'pending', "the campaign's wrap-up follows");
    // Past the moment the customer would have hung up: nothing more of this call.
    sim.advance(5_000);
    assert.equal(events.filter((e) => e.type === 'call-ended').length, 1);
    assert.equal(selectPreview(sim.state(), sim.store.now()).stage, 'closed', 'no next reservation before the disposition');
    sim.store.dispatch({type: 'set-disposition', callId: connected.callId!, code: 'sale'});
    sim.advance(200);
    assert.equal(selectPreview(sim.state(), sim.store.now()).stage, 'reservation', 'then the next reservation');
  });

  it('without a wrap-up the next reservation follows the ended call', () => {
    const sim = simulatedCampaign({agentAvailable: true});
    const connected = connect(sim);
    sim.store.dispatch({type: 'end-call', callId: connected.callId!});
    assert.equal(task(sim.store)?.status, 'ended');
    assert.equal(task(sim.store)?.wrapUp, null);
    sim.advance(200);
    assert.equal(selectPreview(sim.state(), sim.store.now()).stage, 'reservation');
  });

  it('ends a call that reached an answering machine (CPA), without a voicemail', () => {
    const sim = simulatedCampaign({agentAvailable: true, outcome: 'machine'});
    const machine = connect(sim);
    assert.equal(machine.status, 'answering-machine');
    assert.equal(machine.canEnd, true);
    sim.store.dispatch({type: 'end-call', callId: machine.callId!});
    assert.equal(sim.commands.at(-1)?.type, 'end-call');
    assert.equal(task(sim.store)?.status, 'ended');
    assert.equal(task(sim.store)?.voicemailLeft, false);
  });

  it('is not offered while the call rings, and the dialer refuses it then, or for a call it does not have', () => {
    const sim = simulatedCampaign({agentAvailable: true, ringMs: 5_000});
    const ringing = call(sim, 300);
    assert.equal(ringing.status, 'ringing');
    assert.equal(ringing.canEnd, false);
    assert.equal(ringing.canCancel, true, 'a ringing call is cancelled instead (R-U4)');
    const sent = sim.commands.length;
    sim.store.dispatch({type: 'end-call', callId: ringing.callId!});
    assert.equal(sim.commands.length, sent, 'the kit sends nothing');
    const refusal = (command: DialerCommand) => {
      let code: string | undefined;
      sim.dialer.send(command).subscribe({error: (error: {code: string}) => (code = error.code)});
      return code;
    };
    assert.equal(refusal({type: 'end-call', v: 1, callId: ringing.callId!}), 'not-connected');
    assert.equal(refusal({type: 'end-call', v: 1, callId: 'call-999'}), 'stale-call');
    assert.equal(task(sim.store)?.status, 'ringing', 'the call rings on');
  });

  it('through the store: task$ offers End call on the connected call, shows it ending once sent, and ends it when the dialer says so', () => {
    const scheduler = new VirtualTimeScheduler();
    const dialer = new SimulatedDialer(
      {
        campaign: campaign({wrapUp: WRAP_UP}),
        contacts: [contact({id: 'a', name: 'Ana'})],
        agentAvailable: true,
        latencyMs: 100,
        dialMs: 200,
        ringMs: 1_000,
        talkMs: 60_000,
      },
      {scheduler},
    );
    // A dialer 300 ms away: each command is carried out when it gets there.
    const remote: DialerAdapter = {
      events$: dialer.events$,
      capabilities: dialer.capabilities,
      send: (command) => timer(300, scheduler).pipe(switchMap(() => dialer.send(command))),
    };
    const store = createCampaignStore(remote, {scheduler});
    const seen: Array<TaskView | null> = [];
    store.task$.subscribe((view) => seen.push(view));
    const sim = {store, advance: (ms: number) => advance(scheduler, ms)};
    sim.advance(200);
    store.dispatch({type: 'answer-reservation', reservationId: store.snapshot().reservation!.reservationId});
    sim.advance(500);
    store.dispatch({type: 'accept', offerId: store.snapshot().offer!.offerId});
    sim.advance(1_600);
    const connected = seen.at(-1)!;
    assert.equal(connected.status, 'connected');
    assert.equal(connected.canEnd, true);
    assert.equal(connected.ending, false);

    store.dispatch({type: 'end-call', callId: connected.callId!});
    const ending = seen.at(-1)!;
    assert.equal(ending.status, 'connected', 'still connected until the dialer hangs up');
    assert.equal(ending.ending, true);
    assert.equal(store.accepts({type: 'end-call', callId: connected.callId!}), false, 'sent once');
    sim.advance(300);
    const ended = seen.at(-1)!;
    assert.equal(ended.status, 'ended');
    assert.equal(ended.ending, false);
    assert.equal(ended.wrapUp?.status, 'pending');
    assert.deepEqual(dialer.state().wrapUp, {callId: connected.callId});
    store.dispose();
  });

  it('a dialer that cannot end calls is never asked to', () => {
    const scheduler = new VirtualTimeScheduler();
    const dialer = new SimulatedDialer(
      {
        campaign: campaign(),
        contacts: [contact({id: 'a'})],
        agentAvailable: true,
        latencyMs: 100,
        dialMs: 200,
        ringMs: 1_000,
        talkMs: 60_000,
      },
      {scheduler},
    );
    const older: DialerAdapter = {
      events$: dialer.events$,
      capabilities: {...dialer.capabilities, actions: dialer.capabilities.actions.filter((a) => a !== 'end-call')},
      send: (command) => dialer.send(command),
    };
    const store = createCampaignStore(older, {scheduler});
    const commands: DialerCommand[] = [];
    store.commands$.subscribe((c) => commands.push(c));
    const connected = connect({store, advance: (ms) => advance(scheduler, ms)});
    assert.equal(connected.status, 'connected');
    assert.equal(connected.canEnd, false);
    store.dispatch({type: 'end-call', callId: connected.callId!});
    assert.deepEqual(
      commands.filter((c) => c.type === 'end-call'),
      [],
    );
    assert.equal(task(store)?.status, 'connected');
    store.dispose();
  });
});

describe("End call and the simulated dialer's journal", () => {
  const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
  const script = scriptOf(100);

  /** A page on a recorded campaign (new, or resumed from `journal`) whose clock starts at `start`; `saved` gets each journal. */
  function page(start: number, journal?: SimulationJournal) {
    const scheduler = Object.assign(new VirtualTimeScheduler(), {frame: start});
    const saved: SimulationJournal[] = [];
    const options = {scheduler, onJournal: (j: SimulationJournal) => void saved.push(j)};
    const dialer = journal ? RecordedSimulatedDialer.resume(journal, options) : RecordedSimulatedDialer.start(script, options);
    return {
      dialer,
      saved,
      store: createCampaignStore(dialer, {scheduler}),
      advance: (ms: number) => advance(scheduler, ms),
      now: () => scheduler.frame,
    };
  }

  it("a reload after End call resumes the ended call in its wrap-up; the command's key keeps its answer and does not run again", () => {
    const first = page(T0);
    const connected = connect(first);
    assert.equal(connected.status, 'connected');
    let answered = false;
    first.dialer.send({type: 'end-call', v: 1, callId: connected.callId!}, 'end-1').subscribe({complete: () => (answered = true)});
    assert.equal(answered, true, 'the dialer took it');
    const journal = JSON.parse(JSON.stringify(first.saved.at(-1)));
    const parsed = parseSimulationJournal(journal);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    assert.equal(parsed.journal.snapshot.call?.phase, 'ended');
    assert.equal(parsed.journal.snapshot.call?.ending, undefined, 'nothing is left ending');
    assert.equal(parsed.journal.state.call, null);
    assert.ok(!parsed.journal.state.agenda.some((entry) => entry.action.do === 'hang-up'), "the customer's hang-up is no longer planned");

    const reloaded = page(first.now() + 70_000, parsed.journal);
    const resumed = heard(reloaded.dialer);
    const view = task(reloaded.store)!;
    assert.equal(view.callId, connected.callId);
    assert.equal(view.status, 'ended');
    assert.equal(view.wrapUp?.status, 'pending');
    assert.equal(view.startedAt, connected.startedAt);
    assert.deepEqual(reloaded.dialer.outcome('end-1'), {ok: true});
    const before = reloaded.dialer.journal();
    reloaded.dialer.send({type: 'end-call', v: 1, callId: connected.callId!}, 'end-1').subscribe();
    assert.deepEqual(reloaded.dialer.journal(), before, 'a resent key runs once');
    assert.deepEqual(
      resumed.map((e) => e.type),
      ['snapshot'],
      'no second call-ended',
    );
  });

  it('a version 1 journal whose commands include End call runs them again on resume, to the same place', () => {
    const first = page(T0);
    const connected = connect(first);
    first.store.dispatch({type: 'end-call', callId: connected.callId!});
    const reservationId = 'reservation-1';
    const offerId = 'offer-2';
    const v1 = {
      v: 1,
      startedAt: T0,
      script,
      commands: [
        {at: T0 + 200, command: {type: 'answer-reservation', v: 1, reservationId}},
        {at: T0 + 400, command: {type: 'accept', v: 1, offerId, source: 'agent', phoneNumber: contact().phoneNumbers[0].number}},
        {at: T0 + 1_700, key: 'end-v1', command: {type: 'end-call', v: 1, callId: connected.callId}},
      ],
    };
    const parsed = parseSimulationJournal(JSON.parse(JSON.stringify(v1)));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    const resumed = page(T0 + 1_800, parsed.journal);
    assert.equal(task(resumed.store)?.status, 'ended');
    assert.equal(task(resumed.store)?.callId, connected.callId);
    assert.deepEqual(resumed.dialer.outcome('end-v1'), {ok: true});
    assert.deepEqual(resumed.dialer.journal().state, first.dialer.journal().state, 'the same simulation as the page that ended it');
  });
});

describe("End call over the reference dialer server's WebSocket", () => {
  const wire = scriptOf(20);
  const servers: ReferenceDialer[] = [];
  const dialers: WebSocketDialer[] = [];
  after(async () => {
    dialers.forEach((d) => d.dispose());
    await Promise.all(servers.map((s) => s.close()));
  });

  function page(url: string) {
    // What the demo's page declares for the reference server: the simulated dialer's capabilities.
    const dialer = new WebSocketDialer(url, {
      capabilities: simulatedCapabilities(wire),
      connect: (u) => new WebSocket(u) as unknown as SocketLike,
      heartbeatMs: 200,
    });
    dialers.push(dialer);
    return {dialer, store: createCampaignStore(dialer)};
  }

  it('hangs up the connected call on the server: the page shows it ending, then ended with its wrap-up; a page that joins later sees the same', async () => {
    const server = await startReferenceDialer(wire);
    servers.push(server);
    const {store} = page(server.url);
    const stage = () => selectPreview(store.snapshot(), store.now()).stage;
    await until(() => stage() === 'reservation', 'the reservation');
    store.dispatch({type: 'answer-reservation', reservationId: store.snapshot().reservation!.reservationId});
    await until(() => stage() === 'offer', 'the contact');
    store.dispatch({type: 'accept', offerId: store.snapshot().offer!.offerId});
    await until(() => task(store)?.status === 'connected', 'the connected call');
    const connected = task(store)!;
    assert.equal(connected.canEnd, true);

    store.dispatch({type: 'end-call', callId: connected.callId!});
    assert.equal(task(store)?.ending, true, 'ending while the command is on the wire');
    await until(() => task(store)?.status === 'ended', 'the ended call');
    assert.equal(task(store)?.wrapUp?.status, 'pending');
    assert.equal(task(store)?.ending, false);
    const room = server.room()!;
    assert.deepEqual([...room.executions.values()], [1, 1, 1], 'answer, accept, end call: each run once');
    assert.equal(room.dialer.snapshot().call?.phase, 'ended');
    assert.equal(room.dialer.journal().state.call, null);

    const later = page(server.url);
    await until(() => task(later.store)?.callId === connected.callId, 'the call on a page that joins');
    assert.equal(task(later.store)?.status, 'ended');
    assert.equal(task(later.store)?.wrapUp?.status, 'pending');
  });

  it("a refusal comes back over the wire with the dialer's code", async () => {
    const server = await startReferenceDialer(wire);
    servers.push(server);
    const {dialer, store} = page(server.url);
    await until(() => selectPreview(store.snapshot(), store.now()).stage === 'reservation', 'the reservation');
    const code = await new Promise<string>((resolve) =>
      dialer
        .send({type: 'end-call', v: 1, callId: 'call-999'})
        .subscribe({complete: () => resolve('accepted'), error: (e: {code: string}) => resolve(e.code)}),
    );
    assert.equal(code, 'stale-call');
  });
});
