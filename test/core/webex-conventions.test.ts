/**
 * The conventions of Webex's own campaign-preview code (its widgets and its
 * SDK; see ../shared/NOTES-WEBEX-SDK.md and the README's Webex table), each on
 * the real `@webex/contact-center` SDK offline: what the agent sees, and what
 * reached the SDK's HTTP layer. Frames are shaped like Webex's widgets' own
 * fixtures (test/support/webex-frames.ts); the newer SDK's skip/remove and its
 * task events are layered on the real SDK's request machinery
 * (test/support/webex-newer.ts).
 */
import assert from 'node:assert/strict';
import {after, before, beforeEach, describe, it} from 'node:test';
import type {WebexDialerOptions, WebexTask} from '../../src/webex.js';
import {offlineWebex, SDK_VERSION, type OfflineWebex} from '../support/webex-sdk.js';
import {newerSdk} from '../support/webex-newer.js';
import {
  ANA,
  BRUNO,
  CAMPAIGN,
  CAMPAIGN_LINE,
  CARLA,
  PROFILE,
  T0,
  card,
  connect,
  dialerRequests,
  frames,
  preview,
  previewInteraction,
  settle,
} from '../support/webex-frames.js';

let sdk: OfflineWebex;
let frame: ReturnType<typeof frames>;
let newer: ReturnType<typeof newerSdk>;

before(async () => {
  sdk = await offlineWebex();
  frame = frames(sdk);
  newer = newerSdk(sdk);
});
after(() => newer.off());

// The SDK is one instance per process: the tasks of earlier tests must not be
// the ones its browser line maps a new call to.
beforeEach(() => {
  for (const id of Object.keys(sdk.cc.taskManager.taskCollection)) delete sdk.cc.taskManager.taskCollection[id];
});

const accept = (interactionId: string) => `POST /v1/dialer/campaign/Spring%20Renewals/preview-task/${interactionId}/accept`;

/** A store on the newer SDK (skip and remove) with a reservation on show. */
async function offeredOnNewer(processing: Record<string, unknown> = {}, options: WebexDialerOptions = {}) {
  const connection = connect(newer.cc, {profile: PROFILE, ...options});
  const {interactionId, frame: sent} = frame.reservation(ANA, {campaignPreviewRemoveDisabled: 'false', ...processing});
  sdk.frame(sent);
  await settle();
  return {...connection, interactionId};
}

