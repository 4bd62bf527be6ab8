// A host page wiring the kit to the Webex Contact Center JS SDK. The part a
// Webex integration copies is `connectKit`; the rest runs the page offline.
import {createCampaignStore} from '/dist/index.js';
import {WebexDialer} from '/dist/webex.js';
import {OFFLINE_PROFILE, startOfflineWebex} from './webex-offline.js';

// The SDK's own browser build (umd/contact-center.min.js) defines `Webex`.
const Webex = window.Webex.default ?? window.Webex;
const status = document.getElementById('status');

/**
 * The kit on `webex.cc`: the profile from `register()` gives the wrap-up and
 * idle codes; tasks hydrated during `register()` (a reload mid-call) resume.
 */
function connectKit(webex, profile, hydrated) {
  const dialer = new WebexDialer(webex.cc, {profile, hydrated});
  document.querySelector('campaign-provider').store = createCampaignStore(dialer);
  // Webex's dialer only reserves an Available agent.
  return webex.cc.setAgentState({state: 'Available', auxCodeId: '0'});
}

/** With a tenant: the agent's access token, a browser station. */
async function signIn(token) {
  const webex = Webex.init({credentials: {access_token: token}});
  await new Promise((resolve) => webex.once('ready', resolve));
  const hydrated = [];
  const collect = (task) => hydrated.push(task);
  webex.cc.on('task:hydrate', collect);
  const profile = await webex.cc.register();
  webex.cc.off('task:hydrate', collect);
  // After a reload the agent is still signed in to a station.
  if (!profile.isAgentLoggedIn) await webex.cc.stationLogin({teamId: profile.teams[0].teamId, loginOption: 'BROWSER'});
  await connectKit(webex, profile, hydrated);
  status.textContent = `Signed in as ${profile.agentName ?? profile.agentId}.`;
}

/** Without one: the same SDK with its network replaced by a stand-in dialer, driven from this page. */
async function offline() {
  const requests = document.getElementById('requests');
  const dialer = await startOfflineWebex(Webex, {
    onRequest: ({method, resource}) => {
      const item = document.createElement('li');
      item.textContent = `${method} ${resource}`;
      requests.prepend(item);
    },
  });
  await connectKit(dialer.webex, OFFLINE_PROFILE, []);
  document.getElementById('offline').hidden = false;
  document.getElementById('offer').addEventListener('click', () => dialer.offerContact());
  document.getElementById('refuse').addEventListener('click', () => dialer.refuseNextAccept());
  document.getElementById('hang-up').addEventListener('click', () => dialer.hangUp());
  document.getElementById('fail').addEventListener('click', () => dialer.failOutdial());
  status.textContent = 'Offline: the real Webex SDK, with a stand-in dialer below.';
}

if (new URLSearchParams(location.search).has('tenant')) {
  const form = document.getElementById('sign-in');
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    form.hidden = true;
    signIn(new FormData(form).get('token')).catch((error) => (status.textContent = `Sign-in failed: ${error.message}`));
  });
} else {
  offline().catch((error) => (status.textContent = `The SDK did not start: ${error.message}`));
}
