import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {Observable, Subject, VirtualTimeScheduler} from 'rxjs';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {DialerError, type DialerAdapter} from '../../src/adapters/dialer-adapter.js';
import {selectPreview, selectTask} from '../../src/core/views.js';
import type {PreviewView} from '../../src/core/views.js';
import type {DialerCommand} from '../../src/protocol/index.js';
import {ALL_ACTIONS, campaign, capabilities, offered} from './fixtures.js';
import {simulatedCampaign} from './harness.js';

function fakeAdapter(options: {enforcesTimeout?: boolean; send?: (c: DialerCommand) => Observable<void>} = {}) {
  const events = new Subject<unknown>();
  const sent: DialerCommand[] = [];
  const adapter: DialerAdapter = {
    events$: events,
    capabilities: capabilities({enforcesTimeout: options.enforcesTimeout ?? false}),
    send: (command) => {
      sent.push(command);
      return options.send?.(command) ?? new Observable<void>((s) => s.complete());
    },
  };
  return {events, sent, adapter};
}

describe('campaign store', () => {
  it('replays the current state to late subscribers', () => {
    const {events, adapter} = fakeAdapter();
    const store = createCampaignStore(adapter, {scheduler: new VirtualTimeScheduler()});
    events.next({type: 'agent-state', state: 'available'});
    let seen: PreviewView | undefined;
    store.preview$.subscribe((view) => (seen = view));
    assert.equal(seen?.agentState, 'available');
    store.dispose();
  });

  it('turns an invalid event into a notice and keeps the stream going', () => {
    const {events, adapter} = fakeAdapter();
    const store = createCampaignStore(adapter, {scheduler: new VirtualTimeScheduler()});
    events.next({type: 'contact-offered', offerId: 42});
    events.next('<img src=x onerror=alert(1)>');
    events.next({type: 'agent-state', state: 'available'});
    const view = selectPreview(store.snapshot(), store.now());
    assert.equal(view.notices.length, 2);
    assert.equal(view.notices[0].kind, 'invalid-event');
    assert.match(view.notices[0].message, /offerId/);
    assert.equal(view.agentState, 'available');
  });

  it('survives an event with throwing getters', () => {
    const {events, adapter} = fakeAdapter();
    const store = createCampaignStore(adapter, {scheduler: new VirtualTimeScheduler()});
    const hostile = {
      get type(): string {
        throw new Error('boom');
      },
    };
    assert.doesNotThrow(() => events.next(hostile));
    assert.equal(selectPreview(store.snapshot(), store.now()).notices[0].kind, 'invalid-event');
  });

  it('reports a command the adapter refused, and the agent may decide again', () => {
    const {events, adapter, sent} = fakeAdapter({
      send: (c) => new Observable((s) => (c.type === 'skip' ? s.error(new DialerError('E_BUSY', 'Busy')) : s.complete())),
    });
    const store = createCampaignStore(adapter, {scheduler: new VirtualTimeScheduler()});
    events.next({type: 'agent-state', state: 'available'});
    events.next(offered('o1'));
    store.dispatch({type: 'skip', offerId: 'o1'});
    const view = selectPreview(store.snapshot(), store.now());
    assert.equal(sent.length, 1);
    assert.equal(view.stage, 'offer');
    assert.equal(view.notices[0].code, 'E_BUSY');
  });

  // Found by `npm run fuzz` (seed -728344823): the dialer's action-failed event for an
  // accept can arrive before the accept command's own answer.
  it('an accept the dialer reports as failed by event may be retried before the first command is answered', () => {
    const scheduler = new VirtualTimeScheduler();
    const {events, adapter, sent} = fakeAdapter({
      send: () => new Observable<void>((s) => void scheduler.schedule(() => s.complete(), 1_000)),
    });
    const store = createCampaignStore(adapter, {scheduler});
    events.next({type: 'agent-state', state: 'available'});
    events.next(offered('o1', {timeoutMs: 0}));
    store.dispatch({type: 'accept', offerId: 'o1'});
    store.dispatch({type: 'accept', offerId: 'o1'});
    assert.equal(sent.length, 1, 'one decision while it is live');
    events.next({type: 'action-failed', action: 'accept', offerId: 'o1', code: 'E', message: 'refused'});
    assert.equal(selectPreview(store.snapshot(), store.now()).actions.accept, true, 'the refusal gives the decision back');
    store.dispatch({type: 'accept', offerId: 'o1'});
    assert.equal(sent.length, 2);
    scheduler.flush();
    assert.equal(selectPreview(store.snapshot(), store.now()).stage, 'connecting', 'the retried accept stands');
  });

  it('R-C1 sends the timeout action at the deadline on the injected clock, once', () => {
    const scheduler = new VirtualTimeScheduler();
    const {events, adapter, sent} = fakeAdapter();
    createCampaignStore(adapter, {scheduler});
    events.next({type: 'agent-state', state: 'available'});
    events.next(offered('o1', {timeoutMs: 5_000, timeoutAction: 'accept'}, 0));
    scheduler.maxFrames = 4_999;
    scheduler.flush();
    assert.equal(sent.length, 0);
    scheduler.maxFrames = Infinity;
    scheduler.flush();
    assert.deepEqual(
      sent.map((c) => [c.type, 'source' in c && c.source]),
      [['accept', 'timeout']],
    );
  });

  it('R-C1 plans its timeout action on timeouts$ first; a host that takes over gets nothing sent', () => {
    for (const allow of [true, false]) {
      const scheduler = new VirtualTimeScheduler();
      const {events, adapter, sent} = fakeAdapter();
      const store = createCampaignStore(adapter, {scheduler});
      const asked: unknown[] = [];
      store.timeouts$.subscribe((planned) => {
        asked.push(planned.intent);
        if (!allow) planned.takeOver();
      });
      events.next(offered('o1', {timeoutMs: 5_000, timeoutAction: 'remove'}, 0));
      scheduler.flush();
      assert.deepEqual(asked, [{type: 'remove', offerId: 'o1'}]);
      assert.equal(sent.length, allow ? 1 : 0);
    }
  });

  it('R-C1 sends nothing at the deadline when the dialer enforces timeouts', () => {
    const scheduler = new VirtualTimeScheduler();
    const {events, adapter, sent} = fakeAdapter({enforcesTimeout: true});
    const store = createCampaignStore(adapter, {scheduler});
    events.next({type: 'agent-state', state: 'available'});
    events.next(offered('o1', {timeoutMs: 5_000}, 0));
    scheduler.flush();
    assert.equal(sent.length, 0);
    assert.equal(selectPreview(store.snapshot(), store.now()).stage, 'waiting');
  });

  it('keeps the deadline when the adapter refuses synchronously', () => {
    const scheduler = new VirtualTimeScheduler();
    const {events, adapter, sent} = fakeAdapter({
      send: (c) => new Observable((s) => (c.type === 'accept' ? s.error(new DialerError('E', 'no')) : s.complete())),
    });
    const store = createCampaignStore(adapter, {scheduler});
    events.next(offered('o1', {timeoutMs: 5_000, timeoutAction: 'skip'}, 0));
    store.dispatch({type: 'accept', offerId: 'o1'});
    scheduler.flush();
    assert.deepEqual(
      sent.map((c) => c.type),
      ['accept', 'skip'],
      'the refused accept, then the timeout skip',
    );
  });

  it('applies inputs in order when the adapter answers inside send', () => {
    const scheduler = new VirtualTimeScheduler();
    const events = new Subject<unknown>();
    const adapter: DialerAdapter = {
      events$: events,
      capabilities: capabilities(),
      send: (command) => {
        if (command.type === 'skip' && command.offerId === 'o1') {
          events.next({type: 'offer-withdrawn', offerId: command.offerId, reason: 'skipped'});
          events.next(offered('o2', {timeoutMs: 5_000}, 0));
        }
        return new Observable<void>((s) => s.complete());
      },
    };
    const store = createCampaignStore(adapter, {scheduler});
    const steps: string[] = [];
    store.preview$.subscribe((view) => steps.push(view.offer?.offerId ?? view.stage));
    events.next(offered('o1', {timeoutMs: 0}, 0));
    store.dispatch({type: 'skip', offerId: 'o1'});
    assert.equal(steps.at(-1), 'o2');
    const sent: string[] = [];
    store.commands$.subscribe((c) => sent.push(c.type));
    scheduler.flush();
    assert.deepEqual(sent, ['skip'], "the new offer's deadline is armed");
    assert.equal(store.snapshot().offer?.decision?.source, 'timeout');
  });

  it('a failed event stream disconnects: no more commands, not even at the deadline', () => {
    const scheduler = new VirtualTimeScheduler();
    const {events, adapter, sent} = fakeAdapter();
    const store = createCampaignStore(adapter, {scheduler});
    events.next(offered('o1', {timeoutMs: 5_000}, 0));
    events.error(new Error('socket closed'));
    store.dispatch({type: 'accept', offerId: 'o1'});
    scheduler.flush();
    assert.deepEqual(sent, []);
    assert.equal(store.snapshot().connected, false);
    assert.match(selectPreview(store.snapshot(), store.now()).notices.at(-1)!.message, /socket closed/);
  });

  it('dispose stops listening and cancels the deadline', () => {
    const scheduler = new VirtualTimeScheduler();
    const {events, adapter, sent} = fakeAdapter();
    const store = createCampaignStore(adapter, {scheduler});
    events.next(offered('o1', {timeoutMs: 5_000}, 0));
    store.dispose();
    scheduler.flush();
    assert.equal(sent.length, 0);
    assert.equal(events.observed, false);
  });
});

