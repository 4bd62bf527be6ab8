/**
 * An offline stand-in for Amazon Connect, to try the kit on the real
 * amazon-connect-streams library without an instance. The library runs
 * unmodified; only the CCP it frames is replaced: `connect.core.initCCP` loads
 * the tests' stand-in CCP (test/support/amazon-connect/ccp/), which the demo
 * server and web-test-runner both serve on a second loopback port, because
 * Streams only talks to a CCP on another origin than the page, as Amazon's is.
 *
 * This module drives that stand-in over its control port (the protocol of
 * test/support/amazon-connect/ccp-driver.ts) and plays Amazon Connect's side:
 * it answers each request of the library and pushes the agent's next snapshot.
 * The snapshots come from the tests' own builders, so the example and the
 * tests give the library the same data.
 */
import {
  AVAILABLE,
  REGION,
  agentConfiguration,
  agentLeg,
  agentSnapshot,
  agentState,
  customerLeg,
  errorState,
  previewContact,
} from '/test/support/amazon-connect/snapshots.ts';

/** Where the demo server (and web-test-runner's stand-in plugin) say the stand-in CCP is. */
const STAND_IN_CONFIG_URL = '/__amazon-connect/stand-in.json';
/** The campaign's countdown after the agent's accept; at its end Amazon Connect dials by itself. */
const AUTO_DIAL_SECONDS = 30;
const CAMPAIGN = 'Spring Renewals';
/** The campaign's list, in dialling order. */
const CUSTOMERS = [
  {name: 'Maria Oliveira', phoneNumber: '+5511955550101', plan: 'Gold', renews: '2025-04-30'},
  {name: 'John Carter', phoneNumber: '+14155550102', plan: 'Silver', renews: '2025-05-15'},
];

/**
 * Starts the library on the stand-in CCP in `container` and resolves once it
 * is initialised and has the agent (Available). `onRequest` sees each request
 * the library sends to the CCP, as one line. Returns Amazon Connect's side,
 * driven from the page.
 */
