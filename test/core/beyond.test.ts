/**
 * Options beyond the source text: each off by default, each on by the
 * campaign. What the agent may do, and what command reaches the dialer.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {PROTOCOL_VERSION, parseDialerEvent} from '../../src/protocol/index.js';
import {insideWindow, localTime, withinCallingWindow} from '../../src/core/calling-window.js';
import {callbackProblem} from '../../src/core/callbacks.js';
import {epochToZonedTime, zonedTimeToEpoch} from '../../src/i18n/zoned-time.js';
import {selectPreview, selectTask} from '../../src/core/views.js';
import {demoCampaign, zoneAtNight} from '../../demo/demo-campaign.js';
import {ALL_ACTIONS, Machine, campaign, capabilities, contact, offered} from './fixtures.js';

const v = PROTOCOL_VERSION;
const NOON_UTC = Date.UTC(2026, 2, 2, 12, 0);

function withOffer(campaign: Parameters<typeof offered>[1], contactOverrides = {}, now = NOON_UTC) {
  const m = new Machine();
  m.event({type: 'agent-state', state: 'available'}, now);
  const event = offered('o1', campaign, now);
  m.event({...event, contact: {...(event as {contact: ReturnType<typeof contact>}).contact, ...contactOverrides}} as never, now);
  return m;
}

describe('beyond the source: number choice', () => {
  it("the agent's chosen number is dialed, unless the campaign forces the first", () => {
    const free = withOffer({});
    assert.equal(
      (free.intent({type: 'accept', offerId: 'o1', phoneNumber: '+55 11 3333-4444'}, NOON_UTC)[0] as {phoneNumber: string}).phoneNumber,
      '+55 11 3333-4444',
    );
    const forced = withOffer({forceNumber: true});
    assert.equal(
      (forced.intent({type: 'accept', offerId: 'o1', phoneNumber: '+55 11 3333-4444'}, NOON_UTC)[0] as {phoneNumber: string}).phoneNumber,
      '+55 11 91234-5678',
    );
  });

  it('number types and tried flags are validated', () => {
    const bad = {...offered('o1'), contact: {...contact(), phoneNumbers: [{number: '1', type: 'pager'}]}};
    assert.equal(parseDialerEvent(bad).ok, false);
    const good = {...offered('o1'), contact: {...contact(), phoneNumbers: [{number: '1', type: 'mobile', tried: true}]}};
    assert.equal(parseDialerEvent(good).ok, true);
  });
});

describe('beyond the source: skip reasons', () => {
  const reasons = {required: true, reasons: [{code: 'bad-time', label: 'Bad time'}]};

  it('a required reason must be given and travels with the skip command', () => {
    const m = withOffer({skipReasons: reasons});
    assert.deepEqual(m.intent({type: 'skip', offerId: 'o1'}, NOON_UTC), [], 'no reason: nothing sent');
    assert.deepEqual(m.intent({type: 'skip', offerId: 'o1', reason: 'made-up'}, NOON_UTC), [], "not one of the campaign's");
    assert.deepEqual(m.intent({type: 'skip', offerId: 'o1', reason: 'bad-time'}, NOON_UTC), [
      {type: 'skip', v, offerId: 'o1', source: 'agent', reason: 'bad-time'},
    ]);
  });

  it('an optional reason may be left out; with no reasons configured none is sent', () => {
    const optional = withOffer({skipReasons: {...reasons, required: false}});
    assert.deepEqual(optional.intent({type: 'skip', offerId: 'o1'}, NOON_UTC), [{type: 'skip', v, offerId: 'o1', source: 'agent'}]);
    const off = withOffer({});
    assert.deepEqual(off.intent({type: 'skip', offerId: 'o1', reason: 'bad-time'}, NOON_UTC), [
      {type: 'skip', v, offerId: 'o1', source: 'agent'},
    ]);
  });

  it('the timeout skip needs no reason', () => {
    const m = withOffer({skipReasons: reasons, timeoutMs: 5_000});
    assert.deepEqual(m.tick(NOON_UTC + 5_000), [{type: 'skip', v, offerId: 'o1', source: 'timeout'}]);
  });
});

describe('beyond the source: do-not-call', () => {
  it('Remove carries do-not-call only when the campaign allows it', () => {
    const on = withOffer({allowDoNotCall: true});
    assert.deepEqual(on.intent({type: 'remove', offerId: 'o1', doNotCall: true}, NOON_UTC), [
      {type: 'remove', v, offerId: 'o1', source: 'agent', doNotCall: true},
    ]);
    const off = withOffer({});
    assert.deepEqual(off.intent({type: 'remove', offerId: 'o1', doNotCall: true}, NOON_UTC), [
      {type: 'remove', v, offerId: 'o1', source: 'agent'},
    ]);
  });
});

describe('beyond the source: calling window', () => {
  it("computes the contact's local time and the window, across midnight too", () => {
    assert.equal(localTime('America/Sao_Paulo', NOON_UTC).clock, '09:00');
    assert.equal(localTime('Asia/Tokyo', NOON_UTC).clock, '21:00');
    assert.equal(insideWindow({start: '08:00', end: '21:00', enforce: true}, 20 * 60 + 59), true);
    assert.equal(insideWindow({start: '08:00', end: '21:00', enforce: true}, 21 * 60), false);
    assert.equal(insideWindow({start: '22:00', end: '02:00', enforce: true}, 60), true);
    assert.equal(withinCallingWindow(undefined, 'Asia/Tokyo', NOON_UTC), true);
  });

  it('an enforced window blocks Accept with the reason; a warning-only window does not', () => {
    const window = {start: '08:00', end: '21:00', enforce: true};
    const blocked = withOffer({callingWindow: window}, {timeZone: 'Asia/Tokyo'});
    const view = selectPreview(blocked.state, NOON_UTC);
    assert.equal(view.actions.accept, false);
    assert.equal(view.acceptBlocked, 'calling-window');
    assert.deepEqual(blocked.intent({type: 'accept', offerId: 'o1'}, NOON_UTC), []);
    assert.equal(blocked.intent({type: 'accept', offerId: 'o1'}, NOON_UTC - 3_600_000).length, 1, 'an hour earlier it is 20:00 there');
    const warned = withOffer({callingWindow: {...window, enforce: false}}, {timeZone: 'Asia/Tokyo'});
    assert.equal(selectPreview(warned.state, NOON_UTC).actions.accept, true);
  });

  it('names the window as the reason only when nothing else stands in the way', () => {
    const m = new Machine(capabilities({actions: ALL_ACTIONS.filter((a) => a !== 'accept')}));
    m.event({type: 'agent-state', state: 'available'}, NOON_UTC);
    const event = offered('o1', {callingWindow: {start: '08:00', end: '21:00', enforce: true}}, NOON_UTC) as {contact: object};
    m.event({...event, contact: {...event.contact, timeZone: 'Asia/Tokyo'}} as never, NOON_UTC);
    assert.equal(selectPreview(m.state, NOON_UTC).acceptBlocked, null, 'this dialer cannot accept at all');
  });

  it('no timeout accept outside an enforced window', () => {
    const m = withOffer(
      {callingWindow: {start: '08:00', end: '21:00', enforce: true}, timeoutAction: 'accept', timeoutMs: 5_000},
      {timeZone: 'Asia/Tokyo'},
    );
    assert.deepEqual(m.tick(NOON_UTC + 5_000), []);
  });

  it('rejects a time zone the platform does not know', () => {
    const bad = {...offered('o1'), contact: {...contact(), timeZone: 'Mars/Olympus_Mons'}};
    const result = parseDialerEvent(bad);
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /time zone/);
  });

  it('the demo has a contact whose local time is outside the window', () => {
    for (let hour = 0; hour < 24; hour++) {
      const now = Date.UTC(2026, 2, 2, hour, 30);
      const night = Math.floor(localTime(zoneAtNight(now), now).minutes / 60);
      assert.ok(night >= 1 && night < 5, `night at ${hour}:30 UTC`);
      const {script} = demoCampaign(new URLSearchParams(), now);
      const outside = script.contacts.filter((c) => !withinCallingWindow(script.campaign.callingWindow, c.timeZone, now));
      assert.deepEqual(
        outside.map((c) => c.name),
        ['Ana Souza'],
        `at ${hour}:30 UTC only Ana is outside`,
      );
    }
    const plain = demoCampaign(new URLSearchParams('beyond=false'), NOON_UTC).script;
    assert.equal(plain.campaign.callingWindow, undefined);
    assert.equal(plain.campaign.skipReasons, undefined);
  });
});

describe('beyond the source: attempt history', () => {
  it('is validated and kept with the contact', () => {
    const m = withOffer({}, {history: [{at: NOON_UTC - 86_400_000, outcome: 'busy', disposition: 'Call back'}]});
    assert.equal(selectPreview(m.state, NOON_UTC).offer?.contact.history?.[0].outcome, 'busy');
    const bad = {...offered('o1'), contact: {...contact(), history: [{at: -1, outcome: 'busy'}]}};
    assert.equal(parseDialerEvent(bad).ok, false);
  });
});

describe('beyond the source: wrap-up disposition', () => {
  const wrapUp = {
    codes: [
      {code: 'sale', label: 'Renewed'},
      {code: 'cb', label: 'Call back'},
    ],
    allowNote: true,
    timeoutMs: 60_000,
  };

  function ended(options = {}) {
    const m = withOffer({wrapUp: {...wrapUp, ...options}, mode: 'preview'});
    m.intent({type: 'accept', offerId: 'o1'}, NOON_UTC);
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'}, NOON_UTC);
    m.event({type: 'call-ended', callId: 'c1', at: NOON_UTC + 1_000}, NOON_UTC + 1_000);
    return m;
  }

  it('asks for a disposition when the call ends, and holds the next request until it is given', () => {
    const m = ended();
    const task = selectTask(m.state, m.now)!;
    assert.deepEqual(task.wrapUp, {
      deadline: NOON_UTC + 61_000,
      disposition: null,
      status: 'pending',
      codes: wrapUp.codes,
      allowNote: true,
    });
    assert.equal(selectPreview(m.state, NOON_UTC + 2_000).campaignButton.enabled, false);
    assert.deepEqual(m.intent({type: 'request-contact'}, NOON_UTC + 2_000), []);
    assert.deepEqual(m.intent({type: 'set-disposition', callId: 'c1', code: 'nope'}, NOON_UTC + 2_000), [], 'not a campaign code');
    assert.deepEqual(m.intent({type: 'set-disposition', callId: 'c1', code: 'sale', note: '  Renewed for 12 months '}, NOON_UTC + 2_000), [
      {type: 'set-disposition', v, callId: 'c1', code: 'sale', note: 'Renewed for 12 months'},
    ]);
    assert.deepEqual(m.intent({type: 'set-disposition', callId: 'c1', code: 'cb'}, NOON_UTC + 2_000), [], 'once');
    assert.equal(m.intent({type: 'request-contact'}, NOON_UTC + 3_000).length, 1);
  });

  it('drops the note when the campaign allows none, and gives up at the wrap-up timeout', () => {
    const m = ended({allowNote: false});
    assert.deepEqual(m.intent({type: 'set-disposition', callId: 'c1', code: 'cb', note: 'x'}, NOON_UTC + 2_000), [
      {type: 'set-disposition', v, callId: 'c1', code: 'cb'},
    ]);
    const late = ended();
    assert.deepEqual(late.intent({type: 'set-disposition', callId: 'c1', code: 'sale'}, NOON_UTC + 61_000), []);
    assert.equal(selectPreview(late.state, NOON_UTC + 61_000).campaignButton.enabled, true);
  });

  it('a refused disposition can be given again; without wrap-up nothing is asked', () => {
    const m = ended();
    m.intent({type: 'set-disposition', callId: 'c1', code: 'sale'}, NOON_UTC + 2_000);
    m.event({type: 'action-failed', action: 'set-disposition', code: 'E', message: 'no'}, NOON_UTC + 2_500);
    assert.equal(m.intent({type: 'set-disposition', callId: 'c1', code: 'sale'}, NOON_UTC + 3_000).length, 1);
    const plain = withOffer({mode: 'preview'});
    plain.intent({type: 'accept', offerId: 'o1'}, NOON_UTC);
    plain.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'}, NOON_UTC);
    plain.event({type: 'call-ended', callId: 'c1'}, NOON_UTC);
    assert.equal(selectTask(plain.state, plain.now)?.wrapUp, null);
  });
});

describe('beyond the source: a dialer that wants no disposition for a call', () => {
  it('skips the wrap-up when the call ends or fails with wrapUp: false', () => {
    const wrapUp = {codes: [{code: 'sale', label: 'Renewed'}], allowNote: false, timeoutMs: 0};
    for (const end of [
      {type: 'call-ended', callId: 'c1', wrapUp: false},
      {type: 'call-failed', callId: 'c1', reason: 'busy', wrapUp: false},
    ] as const) {
      const m = withOffer({wrapUp, mode: 'preview'});
      m.intent({type: 'accept', offerId: 'o1'}, NOON_UTC);
      m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'}, NOON_UTC);
      m.event(end, NOON_UTC + 1_000);
      assert.equal(selectTask(m.state, m.now)?.wrapUp, null, end.type);
      assert.equal(selectPreview(m.state, NOON_UTC + 2_000).campaignButton.enabled, true, end.type);
    }
  });
});

describe('beyond the source: callbacks', () => {
  const callbacks = {allowOtherNumber: true, allowBackToMe: false};
  const window = {start: '08:00', end: '21:00', enforce: true};

  it("converts a wall-clock time in the contact's zone, across daylight saving too", () => {
    assert.equal(zonedTimeToEpoch('2026-03-02T09:00', 'America/Sao_Paulo'), Date.UTC(2026, 2, 2, 12, 0));
    assert.equal(zonedTimeToEpoch('2026-07-01T09:00', 'America/New_York'), Date.UTC(2026, 6, 1, 13, 0), 'summer time');
    assert.equal(zonedTimeToEpoch('2026-01-15T09:00', 'America/New_York'), Date.UTC(2026, 0, 15, 14, 0), 'winter time');
    assert.equal(epochToZonedTime(Date.UTC(2026, 2, 2, 12, 0), 'Asia/Tokyo'), '2026-03-02T21:00');
    assert.ok(Number.isNaN(zonedTimeToEpoch('tomorrow', 'UTC')));
  });

  it('validates: in the future, inside the calling window, a known or valid number, back-to-me only if allowed', () => {
    const c = campaign({callbacks, callingWindow: window});
    const who = contact({timeZone: 'America/Sao_Paulo'});
    const at = Date.UTC(2026, 2, 3, 13, 0); // 10:00 in São Paulo
    const ok = {at, phoneNumber: who.phoneNumbers[0].number, backToMe: false};
    assert.equal(callbackProblem(c, who, ok, NOON_UTC), null);
    assert.equal(callbackProblem(c, who, {...ok, at: NOON_UTC - 1}, NOON_UTC), 'past');
    assert.equal(callbackProblem(c, who, {...ok, at: Date.UTC(2026, 2, 3, 2, 0)}, NOON_UTC), 'outside-window');
    assert.equal(callbackProblem(c, who, {...ok, phoneNumber: '+1 415 555 0100'}, NOON_UTC), null, 'another number is allowed');
    assert.equal(callbackProblem(c, who, {...ok, phoneNumber: '<script>'}, NOON_UTC), 'number');
    assert.equal(callbackProblem(c, who, {...ok, backToMe: true}, NOON_UTC), 'back-to-me');
    assert.equal(callbackProblem({...c, callbacks: undefined}, who, ok, NOON_UTC), 'not-allowed');
  });

  it('sends one callback per preview and per call, naming where it was scheduled', () => {
    const m = withOffer({callbacks, mode: 'preview'});
    const at = NOON_UTC + 86_400_000;
    const request = {at, phoneNumber: '+55 11 91234-5678', backToMe: false};
    assert.deepEqual(m.intent({type: 'schedule-callback', offerId: 'o1', ...request, at: NOON_UTC - 5}, NOON_UTC), [], 'in the past');
    assert.deepEqual(m.intent({type: 'schedule-callback', offerId: 'o1', ...request}, NOON_UTC), [
      {type: 'schedule-callback', v, offerId: 'o1', ...request},
    ]);
    assert.deepEqual(m.intent({type: 'schedule-callback', offerId: 'o1', ...request}, NOON_UTC), [], 'once');
    assert.equal(selectPreview(m.state, NOON_UTC).offer?.callback?.scheduledAt, at);
    m.intent({type: 'accept', offerId: 'o1'}, NOON_UTC);
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'}, NOON_UTC);
    assert.deepEqual(m.intent({type: 'schedule-callback', callId: 'c1', ...request}, NOON_UTC), [], 'not during the call');
    m.event({type: 'call-ended', callId: 'c1'}, NOON_UTC);
    assert.deepEqual(m.intent({type: 'schedule-callback', callId: 'c1', ...request}, NOON_UTC), [
      {type: 'schedule-callback', v, callId: 'c1', ...request},
    ]);
    const off = withOffer({});
    assert.deepEqual(off.intent({type: 'schedule-callback', offerId: 'o1', ...request}, NOON_UTC), []);
  });
});