describe('simulated dialer through the store (virtual time)', () => {
  it('R-M2 R-A2 runs standard preview: available, reservation, contact, accept, ringing, connected, ended', () => {
    const sim = simulatedCampaign();
    sim.store.dispatch({type: 'set-agent-state', state: 'available'});
    sim.advance(200);
    assert.equal(selectPreview(sim.state(), sim.store.now()).stage, 'reservation');
    const reservation = sim.state().reservation!;
    sim.store.dispatch({type: 'answer-reservation', reservationId: reservation.reservationId});
    sim.advance(200);
    const offer = selectPreview(sim.state(), sim.store.now()).offer!;
    assert.equal(offer.contact.name, 'Ana');
    sim.store.dispatch({type: 'accept', offerId: offer.offerId});
    assert.equal(selectTask(sim.state(), sim.store.now())?.status, 'dialing');
    sim.advance(300);
    assert.equal(selectTask(sim.state(), sim.store.now())?.status, 'ringing');
    sim.advance(1_000);
    assert.equal(selectTask(sim.state(), sim.store.now())?.status, 'connected');
    sim.advance(2_000);
    assert.equal(selectTask(sim.state(), sim.store.now())?.status, 'ended');
    sim.advance(300);
    assert.equal(selectPreview(sim.state(), sim.store.now()).stage, 'reservation', 'the next reservation follows');
    assert.deepEqual(
      sim.commands.map((c) => c.type),
      ['set-agent-state', 'answer-reservation', 'accept'],
    );
  });

  it('R-A2 a reservation call left ringing is missed: withdrawn, the agent not ready, the dialog saying so; answered in time it is not', () => {
    const sim = simulatedCampaign({reservationRingMs: 5_000});
    sim.store.dispatch({type: 'set-agent-state', state: 'available'});
    sim.advance(200);
    assert.equal(selectPreview(sim.state(), sim.store.now()).stage, 'reservation');
    sim.advance(5_000);
    const view = selectPreview(sim.state(), sim.store.now());
    assert.equal(view.stage, 'closed');
    assert.equal(view.agentState, 'not-ready');
    assert.equal(sim.state().agent.reason, 'Missed reservation');
    assert.deepEqual(
      view.notices.map((n) => n.code),
      ['reservation-missed'],
    );
    assert.equal(selectTask(sim.state(), sim.store.now()), null);

    sim.store.dispatch({type: 'set-agent-state', state: 'available'});
    sim.advance(200);
    sim.store.dispatch({type: 'answer-reservation', reservationId: sim.state().reservation!.reservationId});
    sim.advance(6_000);
    assert.equal(selectPreview(sim.state(), sim.store.now()).stage, 'offer', 'an answered reservation is not missed');
    assert.equal(sim.state().agent.state, 'available');
  });

  it('R-M1 preview mode: the agent asks, skips, then accepts the next contact', () => {
    const sim = simulatedCampaign({campaign: campaign({mode: 'preview'}), agentAvailable: true});
    sim.advance(10);
    assert.equal(selectPreview(sim.state(), sim.store.now()).campaignButton.enabled, true);
    sim.store.dispatch({type: 'request-contact'});
    sim.advance(200);
    const first = selectPreview(sim.state(), sim.store.now()).offer!;
    sim.store.dispatch({type: 'skip', offerId: first.offerId});
    sim.advance(200);
    assert.equal(selectPreview(sim.state(), sim.store.now()).stage, 'closed', 'in preview mode the agent asks again');
    sim.store.dispatch({type: 'request-contact'});
    sim.advance(200);
    const second = selectPreview(sim.state(), sim.store.now()).offer!;
    assert.notEqual(second.offerId, first.offerId);
    assert.equal(second.contact.name, 'Bruno');
  });

  it('R-C1 a simulated dialer that enforces timeouts skips by itself and the kit sends nothing', () => {
    const sim = simulatedCampaign({agentAvailable: true, enforcesTimeout: true});
    sim.advance(200);
    sim.store.dispatch({type: 'answer-reservation', reservationId: sim.state().reservation!.reservationId});
    sim.advance(200);
    const first = sim.state().offer!;
    sim.advance(30_000);
    sim.advance(200);
    assert.notEqual(sim.state().offer?.offerId, first.offerId);
    assert.equal(sim.commands.filter((c) => c.type === 'skip').length, 0);
  });

  it('R-U5 R-U6 outcomes: a busy contact fails, an answering machine asks for a voicemail', () => {
    const sim = simulatedCampaign({
      agentAvailable: true,
      contacts: [
        {id: 'x', name: 'Busy Bee', phoneNumbers: [{number: '1'}], details: [], outcome: 'busy'},
        {id: 'y', name: 'Machine Man', phoneNumbers: [{number: '2'}], details: [], outcome: 'machine'},
      ],
    });
    sim.advance(200);
    sim.store.dispatch({type: 'answer-reservation', reservationId: sim.state().reservation!.reservationId});
    sim.advance(200);
    sim.store.dispatch({type: 'accept', offerId: sim.state().offer!.offerId});
    sim.advance(1_300);
    assert.equal(selectTask(sim.state(), sim.store.now())?.status, 'failed');
    assert.equal(selectPreview(sim.state(), sim.store.now()).lastFailure?.reason, 'busy');
    sim.advance(300);
    sim.store.dispatch({type: 'answer-reservation', reservationId: sim.state().reservation!.reservationId});
    sim.advance(200);
    assert.equal(selectPreview(sim.state(), sim.store.now()).offer?.contact.name, 'Machine Man');
    sim.store.dispatch({type: 'accept', offerId: sim.state().offer!.offerId});
    sim.advance(1_300);
    const task = selectTask(sim.state(), sim.store.now())!;
    assert.equal(task.voicemailPrompt, true);
    sim.store.dispatch({type: 'voicemail-left', callId: task.callId!});
    assert.equal(selectTask(sim.state(), sim.store.now())?.status, 'ended');
  });

  it('R-L1 a concurrent-call limit of 0 shows the reason code at once', () => {
    const sim = simulatedCampaign({agentAvailable: true, concurrentCallLimit: 0});
    sim.advance(200);
    const view = selectPreview(sim.state(), sim.store.now());
    assert.equal(view.limit?.code, 'MAX_CONCURRENT_CALLS');
    assert.equal(view.stage, 'closed');
  });

  it('R-U4 cancelling a ringing call ends it', () => {
    const sim = simulatedCampaign({agentAvailable: true, ringMs: 5_000});
    sim.advance(200);
    sim.store.dispatch({type: 'answer-reservation', reservationId: sim.state().reservation!.reservationId});
    sim.advance(200);
    sim.store.dispatch({type: 'accept', offerId: sim.state().offer!.offerId});
    sim.advance(300);
    const task = selectTask(sim.state(), sim.store.now())!;
    assert.equal(task.canCancel, true);
    sim.store.dispatch({type: 'cancel-call', callId: task.callId!});
    assert.equal(selectTask(sim.state(), sim.store.now())?.status, 'ended');
  });

  it('R-A1 R-A2 an agent who goes Not ready and back is reserved again', () => {
    const sim = simulatedCampaign({agentAvailable: true});
    sim.advance(200);
    assert.equal(selectPreview(sim.state(), sim.store.now()).stage, 'reservation');
    sim.store.dispatch({type: 'set-agent-state', state: 'not-ready'});
    sim.advance(200);
    assert.equal(selectPreview(sim.state(), sim.store.now()).stage, 'closed');
    sim.store.dispatch({type: 'set-agent-state', state: 'available'});
    sim.advance(200);
    assert.equal(selectPreview(sim.state(), sim.store.now()).stage, 'reservation');
  });

  it('R-M3 an answering machine without CPA is a connected call that ends', () => {
    const sim = simulatedCampaign({agentAvailable: true, outcome: 'machine', campaign: campaign({mode: 'direct', cpa: false})});
    sim.advance(200);
    sim.store.dispatch({type: 'answer-reservation', reservationId: sim.state().reservation!.reservationId});
    sim.advance(200);
    sim.store.dispatch({type: 'accept', offerId: sim.state().offer!.offerId});
    sim.advance(1_300);
    assert.equal(selectTask(sim.state(), sim.store.now())?.status, 'connected');
    sim.advance(2_000);
    assert.equal(selectTask(sim.state(), sim.store.now())?.status, 'ended');
  });

  it('a contact request while a call is going on is refused, not dropped', () => {
    const sim = simulatedCampaign({agentAvailable: true, campaign: campaign({mode: 'preview'})});
    sim.advance(10);
    sim.store.dispatch({type: 'request-contact'});
    sim.advance(200);
    assert.ok(sim.state().offer);
    let refused: unknown;
    sim.dialer.send({type: 'request-contact', v: 1}).subscribe({error: (e) => (refused = e)});
    assert.match(String(refused), /is in progress/);
  });

  it('leaving the campaign withdraws the offer and sets the agent Not ready', () => {
    const sim = simulatedCampaign({agentAvailable: true});
    sim.advance(200);
    sim.store.dispatch({type: 'answer-reservation', reservationId: sim.state().reservation!.reservationId});
    sim.advance(200);
    sim.store.dispatch({type: 'leave', offerId: sim.state().offer!.offerId});
    const state = sim.state();
    assert.equal(state.offer, null);
    assert.equal(state.agent.state, 'not-ready');
    assert.equal(ALL_ACTIONS.includes('leave-campaign'), true);
  });
});

