/**
 * Random sequences through the real store and an adapter that answers late,
 * refuses at random, and sends malformed events among the valid ones, on
 * virtual time. Nothing throws; every command is one the dialer can perform;
 * each offer gets at most one live decision; a dialer that enforces timeouts
 * never gets one from the kit. `npm run fuzz` runs 100,000 sequences.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {Observable, Subject, VirtualTimeScheduler} from 'rxjs';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {DialerError} from '../../src/adapters/dialer-adapter.js';
import {FUZZ, RUNS, capsArb, eventArb, intentArb} from './arbitraries.js';
import {HOSTILE_CORPUS} from '../hostile/corpus.js';

const DECISIONS = new Set(['accept', 'skip', 'remove', 'leave-campaign']);

// A class, not its event: fast-check inspects generated values, and some of these throw when touched.
const hostileArb = fc.constantFrom(...HOSTILE_CORPUS.filter((h) => h.refused));
const answerArb = fc.record({delayMs: fc.nat(3_000), refuse: fc.boolean()});

const turnArb = fc.record({
  input: fc.oneof(
    {weight: 5, arbitrary: eventArb.map((event) => ({kind: 'event' as const, event: event as unknown}))},
    {weight: 1, arbitrary: hostileArb.map((hostile) => ({kind: 'hostile' as const, hostile}))},
    {weight: 5, arbitrary: intentArb.map((intent) => ({kind: 'intent' as const, intent}))},
  ),
  advanceMs: fc.nat(5_000),
});

describe('store fuzzing (fast-check)', () => {
  it(`random event, intent, answer and time sequences (${RUNS} runs) keep the invariants`, () => {
    fc.assert(
      fc.property(capsArb, fc.array(turnArb, {maxLength: 50}), fc.infiniteStream(answerArb), (capabilities, steps, answers) => {
        const scheduler = new VirtualTimeScheduler();
        const events = new Subject<unknown>();
        /** Decisions sent and not refused, by offer shown. */
        const live = new Map<string, number>();
        // Collected, not thrown: the store shields itself from an adapter that throws.
        const violations: string[] = [];
        const check = (ok: boolean, message: string) => ok || violations.push(message);
        const store = createCampaignStore(
          {
            events$: events,
            capabilities,
            send: (command) => {
              check(capabilities.actions.includes(command.type), `${command.type} is not a capability`);
              if ('source' in command && command.source === 'timeout')
                check(!capabilities.enforcesTimeout, 'a timeout action to a dialer that enforces timeouts');
              const id = DECISIONS.has(command.type) ? (command as {offerId?: string}).offerId : undefined;
              if (id !== undefined) {
                check(store.snapshot().offer?.offerId === id, `a decision for ${id}, which is not on show`);
                live.set(id, (live.get(id) ?? 0) + 1);
                check(live.get(id)! <= 1, `two live decisions for ${id}`);
              }
              const {delayMs, refuse} = answers.next().value;
              return new Observable<void>((s) => {
                const answer = scheduler.schedule(() => {
                  if (refuse) s.error(new DialerError('E_FUZZ', 'refused'));
                  else s.complete();
                }, delayMs);
                return () => answer.unsubscribe();
              });
            },
          },
          {scheduler},
        );
        // A new offer (even under an old id) starts with no decision, and a decision the
        // dialer refused (by answer or by an action-failed event) is no longer live.
        let shown: {offerId: string; decided: boolean} | undefined;
        store.state$.subscribe(({offer}) => {
          if (shown && (offer?.offerId !== shown.offerId || (shown.decided && !offer.decision))) live.delete(shown.offerId);
          shown = offer ? {offerId: offer.offerId, decided: offer.decision !== null} : undefined;
        });
        for (const {input, advanceMs} of steps) {
          if (input.kind === 'event') events.next(input.event);
          else if (input.kind === 'hostile') events.next(input.hostile.events()[0]);
          else store.dispatch(input.intent);
          scheduler.maxFrames = scheduler.frame + advanceMs;
          scheduler.flush();
        }
        assert.deepEqual(violations, []);
        store.dispose();
      }),
      FUZZ,
    );
  });
});
