import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {PROTOCOL_VERSION} from '../../src/protocol/index.js';
import {selectAttention} from '../../src/core/attention.js';
import {Machine, campaign, capabilities, offered} from './fixtures.js';

const v = PROTOCOL_VERSION;

function available(m: Machine): Machine {
  m.event({type: 'agent-state', state: 'available'});
  return m;
}

function reserved(m = available(new Machine()), reservationId = 'r1'): Machine {
  m.event({type: 'reservation-offered', v, reservationId, campaign: campaign({name: 'Renewals'}), at: 500});
  return m;
}

describe('selectAttention: what needs the agent', () => {
  it('nothing at first, nor while waiting for a contact', () => {
    const m = available(new Machine());
    assert.equal(selectAttention(m.state), null);
    m.intent({type: 'request-contact'});
    assert.equal(selectAttention(m.state), null);
  });

  it('a reservation call, until it is being answered', () => {
    const m = reserved();
    assert.deepEqual(selectAttention(m.state), {
      kind: 'reservation',
      key: 'reservation:r1',
      campaignName: 'Renewals',
      contactName: null,
      deadline: null,
      timeoutAction: null,
    });
    m.intent({type: 'answer-reservation', reservationId: 'r1'});
    assert.equal(m.state.reservation?.answering, true);
    assert.equal(selectAttention(m.state), null, 'the answer is on its way');
  });

  it('a reservation call answered elsewhere (the dialer says so) or withdrawn needs nothing', () => {
    const answered = reserved();
    answered.event({type: 'reservation-answered', v, reservationId: 'r1'});
    assert.equal(selectAttention(answered.state), null);
    const withdrawn = reserved();
    withdrawn.event({type: 'reservation-withdrawn', v, reservationId: 'r1', reason: 'missed'});
    assert.equal(selectAttention(withdrawn.state), null);
  });

  it('an offer, with its contact, deadline and timeout action', () => {
    const m = available(new Machine());
    m.event(offered('o1', {timeoutMs: 30_000, timeoutAction: 'remove'}, 1_000));
    assert.deepEqual(selectAttention(m.state), {
      kind: 'offer',
      key: 'offer:o1',
      campaignName: 'Renewals',
      contactName: 'Maria Oliveira',
      deadline: 31_000,
      timeoutAction: 'remove',
    });
  });

  it('an offer with no time limit has no deadline nor timeout action', () => {
    const m = available(new Machine());
    m.event(offered('o1', {timeoutMs: 0}));
    assert.deepEqual([selectAttention(m.state)?.deadline, selectAttention(m.state)?.timeoutAction], [null, null]);
  });

  it('the offer replaces the reservation call it follows, under a new key', () => {
    const m = reserved();
    m.intent({type: 'answer-reservation', reservationId: 'r1'});
    m.event({type: 'reservation-answered', v, reservationId: 'r1'});
    m.event(offered('o1'));
    assert.equal(selectAttention(m.state)?.key, 'offer:o1');
    m.intent({type: 'skip', offerId: 'o1'});
    m.event(offered('o2'));
    assert.equal(selectAttention(m.state)?.key, 'offer:o2', 'the next contact');
  });

  for (const decision of ['accept', 'skip', 'remove', 'leave'] as const) {
    it(`nothing once the agent decided: ${decision}`, () => {
      const m = available(new Machine());
      m.event(offered('o1'));
      m.intent(decision === 'accept' ? {type: 'accept', offerId: 'o1', phoneNumber: '+55 11 91234-5678'} : {type: decision, offerId: 'o1'});
      assert.ok(m.state.offer === null || m.state.offer.decision !== null);
      assert.equal(selectAttention(m.state), null);
    });
  }

  it("nothing once the deadline passed: the kit's timeout action", () => {
    const m = available(new Machine());
    m.event(offered('o1', {timeoutMs: 5_000}, 1_000));
    m.tick(5_999);
    assert.equal(selectAttention(m.state)?.key, 'offer:o1', 'a moment before the deadline');
    m.tick(6_000);
    assert.deepEqual(m.commands.at(-1), {type: 'skip', v, offerId: 'o1', source: 'timeout'});
    assert.equal(selectAttention(m.state), null);
  });

  it('nothing once the deadline passed with a dialer that enforces it (the offer expired)', () => {
    const m = available(new Machine(capabilities({enforcesTimeout: true})));
    m.event(offered('o1', {timeoutMs: 5_000}, 1_000));
    m.tick(6_000);
    assert.equal(m.state.offer?.expired, true);
    assert.equal(selectAttention(m.state), null);
  });

  it('nothing once the dialer withdrew the offer', () => {
    const m = available(new Machine());
    m.event(offered('o1'));
    m.event({type: 'offer-withdrawn', v, offerId: 'o1', reason: 'withdrawn'});
    assert.equal(selectAttention(m.state), null);
  });

  it('a tab that is not in charge (it mirrors another) is never told anything', () => {
    const m = available(new Machine());
    m.event(offered('o1'));
    assert.notEqual(selectAttention(m.state), null);
    assert.equal(selectAttention({...m.state, inCharge: false}), null);
    const r = reserved();
    assert.equal(selectAttention({...r.state, inCharge: false}), null);
  });
});
