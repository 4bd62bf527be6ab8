/**
 * The Webex adapter on the real `@webex/contact-center` SDK, offline (see
 * test/support/webex-sdk.ts for what is real and what is replaced). Frames
 * use the SDK's own event names (its `CC_EVENTS`) and the payload shapes of
 * Webex's own widgets (test/support/webex-frames.ts); the adapter's commands
 * go through the SDK's methods to its HTTP layer. The conventions of Webex's
 * campaign-preview code are in webex-conventions.test.ts.
 */
import assert from 'node:assert/strict';
import {before, describe, it} from 'node:test';
import type {ContactCenter} from '@webex/contact-center';
import {WebexDialer, WEBEX_EVENTS, type WebexContactCenter, type WebexDialerOptions, type WebexTask} from '../../src/webex.js';
import type {CampaignStore} from '../../src/store/campaign-store.js';
import {offlineWebex, SDK_VERSION, type OfflineWebex} from '../support/webex-sdk.js';
import {
  ANA,
  BRUNO,
  CAMPAIGN,
  PROFILE,
  T0,
  card,
  connect as connectTo,
  dialerRequests,
  frames,
  preview,
  settle,
} from '../support/webex-frames.js';

// The SDK's own plugin type is accepted as it is declared (checked by tsc).
const fromSdkType = (cc: ContactCenter) => new WebexDialer(cc);
void fromSdkType;

let sdk: OfflineWebex;
let frame: ReturnType<typeof frames>;

before(async () => {
  sdk = await offlineWebex();
  frame = frames(sdk);
});

const connect = (options: WebexDialerOptions = {}, cc: WebexContactCenter = sdk.cc) => connectTo(cc, options);
const routing = (type: string, data: Record<string, unknown>) => frame.routing(type, data);
const reservation = (processing: Record<string, unknown> = {}) => frame.reservation(ANA, processing);

/** A store with a reservation on show. */
async function offered(options: WebexDialerOptions = {}, processing: Record<string, unknown> = {}) {
  const connection = connect(options);
  const {interactionId, frame: sent} = reservation(processing);
  sdk.frame(sent);
  await settle();
  return {...connection, interactionId, frame: sent};
}

/** Accepts the offer and lets the dialer assign the call; returns the call's interaction id. */
async function acceptAndConnect(store: CampaignStore, interactionId: string): Promise<string> {
  store.dispatch({type: 'accept', offerId: interactionId});
  await settle();
  const callInteraction = `call-${interactionId}`;
  sdk.frame(frame.assigned(callInteraction, interactionId));
  await settle();
  return callInteraction;
}

/** What the dialer sends for a campaign preview call already connected when the SDK (re)connects: the SDK hydrates it. */
const connectedCall = (createdTimestamp: number) => frame.agentContact(BRUNO, {state: 'connected', createdTimestamp}).frame;

