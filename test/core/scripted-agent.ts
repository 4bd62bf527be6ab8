/**
 * A long simulated campaign and an agent working it, for the journal tests:
 * mixed outcomes, wrap-ups, callbacks, skips, removes, breaks and offers left
 * to expire, all decided from what the dialer's snapshot shows.
 */
import type {SimulatedCampaignScript, SimulatedOutcome} from '../../src/adapters/simulated/simulated-dialer.js';
import type {DialerCommand, Snapshot} from '../../src/protocol/index.js';
import {campaign, contact} from './fixtures.js';

const OUTCOMES: SimulatedOutcome[] = ['answer', 'busy', 'machine', 'answer', 'no-answer', 'fail', 'answer'];

/** A standard-preview campaign of `count` contacts whose dialer enforces the offer's timeout. */
export function longCampaign(count: number): SimulatedCampaignScript {
  return {
    campaign: campaign({
      timeoutMs: 20_000,
      timeoutAction: 'skip',
      wrapUp: {
        codes: [
          {code: 'sale', label: 'Sale'},
          {code: 'no-sale', label: 'No sale'},
        ],
        allowNote: true,
        timeoutMs: 30_000,
      },
      callbacks: {allowOtherNumber: false, allowBackToMe: true},
    }),
    contacts: Array.from({length: count}, (_, i) => ({
      ...contact({id: `c${i}`, name: `Contact ${i}`}),
      outcome: OUTCOMES[i % OUTCOMES.length],
    })),
    agentAvailable: true,
    enforcesTimeout: true,
    latencyMs: 200,
    dialMs: 300,
    ringMs: 1_200,
    talkMs: 3_000,
    agentStateChanges: [{atMs: 600_000, state: 'not-ready', reason: 'Team meeting'}],
  };
}

/** The number in a dialer id (`offer-17`): the agent's choices for an offer or a call follow it. */
const serial = (id: string) => Number(id.split('-').at(-1));

/** What the agent does now, or null to wait; `turn` counts the times it has looked. */
export function nextCommand(snapshot: Snapshot, turn: number, now: number): DialerCommand | null {
  const v = 1 as const;
  const {reservation, offer, call, agent} = snapshot;
  if (agent?.state === 'not-ready') return turn % 3 === 0 ? {type: 'set-agent-state', v, state: 'available'} : null;
  if (reservation && !reservation.answered) return {type: 'answer-reservation', v, reservationId: reservation.reservationId};
  if (offer && !offer.decision) {
    const {offerId} = offer;
    const number = offer.contact.phoneNumbers[0].number;
    switch (serial(offerId) % 11) {
      case 0:
        return {type: 'skip', v, offerId, source: 'agent'};
      case 1:
        return {type: 'remove', v, offerId, source: 'agent'};
      case 2:
        return offer.callbackAt === null
          ? {type: 'schedule-callback', v, offerId, at: now + 86_400_000, phoneNumber: number, backToMe: true}
          : {type: 'skip', v, offerId, source: 'agent'};
      case 3:
        return null; // left to expire
      case 4:
        return {type: 'set-agent-state', v, state: 'not-ready', reason: 'Break'};
      default:
        return {type: 'accept', v, offerId, source: 'agent', phoneNumber: number};
    }
  }
  if (call?.phase === 'answering-machine' && !call.voicemailLeft) return {type: 'voicemail-left', v, callId: call.callId};
  if (call?.wrapUp && call.callbackAt === null && serial(call.callId) % 3 === 0) {
    return {type: 'schedule-callback', v, callId: call.callId, at: now + 3_600_000, phoneNumber: call.phoneNumber, backToMe: false};
  }
  if (call?.wrapUp && call.wrapUp.disposition === null && serial(call.callId) % 5 !== 0) {
    return {type: 'set-disposition', v, callId: call.callId, code: serial(call.callId) % 2 ? 'sale' : 'no-sale'};
  }
  return null;
}
