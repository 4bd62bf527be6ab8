/**
 * Protocol 1.1 snapshots through the machine. A page that reloads, or loses
 * events while its connection is down, and then gets the dialer's snapshot
 * shows what an uninterrupted twin shows, and sends what the twin sends from
 * then on; a snapshot never sends anything, never undoes what the agent did,
 * and never takes a call back to an earlier phase.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {transition, type CoreInput} from '../../src/core/machine.js';
import {applySnapshot, snapshotOf} from '../../src/core/snapshot.js';
import {CALL_RANK, initialState, type Capabilities, type CampaignState} from '../../src/core/state.js';
import {selectPreview, selectTask} from '../../src/core/views.js';
import type {Intent} from '../../src/core/intents.js';
import {parseDialerEvent, type DialerCommand, type DialerEvent, type DialerEventOf} from '../../src/protocol/index.js';
import {FUZZ, capsArb, eventArb, intentArb} from './arbitraries.js';
import {capabilities, offered} from './fixtures.js';

type Step =
  | {readonly kind: 'input'; readonly input: CoreInput}
  | {readonly kind: 'wait'; readonly ms: number}
  /** The page reloads: its state is gone, and the dialer's snapshot comes. */
  | {readonly kind: 'reload'}
  /** The connection drops for the next `steps` steps (events are lost), then the snapshot comes. */
  | {readonly kind: 'drop'; readonly steps: number};

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {weight: 6, arbitrary: eventArb.map((event) => ({kind: 'input' as const, input: {kind: 'event' as const, event}}))},
  {weight: 4, arbitrary: intentArb.map((intent) => ({kind: 'input' as const, input: {kind: 'intent' as const, intent}}))},
  {weight: 2, arbitrary: fc.nat(40_000).map((ms) => ({kind: 'wait' as const, ms}))},
  {weight: 1, arbitrary: fc.constant({kind: 'reload' as const})},
  {weight: 1, arbitrary: fc.integer({min: 1, max: 6}).map((steps) => ({kind: 'drop' as const, steps}))},
);

const event = (e: DialerEvent): Step => ({kind: 'input', input: {kind: 'event', event: e}});
const intent = (i: Intent): Step => ({kind: 'input', input: {kind: 'intent', intent: i}});

/**
 * A call from start to end, as a dialer tells it, with the agent's part:
 * random steps seldom make one. Its ids are its own, as a dialer's are.
 */
const callArb: fc.Arbitrary<Step[]> = fc
  .record({
    offer: eventArb.filter((e) => e.type === 'contact-offered'),
    id: fc.nat(),
    end: fc.constantFrom('failed', 'busy', 'machine', 'live', 'ended', 'ringing'),
    agent: fc.boolean(),
  })
  .map(({offer, id, end, agent}) => {
    const [offerId, callId] = [`story-${id}`, `story-call-${id}`];
    const steps: Step[] = [
      event({...(offer as DialerEventOf<'contact-offered'>), offerId}),
      ...(agent ? [intent({type: 'accept', offerId})] : []),
      event({type: 'call-progress', offerId, callId, phase: 'dialing'}),
    ];
    if (end === 'failed') steps.push(event({type: 'call-failed', callId, reason: 'network'}));
    if (end === 'busy') steps.push(event({type: 'cpa-result', callId, result: 'busy'}));
    // The agent's part may be still to come (when a stale snapshot meets it).
    if (end === 'machine')
      steps.push(
        event({type: 'cpa-result', callId, result: 'answering-machine'}),
        ...(agent ? [intent({type: 'voicemail-left', callId})] : []),
      );
    if (end === 'live')
      steps.push(
        event({type: 'call-progress', offerId, callId, phase: 'connected'}),
        event({type: 'call-ended', callId}),
        ...(agent ? [intent({type: 'set-disposition', callId, code: 'ok'})] : []),
      );
    if (end === 'ringing') steps.push(event({type: 'call-progress', offerId, callId, phase: 'ringing'}));
    if (end === 'ended') steps.push(event({type: 'call-ended', callId}));
    return steps;
  });

