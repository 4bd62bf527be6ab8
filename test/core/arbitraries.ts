/** fast-check arbitraries for the campaign: dialer events, agent intents, capabilities. */
import fc from 'fast-check';

/**
 * How many runs (CPK_FUZZ_RUNS, 1,000 by default; `npm run fuzz` sets 100,000)
 * and, to replay a counterexample, its seed (CPK_FUZZ_SEED).
 */
export const RUNS = Number(process.env.CPK_FUZZ_RUNS ?? 1000);
export const FUZZ: fc.Parameters<unknown> = {
  numRuns: RUNS,
  ...(process.env.CPK_FUZZ_SEED ? {seed: Number(process.env.CPK_FUZZ_SEED)} : {}),
};
import type {DialerEvent} from '../../src/protocol/index.js';
import {ACTIONS_1_2, campaign, contact} from './fixtures.js';

export const offerId = fc.constantFrom('o1', 'o2', 'o3');
export const callId = fc.constantFrom('c1', 'c2');
export const reservationId = fc.constantFrom('r1', 'r2');
export const decisionAction = fc.constantFrom('accept', 'skip', 'remove', 'leave-campaign' as const);

export const campaignArb = fc
  .record({
    mode: fc.constantFrom('preview', 'standard', 'direct' as const),
    timeoutMs: fc.constantFrom(0, 5_000, 30_000),
    timeoutAction: fc.constantFrom('skip', 'accept', 'remove' as const),
    allowSkip: fc.boolean(),
    allowRemove: fc.boolean(),
    allowEndCall: fc.boolean(),
    cpa: fc.boolean(),
    // Edges close to the runs' start (00:00 UTC), so that time crosses them.
    callingWindow: fc.option(
      fc.record({
        start: fc.constantFrom('00:00', '00:01', '00:03', '23:59'),
        end: fc.constantFrom('00:02', '00:04', '23:00'),
        enforce: fc.boolean(),
      }),
      {nil: undefined},
    ),
    wrapUp: fc.option(
      fc.record({
        codes: fc.constant([{code: 'ok', label: 'Done'}] as {code: string; label: string}[]),
        allowNote: fc.boolean(),
        timeoutMs: fc.constantFrom(0, 5_000),
      }),
      {nil: undefined},
    ),
  })
  .map(({callingWindow, wrapUp, ...o}) => campaign({...o, ...(callingWindow && {callingWindow}), ...(wrapUp && {wrapUp})}));

const timeZone = fc.option(fc.constantFrom('UTC', 'America/Sao_Paulo', 'Asia/Kolkata'), {nil: undefined});

export const eventArb: fc.Arbitrary<DialerEvent> = fc.oneof(
  fc.record({type: fc.constant('agent-state' as const), state: fc.constantFrom('available', 'not-ready' as const)}),
  fc.record({type: fc.constant('reservation-offered' as const), reservationId, campaign: campaignArb, at: fc.nat(20_000)}),
  fc.record({type: fc.constant('reservation-answered' as const), reservationId}),
  fc.record({type: fc.constant('reservation-withdrawn' as const), reservationId, reason: fc.constantFrom('missed', 'withdrawn' as const)}),
  fc.record({offerId, campaign: campaignArb, at: fc.nat(20_000), timeZone}).map(({offerId, campaign, at, timeZone}) => ({
    type: 'contact-offered' as const,
    offerId,
    campaign,
    contact: timeZone ? contact({timeZone}) : contact(),
    offeredAt: at,
    deadline: campaign.timeoutMs ? at + campaign.timeoutMs : null,
  })),
  fc.record({type: fc.constant('offer-withdrawn' as const), offerId, reason: fc.constantFrom('withdrawn', 'expired', 'skipped' as const)}),
  // A dialer that enforced an accept at the deadline: its call follows.
  offerId.map((id) => ({type: 'offer-withdrawn' as const, offerId: id, reason: 'expired' as const, autoAction: 'accept' as const})),
  fc.record({
    type: fc.constant('call-progress' as const),
    offerId,
    callId,
    phase: fc.constantFrom('dialing', 'ringing', 'connected' as const),
  }),
  fc.record({
    type: fc.constant('cpa-result' as const),
    callId,
    result: fc.constantFrom('live-voice', 'answering-machine', 'busy', 'fax' as const),
  }),
  fc.record({type: fc.constant('call-failed' as const), callId, reason: fc.constant('network')}),
  fc.record({type: fc.constant('call-ended' as const), callId}),
  fc.record({
    type: fc.constant('action-failed' as const),
    action: decisionAction,
    offerId,
    code: fc.constant('E'),
    message: fc.constant('refused'),
  }),
  fc.constant({type: 'action-failed' as const, action: 'end-call' as const, code: 'E', message: 'refused'}),
  fc.record({
    type: fc.constant('limit-reached' as const),
    scope: fc.constant('tenant' as const),
    code: fc.constant('MAX'),
    message: fc.constant('limit'),
  }),
  fc.constant({type: 'limit-cleared' as const}),
);

export const intentArb = fc.oneof(
  fc.constant({type: 'request-contact' as const}),
  reservationId.map((id) => ({type: 'answer-reservation' as const, reservationId: id})),
  offerId.map((id) => ({type: 'accept' as const, offerId: id})),
  offerId.map((id) => ({type: 'skip' as const, offerId: id})),
  offerId.map((id) => ({type: 'remove' as const, offerId: id})),
  offerId.map((id) => ({type: 'leave' as const, offerId: id})),
  callId.map((id) => ({type: 'cancel-call' as const, callId: id})),
  callId.map((id) => ({type: 'voicemail-left' as const, callId: id})),
  callId.map((id) => ({type: 'end-call' as const, callId: id})),
  fc.constant({type: 'take-control' as const}),
);

export const capsArb = fc.record({
  enforcesTimeout: fc.boolean(),
  actions: fc.oneof(
    {weight: 3, arbitrary: fc.constant(ACTIONS_1_2)},
    {weight: 1, arbitrary: fc.subarray([...ACTIONS_1_2], {minLength: 0})},
  ),
});