describe(`Webex's campaign-preview conventions on @webex/contact-center ${SDK_VERSION}`, () => {
  describe('1. the mode comes from outboundType or campaignType', () => {
    const modeOf = async (processing: Record<string, unknown>, interaction: Record<string, unknown>) => {
      const {store} = connect(sdk.cc);
      sdk.frame(frame.reservation(ANA, processing, interaction).frame);
      await settle();
      return preview(store).offer?.campaign.mode;
    };

    it('STANDARD_PREVIEW_CAMPAIGN and DIRECT_PREVIEW_CAMPAIGN (interaction.outboundType)', async () => {
      assert.equal(await modeOf({campaignType: undefined}, {outboundType: 'STANDARD_PREVIEW_CAMPAIGN'}), 'standard');
      assert.equal(await modeOf({campaignType: undefined}, {outboundType: 'DIRECT_PREVIEW_CAMPAIGN'}), 'direct');
    });

    it('preview_standard and preview_direct (callProcessingDetails.campaignType) when outboundType is absent', async () => {
      assert.equal(await modeOf({campaignType: 'preview_direct'}, {outboundType: undefined}), 'direct');
      assert.equal(await modeOf({campaignType: 'preview_standard'}, {outboundType: undefined}), 'standard');
    });

    it('when the two disagree, outboundType decides; a reservation that names neither is a standard preview', async () => {
      assert.equal(await modeOf({campaignType: 'preview_standard'}, {outboundType: 'DIRECT_PREVIEW_CAMPAIGN'}), 'direct');
      assert.equal(await modeOf({campaignType: undefined}, {outboundType: undefined}), 'standard');
    });
  });

  describe('2. predictive and progressive campaign calls are not previews', () => {
    it('a reservation-typed frame naming a predictive or progressive campaign shows nothing and cannot be accepted', async () => {
      const {store, events} = connect(sdk.cc);
      const predictive = frame.reservation(ANA, {campaignType: 'predictive'}, {outboundType: 'PREDICTIVE_CAMPAIGN'});
      const progressive = frame.reservation(BRUNO, {campaignType: 'progressive'}, {outboundType: undefined});
      sdk.frame(predictive.frame);
      sdk.frame(progressive.frame);
      await settle();
      assert.deepEqual(events, []);
      assert.equal(preview(store).offer, null);
      const before = sdk.requests.length;
      store.dispatch({type: 'accept', offerId: predictive.interactionId});
      await settle();
      assert.deepEqual(dialerRequests(sdk, before), [], 'no preview accept is sent');
    });

    it('a predictive call offered to the agent (task:incoming), or hydrated mid-call, is left to the host desktop', async () => {
      const {store, events} = connect(sdk.cc);
      const incoming: unknown[] = [];
      const collect = (task: unknown) => incoming.push(task);
      sdk.cc.on('task:incoming', collect);
      const reserved = frame.routing(sdk.enums.CC_EVENTS.AGENT_CONTACT_RESERVED, {
        interactionId: frame.nextId('predictive'),
        interaction: {
          mediaType: 'telephony',
          state: 'new',
          outboundType: 'PREDICTIVE_CAMPAIGN',
          callProcessingDetails: {campaignId: CAMPAIGN, campaignType: 'predictive'},
        },
      });
      sdk.frame(reserved);
      sdk.frame(frame.agentContact(BRUNO, {state: 'connected', outboundType: 'PROGRESSIVE_CAMPAIGN'}, {campaignType: 'progressive'}).frame);
      // A campaign call that names no type at all cannot be told from a predictive one: left alone too.
      sdk.frame(frame.agentContact(CARLA, {state: 'connected', outboundType: undefined}, {campaignType: undefined}).frame);
      sdk.cc.off('task:incoming', collect);
      await settle();
      assert.equal(incoming.length, 1, 'the SDK raised it for the desktop');
      assert.deepEqual(events, []);
      assert.equal(preview(store).offer, null);
      assert.equal(card(store), null);
    });
  });

  it("3. the number is callAssociatedDetails.ani (dn is the campaign's line); without it, the ani variable", async () => {
    const {store} = connect(sdk.cc);
    sdk.frame(frame.reservation(ANA).frame);
    await settle();
    assert.deepEqual(preview(store).offer?.contact.phoneNumbers, [{number: ANA.ani}]);
    assert.notEqual(preview(store).offer?.contact.phoneNumbers[0].number, CAMPAIGN_LINE);
    assert.equal(preview(store).offer?.contact.name, 'Ana Souza', 'callAssociatedDetails.customerName');

    const withoutDetails = frame.reservation(BRUNO, {}, {callAssociatedDetails: {dn: CAMPAIGN_LINE}});
    sdk.frame(withoutDetails.frame);
    await settle();
    assert.equal(preview(store).offer?.offerId, withoutDetails.interactionId);
    assert.deepEqual(preview(store).offer?.contact.phoneNumbers, [{number: BRUNO.ani}], 'the ani call variable');
  });

  it("4. the details are the agent-viewable global variables, without Webex's system ones; merged across updates", async () => {
    const {store} = connect(sdk.cc);
    const {interactionId, frame: sent} = frame.reservation(ANA);
    sdk.frame(sent);
    await settle();
    // Not ani, dn, customerName, virtualTeamName, ronaTimeout, FC-DESKTOP-VIEW, the non-global Team_Note, the hidden Global_Secret.
    assert.deepEqual(preview(store).offer?.contact.details, [{label: 'Plan', value: 'Gold'}]);

    // An update of the same contact (same customer, same offer timeout) adds a variable: both show.
    const update = frame.routing(sdk.enums.CC_EVENTS.CAMPAIGN_CONTACT_UPDATED, {
      interactionId,
      interaction: {
        ...previewInteraction(ANA),
        callAssociatedData: {Global_Tier: {name: 'Global_Tier', displayName: 'Tier', value: 'A', agentViewable: true, global: true}},
      },
    });
    sdk.frame(update);
    await settle();
    assert.equal(preview(store).offer?.offerId, interactionId, 'still the same contact');
    assert.deepEqual(preview(store).offer?.contact.details, [
      {label: 'Plan', value: 'Gold'},
      {label: 'Tier', value: 'A'},
    ]);
  });

  describe('5. the next contact arrives on the same task', () => {
    for (const action of ['skip', 'remove'] as const) {
      it(`after the agent's ${action === 'skip' ? 'Skip' : 'Remove'}: ${action} posted, the next contact shown, and Accept accepts it`, async () => {
        const {store, interactionId, events} = await offeredOnNewer();
        const before = sdk.requests.length;
        store.dispatch({type: action, offerId: interactionId});
        await settle();
        assert.deepEqual(dialerRequests(sdk, before), [
          `POST /v1/dialer/campaign/Spring%20Renewals/preview-task/${interactionId}/${action}`,
        ]);
        assert.equal(
          store.snapshot().offer?.decision?.action,
          action,
          `${action === 'skip' ? 'Skipping' : 'Removing'}… until the dialer answers`,
        );

        sdk.frame(frame.contactUpdated(interactionId, BRUNO, {campaignPreviewOfferTimeout: String(T0 + 60_000)}));
        await settle();
        const offer = preview(store).offer;
        assert.equal(offer?.contact.name, 'Bruno Lima');
        assert.deepEqual(offer?.contact.phoneNumbers, [{number: BRUNO.ani}]);
        assert.deepEqual(offer?.contact.details, [{label: 'Plan', value: 'Silver'}]);
        assert.equal(store.snapshot().offer?.decision, null, 'the agent decides on the new contact');
        assert.notEqual(offer?.offerId, interactionId);
        assert.deepEqual(preview(store).countdown, {deadline: T0 + 60_000, action: 'skip'});
        assert.deepEqual(
          events.filter((e) => e.type === 'offer-withdrawn').map((e) => e.reason),
          [action === 'skip' ? 'skipped' : 'removed'],
        );

        const beforeAccept = sdk.requests.length;
        store.dispatch({type: 'accept', offerId: offer!.offerId});
        await settle();
        assert.deepEqual(dialerRequests(sdk, beforeAccept), [accept(interactionId)], "the same task's accept");
        sdk.frame(frame.assigned(`call-${interactionId}`, interactionId));
        await settle();
        assert.equal(card(store)?.status, 'connected');
        assert.equal(card(store)?.contact?.name, 'Bruno Lima');
      });
    }

    it("after the dialer's own auto-skip at the offer timeout (3.12.0: the raw CampaignContactUpdated)", async () => {
      const {store, scheduler, events} = connect(sdk.cc, {profile: PROFILE});
      const {interactionId, frame: sent} = frame.reservation(ANA);
      sdk.frame(sent);
      await settle();
      scheduler.flush();
      scheduler.frame = T0 + 30_000;
      scheduler.flush();
      assert.equal(store.snapshot().offer?.expired, true, 'the kit shows the timeout, and sends nothing');
      const before = sdk.requests.length;
      sdk.frame(frame.contactUpdated(interactionId, CARLA, {campaignPreviewOfferTimeout: String(T0 + 60_000)}));
      await settle();
      assert.deepEqual(dialerRequests(sdk, before), []);
      assert.equal(preview(store).offer?.contact.name, 'Carla Dias');
      assert.equal(store.snapshot().offer?.expired, false);
      assert.deepEqual(
        events.find((e) => e.type === 'offer-withdrawn'),
        {type: 'offer-withdrawn', offerId: interactionId, reason: 'expired', autoAction: 'skip'},
      );
      assert.equal(preview(store).actions.accept, true);
    });

    it('the newer SDK raises the update twice (raw message and task:campaignContactUpdated): one next contact', async () => {
      const {store, interactionId, events} = await offeredOnNewer();
      store.dispatch({type: 'skip', offerId: interactionId});
      await settle();
      const before = events.length;
      sdk.frame(frame.contactUpdated(interactionId, BRUNO, {campaignPreviewOfferTimeout: String(T0 + 60_000)}));
      await settle();
      assert.deepEqual(
        events.slice(before).map((e) => e.type),
        ['offer-withdrawn', 'contact-offered'],
      );
      assert.equal(preview(store).offer?.contact.name, 'Bruno Lima');
    });

    it('the campaign has no next contact: the task ends and nothing is left on show', async () => {
      const {store, interactionId} = await offeredOnNewer();
      store.dispatch({type: 'skip', offerId: interactionId});
      await settle();
      sdk.frame(frame.ended(interactionId));
      await settle();
      assert.equal(preview(store).offer, null);
      assert.deepEqual(preview(store).notices, []);
    });
  });

  describe('6. a reload mid-preview resumes the preview, through one snapshot', () => {
    it('a pending preview comes back as AgentContact in state new (task:incoming): shown, and Accept posts its accept', async () => {
      const {store, events} = connect(sdk.cc, {profile: PROFILE});
      const {interactionId, frame: sent} = frame.agentContact(ANA, {state: 'new', createdTimestamp: T0 - 10_000});
      sdk.frame(sent);
      await settle();
      assert.deepEqual(
        events.map((e) => e.type),
        ['snapshot'],
      );
      const offer = preview(store).offer;
      assert.equal(offer?.offerId, interactionId);
      assert.equal(offer?.contact.name, 'Ana Souza');
      assert.deepEqual(preview(store).countdown, {deadline: T0 + 30_000, action: 'skip'});
      const before = sdk.requests.length;
      store.dispatch({type: 'accept', offerId: interactionId});
      await settle();
      assert.deepEqual(dialerRequests(sdk, before), [accept(interactionId)]);
      sdk.frame(frame.assigned(`call-${interactionId}`, interactionId));
      await settle();
      assert.equal(card(store)?.status, 'connected');
      assert.equal(card(store)?.startedAt, T0 - 10_000, "timed from the preview's start, as before the reload");
    });

    it('tasks raised during register (a pending preview and a call in wrap-up) become one snapshot of the whole desk', async () => {
      const raised: unknown[] = [];
      const collect = (task: unknown) => raised.push(task);
      sdk.cc.on('task:incoming', collect);
      sdk.cc.on('task:hydrate', collect);
      const call = frame.agentContact(BRUNO, {state: 'wrapUp', createdTimestamp: T0 - 300_000});
      call.frame.data.interaction.participants = {[sdk.agentId]: {isWrapUp: true}} as never;
      sdk.frame(call.frame);
      const pending = frame.agentContact(CARLA, {state: 'new', createdTimestamp: T0 - 5_000});
      sdk.frame(pending.frame);
      sdk.cc.off('task:incoming', collect);
      sdk.cc.off('task:hydrate', collect);
      const {store} = connect(sdk.cc, {profile: PROFILE, hydrated: raised as WebexTask[]});
      await settle();
      assert.equal(preview(store).offer?.contact.name, 'Carla Dias');
      assert.equal(card(store)?.status, 'ended');
      assert.equal(card(store)?.contact?.name, 'Bruno Lima');
      assert.ok(card(store)?.wrapUp, 'its disposition is still due');
    });
  });

  describe('7. failure reasons', () => {
    it("a refused skip shows the dialer's reason (CampaignPreviewSkipFailed), and the agent decides again", async () => {
      const {store, interactionId} = await offeredOnNewer();
      store.dispatch({type: 'skip', offerId: interactionId});
      await settle();
      sdk.frame(frame.routing('CampaignPreviewSkipFailed', {interactionId, campaignId: CAMPAIGN, reason: 'SKIP_LIMIT_REACHED'}));
      await settle();
      assert.deepEqual(
        preview(store).notices.map((n) => n.code),
        ['SKIP_LIMIT_REACHED'],
      );
      assert.equal(store.snapshot().offer?.decision, null);
      assert.equal(preview(store).actions.skip, true);
    });

    it('task:campaignPreview*Failed carries the Task: the reason is task.data.reason, reported once', async () => {
      const {store, interactionId} = await offeredOnNewer();
      // No action of ours is pending: the dialer's own auto action failed.
      sdk.frame(frame.routing('CampaignPreviewRemoveFailed', {interactionId, campaignId: CAMPAIGN, reason: 'CONTACT_LOCKED'}));
      await settle();
      assert.equal(sdk.cc.taskManager.getTask(interactionId).data.reason, 'CONTACT_LOCKED', 'what the newer SDK passes');
      assert.deepEqual(
        preview(store).notices.map((n) => n.code),
        ['CONTACT_LOCKED'],
      );
      assert.ok(!preview(store).notices.some((n) => n.code === 'webex-failed'));
      sdk.frame(
        frame.routing(sdk.enums.CC_EVENTS.CAMPAIGN_PREVIEW_ACCEPT_FAILED, {interactionId, campaignId: CAMPAIGN, reason: 'DIALER_BUSY'}),
      );
      await settle();
      assert.deepEqual(
        preview(store).notices.map((n) => n.code),
        ['CONTACT_LOCKED', 'DIALER_BUSY'],
        'raw message and task event: one notice',
      );
    });
  });

  describe("from Webex's widgets", () => {
    it('in browser telephony a ringing preview call can be cancelled: task.end() posts the end, and the call ends', async () => {
      const {store, dialer, interactionId} = await offeredOnNewer({}, {profile: {...PROFILE, deviceType: 'BROWSER'}});
      assert.ok(dialer.capabilities.actions.includes('cancel-call'));
      assert.equal(preview(store).offer?.campaign.allowEndCall, true);
      store.dispatch({type: 'accept', offerId: interactionId});
      await settle();
      // The dialer's intermediate update during the accept: the task is no longer a reservation to the SDK...
      sdk.frame(frame.contactUpdated(interactionId, ANA));
      await settle();
      assert.equal(store.snapshot().offer?.contact.name, 'Ana Souza', 'the same contact, being accepted');
      // ...so when the agent's browser line rings with the preview call, the SDK raises task:incoming for it.
      sdk.cc.webCallingService.emit('line:incoming_call', {getCallId: () => `web-${interactionId}`});
      await settle();
      assert.equal(card(store)?.status, 'ringing');
      assert.equal(card(store)?.canCancel, true);
      const before = sdk.requests.length;
      store.dispatch({type: 'cancel-call', callId: interactionId});
      await settle();
      assert.deepEqual(dialerRequests(sdk, before), [`POST /v1/tasks/${interactionId}/end`]);
      sdk.frame(frame.routing(sdk.enums.CC_EVENTS.AGENT_WRAPUP, {interactionId}));
      await settle();
      assert.equal(card(store)?.status, 'ended');
      assert.ok(card(store)?.wrapUp, 'Webex asks for the wrap-up');
    });

    it('with a desk phone there is no Cancel: the phone hangs up', async () => {
      const {store, dialer} = await offeredOnNewer();
      assert.ok(!dialer.capabilities.actions.includes('cancel-call'));
      assert.equal(preview(store).offer?.campaign.allowEndCall, false);
    });

    it('only the newest preview is shown when two arrive', async () => {
      const {store, events} = connect(sdk.cc);
      const first = frame.reservation(ANA, {}, {createdTimestamp: T0 - 2_000});
      const second = frame.reservation(BRUNO, {}, {createdTimestamp: T0 - 1_000});
      const older = frame.reservation(CARLA, {}, {createdTimestamp: T0 - 9_000});
      sdk.frame(first.frame);
      sdk.frame(second.frame);
      sdk.frame(older.frame);
      await settle();
      assert.equal(preview(store).offer?.contact.name, 'Bruno Lima');
      assert.deepEqual(
        events.filter((e) => e.type === 'offer-withdrawn'),
        [{type: 'offer-withdrawn', offerId: first.interactionId, reason: 'withdrawn'}],
      );
      assert.ok(!events.some((e) => e.type === 'contact-offered' && e.offerId === older.interactionId), 'an older one is never shown');
    });
  });
});
