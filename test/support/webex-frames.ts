/**
 * Frames shaped like Webex's own (the fields Webex's campaign-preview widgets
 * and their end-to-end fixtures use), and a store on the adapter over the real
 * SDK, for the Webex adapter's tests.
 */
import {after} from 'node:test';
import {VirtualTimeScheduler} from 'rxjs';
import {createCampaignStore} from '../../src/store/create-campaign-store.js';
import {WebexDialer, type WebexContactCenter, type WebexDialerOptions} from '../../src/webex.js';
import {selectPreview, selectTask} from '../../src/core/views.js';
import type {CampaignStore} from '../../src/store/campaign-store.js';
import type {OfflineWebex} from './webex-sdk.js';

export const T0 = Date.UTC(2026, 10, 26, 14, 0, 0);
export const CAMPAIGN = 'Spring Renewals';
export const settle = () => new Promise((resolve) => setImmediate(resolve));

export const PROFILE: NonNullable<WebexDialerOptions['profile']> = {
  wrapupCodes: [
    {id: 'wu-sale', name: 'Sale', isSystem: false, isDefault: false},
    {id: 'wu-no-sale', name: 'No sale', isSystem: false, isDefault: true},
  ],
  idleCodes: [
    {id: 'idle-lunch', name: 'Lunch', isSystem: false, isDefault: false},
    {id: 'idle-break', name: 'Break', isSystem: false, isDefault: true},
  ],
};

export interface Customer {
  readonly name: string;
  readonly ani: string;
  readonly plan: string;
}

export const ANA: Customer = {name: 'Ana Souza', ani: '+551155550101', plan: 'Gold'};
export const BRUNO: Customer = {name: 'Bruno Lima', ani: '+551155550102', plan: 'Silver'};
export const CARLA: Customer = {name: 'Carla Dias', ani: '+551155550103', plan: 'Bronze'};
/** The campaign's own line: Webex's `dn` for a preview, never the customer's number. */
export const CAMPAIGN_LINE = '+18005550199';

const variable = (name: string, value: string, more: Record<string, unknown> = {}) => ({
  name,
  displayName: name.replace(/^Global_/, ''),
  value,
  type: 'STRING',
  agentEditable: false,
  agentViewable: true,
  global: true,
  isSecure: false,
  ...more,
});

/** A preview interaction: `outboundType` and `callProcessingDetails.campaignType` name the mode, `callAssociatedDetails` the customer. */
export function previewInteraction(
  customer: Customer,
  processing: Record<string, unknown> = {},
  interaction: Record<string, unknown> = {},
) {
  return {
    mediaType: 'telephony',
    state: 'new',
    outboundType: 'STANDARD_PREVIEW_CAMPAIGN',
    callProcessingDetails: {
      campaignId: CAMPAIGN,
      campaignType: 'preview_standard',
      campaignPreviewSkipDisabled: 'false',
      campaignPreviewRemoveDisabled: 'true',
      campaignPreviewAutoAction: 'SKIP',
      campaignPreviewOfferTimeout: String(T0 + 30_000),
      ...processing,
    },
    callAssociatedDetails: {
      ani: customer.ani,
      dn: CAMPAIGN_LINE,
      customerName: customer.name,
      virtualTeamName: 'Outbound Team',
      ronaTimeout: '30',
    },
    callAssociatedData: {
      Global_Plan: variable('Global_Plan', customer.plan),
      // System variables and non-global ones are not the contact's details.
      ani: variable('ani', customer.ani),
      dn: variable('dn', CAMPAIGN_LINE),
      customerName: variable('customerName', customer.name),
      virtualTeamName: variable('virtualTeamName', 'Outbound Team'),
      ronaTimeout: variable('ronaTimeout', '30'),
      'FC-DESKTOP-VIEW': variable('FC-DESKTOP-VIEW', 'view-1'),
      Team_Note: variable('Team_Note', 'call before noon', {global: false}),
      Global_Secret: variable('Global_Secret', 'internal', {agentViewable: false}),
    },
    ...interaction,
  };
}

