/**
 * The simulated dialer's state is plain data: a dialer built from the JSON of
 * another's `state()`, at any moment, carries on exactly as the other would
 * have (the same events at the same times, the same answers to commands, the
 * same records). On virtual time, over random campaigns and agents.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {VirtualTimeScheduler, type Subscription} from 'rxjs';
import {SimulatedDialer, type SimulatedCampaignScript, type SimulatedOutcome} from '../../src/adapters/simulated/simulated-dialer.js';
import type {DialerCommand} from '../../src/protocol/index.js';
import {FUZZ} from './arbitraries.js';
import {campaign, contact} from './fixtures.js';
import {advance} from './harness.js';

const OUTCOMES: SimulatedOutcome[] = ['answer', 'no-answer', 'busy', 'machine', 'fax', 'invalid-number', 'fail'];

const scriptArb: fc.Arbitrary<SimulatedCampaignScript> = fc
  .record({
    mode: fc.constantFrom('preview' as const, 'standard' as const, 'direct' as const),
    timeoutMs: fc.constantFrom(0, 500, 3_000),
    timeoutAction: fc.constantFrom('skip' as const, 'accept' as const, 'remove' as const),
    cpa: fc.boolean(),
    wrapUpMs: fc.option(fc.constantFrom(0, 2_000), {nil: undefined}),
    outcomes: fc.array(fc.option(fc.constantFrom(...OUTCOMES), {nil: undefined}), {minLength: 1, maxLength: 6}),
    outcome: fc.option(fc.constantFrom(...OUTCOMES), {nil: undefined}),
    ms: fc.constantFrom(0, 100, 400),
    limit: fc.constantFrom(undefined, undefined, undefined, 0, 1),
    agentAvailable: fc.boolean(),
    enforcesTimeout: fc.boolean(),
    reservationRingMs: fc.constantFrom(undefined, 800, 3_000),
    changes: fc.array(
      fc.record({atMs: fc.constantFrom(0, 100, 1_000, 5_000), state: fc.constantFrom('available' as const, 'not-ready' as const)}),
      {maxLength: 3},
    ),
  })
  .map((r) => ({
    campaign: campaign({
      mode: r.mode,
      timeoutMs: r.timeoutMs,
      timeoutAction: r.timeoutAction,
      cpa: r.cpa,
      allowDoNotCall: true,
      callbacks: {allowOtherNumber: true, allowBackToMe: true},
      skipReasons: {required: true, reasons: [{code: 'busy', label: 'Busy'}]},
      ...(r.wrapUpMs === undefined ? {} : {wrapUp: {codes: [{code: 'sale', label: 'Sale'}], allowNote: false, timeoutMs: r.wrapUpMs}}),
    }),
    contacts: r.outcomes.map((outcome, i) => ({...contact({id: `c${i}`, name: `Contact ${i}`}), ...(outcome ? {outcome} : {})})),
    ...(r.outcome ? {outcome: r.outcome} : {}),
    latencyMs: r.ms,
    dialMs: r.ms * 2,
    ringMs: 1_000,
    talkMs: 2_000,
    ...(r.reservationRingMs === undefined ? {} : {reservationRingMs: r.reservationRingMs}),
    ...(r.limit === undefined ? {} : {concurrentCallLimit: r.limit}),
    agentAvailable: r.agentAvailable,
    enforcesTimeout: r.enforcesTimeout,
    agentStateChanges: r.changes,
  }));

/**
 * One step of the agent: time passes, the dialer may be rebuilt from its
 * state, then the agent does what makes sense now (`pick` chooses among it),
 * or now and then anything at all (`noise` under 2), on a stale id (0).
 */
