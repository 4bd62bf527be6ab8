/**
 * `parseDialerEvent` and the store keep their promise under property-based
 * fuzzing with hostile objects (issue 11): valid events with a random field
 * made hostile (throwing getters, proxies, revoked proxies, null-prototype
 * objects, huge strings, deep nesting), and an adapter that throws or errors
 * with such values. Nothing throws; every refusal and notice is bounded and
 * safe; the next valid offer is shown and can be accepted.
 * `npm run fuzz` runs more.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {Observable, Subject, VirtualTimeScheduler} from 'rxjs';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {MAX_NOTICES} from '../../src/core/state.js';
import {
  MAX_NOTICE_CODE,
  MAX_NOTICE_MESSAGE,
  MAX_PARSE_ERROR,
  MAX_TEXT,
  UNSAFE_CHARACTERS,
  parseDialerEvent,
  type DialerCommand,
  type DialerEvent,
} from '../../src/protocol/index.js';
import {FUZZ, RUNS, eventArb} from './arbitraries.js';
import {capabilities, offered} from './fixtures.js';
import {advance} from './harness.js';
import {hostileArb, plant, thrown, thrownArb, type HostileValue, type ThrownKind} from './hostile-values.js';

const UNSAFE = new RegExp(`[${UNSAFE_CHARACTERS}]`, 'u');
/** A run of 100 identical characters: a huge value quoted whole. */
const ECHO = /(.)\1{99}/su;

/** A valid event with one place made hostile, described (fast-check never holds the hostile value). */
const plantedArb = fc.record({event: eventArb, at: fc.nat(), value: hostileArb});
const make = ({event, at, value}: {event: DialerEvent; at: number; value: HostileValue}) => plant(event, at, value);

/** The store's turns: a hostile event, or an Accept the adapter refuses with something hostile; then time passes. */
const turnArb = fc.record({
  input: fc.oneof(
    {weight: 3, arbitrary: plantedArb.map((planted) => ({kind: 'event' as const, planted}))},
    {weight: 1, arbitrary: fc.record({kind: fc.constant('refusal' as const), thrown: thrownArb, throws: fc.boolean()})},
  ),
  advanceMs: fc.nat(60_000),
});

/** Heavier than the other fuzz tests (values up to 1,000,000 characters): a quarter of their runs. */
const HEAVY: fc.Parameters<unknown> = {...FUZZ, numRuns: Math.ceil(RUNS / 4)};

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(strings);
}

describe('hostile-object fuzzing (fast-check)', () => {
  it(`parseDialerEvent never throws, and refuses in a bounded, safe message (${HEAVY.numRuns} runs)`, () => {
    fc.assert(
      fc.property(plantedArb, (planted) => {
        const result = parseDialerEvent(make(planted));
        if (result.ok) return;
        assert.ok(result.error.length > 0 && result.error.length <= MAX_PARSE_ERROR, `${result.error.length} characters`);
        assert.doesNotMatch(result.error, UNSAFE);
        assert.doesNotMatch(result.error, ECHO);
      }),
      HEAVY,
    );
  });

  it(`the store never throws, keeps its notices bounded, and shows the next offer (${HEAVY.numRuns} runs)`, () => {
    fc.assert(
      fc.property(fc.array(turnArb, {minLength: 1, maxLength: 8}), (turns) => {
        const scheduler = new VirtualTimeScheduler();
        const events = new Subject<unknown>();
        const sent: DialerCommand[] = [];
        let refusal: {thrown: ThrownKind; throws: boolean} | null = null;
        const store = createCampaignStore(
          {
            events$: events,
            capabilities: capabilities(),
            send: (command) => {
              sent.push(command);
              const now = refusal;
              if (now?.throws) throw thrown(now.thrown);
              return new Observable<void>((s) => (now ? s.error(thrown(now.thrown)) : s.complete()));
            },
          },
          {scheduler},
        );
        events.next({type: 'agent-state', state: 'available'});
        events.next(offered('good-1'));
        for (const {input: turn, advanceMs} of turns) {
          if (turn.kind === 'event') {
            events.next(make(turn.planted));
          } else {
            refusal = turn;
            const offerId = store.snapshot().offer?.offerId;
            if (offerId && store.accepts({type: 'accept', offerId})) {
              store.dispatch({type: 'accept', offerId});
              assert.equal(store.snapshot().offer?.decision, null, 'a refused Accept leaves the offer to decide again');
            }
          }
          advance(scheduler, advanceMs);
        }
        const {notices} = store.snapshot();
        assert.ok(notices.length <= MAX_NOTICES, 'notices stay bounded');
        for (const notice of notices) {
          assert.ok(notice.message.length <= MAX_NOTICE_MESSAGE, `a notice message of ${notice.message.length}`);
          assert.ok(notice.code.length <= MAX_NOTICE_CODE, `a notice code of ${notice.code.length}`);
          assert.doesNotMatch(notice.message, /\[object /);
        }
        assert.ok(
          strings(store.snapshot()).every((s) => s.length <= MAX_TEXT),
          'no string in the state beyond MAX_TEXT',
        );
        // Whatever came, the next valid offer is shown, and Accept sends it.
        refusal = null;
        for (const callId of ['c1', 'c2']) events.next({type: 'call-ended', callId, wrapUp: false});
        events.next({type: 'limit-cleared'});
        events.next({type: 'agent-state', state: 'available'});
        events.next(offered('next', {}, scheduler.now()));
        assert.equal(store.snapshot().offer?.offerId, 'next');
        const before = sent.length;
        store.dispatch({type: 'accept', offerId: 'next'});
        assert.deepEqual(
          sent.slice(before).map((c) => c.type),
          ['accept'],
        );
        store.dispose();
      }),
      HEAVY,
    );
  });
});