/** The agent, available, asks for a contact (preview). */
const requestArb: fc.Arbitrary<Step[]> = fc.constant([event({type: 'agent-state', state: 'available'}), intent({type: 'request-contact'})]);

/** An offer whose timeout passes, and the dialer refuses the kit's timeout action: the kit does not send it again. */
const refusedTimeoutArb: fc.Arbitrary<Step[]> = fc
  .record({id: fc.nat(), action: fc.constantFrom('skip', 'remove' as const)})
  .map(({id, action}) => {
    const offerId = `timeout-${id}`;
    return [
      event(offered(offerId, {timeoutMs: 5_000, timeoutAction: action}, 0)),
      {kind: 'wait', ms: 6_000},
      event({type: 'action-failed', action, offerId, code: 'E', message: 'refused'}),
    ];
  });

/** Random steps with whole stories among them. */
const stepsArb = (maxLength: number) =>
  fc
    .array(
      fc.oneof(
        {weight: 8, arbitrary: stepArb.map((step) => [step])},
        {weight: 2, arbitrary: callArb},
        {weight: 1, arbitrary: requestArb},
        {weight: 1, arbitrary: refusedTimeoutArb},
      ),
      {maxLength},
    )
    .map((runs) => runs.flat());

/** What the agent would do with what is on show now (so that a stale snapshot meets it). */
function actionsOn(state: CampaignState): Intent[] {
  const intents: Intent[] = [];
  if (state.reservation) intents.push({type: 'answer-reservation', reservationId: state.reservation.reservationId});
  if (state.offer) intents.push({type: 'accept', offerId: state.offer.offerId}, {type: 'skip', offerId: state.offer.offerId});
  if (state.call) {
    const callId = state.call.callId;
    intents.push({type: 'cancel-call', callId}, {type: 'voicemail-left', callId}, {type: 'set-disposition', callId, code: 'ok'});
  }
  return intents;
}

/** What the agent sees, without the page's own notices (a reloaded page has not seen the earlier ones). */
function seen(state: CampaignState, now: number) {
  const {notices: _notices, ...preview} = selectPreview(state, now);
  return {preview, task: selectTask(state, now)};
}

class Page {
  state: CampaignState;
  constructor(readonly caps: Capabilities) {
    this.state = initialState(caps);
  }

  input(input: CoreInput, now: number): readonly DialerCommand[] {
    const result = transition(this.state, input, now);
    this.state = result.state;
    return result.commands;
  }
}