describe(`Webex adapter on @webex/contact-center ${SDK_VERSION}`, () => {
  it('uses the SDK event names it listens to', () => {
    const {TASK_EVENTS, AGENT_EVENTS} = sdk.enums;
    assert.equal(WEBEX_EVENTS.reservation, TASK_EVENTS.TASK_CAMPAIGN_PREVIEW_RESERVATION);
    assert.equal(WEBEX_EVENTS.hydrate, TASK_EVENTS.TASK_HYDRATE);
    assert.equal(WEBEX_EVENTS.incoming, TASK_EVENTS.TASK_INCOMING);
    assert.equal(WEBEX_EVENTS.assigned, TASK_EVENTS.TASK_ASSIGNED);
    assert.equal(WEBEX_EVENTS.outdialFailed, TASK_EVENTS.TASK_OUTDIAL_FAILED);
    assert.equal(WEBEX_EVENTS.rejected, TASK_EVENTS.TASK_REJECT);
    assert.equal(WEBEX_EVENTS.end, TASK_EVENTS.TASK_END);
    assert.equal(WEBEX_EVENTS.wrappedUp, TASK_EVENTS.TASK_WRAPPEDUP);
    assert.equal(WEBEX_EVENTS.agentState, AGENT_EVENTS.AGENT_STATE_CHANGE);
    assert.equal(WEBEX_EVENTS.raw.contactUpdated, sdk.enums.CC_EVENTS.CAMPAIGN_CONTACT_UPDATED);
    assert.equal(WEBEX_EVENTS.raw.acceptFailed, sdk.enums.CC_EVENTS.CAMPAIGN_PREVIEW_ACCEPT_FAILED);
    assert.equal(WEBEX_EVENTS.raw.endFailed, sdk.enums.CC_EVENTS.AGENT_CONTACT_END_FAILED);
  });

  it('offers only what this SDK can do, and leaves the timeout to its dialer', () => {
    const {dialer} = connect({profile: PROFILE});
    assert.equal(dialer.capabilities.enforcesTimeout, true);
    const has = (name: string) => typeof sdk.cc[name] === 'function';
    assert.equal(has('acceptPreviewContact'), true);
    assert.deepEqual(
      [...dialer.capabilities.actions].sort(),
      [
        'accept',
        'set-agent-state',
        'set-disposition',
        ...(has('skipPreviewContact') ? ['skip'] : []),
        ...(has('removePreviewContact') ? ['remove'] : []),
      ].sort(),
    );
  });

  it('R-U1 R-C1 R-C2 shows a reservation as the contact offer, with the campaign settings Webex sends', async () => {
    const {store, interactionId} = await offered({profile: PROFILE});
    const view = preview(store);
    assert.equal(view.stage, 'offer');
    assert.equal(view.offer?.offerId, interactionId);
    assert.equal(view.offer?.campaign.name, CAMPAIGN);
    assert.equal(view.offer?.contact.name, 'Ana Souza');
    assert.deepEqual(view.offer?.contact.phoneNumbers, [{number: '+551155550101'}]);
    assert.deepEqual(view.offer?.contact.details, [{label: 'Plan', value: 'Gold'}]);
    assert.deepEqual(view.countdown, {deadline: T0 + 30_000, action: 'skip'});
    assert.equal(view.offer?.campaign.allowRemove, false);
    assert.equal(view.actions.accept, true);
    // Skip is allowed by the campaign, but this SDK has no skip call.
    assert.equal(view.actions.skip, typeof sdk.cc.skipPreviewContact === 'function');
    assert.equal(view.actions.remove, false);
  });

  it("a reservation whose expiry has already passed is shown expired, within the protocol's bounds", async () => {
    const {store, interactionId} = await offered({profile: PROFILE}, {campaignPreviewOfferTimeout: String(T0 - 5_000)});
    const view = preview(store);
    assert.equal(view.offer?.offerId, interactionId);
    assert.deepEqual(view.notices, [], 'not refused as an invalid event');
    assert.equal(store.snapshot().offer?.deadline, T0, 'the deadline is the moment of the offer');
  });

  it('an SDK that rejects with a hostile value gives a notice, and Accept can be tried again', async () => {
    const trap = () => {
      throw new Error('trap');
    };
    const hostile = new Proxy({}, {get: trap, getPrototypeOf: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap});
    const rejecting = Object.create(sdk.cc, {acceptPreviewContact: {value: () => Promise.reject(hostile)}});
    const {store} = connect({profile: PROFILE}, rejecting);
    const {interactionId, frame: sent} = reservation();
    sdk.frame(sent);
    await settle();
    store.dispatch({type: 'accept', offerId: interactionId});
    await settle();
    const [notice] = preview(store).notices;
    assert.equal(notice?.action, 'accept');
    assert.equal(notice?.code, 'webex-error');
    assert.equal(store.snapshot().offer?.decision, null, "the offer is the agent's to decide again");
    assert.ok(store.accepts({type: 'accept', offerId: interactionId}));
  });

  it('R-M3 R-U2 Accept calls the SDK, which posts to the dialer and resolves on AgentContactAssigned', async () => {
    const {store, interactionId, frame: sent} = await offered({profile: PROFILE});
    const before = sdk.requests.length;
    store.dispatch({type: 'accept', offerId: interactionId});
    await settle();
    const posted = sdk.requests.slice(before).map((r) => `${r.method} ${r.resource}`);
    assert.deepEqual(
      posted.filter((r) => r.includes('/dialer/')),
      [`POST /v1/dialer/campaign/Spring%20Renewals/preview-task/${interactionId}/accept`],
    );
    assert.equal(preview(store).campaignButton.enabled, false);

    sdk.frame(frame.assigned(`call-${interactionId}`, interactionId));
    await settle();
    const task = card(store);
    assert.equal(task?.status, 'connected');
    assert.equal(task?.contact?.name, 'Ana Souza');
    assert.equal(preview(store).notices.length, 0);
    // A late copy of the reservation does not bring the accepted contact back.
    sdk.frame(sent);
    await settle();
    assert.equal(preview(store).offer, null);
    assert.equal(card(store)?.status, 'connected');
  });

  it('R-U5 a failed accept (CampaignPreviewAcceptFailed) is shown with its reason and the agent may decide again', async () => {
    const {store, interactionId} = await offered();
    store.dispatch({type: 'accept', offerId: interactionId});
    await settle();
    sdk.frame(
      routing(sdk.enums.CC_EVENTS.CAMPAIGN_PREVIEW_ACCEPT_FAILED, {interactionId, campaignId: CAMPAIGN, reason: 'CONTACT_NOT_AVAILABLE'}),
    );
    await settle();
    const view = preview(store);
    assert.equal(view.stage, 'offer');
    assert.equal(view.actions.accept, true);
    assert.equal(view.notices.length, 1);
    assert.equal(view.notices[0].code, 'CONTACT_NOT_AVAILABLE');
  });

  it('keeps the preview settings when CampaignContactUpdated leaves them out (the SDK drops them from the task)', async () => {
    const {store, scheduler, events} = connect();
    const {interactionId, frame: sent} = reservation();
    let task: {data: {interaction: {callProcessingDetails: Record<string, unknown>}}} | undefined;
    const grab = (t: typeof task) => (task = t);
    sdk.cc.on(WEBEX_EVENTS.reservation, grab);
    sdk.frame(sent);
    sdk.cc.off(WEBEX_EVENTS.reservation, grab);
    await settle();
    sdk.frame(
      routing(sdk.enums.CC_EVENTS.CAMPAIGN_CONTACT_UPDATED, {
        interactionId,
        interaction: {mediaType: 'telephony', state: 'new', callProcessingDetails: {campaignId: CAMPAIGN}},
      }),
    );
    await settle();
    // The SDK's reconcile removed the fields the update did not carry.
    assert.equal(task?.data.interaction.callProcessingDetails.campaignPreviewOfferTimeout, undefined);
    assert.deepEqual(preview(store).countdown, {deadline: T0 + 30_000, action: 'skip'});
    assert.equal(preview(store).offer?.contact.name, 'Ana Souza', 'the same contact');

    // At expiry the dialer skips the contact and ends the reservation: the kit knows it expired.
    scheduler.frame = T0 + 30_500;
    sdk.frame(frame.ended(interactionId));
    await settle();
    assert.deepEqual(events.at(-1), {type: 'offer-withdrawn', offerId: interactionId, reason: 'expired', autoAction: 'skip'});
    assert.equal(preview(store).offer, null);
  });

  it('reports a failed accept the dialer made on its own (its auto action), with the reason', async () => {
    const {store, interactionId} = await offered();
    // No accept of ours is pending: the dialer's own auto accept failed.
    sdk.frame(routing(sdk.enums.CC_EVENTS.CAMPAIGN_PREVIEW_ACCEPT_FAILED, {interactionId, campaignId: CAMPAIGN, reason: 'DIALER_BUSY'}));
    await settle();
    assert.deepEqual(
      preview(store).notices.map((n) => n.code),
      ['DIALER_BUSY'],
    );
  });

  it('a task it cannot read is a visible error, never an exception in the SDK', async () => {
    const {store} = connect();
    const hostile = {
      get data(): never {
        throw new Error('unreadable');
      },
      on() {},
      off() {},
    };
    assert.doesNotThrow(() => sdk.cc.trigger(WEBEX_EVENTS.reservation, hostile));
    await settle();
    assert.equal(preview(store).notices[0]?.code, 'webex-bad-task');
    const {interactionId, frame: sent} = reservation();
    sdk.frame(sent);
    await settle();
    assert.equal(preview(store).offer?.offerId, interactionId, 'the next reservation still works');
  });

  it('R-U4 the call ends, the wrap-up code goes through task.wrapup, and the task is released', async () => {
    const {store, interactionId} = await offered({profile: PROFILE});
    const callInteraction = await acceptAndConnect(store, interactionId);
    sdk.frame(
      routing(sdk.enums.CC_EVENTS.CONTACT_ENDED, {
        interactionId: callInteraction,
        agentsPendingWrapUp: [sdk.agentId],
        interaction: {mediaType: 'telephony', state: 'wrapUp'},
      }),
    );
    await settle();
    const ended = card(store);
    assert.equal(ended?.status, 'ended');
    assert.deepEqual(
      ended?.wrapUp?.codes.map((c) => c.label),
      ['Sale', 'No sale'],
    );

    const before = sdk.requests.length;
    store.dispatch({type: 'set-disposition', callId: interactionId, code: 'wu-sale'});
    await settle();
    const wrapups = sdk.requests.slice(before).filter((r) => r.resource.includes('/wrapup'));
    assert.equal(wrapups.length, 1);
    assert.match(wrapups[0].resource, new RegExp(`${callInteraction}/wrapup$`));
    assert.deepEqual(wrapups[0].body, {auxCodeId: 'wu-sale', wrapUpReason: 'Sale'});
    sdk.frame(routing(sdk.enums.CC_EVENTS.AGENT_WRAPPEDUP, {interactionId: callInteraction}));
    await settle();
    assert.equal(card(store)?.wrapUp?.disposition, 'wu-sale');
  });

  it('asks for no disposition when Webex wants no wrap-up for the call', async () => {
    const {store, interactionId} = await offered({profile: PROFILE});
    const callInteraction = await acceptAndConnect(store, interactionId);
    sdk.frame(
      routing(sdk.enums.CC_EVENTS.CONTACT_ENDED, {interactionId: callInteraction, interaction: {mediaType: 'telephony', state: 'ended'}}),
    );
    await settle();
    const task = card(store);
    assert.equal(task?.status, 'ended');
    assert.equal(task?.wrapUp, null);
  });

  it('R-U5 an outdial failure after accepting fails the call with the dialer reason', async () => {
    const {store, interactionId} = await offered();
    const callInteraction = await acceptAndConnect(store, interactionId);
    sdk.frame(routing(sdk.enums.CC_EVENTS.AGENT_OUTBOUND_FAILED, {interactionId: callInteraction, reason: 'CUSTOMER_BUSY'}));
    await settle();
    const task = card(store);
    assert.equal(task?.status, 'failed');
    assert.equal(task?.failReason, 'CUSTOMER_BUSY');
    assert.equal(task?.wrapUp, null, 'Webex asked for no wrap-up');
  });

  it('a reservation without a number is a visible error, and the next one works', async () => {
    const {store} = connect();
    // Neither callAssociatedDetails.ani nor the ani variable: Webex's dn is the campaign's line, not the customer's.
    sdk.frame(frame.reservation({...ANA, ani: ''}).frame);
    await settle();
    assert.equal(preview(store).offer, null);
    assert.equal(preview(store).notices[0]?.kind, 'invalid-event');
    const {interactionId, frame: sent} = reservation();
    sdk.frame(sent);
    await settle();
    assert.equal(preview(store).offer?.offerId, interactionId);
  });

  it('R-A1 agent state frames become the agent state, and Not ready uses a profile idle code', async () => {
    const {store} = connect({profile: PROFILE});
    // What the dialer pushes on a state change (the SDK's AgentStateChange / AgentStateChangeSuccess).
    const agentState = sdk.enums.CC_EVENTS.AGENT_STATE_CHANGE;
    const success = sdk.enums.CC_EVENTS.AGENT_STATE_CHANGE_SUCCESS;
    sdk.frame({type: agentState, data: {type: success, agentId: sdk.agentId, subStatus: 'Available', auxCodeId: '0'}});
    await settle();
    assert.equal(preview(store).agentState, 'available');
    sdk.frame({type: agentState, data: {type: success, agentId: sdk.agentId, subStatus: 'Idle', auxCodeId: 'idle-break'}});
    await settle();
    assert.equal(preview(store).agentState, 'not-ready');
    assert.equal(store.snapshot().agent.reason, 'Break', "the idle code's name");

    const stateChanges = (from: number) =>
      sdk.requests
        .slice(from)
        .filter((r) => r.resource.includes('/state'))
        .map((r) => {
          const {state, auxCodeId} = r.body as {state: string; auxCodeId: string};
          return {state, auxCodeId};
        });
    const before = sdk.requests.length;
    store.dispatch({type: 'set-agent-state', state: 'available'});
    await settle();
    sdk.frame({type: agentState, data: {type: success, agentId: sdk.agentId, subStatus: 'Available', auxCodeId: '0'}});
    await settle();
    store.dispatch({type: 'set-agent-state', state: 'not-ready', reason: 'Lunch'});
    await settle();
    assert.deepEqual(stateChanges(before), [
      {state: 'Available', auxCodeId: '0'},
      {state: 'Idle', auxCodeId: 'idle-lunch'},
    ]);
  });

  it('resumes after a reload: a hydrated campaign call keeps its start time, from one snapshot (protocol 1.1)', async () => {
    const {store, events} = connect();
    const createdTimestamp = T0 - 95_000;
    sdk.frame(connectedCall(createdTimestamp));
    await settle();
    assert.deepEqual(
      events.map((e) => e.type),
      ['snapshot'],
      'the situation, not a replay of how it came about',
    );
    const task = card(store);
    assert.equal(task?.status, 'connected');
    assert.equal(task?.contact?.name, 'Bruno Lima');
    assert.equal(task?.startedAt, createdTimestamp);
  });

  it('a skip the dialer carries out before the SDK answers is reported once, as a skip', async () => {
    let answer: () => void = () => undefined;
    const newer = Object.create(sdk.cc, {skipPreviewContact: {value: () => new Promise<void>((resolve) => (answer = resolve))}});
    const {store, events} = connect({}, newer);
    const {interactionId, frame: sent} = reservation();
    sdk.frame(sent);
    await settle();
    store.dispatch({type: 'skip', offerId: interactionId});
    await settle();
    sdk.frame(frame.ended(interactionId));
    answer();
    await settle();
    assert.deepEqual(
      events.filter((e) => e.type === 'offer-withdrawn').map((e) => e.reason),
      ['skipped'],
    );
  });

  it('resumes tasks the SDK hydrated before the adapter existed (during register)', async () => {
    const hydrated: unknown[] = [];
    const collect = (task: unknown) => hydrated.push(task);
    sdk.cc.on(WEBEX_EVENTS.hydrate, collect);
    sdk.frame(connectedCall(T0 - 5_000));
    sdk.cc.off(WEBEX_EVENTS.hydrate, collect);
    const {store} = connect({hydrated: hydrated as WebexTask[]});
    await settle();
    assert.equal(card(store)?.contact?.name, 'Bruno Lima');
    assert.equal(card(store)?.startedAt, T0 - 5_000);
  });

  describe('End call (protocol 1.2): task.end() on the connected call', () => {
    /** A desk phone on a tenant that lets agents end calls from the desktop (the profile's isEndCallEnabled). */
    const DESK_PHONE = {...PROFILE, deviceType: 'AGENT_DN', isEndCallEnabled: true} as const;

    /** A connected preview call, End call on the kit's card. */
    async function connectedCall(profile: WebexDialerOptions['profile'] = DESK_PHONE) {
      const connection = await offered({profile});
      const callInteraction = await acceptAndConnect(connection.store, connection.interactionId);
      return {...connection, callInteraction};
    }

    /** End call on the card: the SDK posts the task's end; Webex answers with the wrap-up (AgentWrapup), as for an agent's hang-up. */
    async function endCall(store: CampaignStore, callId: string, taskId: string) {
      const before = sdk.requests.length;
      store.dispatch({type: 'end-call', callId});
      await settle();
      assert.deepEqual(dialerRequests(sdk, before), [`POST /v1/tasks/${taskId}/end`]);
      const ending = card(store);
      sdk.frame(routing(sdk.enums.CC_EVENTS.AGENT_WRAPUP, {interactionId: taskId, interaction: {mediaType: 'telephony', state: 'wrapUp'}}));
      await settle();
      return ending;
    }

    it("is offered as Webex's call controls offer End: in browser telephony, or on any phone when the tenant allows ending calls", () => {
      const canEnd = (profile: WebexDialerOptions['profile']) => connect({profile}).dialer.capabilities.actions.includes('end-call');
      assert.equal(canEnd({...PROFILE, deviceType: 'BROWSER'}), true, 'browser telephony');
      assert.equal(canEnd(DESK_PHONE), true, 'a desk phone, ending allowed');
      assert.equal(canEnd({...PROFILE, deviceType: 'EXTENSION', isEndCallEnabled: true}), true, 'an extension, ending allowed');
      assert.equal(canEnd({...PROFILE, deviceType: 'AGENT_DN', isEndCallEnabled: false}), false, 'a desk phone, ending not allowed');
      assert.equal(canEnd(PROFILE), false, 'nothing said');
    });

    it("posts /v1/tasks/{id}/end for the connected call; Webex's AgentWrapup ends it on the card, with its wrap-up", async () => {
      const {store, interactionId, callInteraction} = await connectedCall();
      assert.equal(card(store)?.status, 'connected');
      assert.equal(card(store)?.canEnd, true);
      const before = sdk.requests.length;
      const ending = await endCall(store, interactionId, callInteraction);
      assert.equal(ending?.ending, true, 'ending until Webex says so');
      assert.equal(ending?.status, 'connected');
      const ended = card(store);
      assert.equal(ended?.status, 'ended');
      assert.equal(ended?.ending, false);
      assert.deepEqual(
        ended?.wrapUp?.codes.map((c) => c.label),
        ['Sale', 'No sale'],
        'the wrap-up Webex asks for',
      );
      assert.deepEqual(preview(store).notices, []);
      store.dispatch({type: 'set-disposition', callId: interactionId, code: 'wu-no-sale'});
      await settle();
      assert.match(dialerRequests(sdk, before).at(-1)!, new RegExp(`^POST /v1/tasks/${callInteraction}/wrapup$`));
    });

    it('in browser telephony too, and a hydrated call (after a reload) can be ended', async () => {
      const hydrated = connect({profile: {...PROFILE, deviceType: 'BROWSER'}});
      const {interactionId, frame: sent} = frame.agentContact(BRUNO, {state: 'connected', createdTimestamp: T0 - 30_000});
      sdk.frame(sent);
      await settle();
      assert.equal(card(hydrated.store)?.canEnd, true);
      await endCall(hydrated.store, interactionId, interactionId);
      assert.equal(card(hydrated.store)?.status, 'ended');
    });

    it("a failed end (AgentContactEndFailed) is shown with the SDK's reason, and End call is offered again", async () => {
      const {store, interactionId, callInteraction} = await connectedCall();
      store.dispatch({type: 'end-call', callId: interactionId});
      await settle();
      sdk.frame(routing(sdk.enums.CC_EVENTS.AGENT_CONTACT_END_FAILED, {interactionId: callInteraction, reason: 'CALL_ON_HOLD'}));
      await settle();
      const notices = preview(store).notices;
      assert.deepEqual(
        notices.map((n) => [n.action, n.code]),
        [['end-call', 'CALL_ON_HOLD']],
        "once, with the dialer's reason",
      );
      assert.equal(card(store)?.status, 'connected');
      assert.equal(card(store)?.ending, false);
      assert.equal(card(store)?.canEnd, true);
      assert.equal(store.accepts({type: 'end-call', callId: interactionId}), true, 'End call may be tried again');
    });

    it('when the customer hangs up while End call is on its way, the call ends once and the late failure is not an error', async () => {
      const {store, events, interactionId, callInteraction} = await connectedCall();
      store.dispatch({type: 'end-call', callId: interactionId});
      await settle();
      sdk.frame(frame.ended(callInteraction, true));
      await settle();
      sdk.frame(routing(sdk.enums.CC_EVENTS.AGENT_CONTACT_END_FAILED, {interactionId: callInteraction, reason: 'CONTACT_ENDED'}));
      await settle();
      assert.equal(card(store)?.status, 'ended');
      assert.equal(events.filter((e) => e.type === 'call-ended').length, 1);
      assert.deepEqual(preview(store).notices, []);
    });

    it('without it (a desk phone, ending not allowed), the kit offers no End call and refuses one', async () => {
      const {store, dialer, interactionId} = await connectedCall(PROFILE);
      assert.equal(card(store)?.canEnd, false);
      let code: string | undefined;
      dialer.send({type: 'end-call', v: 1, callId: interactionId}).subscribe({error: (e: {code: string}) => (code = e.code)});
      assert.equal(code, 'unsupported');
    });
  });

  it('offers Skip and Remove when the installed SDK has them (detected at run time)', async () => {
    // A newer SDK: the same plugin with the two preview calls added.
    const calls: Array<[string, unknown]> = [];
    const newer = Object.create(sdk.cc, {
      skipPreviewContact: {value: async (payload: unknown) => void calls.push(['skip', payload])},
      removePreviewContact: {value: async (payload: unknown) => void calls.push(['remove', payload])},
    });
    const {dialer, store} = connect({}, newer);
    const actions = dialer.capabilities.actions;
    assert.ok(actions.includes('skip') && actions.includes('remove'), `Skip and Remove are offered (${actions.join(', ')})`);
    const {interactionId, frame: sent} = reservation({campaignPreviewRemoveDisabled: 'false'});
    sdk.frame(sent);
    await settle();
    assert.equal(preview(store).actions.remove, true);
    store.dispatch({type: 'skip', offerId: interactionId});
    await settle();
    assert.deepEqual(calls, [['skip', {interactionId, campaignId: CAMPAIGN}]]);
    assert.equal(preview(store).offer, null);
  });
});
