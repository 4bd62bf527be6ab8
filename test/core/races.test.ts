/**
 * Races, over many randomized runs through the real store on virtual time:
 * Accept in the same instant as the timeout, repeated clicks, and decisions
 * while the dialer withdraws the offer. Each offer gets exactly one decision
 * command (or none once it is gone), whatever the order.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {Observable, Subject, VirtualTimeScheduler} from 'rxjs';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import type {DialerCommand} from '../../src/protocol/index.js';
import {goodOffer} from '../hostile/corpus.js';
import {ALL_ACTIONS} from './fixtures.js';
import {FUZZ} from './arbitraries.js';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const DEADLINE = T0 + 30_000;
const DECISIONS = new Set(['accept', 'skip', 'remove', 'leave-campaign']);

/** A store whose dialer answers each command after `answerMs` (0: at once). */
function race(answerMs: number) {
  const scheduler = new VirtualTimeScheduler();
  scheduler.frame = T0;
  const events = new Subject<unknown>();
  const sent: DialerCommand[] = [];
  const store = createCampaignStore(
    {
      events$: events,
      capabilities: {enforcesTimeout: false, actions: ALL_ACTIONS},
      send: (command) => {
        sent.push(command);
        return new Observable<void>((s) => {
          const answer = scheduler.schedule(() => s.complete(), answerMs);
          return () => answer.unsubscribe();
        });
      },
    },
    {scheduler},
  );
  const until = (time: number) => {
    scheduler.maxFrames = time;
    scheduler.flush();
    scheduler.frame = Math.max(scheduler.frame, time);
  };
  events.next({type: 'agent-state', state: 'available'});
  events.next(goodOffer('o1', {offeredAt: T0, deadline: DEADLINE}));
  const decisions = () => sent.filter((c) => DECISIONS.has(c.type));
  return {store, events, until, decisions};
}

const agentIntent = fc.constantFrom(
  {type: 'accept' as const, offerId: 'o1'},
  {type: 'skip' as const, offerId: 'o1'},
  {type: 'remove' as const, offerId: 'o1'},
  {type: 'leave' as const, offerId: 'o1'},
);

describe('races (randomized, through the store)', () => {
  it('Accept in the same instant as the timeout: exactly one decision', () => {
    fc.assert(
      fc.property(fc.integer({min: -3, max: 3}), fc.integer({min: 1, max: 3}), fc.nat(50), (offsetMs, clicks, answerMs) => {
        const {store, until, decisions} = race(answerMs);
        until(DEADLINE + offsetMs);
        for (let i = 0; i < clicks; i += 1) store.dispatch({type: 'accept', offerId: 'o1'});
        until(DEADLINE + 1_000);
        assert.equal(decisions().length, 1, JSON.stringify(decisions()));
        store.dispose();
      }),
      FUZZ,
    );
  });

  it('repeated clicks on any mix of decisions: one command', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({intent: agentIntent, gapMs: fc.nat(100)}), {minLength: 2, maxLength: 6}),
        fc.nat(200),
        (clicks, answerMs) => {
          const {store, until, decisions} = race(answerMs);
          let time = T0 + 1_000;
          for (const {intent, gapMs} of clicks) {
            time += gapMs;
            until(time);
            store.dispatch(intent);
          }
          until(time + 1_000);
          assert.equal(decisions().length, 1, JSON.stringify(decisions()));
          store.dispose();
        },
      ),
      FUZZ,
    );
  });

  it('a decision while the dialer withdraws the offer: at most one, and none after it is gone', () => {
    fc.assert(
      fc.property(agentIntent, fc.boolean(), fc.nat(20), (intent, withdrawFirst, answerMs) => {
        const {store, events, until, decisions} = race(answerMs);
        until(T0 + 2_000);
        const withdraw = () => events.next({type: 'offer-withdrawn', offerId: 'o1', reason: 'withdrawn'});
        if (withdrawFirst) withdraw();
        store.dispatch(intent);
        if (!withdrawFirst) withdraw();
        store.dispatch(intent);
        until(DEADLINE + 1_000); // the deadline passes too: no timeout action for a gone offer
        assert.equal(decisions().length, withdrawFirst ? 0 : 1, JSON.stringify(decisions()));
        store.dispose();
      }),
      FUZZ,
    );
  });
});
