/**
 * An offline stand-in for Webex Contact Center's servers, to try the kit on
 * the real SDK without a tenant. The SDK is the real one; only its two network
 * edges are replaced, as the kit's tests do: HTTP requests (answered here, the
 * way the dialer would) and the frames of its WebSocket (delivered to its own
 * WebSocket manager). Frames are shaped like the ones in Webex's widgets' own
 * end-to-end fixtures.
 *
 * The dialer's state lives in sessionStorage, so a reload finds the agent's
 * pending preview or call still there, as Webex's servers keep them.
 */
const AGENT_ID = 'offline-agent';
const ORG_ID = 'offline-org';
const CAMPAIGN = 'Spring Renewals';
/** The campaign's own line: Webex sends it as `dn`, which is never the customer's number in a preview. */
const CAMPAIGN_LINE = '+18005550100';
const STORAGE_KEY = 'campaign-preview-kit:webex-offline';
const OFFER_SECONDS = 60;

/** What `webex.cc.register()` would return for this agent (the parts the adapter reads). */
export const OFFLINE_PROFILE = {
  wrapupCodes: [
    {id: 'wu-sale', name: 'Sale', isSystem: false, isDefault: false},
    {id: 'wu-no-sale', name: 'No sale', isSystem: false, isDefault: true},
  ],
  idleCodes: [{id: 'idle-break', name: 'Break', isSystem: false, isDefault: true}],
};

/** The campaign's list, in dialling order: a skip, a remove or the dialer's auto-skip brings the next one. */
const CONTACTS = [
  {name: 'Maria Oliveira', number: '+5511955550101', plan: 'Gold'},
  {name: 'John Carter', number: '+14155550102', plan: 'Silver'},
  {name: 'Ana Souza', number: '+5521955550103', plan: 'Bronze'},
  {name: 'Kenji Watanabe', number: '+81355550104', plan: 'Platinum'},
];
const PREDICTIVE_CUSTOMER = {name: 'Lucas Pereira', number: '+5531955550199'};

const MODES = {
  standard: {outboundType: 'STANDARD_PREVIEW_CAMPAIGN', campaignType: 'preview_standard'},
  direct: {outboundType: 'DIRECT_PREVIEW_CAMPAIGN', campaignType: 'preview_direct'},
};

/** The interaction of a preview or its call, in `state`, as Webex sends it whole with every message. */
function interactionOf({mode, contact, createdTimestamp, expiresAt, joinedAt}, state) {
  const customer = CONTACTS[contact];
  return {
    mediaType: 'telephony',
    state,
    outboundType: MODES[mode].outboundType,
    createdTimestamp,
    callProcessingDetails: {
      campaignId: CAMPAIGN,
      campaignType: MODES[mode].campaignType,
      campaignPreviewSkipDisabled: 'false',
      campaignPreviewRemoveDisabled: 'false',
      campaignPreviewAutoAction: 'SKIP',
      campaignPreviewOfferTimeout: String(expiresAt),
    },
    callAssociatedDetails: {ani: customer.number, dn: CAMPAIGN_LINE, customerName: customer.name, virtualTeamName: 'Outbound Team'},
    // Only the global, agent-viewable, non-system variable (Plan) is the agent's to see.
    callAssociatedData: {
      Global_Plan: {
        name: 'Global_Plan',
        displayName: 'Plan',
        value: customer.plan,
        type: 'STRING',
        agentEditable: false,
        agentViewable: true,
        global: true,
        isSecure: false,
      },
      ani: {name: 'ani', displayName: 'ani', value: customer.number, agentViewable: true, global: true},
      Team_Note: {name: 'Team_Note', displayName: 'Team note', value: 'internal', agentViewable: true, global: false},
    },
    ...(joinedAt ? {participants: {[AGENT_ID]: {hasJoined: true, joinTimestamp: joinedAt, pType: 'Agent', id: AGENT_ID}}} : {}),
  };
}

/** The dialer's state: kept across a reload only (a fresh visit starts a fresh shift). */
function restore() {
  const reloaded = performance.getEntriesByType('navigation')[0]?.type === 'reload';
  const saved = reloaded ? JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') : null;
  return saved ?? {serial: 0, position: 0, refuseNextAccept: false, preview: null, call: null};
}

/**
 * Starts the SDK offline. `onRequest` sees every HTTP request the SDK makes,
 * `onFrame` every message the stand-in sends. Returns `webex` and the
 * dialer's side, driven from the page.
 */