type Step = {readonly waitMs: number; readonly restore: boolean; readonly pick: number; readonly noise: number};
const stepArb: fc.Arbitrary<Step> = fc.record({
  waitMs: fc.constantFrom(0, 0, 50, 100, 400, 1_000, 3_000),
  restore: fc.boolean(),
  pick: fc.nat(99),
  noise: fc.nat(9),
});
const ACTS = [
  'available',
  'not-ready',
  'request',
  'answer',
  'accept',
  'skip',
  'skip-with-reason',
  'remove',
  'remove-do-not-call',
  'leave',
  'leave-offer',
  'cancel',
  'end',
  'voicemail',
  'disposition',
  'callback-offer',
  'callback-call',
];

/** The situation as the agent follows it from the events. */
class Seen {
  agent = 'unknown';
  reservation: {id: string; answered: boolean} | null = null;
  offer: string | null = null;
  call: {id: string; phase: string} | null = null;
  ended: string | null = null;

  see(e: {type: string; state?: string; reservationId?: string; offerId?: string; callId?: string; phase?: string; result?: string}): void {
    if (e.type === 'agent-state') this.agent = e.state!;
    if (e.type === 'reservation-offered') this.reservation = {id: e.reservationId!, answered: false};
    if (e.type === 'reservation-answered' && this.reservation) this.reservation.answered = true;
    if (e.type === 'contact-offered') [this.offer, this.reservation] = [e.offerId!, null];
    if (e.type === 'offer-withdrawn') this.offer = null;
    if (e.type === 'call-progress') [this.offer, this.call] = [null, {id: e.callId!, phase: e.phase!}];
    if (e.type === 'cpa-result' && this.call) this.call.phase = e.result === 'answering-machine' ? 'machine' : 'connected';
    if (e.type === 'call-ended') [this.call, this.ended] = [null, e.callId!];
  }

  /** What an agent could sensibly do now. */
  sensible(): string[] {
    if (this.agent !== 'available') return ['available'];
    if (this.reservation && !this.reservation.answered) return ['answer'];
    if (this.offer) return ['accept', 'accept', 'skip-with-reason', 'remove-do-not-call', 'callback-offer', 'leave-offer', 'remove'];
    if (this.call?.phase === 'ringing') return ['cancel', 'wait'];
    if (this.call?.phase === 'machine') return ['voicemail', 'end'];
    if (this.call?.phase === 'connected') return ['end', 'wait', 'wait'];
    if (this.ended) return ['disposition', 'callback-call', 'request', 'not-ready'];
    return ['request', 'wait'];
  }

  ids(): Record<string, string> {
    return {reservation: this.reservation?.id ?? 'none', offer: this.offer ?? 'none', call: this.call?.id ?? this.ended ?? 'none'};
  }
}

/** The command an agent's act sends, on the ids last seen (or on stale ones). */
function commandFor(act: string, ids: Record<string, string>, stale: boolean, now: number): DialerCommand {
  const v = 1 as const;
  const id = (kind: string) => (stale ? 'gone-1' : ids[kind]);
  const offerId = id('offer');
  const callId = id('call');
  const source = 'agent' as const;
  switch (act) {
    case 'available':
      return {type: 'set-agent-state', v, state: 'available'};
    case 'not-ready':
      return {type: 'set-agent-state', v, state: 'not-ready', reason: 'Lunch'};
    case 'request':
      return {type: 'request-contact', v};
    case 'answer':
      return {type: 'answer-reservation', v, reservationId: id('reservation')};
    case 'accept':
      return {type: 'accept', v, offerId, source, phoneNumber: '+55 11 91234-5678'};
    case 'skip':
      return {type: 'skip', v, offerId, source};
    case 'skip-with-reason':
      return {type: 'skip', v, offerId, source, reason: 'busy'};
    case 'remove':
      return {type: 'remove', v, offerId, source};
    case 'remove-do-not-call':
      return {type: 'remove', v, offerId, source, doNotCall: true};
    case 'leave':
      return {type: 'leave-campaign', v};
    case 'leave-offer':
      return {type: 'leave-campaign', v, offerId};
    case 'cancel':
      return {type: 'cancel-call', v, callId};
    case 'end':
      return {type: 'end-call', v, callId};
    case 'voicemail':
      return {type: 'voicemail-left', v, callId};
    case 'disposition':
      return {type: 'set-disposition', v, callId, code: 'sale'};
    case 'callback-offer':
      return {type: 'schedule-callback', v, offerId, at: now + (stale ? -1 : 60_000), phoneNumber: '+1 555 0100', backToMe: true};
    default:
      return {type: 'schedule-callback', v, callId, at: now + 60_000, phoneNumber: '+1 555 0100', backToMe: false};
  }
}