describe('simulated dialer: options beyond the source', () => {
  it('takes a skip reason and records do-not-call; refuses a required reason left out', () => {
    const reasons = {required: true, reasons: [{code: 'bad-time', label: 'Bad time'}]};
    const sim = simulatedCampaign({agentAvailable: true, campaign: campaign({skipReasons: reasons, allowDoNotCall: true})});
    sim.advance(200);
    sim.store.dispatch({type: 'answer-reservation', reservationId: sim.state().reservation!.reservationId});
    sim.advance(200);
    const first = sim.state().offer!.offerId;
    let refused: unknown;
    sim.dialer.send({type: 'skip', v: 1, offerId: first, source: 'agent'}).subscribe({error: (e) => (refused = e)});
    assert.match(String(refused), /skip reasons/);
    sim.store.dispatch({type: 'skip', offerId: first, reason: 'bad-time'});
    sim.advance(200);
    const second = sim.state().offer!;
    sim.store.dispatch({type: 'remove', offerId: second.offerId, doNotCall: true});
    assert.deepEqual([...sim.dialer.doNotCall], [second.contact.id]);
  });
});

describe('simulated dialer: wrap-up', () => {
  it('waits for the disposition before the next reservation, or for the wrap-up timeout', () => {
    const wrapUp = {codes: [{code: 'sale', label: 'Renewed'}], allowNote: false, timeoutMs: 10_000};
    for (const give of [true, false]) {
      const sim = simulatedCampaign({agentAvailable: true, campaign: campaign({wrapUp})});
      sim.advance(200);
      sim.store.dispatch({type: 'answer-reservation', reservationId: sim.state().reservation!.reservationId});
      sim.advance(200);
      sim.store.dispatch({type: 'accept', offerId: sim.state().offer!.offerId});
      sim.advance(1_300 + 2_000);
      const task = selectTask(sim.state(), sim.store.now())!;
      assert.equal(task.status, 'ended');
      assert.ok(task.wrapUp);
      sim.advance(5_000);
      assert.equal(sim.state().reservation, null, 'no reservation during wrap-up');
      if (give) sim.store.dispatch({type: 'set-disposition', callId: task.callId!, code: 'sale'});
      sim.advance(give ? 300 : 5_300);
      assert.ok(sim.state().reservation, give ? 'the next reservation after the disposition' : 'after the timeout');
      assert.deepEqual([...sim.dialer.dispositions.values()], give ? ['sale'] : []);
    }
  });
});

describe('simulated dialer: callbacks', () => {
  it('records callbacks from the preview and after the call; refuses one in the past', () => {
    const sim = simulatedCampaign({agentAvailable: true, campaign: campaign({callbacks: {allowOtherNumber: true, allowBackToMe: true}})});
    sim.advance(200);
    sim.store.dispatch({type: 'answer-reservation', reservationId: sim.state().reservation!.reservationId});
    sim.advance(200);
    const offer = sim.state().offer!;
    let refused: unknown;
    sim.dialer
      .send({type: 'schedule-callback', v: 1, offerId: offer.offerId, at: 0, phoneNumber: '1', backToMe: false})
      .subscribe({error: (e) => (refused = e)});
    assert.match(String(refused), /future/);
    const at = sim.scheduler.now() + 86_400_000;
    sim.store.dispatch({
      type: 'schedule-callback',
      offerId: offer.offerId,
      at,
      phoneNumber: offer.contact.phoneNumbers[0].number,
      backToMe: true,
    });
    assert.deepEqual(sim.dialer.callbacks, [
      {contactId: offer.contact.id, at, phoneNumber: offer.contact.phoneNumbers[0].number, backToMe: true},
    ]);
  });
});
