/**
 * Property-based tests: random interleavings of dialer events, agent intents
 * and the passing of time, checking the machine's invariants after each step.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {transition, type CoreInput} from '../../src/core/machine.js';
import {initialState, isConnecting, type CampaignState} from '../../src/core/state.js';
import {nextTimeChange} from '../../src/core/time.js';
import {remainingMs, selectPreview, selectTask} from '../../src/core/views.js';
import {sameValue} from '../../src/store/same-value.js';
import type {Campaign, DialerCommand, DialerEvent} from '../../src/protocol/index.js';
import {ACTIONS_1_2, ALL_ACTIONS, contact} from './fixtures.js';
import {FUZZ, callId, campaignArb, capsArb, decisionAction, eventArb, intentArb, offerId} from './arbitraries.js';

/**
 * A step: an input; or (`mirror-earlier`) the state of `back` steps ago
 * coming from the tab in charge, as a tab not in charge gets it; or
 * (`on-shown`) the agent or the dialer acting on the offer or call shown,
 * which random ids seldom hit.
 */
type OnShown = 'accept' | 'skip' | 'refuse-accept' | 'auto-accept' | 'call-progress' | 'end-call';
type Turn = {
  input: CoreInput | {kind: 'mirror-earlier'; back: number} | {kind: 'on-shown'; what: OnShown} | {kind: 'fresh-offer'; campaign: Campaign};
  advance: number;
};
const turnArb: fc.Arbitrary<Turn> = fc.record({
  input: fc.oneof(
    {weight: 4, arbitrary: eventArb.map((event) => ({kind: 'event' as const, event}))},
    {weight: 4, arbitrary: intentArb.map((intent) => ({kind: 'intent' as const, intent}))},
    {weight: 2, arbitrary: fc.constant({kind: 'tick' as const})},
    {
      weight: 1,
      arbitrary: decisionAction.chain((type) =>
        offerId.map((id) => ({
          kind: 'command-failed' as const,
          command:
            type === 'leave-campaign'
              ? {type, v: 1 as const, offerId: id}
              : type === 'accept'
                ? {type, v: 1 as const, offerId: id, phoneNumber: '1', source: 'agent' as const}
                : {type, v: 1 as const, offerId: id, source: 'agent' as const},
          code: 'send-failed',
          message: 'offline',
        })),
      ),
    },
    {
      weight: 1,
      arbitrary: callId.map((id) => ({
        kind: 'command-failed' as const,
        command: {type: 'end-call' as const, v: 1 as const, callId: id},
        code: 'send-failed',
        message: 'offline',
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('online', 'offline' as const)
        .map((state) => ({kind: 'event' as const, event: {type: 'connection-state' as const, state}})),
    },
    // Another tab takes charge, or this one does (with its own dialer, or not).
    {weight: 2, arbitrary: campaignArb.map((campaign) => ({kind: 'fresh-offer' as const, campaign}))},
    {
      weight: 3,
      arbitrary: fc
        .constantFrom<OnShown>('accept', 'skip', 'refuse-accept', 'auto-accept', 'call-progress', 'end-call')
        .map((what) => ({kind: 'on-shown' as const, what})),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          kind: fc.constant('control' as const),
          inCharge: fc.constantFrom(true, true, false),
          capabilities: fc.option(capsArb, {nil: undefined}),
        })
        .map(({capabilities, ...control}) => (capabilities ? {...control, capabilities} : control)),
    },
    {weight: 1, arbitrary: fc.nat(10).map((back) => ({kind: 'mirror-earlier' as const, back}))},
  ),
  advance: fc.nat(4_000),
});

/** A new contact, with its own id: random ids seldom make one. */
function freshOffer(campaign: Campaign, offerId: string, now: number): CoreInput {
  const deadline = campaign.timeoutMs > 0 ? now + campaign.timeoutMs : null;
  return {kind: 'event', event: {type: 'contact-offered', offerId, campaign, contact: contact(), offeredAt: now, deadline}};
}

/** What `what` is for the offer or call of `state`; a call started at `step` is a new one. */
function onShown(state: CampaignState, what: OnShown, step: number): CoreInput {
  const offerId = state.offer?.offerId ?? 'o1';
  const callId = state.call?.callId ?? 'c1';
  switch (what) {
    case 'accept':
    case 'skip':
      return {kind: 'intent', intent: {type: what, offerId}};
    case 'refuse-accept':
      return {kind: 'event', event: {type: 'action-failed', action: 'accept', offerId, code: 'E', message: 'refused'}};
    case 'auto-accept':
      return {kind: 'event', event: {type: 'offer-withdrawn', offerId, reason: 'expired', autoAction: 'accept'}};
    case 'call-progress':
      return {kind: 'event', event: {type: 'call-progress', offerId, callId: `call-${step}`, phase: 'dialing'}};
    case 'end-call':
      return {kind: 'intent', intent: {type: 'end-call', callId}};
  }
}

type Check = (before: CampaignState, input: CoreInput, commands: readonly DialerCommand[], after: CampaignState, now: number) => void;

/** Runs `steps` from `state` at `now`, calling `check` on each transition; mirrors come from the states seen. */
function run(state: CampaignState, steps: readonly Turn[], check: Check, now = 0): {state: CampaignState; now: number} {
  const seen: CampaignState[] = [state];
  for (const {input: turn, advance} of steps) {
    now += advance;
    const input: CoreInput =
      turn.kind === 'mirror-earlier'
        ? {kind: 'mirror', state: {...seen[Math.max(0, seen.length - 1 - turn.back)], inCharge: true}}
        : turn.kind === 'on-shown'
          ? onShown(state, turn.what, seen.length)
          : turn.kind === 'fresh-offer'
            ? freshOffer(turn.campaign, `offer-${seen.length}`, now)
            : turn;
    const result = transition(state, input, now);
    check(state, input, result.commands, result.state, now);
    state = result.state;
    seen.push(state);
  }
  return {state, now};
}

/** Longer sequences than fast-check's default size, so that offers get accepted and calls placed. */
const turns = fc.array(turnArb, {maxLength: 60, size: 'medium'});

/** The same sequence, with no input that would put this tab in charge. */
const notInCharge = (steps: readonly Turn[]) => steps.filter(({input}) => input.kind !== 'control' || !input.inCharge);

const DECISIONS = new Set(['accept', 'skip', 'remove', 'leave-campaign']);
const isDecision = (c: DialerCommand): c is Extract<DialerCommand, {offerId?: string}> => DECISIONS.has(c.type);

function checkTransition(
  before: CampaignState,
  input: CoreInput,
  commands: readonly DialerCommand[],
  after: CampaignState,
  now: number,
  ledger: Map<string, number>,
) {
  if (!before.inCharge) assert.deepEqual(commands, [], 'a tab not in charge sends nothing');
  if (isConnecting(before.offer)) {
    const again = commands.filter((c) => isDecision(c) && c.offerId === before.offer!.offerId);
    assert.deepEqual(again, [], 'no second decision for an offer being connected');
  }
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
  if ((input.kind === 'event' && input.event.type === 'action-failed') || input.kind === 'command-failed') {
    const id = input.kind === 'event' ? (input.event as {offerId?: string}).offerId : (input.command as {offerId?: string}).offerId;
    if (id && before.offer?.offerId === id && before.offer.decision && !after.offer?.decision) {
      ledger.set(id, (ledger.get(id) ?? 1) - 1);
    }
  }
  for (const [id, count] of ledger) assert.ok(count <= 1, `offer ${id} got ${count} live decisions`);

  const view = selectPreview(after, now);
  if (view.countdown) assert.ok(remainingMs(view.countdown.deadline, now) >= 0);
  assert.equal(view.inCharge, after.inCharge);
  if (!after.inCharge) {
    assert.deepEqual(view.actions, {accept: false, skip: false, remove: false, leave: false}, 'nothing offered in a tab not in charge');
    assert.equal(view.campaignButton.reason, 'elsewhere');
  }
  if (view.stage === 'connecting') {
    assert.deepEqual(view.actions, {accept: false, skip: false, remove: false, leave: false}, 'nothing offered while connecting');
    assert.equal(view.connecting?.offerId, after.offer?.offerId);
    // The card shows the call it has first (a dialer may accept the next contact during a call).
    if (!after.call) assert.equal(selectTask(after, now)?.status, 'connecting');
  }
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
        const ledger = new Map<string, number>();
        run(initialState(caps), steps, (before, input, commands, after, now) => {
          checkTransition(before, input, commands, after, now, ledger);
          // Decisions are cleared from the ledger when their offer leaves.
          if (before.offer && after.offer?.offerId !== before.offer.offerId) ledger.delete(before.offer.offerId);
        });
      }),
      FUZZ,
    );
  });

  it('views change with time alone only at nextTimeChange (the store ticks then)', () => {
    fc.assert(
      fc.property(capsArb, fc.array(turnArb, {maxLength: 60}), (caps, steps) => {
        run(initialState(caps), steps, (_before, _input, _commands, state, now) => {
          const next = nextTimeChange(state, now);
          assert.ok(next === null || next >= now, 'the next change is not in the past');
          // A tab not in charge acts on nothing due: a moment now would loop.
          if (!state.inCharge) assert.ok(next === null || next > now, 'a tab not in charge waits for a later moment');
          const preview = selectPreview(state, now);
          if (next === now) return;
          // An hour and a half on, not a whole day (the same time of day).
          const later = next === null ? now + 5_417_000 : next - 1;
          assert.ok(sameValue(selectPreview(state, later), preview), `preview changed between ${now} and ${later} with no tick due`);
          assert.ok(
            sameValue(selectTask(state, later), selectTask(state, now)),
            `task changed between ${now} and ${later} with no tick due`,
          );
        });
      }),
      FUZZ,
    );
  });

  it('send the timeout action exactly once when the dialer leaves it to the kit', () => {
    fc.assert(
      fc.property(
        campaignArb.filter((c) => c.timeoutMs > 0),
        fc.array(fc.nat(4_000), {maxLength: 30}),
        (c, gaps) => {
          const caps = {enforcesTimeout: false, actions: ALL_ACTIONS};
          let state = initialState(caps);
          const offer: DialerEvent = {
            type: 'contact-offered',
            offerId: 'o1',
            campaign: c,
            contact: contact(),
            offeredAt: 0,
            deadline: c.timeoutMs,
          };
          state = transition(state, {kind: 'event', event: offer}, 0).state;
          let now = 0;
          let sent = 0;
          for (const gap of [...gaps, c.timeoutMs]) {
            now += gap;
            sent += transition(state, {kind: 'tick'}, now).commands.length;
            state = transition(state, {kind: 'tick'}, now).state;
          }
          assert.equal(sent, 1);
        },
      ),
      FUZZ,
    );
  });

  it('a state not in charge never produces a command, whatever the input sequence', () => {
    fc.assert(
      fc.property(capsArb, fc.array(turnArb, {maxLength: 60}), turns, (caps, before, after) => {
        // Any history in charge, then another tab takes charge: nothing from here on.
        const history = run(initialState(caps), before, () => {});
        const handed = transition(history.state, {kind: 'control', inCharge: false}, history.now).state;
        run(
          handed,
          notInCharge(after),
          (state, input, commands) => {
            assert.equal(state.inCharge, false);
            assert.deepEqual(commands, [], `${input.kind} sent something from a tab not in charge`);
          },
          history.now,
        );
      }),
      FUZZ,
    );
  });

  it('after any accept, no second decision command for that offer while it is connecting', () => {
    const open = campaignArb.filter((c) => !c.callingWindow?.enforce);
    fc.assert(
      fc.property(open, fc.boolean(), turns, (c, enforcesTimeout, steps) => {
        const offer = freshOffer(c, 'accepted', 0);
        const shown = transition(initialState({enforcesTimeout, actions: ACTIONS_1_2}), offer, 0).state;
        const accepted = transition(shown, {kind: 'intent', intent: {type: 'accept', offerId: 'accepted'}}, 0).state;
        assert.ok(isConnecting(accepted.offer));
        run(accepted, steps, (before, input, commands) => {
          if (!isConnecting(before.offer)) return;
          const again = commands.filter((command) => isDecision(command) && command.offerId === before.offer!.offerId);
          assert.deepEqual(again, [], `${input.kind} decided ${before.offer!.offerId} again while connecting`);
        });
      }),
      FUZZ,
    );
  });
});