/** Everything a run shows: each event and answer with its moment, then what the dialer recorded. */
function run(script: SimulatedCampaignScript, steps: readonly Step[], restore: boolean): unknown[] {
  const scheduler = new VirtualTimeScheduler();
  scheduler.frame = Date.UTC(2026, 10, 26, 9);
  const log: unknown[] = [];
  const seen = new Seen();
  let dialer = new SimulatedDialer(script, {scheduler});
  const listen = (events: SimulatedDialer['events$'], skipFirst: boolean): Subscription =>
    events.subscribe((event) => {
      if (skipFirst) {
        skipFirst = false; // the agent state every subscriber gets first
        return;
      }
      log.push([scheduler.now(), event]);
      seen.see(event as {type: string});
    });
  let subscription = listen(dialer.events$, false);
  for (const step of steps) {
    advance(scheduler, step.waitMs);
    if (step.restore && restore) {
      const state = JSON.parse(JSON.stringify(dialer.state()));
      subscription.unsubscribe();
      dialer.dispose();
      dialer = new SimulatedDialer(script, {scheduler, state});
      subscription = listen(dialer.events$, true);
    }
    const sensible = seen.sensible();
    const act = step.noise < 2 ? ACTS[step.pick % ACTS.length] : sensible[step.pick % sensible.length];
    if (act === 'wait') continue;
    let answer = 'ok';
    dialer
      .send(commandFor(act, seen.ids(), step.noise === 0, scheduler.now()))
      .subscribe({error: (e: {code: string}) => (answer = e.code)});
    log.push([scheduler.now(), act, answer]);
  }
  advance(scheduler, 30_000);
  log.push({
    remaining: dialer.remainingContacts,
    doNotCall: [...dialer.doNotCall],
    callbacks: dialer.callbacks,
    dispositions: [...dialer.dispositions],
  });
  return log;
}

describe("the simulated dialer's state as data", () => {
  it("a dialer built from the JSON of another's state, at any moment, carries on as the other would have", () => {
    fc.assert(
      fc.property(scriptArb, fc.array(stepArb, {maxLength: 40}), (script, steps) => {
        assert.deepEqual(run(script, steps, true), run(script, steps, false));
      }),
      FUZZ,
    );
  });

  it('mid-call, its state names the call, its phase and what is due when', () => {
    const script: SimulatedCampaignScript = {
      campaign: campaign({timeoutMs: 0, cpa: false}),
      contacts: [contact({id: 'a'})],
      agentAvailable: true,
      latencyMs: 100,
      dialMs: 200,
      ringMs: 1_000,
      talkMs: 2_000,
    };
    const scheduler = new VirtualTimeScheduler();
    const dialer = new SimulatedDialer(script, {scheduler});
    advance(scheduler, 100);
    dialer.send({type: 'answer-reservation', v: 1, reservationId: 'reservation-1'}).subscribe();
    advance(scheduler, 100);
    dialer.send({type: 'accept', v: 1, offerId: 'offer-2', source: 'agent', phoneNumber: '+55 11 91234-5678'}).subscribe();
    advance(scheduler, 300);
    const state = dialer.state();
    assert.deepEqual(state.call, {callId: 'call-3', offerId: 'offer-2', contact: 0, phase: 'ringing'});
    assert.deepEqual(state.agenda, [{at: 200 + 200 + 1_000, action: {do: 'conclude', callId: 'call-3'}}]);
    assert.deepEqual(state.queue, {front: [], next: 1, back: []});
    assert.equal(state.serial, 3);
  });
});
