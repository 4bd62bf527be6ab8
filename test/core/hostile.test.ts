/**
 * The hostile input corpus (test/hostile/corpus.ts) through the real store:
 * no exception, a visible error for what the protocol refuses, a bounded list
 * of notices each quoting at most an excerpt of what came, nothing polluted,
 * and the stream keeps working.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Observable, Subject, VirtualTimeScheduler} from 'rxjs';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {MAX_NOTICES} from '../../src/core/state.js';
import {MAX_NOTICE_CODE, MAX_NOTICE_MESSAGE, MAX_TEXT} from '../../src/protocol/index.js';
import {selectPreview, selectTask} from '../../src/core/views.js';
import {HOSTILE_CORPUS, goodOffer} from '../hostile/corpus.js';
import {ALL_ACTIONS} from './fixtures.js';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

/** A run of more than 100 identical characters: a huge value quoted whole. */
const ECHO = /(.)\1{100}/su;

/** Every string anywhere in `value`. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(strings);
}

function showing() {
  const events = new Subject<unknown>();
  const scheduler = new VirtualTimeScheduler();
  scheduler.frame = T0;
  const store = createCampaignStore(
    {events$: events, capabilities: {enforcesTimeout: false, actions: ALL_ACTIONS}, send: () => new Observable<void>((s) => s.complete())},
    {scheduler},
  );
  events.next({type: 'agent-state', state: 'available'});
  events.next(goodOffer('good-1'));
  return {events, store};
}

describe(`hostile dialer input: ${HOSTILE_CORPUS.length} classes`, () => {
  it('has at least 50 classes', () => {
    console.log(`hostile input corpus: ${HOSTILE_CORPUS.length} classes`);
    assert.ok(HOSTILE_CORPUS.length >= 50);
  });

  for (const hostile of HOSTILE_CORPUS) {
    it(hostile.name, () => {
      const {events, store} = showing();
      assert.doesNotThrow(() => hostile.events().forEach((event) => events.next(event)));
      const view = selectPreview(store.snapshot(), T0);
      const invalid = view.notices.filter((n) => n.kind === 'invalid-event');
      assert.equal(invalid.length > 0, hostile.refused, hostile.refused ? 'refused, with a visible error' : 'accepted or ignored');
      for (const notice of invalid) {
        assert.match(notice.message, /\S/);
        assert.doesNotMatch(notice.message, ECHO, 'an excerpt of the value, never the value');
      }
      for (const notice of view.notices) {
        assert.ok(notice.message.length <= MAX_NOTICE_MESSAGE, `a notice message of ${notice.message.length} characters`);
        assert.ok(notice.code.length <= MAX_NOTICE_CODE, `a notice code of ${notice.code.length} characters`);
      }
      assert.ok(view.notices.length <= MAX_NOTICES, 'notices stay bounded');
      const longest = Math.max(0, ...strings(store.snapshot()).map((text) => text.length));
      assert.ok(longest <= MAX_TEXT, `a string of ${longest} characters in the state`);
      assert.equal(({} as {polluted?: unknown}).polluted, undefined, 'Object.prototype untouched');
      // Whatever came, the next valid offer is shown.
      events.next(goodOffer('good-2'));
      assert.equal(selectPreview(store.snapshot(), T0).offer?.offerId, 'good-2');
      assert.equal(selectTask(store.snapshot(), store.now())?.status, 'previewing');
    });
  }
});
