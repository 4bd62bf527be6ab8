/**
 * An offline stand-in for Webex Contact Center's servers, to try the kit on
 * the real SDK without a tenant. The SDK is the real one; only its two network
 * edges are replaced, as the kit's tests do: HTTP requests (answered here, the
 * way the dialer would) and the frames of its WebSocket (delivered to its own
 * WebSocket manager).
 */
const AGENT_ID = 'offline-agent';
const ORG_ID = 'offline-org';
const CAMPAIGN = 'Spring Renewals';

/** What `webex.cc.register()` would return for this agent (the parts the adapter reads). */
export const OFFLINE_PROFILE = {
  wrapupCodes: [
    {id: 'wu-sale', name: 'Sale', isSystem: false, isDefault: false},
    {id: 'wu-no-sale', name: 'No sale', isSystem: false, isDefault: true},
  ],
  idleCodes: [{id: 'idle-break', name: 'Break', isSystem: false, isDefault: true}],
};

const CONTACTS = [
  {customerName: 'Maria Oliveira', customerNumber: '+55 11 5555-0101', plan: 'Gold'},
  {customerName: 'John Carter', customerNumber: '+1 415 555 0102', plan: 'Silver'},
  {customerName: 'Ana Souza', customerNumber: '+55 21 5555-0103', plan: 'Bronze'},
];

/**
 * Starts the SDK offline. `onRequest` sees every HTTP request the SDK makes.
 * Returns `webex` and the dialer's side: offer a contact, hang up, fail the outdial.
 */
export async function startOfflineWebex(Webex, {onRequest = () => {}} = {}) {
  const webex = Webex.init({credentials: {access_token: 'offline'}});
  await new Promise((resolve) => webex.once('ready', resolve));
  const cc = webex.cc;
  const sockets = cc.services.webSocketManager;
  const frame = (message) => sockets.emit('message', JSON.stringify(message));
  const routing = (type, data) => ({type: 'RoutingMessage', data: {type, agentId: AGENT_ID, orgId: ORG_ID, ...data}});
  const later = (work, ms = 600) => setTimeout(work, ms);
  let serial = 0;
  let refuseNextAccept = false;
  let call = null;

  /** What the dialer answers to each request (the SDK waits for these frames). */
  function answer(method, resource, body) {
    const accept = resource.match(/\/preview-task\/([^/]+)\/accept$/);
    if (accept) {
      const reservation = accept[1];
      if (refuseNextAccept) {
        refuseNextAccept = false;
        later(() => frame(routing('CampaignPreviewAcceptFailed', {interactionId: reservation, campaignId: CAMPAIGN, reason: 'CONTACT_NOT_AVAILABLE'})));
        return;
      }
      call = `call-${reservation}`;
      later(() => frame(routing('AgentContactAssigned', {interactionId: call, reservationInteractionId: reservation, interaction: {mediaType: 'telephony', state: 'connected', callProcessingDetails: {campaignId: CAMPAIGN}}})), 1_500);
      return;
    }
    const task = resource.match(/\/v1\/tasks\/([^/]+)\/(end|wrapup)$/);
    if (task?.[2] === 'end') later(() => frame(routing('AgentWrapup', {interactionId: task[1], wrapUpRequired: true})));
    if (task?.[2] === 'wrapup') later(() => frame(routing('AgentWrappedUp', {interactionId: task[1]})));
    if (method === 'PUT' && resource.endsWith('/agents/session/state')) {
      later(() => frame({type: 'AgentStateChange', data: {type: 'AgentStateChangeSuccess', agentId: AGENT_ID, subStatus: body.state, auxCodeId: body.auxCodeId}}));
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
    /** A preview reservation, as Webex's dialer pushes it to an available agent. */
    offerContact({timeoutSeconds = 60, autoAction = 'SKIP'} = {}) {
      const contact = CONTACTS[serial % CONTACTS.length];
      serial += 1;
      frame({
        data: {
          type: 'AgentOfferCampaignReservation',
          interactionId: `reservation-${Date.now().toString(36)}-${serial}`,
          agentId: AGENT_ID,
          orgId: ORG_ID,
          trackingId: `offline-${serial}`,
          eventTime: Date.now(),
          interaction: {
            mediaType: 'telephony',
            callProcessingDetails: {
              campaignId: CAMPAIGN,
              customerName: contact.customerName,
              customerNumber: contact.customerNumber,
              campaignPreviewSkipDisabled: 'false',
              campaignPreviewRemoveDisabled: 'false',
              campaignPreviewAutoAction: autoAction,
              campaignPreviewOfferTimeout: String(Date.now() + timeoutSeconds * 1000),
            },
            callAssociatedData: {plan: {name: 'plan', displayName: 'Plan', value: contact.plan, agentViewable: true}},
          },
        },
      });
    },
    refuseNextAccept() {
      refuseNextAccept = true;
    },
    /** The customer hangs up the connected call: the agent wraps up. */
    hangUp() {
      if (call) frame(routing('ContactEnded', {interactionId: call, agentsPendingWrapUp: [AGENT_ID], interaction: {mediaType: 'telephony', state: 'wrapUp'}}));
      call = null;
    },
    /** The outdial to the customer fails. */
    failOutdial() {
      if (call) frame(routing('AgentOutboundFailed', {interactionId: call, reason: 'CUSTOMER_BUSY'}));
      call = null;
    },
  };
}