export async function startOfflineConnect(connect, container, {onRequest = () => {}} = {}) {
  const {ccpUrl} = await (await fetch(STAND_IN_CONFIG_URL)).json();
  connect.core.initCCP(container, {
    ccpUrl,
    loginPopup: false,
    region: REGION,
    softphone: {allowFramedSoftphone: false, disableRingtone: true},
  });
  const initialised = new Promise((resolve) => connect.core.onInitialized(resolve));
  const iframe = container.querySelector('iframe');
  await new Promise((resolve) => iframe.addEventListener('load', resolve, {once: true}));
  const {port1: control, port2} = new MessageChannel();

  const configuration = agentConfiguration();
  let agent = agentState(AVAILABLE);
  /** The agent's one contact: its state and each leg's, or null. */
  let contact = null;
  let served = 0;
  let autoDial;

  function push() {
    const contacts = contact
      ? [
          previewContact({
            contactId: contact.contactId,
            state: contact.state,
            since: contact.since,
            attributes: {
              customerName: contact.customer.name,
              campaignName: CAMPAIGN,
              Plan: contact.customer.plan,
              'Renews on': contact.customer.renews,
            },
            connections: [
              agentLeg(contact.contactId, contact.agentLeg),
              customerLeg(contact.contactId, contact.customerLeg, contact.customer.phoneNumber),
            ],
          }),
        ]
      : [];
    control.postMessage({kind: 'agent_update', agent: {snapshot: agentSnapshot({state: agent, contacts}), configuration}});
  }

  /** Changes the contact and pushes the snapshot; a new contact state starts its clock (the countdown counts from it). */
  function update(changes) {
    if (changes.state && changes.state !== contact.state) changes.since = new Date();
    Object.assign(contact, changes);
    push();
  }

  const is = (state, customerLeg) => contact?.state === state && (customerLeg === undefined || contact.customerLeg === customerLeg);

  function dialCustomer() {
    clearTimeout(autoDial);
    if (is('connected', 'init')) update({customerLeg: 'connecting'});
  }

  /** The contact ends, into after-call work (until the agent's side clears it). */
  function end() {
    clearTimeout(autoDial);
    if (contact && !is('ended')) update({state: 'ended', agentLeg: 'disconnected', customerLeg: 'disconnected'});
  }

  /** Amazon Connect's answer to each SDK command; any other is refused, so the SDK does not wait for one. */
  const sdkAnswers = {
    'contact/isPreviewMode': () => ({isPreviewMode: true}),
    'contact/getPreviewConfiguration': () => ({autoDialTimeout: AUTO_DIAL_SECONDS, canDiscardPreview: true}),
    'contact/engagePreviewContact': () => ({participantId: `${contact?.contactId}-customer`}),
  };

  /** What Amazon Connect does once it has answered a request (api_request methods and SDK commands). */
  const afterwards = {
    acceptContact() {
      if (!is('incoming')) return;
      update({state: 'connected', agentLeg: 'connected'});
      autoDial = setTimeout(dialCustomer, AUTO_DIAL_SECONDS * 1000);
    },
    'contact/engagePreviewContact': dialCustomer,
    // The agent's leg (a discard, before the dial) or the customer's (Cancel): the contact ends either way.
    destroyConnection: end,
    clearContact() {
      contact = null;
      agent = agentState(AVAILABLE);
      push();
    },
    putAgentState({state}) {
      agent = agentState(state);
      push();
    },
  };

  const ready = new Promise((resolve) => {
    control.onmessage = ({data}) => {
      if (data.kind === 'ready') resolve();
      else if (data.kind === 'api_request') onApiRequest(data.request);
      else if (data.kind === 'sdk_request') onSdkRequest(data.request);
    };
  });

  function onApiRequest({requestId, method, params}) {
    onRequest(`${method} ${subjectOf(params)}`);
    control.postMessage({kind: 'api_response', requestId, data: {}});
    afterwards[method]?.(params);
  }

  function onSdkRequest({requestId, command, data}) {
    onRequest(`${command} ${subjectOf(data)}`);
    const answer = sdkAnswers[command];
    const reply = answer
      ? {data: answer()}
      : {error: {errorKey: 'noStandInAnswer', reason: `the offline stand-in does not answer ${command}`}};
    control.postMessage({kind: 'sdk_response', requestId, ...reply});
    afterwards[command]?.(data);
  }

  iframe.contentWindow.postMessage({standInControl: true}, new URL(ccpUrl).origin, [port2]);
  await Promise.all([ready, initialised]);
  push();

  return {
    /** A campaign-preview voice contact rings for the agent; the customer's leg is not dialled yet. */
    pushPreview() {
      if (contact) return;
      const customer = CUSTOMERS[served++ % CUSTOMERS.length];
      contact = {
        contactId: `preview-${served}`,
        customer,
        state: 'incoming',
        since: new Date(),
        agentLeg: 'connecting',
        customerLeg: 'init',
      };
      push();
    },
    customerAnswers() {
      if (is('connected', 'connecting')) update({customerLeg: 'connected'});
    },
    /** Streams reports the failed dial in the agent's state. */
    lineBusy() {
      if (!is('connected', 'connecting')) return;
      agent = errorState('LineEngagedCustomer');
      update({customerLeg: 'disconnected'});
    },
    hangUp() {
      if (is('connected')) end();
    },
    /** Nobody answers the ringing contact: the agent lands in MissedCallAgent, and the service drops the contact after this snapshot. */
    ringOut() {
      if (!is('incoming')) return;
      agent = errorState('MissedCallAgent');
      update({state: 'missed', agentLeg: 'disconnected'});
      contact = null;
    },
  };
}

/** What a request is about, for the log: a leg, a contact or an agent state. */
function subjectOf(params) {
  return params?.connectionId ?? params?.contactId ?? params?.state?.name ?? '';
}
