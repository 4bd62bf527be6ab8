// A host page wiring the kit to Amazon Connect through amazon-connect-streams.
// The part an integration copies is `connectKit`, called after
// `connect.core.initCCP`; the rest starts the CCP, a real one or offline.
import {createCampaignStore} from '/dist/index.js';
import {AmazonConnectDialer} from '/dist/amazon-connect.js';
import {startOfflineConnect} from './amazon-connect-offline.js';

// The library's build (release/connect-streams.js) defines `connect`.
const {connect} = window;
const status = document.getElementById('status');
const container = document.getElementById('ccp');

/** The kit on Streams: the adapter follows the agent's campaign-preview contacts. */
function connectKit(connect) {
  // Streams has no disposition codes: any of these ends the after-call work (clears the contact).
  const dialer = new AmazonConnectDialer(connect, {
    wrapUpCodes: [
      {code: 'sale', label: 'Sale'},
      {code: 'no-sale', label: 'No sale'},
    ],
  });
  const store = createCampaignStore(dialer);
  document.querySelector('campaign-provider').store = store;
  return store;
}

/** The host's own agent-state control: Available is the agent's routable state, Not ready a not-routable one. */
function agentStateControl(store) {
  const select = document.getElementById('agent-state');
  select.addEventListener('change', () => store.dispatch({type: 'set-agent-state', state: select.value}));
  store.state$.subscribe((state) => {
    if (state.agent.state !== 'unknown') select.value = state.agent.state;
  });
}

/**
 * With an instance: `?ccp=https://<instance>.my.connect.aws/ccp-v2/`. Amazon
 * Connect frames its CCP only for approved origins: add this page's origin
 * (http://localhost:8000 under `npm start`) to the instance's Approved origins.
 */
function online(ccpUrl) {
  connect.core.initCCP(container, {ccpUrl, loginPopup: true, loginPopupAutoClose: true, softphone: {allowFramedSoftphone: true}});
  agentStateControl(connectKit(connect));
  status.textContent = 'Sign in to Amazon Connect in the CCP (a pop-up opens if you are signed out).';
}

/** Without one: the same library, on a stand-in CCP driven from this page. */
async function offline() {
  container.classList.add('stand-in');
  const log = document.getElementById('requests');
  const amazon = await startOfflineConnect(connect, container, {
    onRequest: (line) => {
      const item = document.createElement('li');
      item.textContent = line;
      log.prepend(item);
    },
  });
  agentStateControl(connectKit(connect));

  document.getElementById('offline').hidden = false;
  const on = (id, action) => document.getElementById(id).addEventListener('click', action);
  on('push-preview', amazon.pushPreview);
  on('ring-out', amazon.ringOut);
  on('customer-answers', amazon.customerAnswers);
  on('line-busy', amazon.lineBusy);
  on('hang-up', amazon.hangUp);
  status.textContent = 'Offline: the real amazon-connect-streams, with a stand-in CCP and Amazon Connect played below.';
}

const ccpUrl = new URLSearchParams(location.search).get('ccp');
if (ccpUrl) online(ccpUrl);
else offline().catch((error) => (status.textContent = `The library did not start offline: ${error.message}`));