describe('snapshots (protocol 1.1)', () => {
  it('every snapshot a state gives passes the protocol', () => {
    fc.assert(
      fc.property(capsArb, stepsArb(20), (caps, steps) => {
        const page = new Page(caps);
        let now = 0;
        for (const step of steps) {
          if (step.kind === 'input') page.input(step.input, now);
          if (step.kind === 'wait') now += step.ms;
          const parsed = parseDialerEvent(snapshotOf(page.state));
          assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
        }
      }),
      FUZZ,
    );
  });

  it('after a reload or a dropped connection and its snapshot, the page shows and sends what an uninterrupted twin does', () => {
    fc.assert(
      fc.property(capsArb, stepsArb(30), (caps, steps) => {
        const twin = new Page(caps);
        let page = new Page(caps);
        let now = 0;
        let dropped = 0;
        const resume = () => {
          const result = transition(page.state, {kind: 'event', event: snapshotOf(twin.state)}, now);
          assert.deepEqual(result.commands, [], 'a snapshot sends nothing');
          page.state = result.state;
        };
        for (const step of steps) {
          if (step.kind === 'reload') {
            page = new Page(caps);
            resume();
          } else if (step.kind === 'drop') {
            dropped = Math.max(dropped, step.steps);
          } else if (step.kind === 'wait') {
            now += step.ms;
          } else if (dropped > 0) {
            // Offline: the dialer's events do not reach the page, and the agent cannot act on either.
            if (step.input.kind === 'event') twin.input(step.input, now);
            dropped -= 1;
            if (dropped === 0) resume();
            continue;
          } else {
            assert.deepEqual(page.input(step.input, now), twin.input(step.input, now), 'the same commands');
          }
          if (dropped > 0) continue;
          // As the store does, each checks its deadlines at once after anything happened.
          assert.deepEqual(page.input({kind: 'tick'}, now), twin.input({kind: 'tick'}, now), 'the same timeout commands');
          assert.deepEqual(seen(page.state, now), seen(twin.state, now));
        }
      }),
      FUZZ,
    );
  });

  it('a snapshot taken before what the agent just did does not undo it', () => {
    fc.assert(
      fc.property(capsArb, stepsArb(20), fc.array(fc.nat(), {minLength: 1, maxLength: 4}), (caps, steps, picks) => {
        const page = new Page(caps);
        let now = 0;
        for (const step of steps) {
          if (step.kind === 'input') page.input(step.input, now);
          if (step.kind === 'wait') now += step.ms;
        }
        const stale = snapshotOf(page.state);
        for (const pick of picks) {
          const choices = actionsOn(page.state);
          if (choices.length) page.input({kind: 'intent', intent: choices[pick % choices.length]}, now);
        }
        const before = page.state;
        const after = applySnapshot(before, stale, 0);
        if (before.offer && after.offer?.offerId === before.offer.offerId && before.offer.decision) {
          assert.deepEqual(after.offer.decision, before.offer.decision, 'a decided offer stays decided');
        }
        if (before.call && after.call?.callId === before.call.callId) {
          assert.ok(CALL_RANK[after.call.status] >= CALL_RANK[before.call.status], 'no call goes back');
          if (before.call.voicemailLeft) assert.ok(after.call.voicemailLeft, 'voicemail stays left');
          if (before.call.wrapUp?.disposition)
            assert.equal(after.call.wrapUp?.disposition, before.call.wrapUp.disposition, 'a disposition stays given');
          if (before.call.cancelling) assert.ok(after.call.cancelling || after.call.status === 'failed' || after.call.status === 'ended');
        }
        if (before.reservation?.answering && after.reservation?.reservationId === before.reservation.reservationId) {
          assert.ok(after.reservation.answering || after.reservation.answered, 'an answer stays on its way');
        }
        assert.deepEqual(after.notices, before.notices, "the page's notices stay");
      }),
      FUZZ,
    );
  });

  it('a page back after a deadline nobody acted on acts on it once; one the dialer has a decision for, not at all', () => {
    const offer = offered('o1', {timeoutMs: 30_000, timeoutAction: 'skip'}, 1_000);
    const shown = transition(initialState(capabilities()), {kind: 'event', event: offer}, 1_000).state;
    const undecided = new Page(capabilities());
    undecided.input({kind: 'event', event: snapshotOf(shown)}, 40_000);
    assert.deepEqual(undecided.input({kind: 'tick'}, 40_000), [{type: 'skip', v: 1, offerId: 'o1', source: 'timeout'}]);
    assert.deepEqual(undecided.input({kind: 'event', event: snapshotOf(shown)}, 40_001), [], 'a stale snapshot');
    assert.deepEqual(undecided.input({kind: 'tick'}, 40_001), [], 'not twice');

    const decided = transition(shown, {kind: 'intent', intent: {type: 'skip', offerId: 'o1'}}, 2_000).state;
    const reloaded = new Page(capabilities());
    reloaded.input({kind: 'event', event: snapshotOf(decided)}, 40_000);
    assert.deepEqual(reloaded.input({kind: 'tick'}, 40_000), [], 'the dialer has the decision');
  });
});