export async function startOfflineWebex(Webex, {onRequest = () => {}, onFrame = () => {}} = {}) {
  const webex = Webex.init({credentials: {access_token: 'offline'}});
  await new Promise((resolve) => webex.once('ready', resolve));
  const cc = webex.cc;
  const sockets = cc.services.webSocketManager;
  const frame = (message) => {
    onFrame(message.data);
    sockets.emit('message', JSON.stringify(message));
  };
  const routing = (type, data) => frame({type: 'RoutingMessage', data: {type, agentId: AGENT_ID, orgId: ORG_ID, ...data}});
  const later = (work, ms = 600) => setTimeout(work, ms);
  const state = restore();
  const save = () => sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  save(); // a fresh visit's state replaces the last one's
  let autoSkip = null;
  const takeContact = () => state.position++ % CONTACTS.length;

  /** Webex's back end applies the campaign's auto action (SKIP) when the offer times out. */
  function scheduleAutoSkip() {
    clearTimeout(autoSkip);
    if (state.preview) autoSkip = setTimeout(nextContact, Math.max(0, state.preview.expiresAt - Date.now()));
  }

  /** The next contact of the campaign, offered on the same reservation. */
  function nextContact() {
    const preview = state.preview;
    if (!preview) return;
    Object.assign(preview, {contact: takeContact(), expiresAt: Date.now() + OFFER_SECONDS * 1000});
    save();
    scheduleAutoSkip();
    routing('CampaignContactUpdated', {interactionId: preview.interactionId, interaction: interactionOf(preview, 'new')});
  }

  function accept(reservation) {
    if (state.refuseNextAccept) {
      state.refuseNextAccept = false;
      save();
      later(() =>
        routing('CampaignPreviewAcceptFailed', {interactionId: reservation, campaignId: CAMPAIGN, reason: 'CONTACT_NOT_AVAILABLE'}),
      );
      return;
    }
    later(() => {
      if (state.preview?.interactionId !== reservation) return;
      state.call = {...state.preview, interactionId: `call-${reservation}`, joinedAt: Date.now()};
      state.preview = null;
      save();
      scheduleAutoSkip();
      routing('AgentContactAssigned', {
        interactionId: state.call.interactionId,
        reservationInteractionId: reservation,
        interaction: interactionOf(state.call, 'connected'),
      });
    }, 1_500);
  }

  /** What the dialer answers to each request (the SDK waits for these frames). */
  function answer(method, resource, body) {
    const preview = resource.match(/\/preview-task\/([^/]+)\/(accept|skip|remove)$/);
    if (preview?.[2] === 'accept') accept(preview[1]);
    else if (preview && state.preview?.interactionId === preview[1]) later(nextContact);
    const task = resource.match(/\/v1\/tasks\/([^/]+)\/(end|wrapup)$/);
    if (task?.[2] === 'end') later(() => routing('AgentWrapup', {interactionId: task[1], wrapUpRequired: true}));
    if (task?.[2] === 'wrapup') later(() => routing('AgentWrappedUp', {interactionId: task[1]}));
    if (method === 'PUT' && resource.endsWith('/agents/session/state')) {
      later(() =>
        frame({
          type: 'AgentStateChange',
          data: {type: 'AgentStateChangeSuccess', agentId: AGENT_ID, subStatus: body.state, auxCodeId: body.auxCodeId},
        }),
      );
    }
  }

  Object.defineProperty(webex, 'request', {
    value: (options) => {
      const method = options.method ?? 'GET';
      const resource = options.resource ?? options.uri ?? '';
      onRequest({method, resource, body: options.body});
      answer(method, resource, options.body ?? {});
      const response = Promise.resolve({statusCode: 202, body: {}, headers: {}, options});
      return Object.assign(response, {on: () => response});
    },
  });
  webex.credentials.getOrgId = () => ORG_ID;
  webex.internal.support.submitLogs = async () => ({});
  cc.apiAIAssistant?.setAIFeatureFlags?.({realtimeTranscripts: {enable: false}});
  // What register() and stationLogin() set up with a real tenant.
  cc.taskManager.setAgentId(AGENT_ID);
  cc.agentConfig = {agentId: AGENT_ID, teams: []};

  return {
    webex,
    /**
     * What Webex's servers send when the agent's desktop (re)connects: each
     * task the agent still has, as an `AgentContact` (a pending preview in
     * state `new`, a call `connected`).
     */
    reconnect() {
      scheduleAutoSkip();
      for (const [entry, status] of [
        [state.preview, 'new'],
        [state.call, 'connected'],
      ]) {
        if (entry)
          frame({
            data: {
              type: 'AgentContact',
              interactionId: entry.interactionId,
              agentId: AGENT_ID,
              orgId: ORG_ID,
              interaction: interactionOf(entry, status),
            },
          });
      }
    },
    /** A preview reservation in `mode` (standard or direct), as Webex's dialer pushes it to an available agent. */
    offerContact(mode) {
      state.serial += 1;
      const now = Date.now();
      state.preview = {
        interactionId: `reservation-${now.toString(36)}-${state.serial}`,
        mode,
        contact: takeContact(),
        createdTimestamp: now,
        expiresAt: now + OFFER_SECONDS * 1000,
      };
      save();
      scheduleAutoSkip();
      const {interactionId} = state.preview;
      frame({
        data: {
          type: 'AgentOfferCampaignReservation',
          interactionId,
          agentId: AGENT_ID,
          orgId: ORG_ID,
          trackingId: `offline-${state.serial}`,
          eventTime: now,
          interaction: interactionOf(state.preview, 'new'),
        },
      });
    },
    /** The offer times out now: the dialer auto-skips to the next contact, with no agent action. */
    autoSkip: nextContact,
    refuseNextAccept() {
      state.refuseNextAccept = true;
      save();
    },
    /** The customer hangs up the connected call: the agent wraps up. */
    hangUp() {
      if (state.call)
        routing('ContactEnded', {
          interactionId: state.call.interactionId,
          agentsPendingWrapUp: [AGENT_ID],
          interaction: interactionOf(state.call, 'wrapUp'),
        });
      state.call = null;
      save();
    },
    /** The outdial to the customer fails. */
    failOutdial() {
      if (state.call) routing('AgentOutboundFailed', {interactionId: state.call.interactionId, reason: 'CUSTOMER_BUSY'});
      state.call = null;
      save();
    },
    /** A predictive campaign's call: the desktop's to handle, not a preview. */
    predictiveCall() {
      state.serial += 1;
      save();
      routing('AgentContactReserved', {
        interactionId: `predictive-${Date.now().toString(36)}-${state.serial}`,
        interaction: {
          mediaType: 'telephony',
          state: 'new',
          outboundType: 'PREDICTIVE_CAMPAIGN',
          callProcessingDetails: {campaignId: 'Winter Win-back', campaignType: 'predictive'},
          callAssociatedDetails: {ani: PREDICTIVE_CUSTOMER.number, dn: CAMPAIGN_LINE, customerName: PREDICTIVE_CUSTOMER.name},
        },
      });
    },
  };
}
