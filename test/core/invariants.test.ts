/**
 * Property-based tests: random interleavings of dialer events, agent intents
 * and the passing of time, checking the machine's invariants after each step.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {transition, type CoreInput} from '../../src/core/machine.js';
import {initialState, type CampaignState} from '../../src/core/state.js';
import {nextTimeChange} from '../../src/core/time.js';
import {remainingMs, selectPreview, selectTask} from '../../src/core/views.js';
import {sameValue} from '../../src/store/same-value.js';
import type {DialerCommand, DialerEvent} from '../../src/protocol/index.js';
import {ALL_ACTIONS, contact} from './fixtures.js';
import {FUZZ, campaignArb, capsArb, decisionAction, eventArb, intentArb, offerId} from './arbitraries.js';


type Turn = {input: CoreInput; advance: number};
const turnArb: fc.Arbitrary<Turn> = fc.record({
  input: fc.oneof(
    {weight: 4, arbitrary: eventArb.map((event) => ({kind: 'event' as const, event}))},
    {weight: 4, arbitrary: intentArb.map((intent) => ({kind: 'intent' as const, intent}))},
    {weight: 2, arbitrary: fc.constant({kind: 'tick' as const})},
    {weight: 1, arbitrary: decisionAction.chain((type) => offerId.map((id) => ({
      kind: 'command-failed' as const,
      command: type === 'leave-campaign'
        ? {type, v: 1 as const, offerId: id}
        : type === 'accept'
          ? {type, v: 1 as const, offerId: id, phoneNumber: '1', source: 'agent' as const}
          : {type, v: 1 as const, offerId: id, source: 'agent' as const},
      code: 'send-failed',
      message: 'offline',
    })))},
  ),
  advance: fc.nat(4_000),
});

const DECISIONS = new Set(['accept', 'skip', 'remove', 'leave-campaign']);
const isDecision = (c: DialerCommand): c is Extract<DialerCommand, {offerId?: string}> => DECISIONS.has(c.type);

function checkTransition(before: CampaignState, input: CoreInput, commands: readonly DialerCommand[], after: CampaignState, now: number, ledger: Map<string, number>) {
  for (const command of commands) {
    assert.ok(before.capabilities.actions.includes(command.type), `${command.type} is not a capability`);
    if (!isDecision(command)) continue;
    const offer = before.offer;
    assert.ok(offer && command.offerId === offer.offerId, 'a decision is only for the current offer');
    assert.equal(offer.decision, null, 'only one decision at a time');
    // R-C2 disables the agent's buttons; the campaign's own timeout action still applies (R-C1).
    const byAgent = !('source' in command) || command.source === 'agent';
    if (byAgent && command.type === 'skip') assert.ok(offer.campaign.allowSkip, 'skip was disabled');
    if (byAgent && command.type === 'remove') assert.ok(offer.campaign.allowRemove, 'remove was disabled');
    if ('source' in command && command.source === 'timeout') {
      assert.equal(before.capabilities.enforcesTimeout, false, 'the dialer enforces timeouts itself');
      assert.equal(offer.timedOut, false, 'the timeout action goes once');
      assert.ok(offer.deadline !== null && now >= offer.deadline);
    }
    ledger.set(command.offerId!, (ledger.get(command.offerId!) ?? 0) + 1);
  }
  // Exactly one decision per offer, except after the dialer refused one.
  if (input.kind === 'event' && input.event.type === 'action-failed' || input.kind === 'command-failed') {
    const id = input.kind === 'event' ? (input.event as {offerId?: string}).offerId : (input.command as {offerId?: string}).offerId;
    if (id && before.offer?.offerId === id && before.offer.decision && !after.offer?.decision) {
      ledger.set(id, (ledger.get(id) ?? 1) - 1);
    }
  }
  for (const [id, count] of ledger) assert.ok(count <= 1, `offer ${id} got ${count} live decisions`);

  const view = selectPreview(after, now);
  if (view.countdown) assert.ok(remainingMs(view.countdown.deadline, now) >= 0);
  const offer = after.offer;
  if (offer && (offer.expired || (offer.decision && offer.decision.action !== 'accept'))) {
    assert.equal(view.offer, null, 'a skipped, removed, left or expired offer does not linger');
    assert.notEqual(selectTask(after, now)?.status, 'previewing');
  }
  if (view.offer) {
    if (view.actions.skip) assert.ok(view.offer.campaign.allowSkip && after.capabilities.actions.includes('skip'));
    if (view.actions.remove) assert.ok(view.offer.campaign.allowRemove && after.capabilities.actions.includes('remove'));
    if (view.actions.accept) assert.ok(after.capabilities.actions.includes('accept') && after.limit === null);
  }
}

describe('campaign state machine invariants (fast-check)', () => {
  it('hold over random interleavings of events, intents and time', () => {
    fc.assert(
      fc.property(capsArb, fc.array(turnArb, {maxLength: 60}), (caps, steps) => {
        let state = initialState(caps);
        let now = 0;
        const ledger = new Map<string, number>();
        for (const {input, advance} of steps) {
          now += advance;
          const result = transition(state, input, now);
          checkTransition(state, input, result.commands, result.state, now, ledger);
          // Decisions are cleared from the ledger when their offer leaves.
          if (state.offer && result.state.offer?.offerId !== state.offer.offerId) ledger.delete(state.offer.offerId);
          state = result.state;
        }
      }),
      FUZZ,
    );
  });

  it('views change with time alone only at nextTimeChange (the store ticks then)', () => {
    fc.assert(
      fc.property(capsArb, fc.array(turnArb, {maxLength: 60}), (caps, steps) => {
        let state = initialState(caps);
        let now = 0;
        for (const {input, advance} of steps) {
          now += advance;
          state = transition(state, input, now).state;
          const next = nextTimeChange(state, now);
          assert.ok(next === null || next >= now, 'the next change is not in the past');
          const preview = selectPreview(state, now);
          if (next === now) continue;
          // An hour and a half on, not a whole day (the same time of day).
          const later = next === null ? now + 5_417_000 : next - 1;
          assert.ok(sameValue(selectPreview(state, later), preview), `preview changed between ${now} and ${later} with no tick due`);
          assert.ok(sameValue(selectTask(state, later), selectTask(state, now)), `task changed between ${now} and ${later} with no tick due`);
        }
      }),
      FUZZ,
    );
  });

  it('send the timeout action exactly once when the dialer leaves it to the kit', () => {
    fc.assert(
      fc.property(campaignArb.filter((c) => c.timeoutMs > 0), fc.array(fc.nat(4_000), {maxLength: 30}), (c, gaps) => {
        const caps = {enforcesTimeout: false, actions: ALL_ACTIONS};
        let state = initialState(caps);
        const offer: DialerEvent = {type: 'contact-offered', offerId: 'o1', campaign: c, contact: contact(), offeredAt: 0, deadline: c.timeoutMs};
        state = transition(state, {kind: 'event', event: offer}, 0).state;
        let now = 0;
        let sent = 0;
        for (const gap of [...gaps, c.timeoutMs]) {
          now += gap;
          sent += transition(state, {kind: 'tick'}, now).commands.length;
          state = transition(state, {kind: 'tick'}, now).state;
        }
        assert.equal(sent, 1);
      }),
      FUZZ,
    );
  });
});
