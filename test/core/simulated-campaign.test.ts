/**
 * simulatedCampaign(options): the kit's typed, dialer-free campaign. Its
 * defaults, every option reaching the script, a clear error for each bad
 * value, a whole campaign through the store on virtual time (the agent goes
 * Available, asks for a contact, accepts, talks), and the demo's query-string
 * parser built on it.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {VirtualTimeScheduler} from 'rxjs';
import * as headless from '../../src/headless.js';
import {SAMPLE_CONTACTS, simulatedCampaign, type SimulatedCampaignOptions} from '../../src/adapters/simulated/sample-campaign.js';
import {SimulatedDialer} from '../../src/adapters/simulated/simulated-dialer.js';
import {selectPreview, selectTask} from '../../src/core/views.js';
import {parseDialerEvent} from '../../src/protocol/index.js';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {demoCampaign} from '../../demo/demo-campaign.js';
import {advance} from './harness.js';

describe('simulatedCampaign: defaults', () => {
  it('is a preview campaign of the four sample contacts, the agent not ready', () => {
    const script = simulatedCampaign();
    assert.deepEqual(script.campaign, {
      id: 'sample-preview',
      name: 'Sample campaign',
      mode: 'preview',
      timeoutMs: 30_000,
      timeoutAction: 'skip',
      allowSkip: true,
      allowRemove: true,
      allowEndCall: true,
      cpa: true,
    });
    assert.deepEqual(
      script.contacts.map((c) => c.name),
      ['Maria Oliveira', 'John Carter', 'Ana Souza', 'Peter Schmidt'],
    );
    assert.equal(script.outcome, 'answer');
    assert.equal(script.ringMs, 3000);
    assert.equal(script.talkMs, 8000);
    assert.equal(script.concurrentCallLimit, undefined);
    assert.equal(script.agentAvailable, false);
  });

  it('gives what the protocol accepts: each contact offered in this campaign parses', () => {
    const {campaign, contacts} = simulatedCampaign({mode: 'standard'});
    for (const contact of contacts) {
      const result = parseDialerEvent({
        type: 'contact-offered',
        offerId: `o-${contact.id}`,
        campaign,
        contact,
        offeredAt: 0,
        deadline: campaign.timeoutMs,
      });
      assert.equal(result.ok, true, result.ok ? '' : result.error);
    }
  });

  it('is exported from the package entries, with the sample contacts frozen', () => {
    assert.equal(headless.simulatedCampaign, simulatedCampaign);
    assert.equal(headless.SAMPLE_CONTACTS, SAMPLE_CONTACTS);
    assert.ok(Object.isFrozen(SAMPLE_CONTACTS) && Object.isFrozen(SAMPLE_CONTACTS[0].phoneNumbers[0]));
    assert.throws(() => {
      (SAMPLE_CONTACTS[0] as {name: string}).name = 'changed';
    }, TypeError);
  });

  it('gives a new script each time: changing one changes no other', () => {
    const one = simulatedCampaign();
    (one.contacts as unknown[]).pop();
    assert.equal(simulatedCampaign().contacts.length, 4);
    assert.notEqual(simulatedCampaign().campaign, simulatedCampaign().campaign);
  });
});

describe('simulatedCampaign: options', () => {
  it('sets every field it names', () => {
    const contacts = [{id: 'x', name: 'Xena', phoneNumbers: [{number: '+1 555 0100'}], details: [], outcome: 'busy' as const}];
    const wrapUp = {codes: [{code: 'ok', label: 'Done'}], allowNote: false, timeoutMs: 0};
    const script = simulatedCampaign({
      mode: 'direct',
      id: 'spring',
      name: 'Spring renewals',
      timeoutMs: 0,
      timeoutAction: 'accept',
      allowSkip: false,
      allowRemove: false,
      allowEndCall: false,
      cpa: false,
      contacts,
      outcome: 'machine',
      ringMs: 100,
      talkMs: 0,
      concurrentCallLimit: 0,
      agentAvailable: true,
      wrapUp,
      allowDoNotCall: true,
      forceNumber: true,
    });
    assert.deepEqual(script, {
      campaign: {
        id: 'spring',
        name: 'Spring renewals',
        mode: 'direct',
        timeoutMs: 0,
        timeoutAction: 'accept',
        allowSkip: false,
        allowRemove: false,
        allowEndCall: false,
        cpa: false,
        forceNumber: true,
        allowDoNotCall: true,
        wrapUp,
      },
      contacts,
      outcome: 'machine',
      ringMs: 100,
      talkMs: 0,
      concurrentCallLimit: 0,
      agentAvailable: true,
    });
  });

  it('names its id after the mode unless given one', () => {
    assert.equal(simulatedCampaign({mode: 'direct'}).campaign.id, 'sample-direct');
  });

  it('takes an empty contact list (a campaign with nobody left to call)', () => {
    assert.deepEqual(simulatedCampaign({contacts: []}).contacts, []);
  });
});

describe('simulatedCampaign: bad options throw at once, naming the option', () => {
  const cases: [string, unknown, typeof TypeError | typeof RangeError, RegExp][] = [
    ['options that are not an object', 'preview', TypeError, /options must be an object/],
    ['null options', null, TypeError, /options must be an object/],
    ['an unknown option (a typo)', {timeoutSeconds: 10}, TypeError, /unknown option "timeoutSeconds"/],
    [
      'a mode that does not exist',
      {mode: 'progressive'},
      RangeError,
      /mode must be one of preview, standard, direct \(got "progressive"\)/,
    ],
    ['a mode that is not a string', {mode: 1}, TypeError, /mode must be a string/],
    ['a timeout action that does not exist', {timeoutAction: 'hang-up'}, RangeError, /timeoutAction must be one of skip, accept, remove/],
    ['an outcome that does not exist', {outcome: 'voicemail'}, RangeError, /outcome must be one of answer, no-answer/],
    ['a negative timeout', {timeoutMs: -1}, RangeError, /timeoutMs must be a whole number of milliseconds from 0 to 86400000 \(got -1\)/],
    ['a timeout beyond 24 hours', {timeoutMs: 86_400_001}, RangeError, /timeoutMs/],
    ['a fraction of a millisecond', {ringMs: 0.5}, RangeError, /ringMs/],
    ['NaN', {talkMs: Number.NaN}, RangeError, /talkMs .*got NaN/],
    ['seconds as text', {ringMs: '3'}, TypeError, /ringMs must be a number of milliseconds \(got "3"\)/],
    ['a flag as text', {allowSkip: 'false'}, TypeError, /allowSkip must be true or false \(got "false"\)/],
    ['a flag as a number', {agentAvailable: 1}, TypeError, /agentAvailable must be true or false/],
    ['a negative call limit', {concurrentCallLimit: -1}, RangeError, /concurrentCallLimit must be a whole number, 0 or more/],
    ['a call limit as text', {concurrentCallLimit: '2'}, TypeError, /concurrentCallLimit must be a number/],
    ['an empty id', {id: ''}, RangeError, /id must have 1 to 200 characters/],
    ['a name that is not text', {name: 42}, TypeError, /name must be a string/],
    ['contacts that are not a list', {contacts: {id: 'a'}}, TypeError, /contacts must be an array/],
    [
      'a contact with no phone number',
      {contacts: [{id: 'a', name: 'A', phoneNumbers: [], details: []}]},
      TypeError,
      /contacts\[0\]: phoneNumbers/,
    ],
    ['a contact with no id', {contacts: [{name: 'A', phoneNumbers: [{number: '1'}], details: []}]}, TypeError, /contacts\[0\]: id/],
    [
      "a contact's outcome that does not exist",
      {contacts: [{id: 'a', name: 'A', phoneNumbers: [{number: '1'}], details: [], outcome: 'maybe'}]},
      RangeError,
      /contacts\[0\]\.outcome must be one of/,
    ],
    [
      'two contacts with one id',
      {
        contacts: [
          {id: 'a', name: 'A', phoneNumbers: [{number: '1'}], details: []},
          {id: 'a', name: 'B', phoneNumbers: [{number: '2'}], details: []},
        ],
      },
      RangeError,
      /contacts\[1\]: the id "a" is used twice/,
    ],
    [
      'a calling window the protocol refuses',
      {callingWindow: {start: '8am', end: '21:00', enforce: true}},
      TypeError,
      /features: callingWindow\.start/,
    ],
    ['a wrap-up with no codes', {wrapUp: {codes: [], allowNote: false, timeoutMs: 0}}, TypeError, /features: wrapUp\.codes/],
  ];
  for (const [what, options, kind, message] of cases) {
    it(what, () => {
      assert.throws(
        () => simulatedCampaign(options as SimulatedCampaignOptions),
        (error: unknown) => {
          assert.ok(error instanceof kind, `a ${kind.name}, not ${String(error)}`);
          assert.match(error.message, /^simulatedCampaign: /);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});

describe('simulatedCampaign: a whole campaign through the store, with no dialer (virtual time)', () => {
  it('the agent goes Available, asks for a contact, accepts, and the call rings, connects and ends', () => {
    const scheduler = new VirtualTimeScheduler();
    const store = createCampaignStore(new SimulatedDialer(simulatedCampaign({mode: 'preview', ringMs: 1000, talkMs: 2000}), {scheduler}), {
      scheduler,
    });
    advance(scheduler, 0);
    assert.equal(store.accepts({type: 'request-contact'}), false, 'not before the agent is Available');

    store.dispatch({type: 'set-agent-state', state: 'available'});
    advance(scheduler, 1000);
    assert.equal(store.snapshot().agent.state, 'available');
    assert.equal(store.accepts({type: 'request-contact'}), true);

    store.dispatch({type: 'request-contact'});
    advance(scheduler, 1000);
    const offer = selectPreview(store.snapshot(), store.now()).offer;
    assert.equal(offer?.contact.name, 'Maria Oliveira');

    store.dispatch({type: 'accept', offerId: offer!.offerId});
    advance(scheduler, 700);
    assert.equal(selectTask(store.snapshot(), store.now())?.status, 'ringing');
    advance(scheduler, 1000);
    assert.equal(selectTask(store.snapshot(), store.now())?.status, 'connected');
    advance(scheduler, 2000);
    assert.equal(selectTask(store.snapshot(), store.now())?.status, 'ended');
    store.dispose();
  });
});

describe('demoCampaign: the query-string parser over simulatedCampaign', () => {
  it('gives what simulatedCampaign gives for the same values, in seconds', () => {
    const {script, ignored} = demoCampaign(
      new URLSearchParams('beyond=false&mode=preview&timeout=10&timeoutAction=remove&ringSeconds=1&talkSeconds=2&limit=1&outcome=busy'),
    );
    assert.deepEqual(ignored, []);
    assert.deepEqual(
      script,
      simulatedCampaign({
        mode: 'preview',
        id: 'demo-preview',
        name: 'Renewals (preview)',
        timeoutMs: 10_000,
        timeoutAction: 'remove',
        ringMs: 1000,
        talkMs: 2000,
        concurrentCallLimit: 1,
        outcome: 'busy',
      }),
    );
  });

  it('keeps its own defaults (standard mode, the options beyond the source text) and reports malformed values', () => {
    const {script, ignored} = demoCampaign(new URLSearchParams('mode=turbo&timeout=soon&ringSeconds=-1&allowSkip=no'));
    assert.deepEqual(ignored, ['mode', 'timeout', 'allowSkip', 'ringSeconds']);
    assert.equal(script.campaign.mode, 'standard');
    assert.equal(script.campaign.timeoutMs, 30_000);
    assert.equal(script.campaign.allowSkip, true);
    assert.equal(script.ringMs, 3000);
    assert.ok(script.campaign.wrapUp && script.campaign.callingWindow && script.campaign.skipReasons);
  });
});
