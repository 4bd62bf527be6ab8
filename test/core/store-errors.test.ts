/**
 * An adapter that throws or errors with anything (issue 11, points 2 and 3):
 * the store raises a readable, bounded notice, and the offer is the agent's
 * to decide again.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Observable, Subject, VirtualTimeScheduler} from 'rxjs';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import type {CampaignStore} from '../../src/store/campaign-store.js';
import {MAX_NOTICE_CODE, MAX_NOTICE_MESSAGE, MAX_TEXT, type DialerCommand} from '../../src/protocol/index.js';
import {capabilities, offered} from './fixtures.js';
import {MILLION, THROWN_KINDS, thrown, type ThrownKind} from './hostile-values.js';

type How = 'throws' | 'errors';

/** A store whose adapter refuses every command with `refusal`, until it is set to null. */
function refusing(how: How, kind: ThrownKind) {
  const events = new Subject<unknown>();
  const sent: DialerCommand[] = [];
  let refuse = true;
  const store = createCampaignStore(
    {
      events$: events,
      capabilities: capabilities(),
      send: (command) => {
        sent.push(command);
        if (!refuse) return new Observable<void>((s) => s.complete());
        if (how === 'throws') throw thrown(kind);
        return new Observable<void>((s) => s.error(thrown(kind)));
      },
    },
    {scheduler: new VirtualTimeScheduler()},
  );
  events.next({type: 'agent-state', state: 'available'});
  events.next(offered('o1'));
  return {events, store, sent, accept: () => store.dispatch({type: 'accept', offerId: 'o1'}), stopRefusing: () => (refuse = false)};
}

/** Every string anywhere in `value`. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(strings);
}

const onlyNotice = (store: CampaignStore) => {
  const notices = store.snapshot().notices;
  assert.equal(notices.length, 1);
  return notices[0];
};

describe('store: an adapter that throws or errors with anything', () => {
  for (const how of ['throws', 'errors'] as const) {
    for (const kind of THROWN_KINDS) {
      it(`send() ${how} ${kind}: a readable, bounded notice, and Accept works again`, () => {
        const {store, sent, accept, stopRefusing} = refusing(how, kind);
        assert.doesNotThrow(accept);
        const notice = onlyNotice(store);
        assert.equal(notice.kind, 'action-failed');
        assert.equal(notice.action, 'accept');
        assert.match(notice.message, /\S/);
        assert.doesNotMatch(notice.message, /\[object /);
        assert.ok(notice.message.length <= MAX_NOTICE_MESSAGE, `message of ${notice.message.length}`);
        assert.ok(notice.code.length > 0 && notice.code.length <= MAX_NOTICE_CODE, `code of ${notice.code.length}`);
        assert.equal(store.snapshot().offer?.decision, null, 'the offer is not left accepted');
        stopRefusing();
        assert.ok(store.accepts({type: 'accept', offerId: 'o1'}));
        accept();
        assert.deepEqual(
          sent.map((c) => c.type),
          ['accept', 'accept'],
          'a second Accept sends a command',
        );
      });
    }
  }

  it('a plain {code, message} refusal gives its own code and message', () => {
    for (const how of ['throws', 'errors'] as const) {
      const {store, accept} = refusing(how, 'plain-refusal');
      accept();
      const notice = onlyNotice(store);
      assert.deepEqual([notice.code, notice.message], ['E_PLAIN', 'a plain refusal'], how);
    }
  });

  it('a refusal with no readable message gives the generic one', () => {
    for (const kind of [
      'null-prototype',
      'throwing-message',
      'error-subclass-throwing-message',
      'throwing-proxy',
      'revoked-proxy',
      'symbol',
      'bigint',
    ] as const) {
      const {store, accept} = refusing('errors', kind);
      accept();
      assert.deepEqual(
        [onlyNotice(store).code, onlyNotice(store).message],
        ['send-failed', 'The dialer could not carry out the command.'],
        kind,
      );
    }
  });

  it('a 1,000,000-character refusal is cut to the bounds, and nothing in the state is longer than MAX_TEXT', () => {
    const {store, accept} = refusing('errors', 'huge-message');
    accept();
    const notice = onlyNotice(store);
    assert.equal(notice.message.length, MAX_NOTICE_MESSAGE);
    assert.ok(notice.message.endsWith('…'));
    assert.equal(notice.code.length, MAX_NOTICE_CODE);
    const longest = Math.max(...strings(store.snapshot()).map((s) => s.length));
    assert.ok(longest <= MAX_TEXT, `a string of ${longest} characters in the state`);
  });

  it('an event stream that errors with anything gives a bounded stream-error notice', () => {
    for (const kind of THROWN_KINDS) {
      const events = new Subject<unknown>();
      const store = createCampaignStore(
        {events$: events, capabilities: capabilities(), send: () => new Observable<void>((s) => s.complete())},
        {scheduler: new VirtualTimeScheduler()},
      );
      assert.doesNotThrow(() => events.error(thrown(kind)), kind);
      const notice = onlyNotice(store);
      assert.equal(notice.kind, 'stream-error', kind);
      assert.ok(notice.message.length <= MAX_NOTICE_MESSAGE && notice.code.length <= MAX_NOTICE_CODE, kind);
      assert.match(notice.message, /\S/, kind);
    }
  });
});

describe('store: received values are never echoed whole', () => {
  it('a 1,000,000-character contact name: the invalid-event notice is bounded and quotes an excerpt', () => {
    const events = new Subject<unknown>();
    const store = createCampaignStore(
      {events$: events, capabilities: capabilities(), send: () => new Observable<void>((s) => s.complete())},
      {scheduler: new VirtualTimeScheduler()},
    );
    const event = offered('o1') as {contact: {name: string}};
    event.contact.name = 'A'.repeat(MILLION);
    events.next(event);
    const notice = onlyNotice(store);
    assert.equal(notice.kind, 'invalid-event');
    assert.match(notice.message, /^contact\.name: /);
    assert.ok(notice.message.length <= MAX_NOTICE_MESSAGE, `${notice.message.length} characters`);
    assert.doesNotMatch(notice.message, /A{100}/);
    assert.ok(strings(store.snapshot()).every((s) => s.length <= MAX_TEXT));
  });

  it('a 1,000,000-character event type is quoted as an excerpt, not whole', () => {
    const events = new Subject<unknown>();
    const store = createCampaignStore(
      {events$: events, capabilities: capabilities(), send: () => new Observable<void>((s) => s.complete())},
      {scheduler: new VirtualTimeScheduler()},
    );
    const event = offered('o1') as {type: string};
    event.type = `<img src=x>${'\u202E'.repeat(MILLION)}`;
    events.next(event);
    const {message} = onlyNotice(store);
    assert.ok(message.length <= MAX_NOTICE_MESSAGE);
    assert.match(message, /received "<img src=x>\uFFFD+…"/, 'an excerpt, its bidi overrides replaced');
    assert.doesNotMatch(message, /\u202E/);
  });
});
