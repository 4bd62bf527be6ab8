import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {PROTOCOL_VERSION} from '../../src/protocol/index.js';
import {selectPreview, selectTask} from '../../src/core/views.js';
import {ALL_ACTIONS, Machine, capabilities, campaign, offered} from './fixtures.js';

const v = PROTOCOL_VERSION;

function available(m: Machine) {
  m.event({type: 'agent-state', state: 'available'});
}

function onCall(m: Machine, overrides = {}) {
  available(m);
  m.event(offered('o1', overrides));
  m.intent({type: 'accept', offerId: 'o1'});
  m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'dialing'});
}

describe('campaign state machine', () => {
  it('R-M1 preview: the Campaign button asks for a contact, which is then accepted or skipped', () => {
    const m = new Machine();
    available(m);
    assert.equal(selectPreview(m.state, m.now).campaignButton.enabled, true);
    assert.deepEqual(m.intent({type: 'request-contact'}), [{type: 'request-contact', v}]);
    assert.equal(selectPreview(m.state, m.now).stage, 'waiting');
    assert.deepEqual(m.intent({type: 'request-contact'}), [], 'a second click while waiting sends nothing');
    m.event(offered('o1', {mode: 'preview'}));
    const view = selectPreview(m.state, m.now);
    assert.equal(view.stage, 'offer');
    assert.equal(view.actions.accept, true);
    assert.equal(view.actions.skip, true);
    assert.deepEqual(m.intent({type: 'skip', offerId: 'o1'}), [{type: 'skip', v, offerId: 'o1', source: 'agent'}]);
  });

  it('R-A1 the agent must be Available to ask for a contact', () => {
    const m = new Machine();
    assert.equal(selectPreview(m.state, m.now).campaignButton.enabled, false);
    assert.deepEqual(m.intent({type: 'request-contact'}), []);
    m.event({type: 'agent-state', state: 'not-ready', reason: 'Break'});
    assert.deepEqual(m.intent({type: 'request-contact'}), []);
    available(m);
    assert.equal(m.intent({type: 'request-contact'}).length, 1);
  });

  it('R-M2 standard preview: reservation call, then the contact after it is answered', () => {
    const m = new Machine();
    available(m);
    m.event({type: 'reservation-offered', reservationId: 'r1', campaign: campaign(), at: 500});
    assert.equal(selectPreview(m.state, m.now).stage, 'reservation');
    assert.equal(selectTask(m.state, m.now)?.status, 'reserved');
    assert.deepEqual(m.intent({type: 'answer-reservation', reservationId: 'r1'}), [{type: 'answer-reservation', v, reservationId: 'r1'}]);
    assert.deepEqual(m.intent({type: 'answer-reservation', reservationId: 'r1'}), [], 'answered once');
    m.event({type: 'reservation-answered', reservationId: 'r1'});
    assert.equal(selectPreview(m.state, m.now).stage, 'waiting');
    m.event({type: 'reservation-offered', reservationId: 'r1', campaign: campaign(), at: 500});
    assert.equal(selectPreview(m.state, m.now).stage, 'waiting', 'a repeated reservation keeps its answer');
    m.event(offered('o1'));
    const view = selectPreview(m.state, m.now);
    assert.equal(view.stage, 'offer');
    assert.deepEqual(view.actions, {accept: true, skip: true, remove: true, leave: true});
    assert.equal(selectTask(m.state, m.now)?.startedAt, 500, 'the timer counts from the reservation call');
  });

  it('R-A2 a reservation call the agent did not answer stops ringing and leaves, saying so (protocol 1.1)', () => {
    const m = new Machine();
    available(m);
    m.event({type: 'reservation-offered', reservationId: 'r1', campaign: campaign(), at: 500});
    m.event({type: 'reservation-withdrawn', reservationId: 'r0', reason: 'missed'});
    assert.equal(selectPreview(m.state, m.now).stage, 'reservation', "another reservation's is ignored");
    m.event({type: 'reservation-withdrawn', reservationId: 'r1', reason: 'missed'});
    const view = selectPreview(m.state, m.now);
    assert.equal(view.stage, 'closed');
    assert.equal(selectTask(m.state, m.now), null, 'no reserved task card');
    assert.deepEqual(
      view.notices.map((n) => [n.code, n.action]),
      [['reservation-missed', 'answer-reservation']],
    );
    assert.deepEqual(m.intent({type: 'answer-reservation', reservationId: 'r1'}), [], 'nothing left to answer');

    m.event({type: 'reservation-offered', reservationId: 'r2', campaign: campaign(), at: 900});
    m.event({type: 'reservation-withdrawn', reservationId: 'r2', reason: 'withdrawn'});
    assert.equal(selectPreview(m.state, m.now).notices.length, 1, 'a reservation the dialer took back leaves no new notice');
    assert.equal(m.state.reservation, null);
  });

  it('R-M2 accept dials the chosen number; remove and leave send their commands', () => {
    const m = new Machine();
    available(m);
    m.event(offered('o1'));
    assert.deepEqual(m.intent({type: 'accept', offerId: 'o1', phoneNumber: '+55 11 3333-4444'}), [
      {type: 'accept', v, offerId: 'o1', phoneNumber: '+55 11 3333-4444', source: 'agent'},
    ]);
    const other = new Machine();
    available(other);
    other.event(offered('o2'));
    assert.deepEqual(other.intent({type: 'accept', offerId: 'o2', phoneNumber: '+1 000'}), [], "not one of the contact's numbers");
    assert.deepEqual(other.intent({type: 'remove', offerId: 'o2'}), [{type: 'remove', v, offerId: 'o2', source: 'agent'}]);
    const third = new Machine();
    available(third);
    third.event(offered('o3'));
    assert.deepEqual(third.intent({type: 'leave', offerId: 'o3'}), [{type: 'leave-campaign', v, offerId: 'o3'}]);
    assert.equal(selectPreview(third.state, third.now).stage, 'closed');
  });

  it('R-M3 direct preview: accept goes to ringing then connected when answered', () => {
    const m = new Machine();
    onCall(m, {mode: 'direct', cpa: false});
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    assert.equal(selectTask(m.state, m.now)?.status, 'ringing');
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'connected'});
    assert.equal(selectTask(m.state, m.now)?.status, 'connected');
  });

  it('R-C1 at the deadline the kit sends the timeout action once, when the dialer does not enforce it', () => {
    const m = new Machine();
    available(m);
    m.event(offered('o1', {timeoutAction: 'remove', timeoutMs: 10_000}, 1_000));
    assert.deepEqual(m.tick(10_999), []);
    assert.deepEqual(m.tick(11_000), [{type: 'remove', v, offerId: 'o1', source: 'timeout'}]);
    assert.deepEqual(m.tick(12_000), []);
    assert.deepEqual(m.intent({type: 'accept', offerId: 'o1'}), [], 'no second decision');
  });

  it('R-C1 a host that takes over the timeout action gets no command from the kit', () => {
    const m = new Machine();
    available(m);
    m.event(offered('o1', {timeoutMs: 5_000}, 1_000));
    assert.deepEqual(m.input({kind: 'tick', hostTakesOver: true}, 6_000), []);
    assert.deepEqual(m.tick(7_000), [], 'and never later');
    assert.equal(selectPreview(m.state, m.now).stage, 'offer', 'the offer stays with the agent and the host');
    assert.equal(m.intent({type: 'accept', offerId: 'o1'}).length, 1);
  });

  it('R-C1 when the dialer refuses the timeout action, the agent can still decide', () => {
    const m = new Machine();
    available(m);
    m.event(offered('o1', {timeoutMs: 5_000}, 1_000));
    assert.equal(m.tick(6_000).length, 1);
    m.event({type: 'action-failed', action: 'skip', offerId: 'o1', code: 'E', message: 'no'});
    assert.deepEqual(m.tick(7_000), [], 'the kit does not retry on its own');
    const view = selectPreview(m.state, m.now);
    assert.equal(view.stage, 'offer');
    assert.equal(view.actions.skip, true);
    assert.equal(m.intent({type: 'skip', offerId: 'o1'}).length, 1);
  });

  it('R-C1 no timeout accept while the call limit is reached, and no action the dialer lacks', () => {
    const m = new Machine();
    available(m);
    m.event({type: 'limit-reached', scope: 'tenant', code: 'MAX', message: 'limit'});
    m.event(offered('o1', {timeoutMs: 5_000, timeoutAction: 'accept'}, 1_000));
    assert.deepEqual(m.tick(6_000), []);
    assert.equal(selectPreview(m.state, m.now).actions.skip, true, 'the agent can still move on');
    const lacking = new Machine(capabilities({actions: ALL_ACTIONS.filter((a) => a !== 'remove')}));
    available(lacking);
    lacking.event(offered('o1', {timeoutMs: 5_000, timeoutAction: 'remove'}, 1_000));
    assert.deepEqual(lacking.tick(6_000), []);
    assert.equal(selectPreview(lacking.state, lacking.now).stage, 'offer');
  });

  it('R-C1 a dialer that accepts at the timeout itself: its call shows on the card', () => {
    const m = new Machine(capabilities({enforcesTimeout: true}));
    available(m);
    m.event(offered('o1', {timeoutMs: 5_000, timeoutAction: 'accept', mode: 'preview'}, 1_000));
    m.tick(6_000);
    m.event({type: 'offer-withdrawn', offerId: 'o1', reason: 'expired', autoAction: 'accept'});
    assert.equal(selectTask(m.state, m.now)?.status, 'connecting');
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    assert.equal(selectTask(m.state, m.now)?.status, 'ringing');
    assert.equal(selectPreview(m.state, m.now).campaignButton.enabled, false);
  });

  it('a lost event stream disables every action and the timeout', () => {
    const m = new Machine();
    available(m);
    m.event(offered('o1', {timeoutMs: 5_000}, 1_000));
    m.input({kind: 'disconnected', code: 'disconnected', message: 'socket closed'});
    const view = selectPreview(m.state, m.now);
    assert.deepEqual(view.actions, {accept: false, skip: false, remove: false, leave: false});
    assert.equal(view.notices.at(-1)?.code, 'disconnected');
    assert.deepEqual(m.tick(6_000), []);
  });

  it('R-C1 a dialer that enforces the timeout gets no command from the kit', () => {
    const m = new Machine(capabilities({enforcesTimeout: true}));
    available(m);
    m.event(offered('o1', {timeoutAction: 'accept', timeoutMs: 5_000}, 1_000));
    assert.deepEqual(m.tick(6_000), []);
    assert.equal(selectPreview(m.state, m.now).stage, 'connecting', 'the dialer is accepting it: nothing more is offered');
    assert.deepEqual(m.intent({type: 'accept', offerId: 'o1'}), []);
  });

  it('R-C1 the countdown names the pending action and comes from the absolute deadline', () => {
    const m = new Machine();
    available(m);
    m.event(offered('o1', {timeoutAction: 'accept', timeoutMs: 12_000}, 1_000));
    assert.deepEqual(selectPreview(m.state, m.now).countdown, {deadline: 13_000, action: 'accept'});
    const none = new Machine();
    available(none);
    none.event(offered('o1', {timeoutMs: 0}));
    assert.equal(selectPreview(none.state, none.now).countdown, null);
  });

  it('R-C2 disabled Skip and Remove are not offered and their intents send nothing', () => {
    const m = new Machine();
    available(m);
    m.event(offered('o1', {allowSkip: false, allowRemove: false}));
    assert.deepEqual(selectPreview(m.state, m.now).actions, {accept: true, skip: false, remove: false, leave: true});
    assert.deepEqual(m.intent({type: 'skip', offerId: 'o1'}), []);
    assert.deepEqual(m.intent({type: 'remove', offerId: 'o1'}), []);
  });

  it('R-C2 actions the dialer cannot perform are not offered either', () => {
    const m = new Machine(capabilities({actions: ALL_ACTIONS.filter((a) => a !== 'remove' && a !== 'request-contact')}));
    available(m);
    m.event(offered('o1'));
    const view = selectPreview(m.state, m.now);
    assert.equal(view.actions.remove, false);
    assert.equal(view.campaignButton.visible, false);
  });

  it('R-C3 R-U4 a ringing call can be cancelled only when end-call is enabled', () => {
    const m = new Machine();
    onCall(m);
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    assert.equal(selectTask(m.state, m.now)?.canCancel, true);
    assert.deepEqual(m.intent({type: 'cancel-call', callId: 'c1'}), [{type: 'cancel-call', v, callId: 'c1'}]);
    assert.deepEqual(m.intent({type: 'cancel-call', callId: 'c1'}), [], 'once');
    const off = new Machine();
    onCall(off, {allowEndCall: false});
    off.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    assert.equal(selectTask(off.state, off.now)?.canCancel, false);
    assert.deepEqual(off.intent({type: 'cancel-call', callId: 'c1'}), []);
  });

  it('R-A2 contacts pushed in standard preview follow one another without agent requests', () => {
    const m = new Machine();
    available(m);
    m.event(offered('o1'));
    m.intent({type: 'skip', offerId: 'o1'});
    assert.equal(selectPreview(m.state, m.now).stage, 'waiting');
    m.event({type: 'offer-withdrawn', offerId: 'o1', reason: 'skipped'});
    m.event(offered('o2'));
    assert.equal(selectPreview(m.state, m.now).offer?.offerId, 'o2');
  });

  it('R-U1 the dialog shows the contact with its details', () => {
    const m = new Machine();
    available(m);
    m.event(offered('o1'));
    const view = selectPreview(m.state, m.now);
    assert.equal(view.offer?.contact.name, 'Maria Oliveira');
    assert.deepEqual(view.offer?.contact.details, [{label: 'Account', value: 'ACC-1'}]);
  });

  it('R-U2 accepting disables the Campaign button until the call is over', () => {
    const m = new Machine();
    available(m);
    m.event(offered('o1', {mode: 'preview'}));
    m.intent({type: 'accept', offerId: 'o1'});
    assert.equal(selectPreview(m.state, m.now).campaignButton.enabled, false);
    assert.equal(selectPreview(m.state, m.now).campaignButton.reason, 'call-in-progress');
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'dialing'});
    assert.deepEqual(m.intent({type: 'request-contact'}), []);
    m.event({type: 'call-ended', callId: 'c1'});
    assert.equal(selectPreview(m.state, m.now).campaignButton.enabled, true);
  });

  it('R-U3 the task follows the call from previewing to ended, timed from the preview start', () => {
    const m = new Machine();
    available(m);
    m.event(offered('o1', {}, 2_000));
    assert.equal(selectTask(m.state, m.now)?.status, 'previewing');
    m.intent({type: 'accept', offerId: 'o1'});
    assert.equal(selectTask(m.state, m.now)?.status, 'connecting');
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'dialing'});
    assert.equal(selectTask(m.state, m.now)?.status, 'dialing');
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    m.event({type: 'cpa-result', callId: 'c1', result: 'live-voice'});
    assert.equal(selectTask(m.state, m.now)?.status, 'connected');
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    assert.equal(selectTask(m.state, m.now)?.status, 'connected', 'late events do not go backwards');
    m.event({type: 'call-ended', callId: 'c1'});
    const task = selectTask(m.state, m.now);
    assert.equal(task?.status, 'ended');
    assert.equal(task?.startedAt, 2_000);
  });

  it('R-U5 a failed attempt shows, and the agent can get another contact', () => {
    const m = new Machine();
    onCall(m, {mode: 'preview'});
    m.event({type: 'cpa-result', callId: 'c1', result: 'busy'});
    assert.equal(selectTask(m.state, m.now)?.status, 'failed');
    const view = selectPreview(m.state, m.now);
    assert.equal(view.stage, 'attempt-failed');
    assert.deepEqual(view.lastFailure, {contactName: 'Maria Oliveira', reason: 'busy'});
    assert.equal(view.campaignButton.enabled, true);
    assert.deepEqual(m.intent({type: 'request-contact'}), [{type: 'request-contact', v}]);
  });

  it('R-U5 in standard preview the next pushed contact can be accepted after a failure', () => {
    const m = new Machine();
    onCall(m);
    m.event({type: 'call-failed', callId: 'c1', reason: 'network-error'});
    m.event(offered('o2'));
    const view = selectPreview(m.state, m.now);
    assert.equal(view.stage, 'offer');
    assert.equal(view.lastFailure?.reason, 'network-error');
    assert.equal(m.intent({type: 'accept', offerId: 'o2'}).length, 1);
  });

  it('R-U6 on an answering machine the agent leaves a voicemail and marks it done', () => {
    const m = new Machine();
    onCall(m);
    m.event({type: 'call-progress', offerId: 'o1', callId: 'c1', phase: 'ringing'});
    m.event({type: 'cpa-result', callId: 'c1', result: 'answering-machine'});
    assert.equal(selectTask(m.state, m.now)?.voicemailPrompt, true);
    assert.deepEqual(m.intent({type: 'voicemail-left', callId: 'c1'}), [{type: 'voicemail-left', v, callId: 'c1'}]);
    assert.deepEqual(m.intent({type: 'voicemail-left', callId: 'c1'}), []);
    assert.equal(selectTask(m.state, m.now)?.voicemailLeft, true);
  });

  it('R-L1 the limit shows its reason code and blocks Accept until cleared', () => {
    const m = new Machine();
    available(m);
    m.event({type: 'limit-reached', scope: 'tenant', code: 'MAX_CONCURRENT_CALLS', message: 'Limit reached'});
    assert.equal(selectPreview(m.state, m.now).campaignButton.enabled, false);
    m.event(offered('o1'));
    const view = selectPreview(m.state, m.now);
    assert.equal(view.limit?.code, 'MAX_CONCURRENT_CALLS');
    assert.equal(view.actions.accept, false);
    assert.equal(view.acceptBlocked, 'limit');
    assert.deepEqual(m.intent({type: 'accept', offerId: 'o1'}), []);
    m.event({type: 'limit-cleared'});
    assert.equal(m.intent({type: 'accept', offerId: 'o1'}).length, 1);
  });

  it('a refused decision is shown and the offer can be decided again', () => {
    const m = new Machine();
    available(m);
    m.event(offered('o1'));
    m.intent({type: 'skip', offerId: 'o1'});
    m.event({type: 'action-failed', action: 'skip', offerId: 'o1', code: 'E42', message: 'Dialer busy'});
    const view = selectPreview(m.state, m.now);
    assert.equal(view.stage, 'offer');
    assert.equal(view.notices[0].code, 'E42');
    assert.equal(m.intent({type: 'skip', offerId: 'o1'}).length, 1);
  });

  it('intents for an offer that is no longer current send nothing', () => {
    const m = new Machine();
    available(m);
    m.event(offered('o1'));
    m.event({type: 'offer-withdrawn', offerId: 'o1', reason: 'withdrawn'});
    assert.deepEqual(m.intent({type: 'accept', offerId: 'o1'}), []);
    m.event(offered('o2'));
    assert.deepEqual(m.intent({type: 'skip', offerId: 'o1'}), []);
  });

  it('invalid events and stream errors become notices, at most a few kept', () => {
    const m = new Machine();
    for (let i = 0; i < 8; i++) m.input({kind: 'invalid-event', error: `bad ${i}`});
    m.event({type: 'stream-error', code: 'disconnected', message: 'Lost'});
    const notices = selectPreview(m.state, m.now).notices;
    assert.equal(notices.length, 5);
    assert.equal(notices.at(-1)?.code, 'disconnected');
    m.intent({type: 'dismiss-notice', id: notices[0].id});
    assert.equal(selectPreview(m.state, m.now).notices.length, 4);
  });
});