/** The frames of one test file's SDK: distinct interaction ids, this SDK's agent. */
export function frames(sdk: OfflineWebex) {
  let serial = 0;
  const routing = (type: string, data: Record<string, unknown>) => ({
    type: 'RoutingMessage',
    data: {type, agentId: sdk.agentId, orgId: sdk.orgId, ...data},
  });
  return {
    routing,
    nextId: (prefix: string) => `${prefix}-${++serial}`,
    /** `AgentOfferCampaignReservation`: the SDK raises `task:campaignPreviewReservation`. */
    reservation(customer: Customer = ANA, processing: Record<string, unknown> = {}, interaction: Record<string, unknown> = {}) {
      const interactionId = `reservation-${++serial}`;
      const frame = {
        data: {
          type: sdk.enums.CC_EVENTS.AGENT_OFFER_CAMPAIGN_RESERVATION,
          interactionId,
          agentId: sdk.agentId,
          orgId: sdk.orgId,
          trackingId: `tracking-${interactionId}`,
          interaction: previewInteraction(customer, processing, interaction),
        },
      };
      return {interactionId, frame};
    },
    /** The next contact on the same task, with its own offer timeout. */
    contactUpdated: (interactionId: string, customer: Customer, processing: Record<string, unknown> = {}) =>
      routing(sdk.enums.CC_EVENTS.CAMPAIGN_CONTACT_UPDATED, {interactionId, interaction: previewInteraction(customer, processing)}),
    assigned: (interactionId: string, reservationInteractionId: string) =>
      routing(sdk.enums.CC_EVENTS.AGENT_CONTACT_ASSIGNED, {
        interactionId,
        reservationInteractionId,
        interaction: previewInteraction(ANA, {}, {state: 'connected'}),
      }),
    ended: (interactionId: string, wrapUp = false) =>
      routing(sdk.enums.CC_EVENTS.CONTACT_ENDED, {
        interactionId,
        ...(wrapUp ? {agentsPendingWrapUp: [sdk.agentId]} : {}),
        interaction: {mediaType: 'telephony', state: wrapUp ? 'wrapUp' : 'ended'},
      }),
    /** What Webex sends for a task when the SDK (re)connects: `AgentContact`, raised as `task:incoming` in state `new`, else `task:hydrate`. */
    agentContact(customer: Customer, interaction: Record<string, unknown>, processing: Record<string, unknown> = {}) {
      const interactionId = `resumed-${++serial}`;
      const frame = {
        data: {
          type: sdk.enums.CC_EVENTS.AGENT_CONTACT,
          interactionId,
          agentId: sdk.agentId,
          orgId: sdk.orgId,
          interaction: {participants: {}, ...previewInteraction(customer, processing), ...interaction},
        },
      };
      return {interactionId, frame};
    },
  };
}

/**
 * A store on the adapter, both on one virtual clock starting at T0; disposed
 * after the test. `events` collects what the adapter emits once the store has
 * subscribed (the store takes the events raised before).
 */
export function connect(cc: WebexContactCenter, options: WebexDialerOptions = {}) {
  const scheduler = new VirtualTimeScheduler();
  scheduler.frame = T0;
  const dialer = new WebexDialer(cc, {now: () => scheduler.now(), ...options});
  const store = createCampaignStore(dialer, {scheduler});
  const events: Array<{type: string; [field: string]: unknown}> = [];
  dialer.events$.subscribe((event) => events.push(event as {type: string}));
  after(() => {
    store.dispose();
    dialer.dispose();
  });
  return {dialer, store, scheduler, events};
}

export const preview = (store: CampaignStore) => selectPreview(store.snapshot(), store.now());
export const card = (store: CampaignStore) => selectTask(store.snapshot(), store.now());

/** The dialer requests the SDK made since `from`, as `METHOD resource`. */
export const dialerRequests = (sdk: OfflineWebex, from: number) =>
  sdk.requests
    .slice(from)
    .map((r) => `${r.method} ${r.resource}`)
    .filter((r) => r.includes('/dialer/') || r.includes('/tasks/'));
