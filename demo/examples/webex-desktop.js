// A host page wiring the kit to the Webex Contact Center JS SDK. The part a
// Webex integration copies is `connectKit` and `raisedDuring`; the rest runs
// the page offline.
import {createCampaignStore} from '/dist/index.js';
import {WebexDialer} from '/dist/webex.js';
import {addSkipAndRemove} from './webex-newer-sdk.js';
import {OFFLINE_PROFILE, startOfflineWebex} from './webex-offline.js';

// The SDK's own browser build (umd/contact-center.min.js) defines `Webex`.
const Webex = window.Webex.default ?? window.Webex;
const status = document.getElementById('status');
const params = new URLSearchParams(location.search);

/**
 * The kit on `webex.cc`: the profile from `register()` gives the wrap-up and
 * idle codes; tasks the SDK raised before (a reload mid-preview or mid-call) resume.
 */
function connectKit(webex, profile, hydrated) {
  const dialer = new WebexDialer(webex.cc, {profile, hydrated});
  document.querySelector('campaign-provider').store = createCampaignStore(dialer);
  // Webex's dialer only reserves an Available agent.
  return webex.cc.setAgentState({state: 'Available', auxCodeId: '0'});
}

/**
 * Runs `work` and gathers the tasks the SDK raises meanwhile: on reconnecting,
 * Webex brings back calls as `task:hydrate` and pending previews as `task:incoming`.
 */
async function raisedDuring(cc, work) {
  const tasks = [];
  const collect = (task) => tasks.push(task);
  const events = ['task:hydrate', 'task:incoming'];
  events.forEach((name) => cc.on(name, collect));
  try {
    return [await work(), tasks];
  } finally {
    events.forEach((name) => cc.off(name, collect));
  }
}

/** With a tenant: the agent's access token, a browser station. */
async function signIn(token) {
  const webex = Webex.init({credentials: {access_token: token}});
  await new Promise((resolve) => webex.once('ready', resolve));
  const [profile, hydrated] = await raisedDuring(webex.cc, () => webex.cc.register());
  // After a reload the agent is still signed in to a station.
  if (!profile.isAgentLoggedIn) await webex.cc.stationLogin({teamId: profile.teams[0].teamId, loginOption: 'BROWSER'});
  await connectKit(webex, profile, hydrated);
  status.textContent = `Signed in as ${profile.agentName ?? profile.agentId}.`;
}

const logTo = (id) => (line) => {
  const item = document.createElement('li');
  item.textContent = line;
  document.getElementById(id).prepend(item);
};

/** The desktop's own view of the SDK's tasks: what the kit leaves alone (a predictive call) is the desktop's to answer. */
function logDesktopTasks(cc) {
  const log = logTo('desktop-tasks');
  for (const name of ['task:incoming', 'task:hydrate']) {
    cc.on(name, ({data}) => {
      const interaction = data.interaction ?? {};
      const customer = interaction.callAssociatedDetails?.customerName ?? '';
      log(`${name} ${data.interactionId} ${interaction.outboundType ?? interaction.mediaType} ${customer}`);
    });
  }
}

/** Without one: the same SDK with its network replaced by a stand-in dialer, driven from this page. */
async function offline() {
  const newerSdk = params.get('sdk') === 'newer';
  const dialer = await startOfflineWebex(Webex, {
    onRequest: ({method, resource}) => logTo('requests')(`${method} ${resource}`),
    onFrame: ({type, interactionId}) => logTo('frames')([type, interactionId].filter(Boolean).join(' ')),
  });
  if (newerSdk) addSkipAndRemove(dialer.webex);
  logDesktopTasks(dialer.webex.cc);
  const [, hydrated] = await raisedDuring(dialer.webex.cc, async () => dialer.reconnect());
  await connectKit(dialer.webex, OFFLINE_PROFILE, hydrated);

  document.getElementById('offline').hidden = false;
  const on = (id, action) => document.getElementById(id).addEventListener('click', action);
  on('offer-standard', () => dialer.offerContact('standard'));
  on('offer-direct', () => dialer.offerContact('direct'));
  on('auto-skip', () => dialer.autoSkip());
  on('predictive', () => dialer.predictiveCall());
  on('refuse', () => dialer.refuseNextAccept());
  on('hang-up', () => dialer.hangUp());
  on('fail', () => dialer.failOutdial());
  on('reload', () => location.reload());
  const newer = document.getElementById('newer-sdk');
  newer.checked = newerSdk;
  // Kept in the address, so the reload that applies it (and any later one) reads it.
  newer.addEventListener('change', () => {
    const url = new URL(location.href);
    if (newer.checked) url.searchParams.set('sdk', 'newer');
    else url.searchParams.delete('sdk');
    history.replaceState(null, '', url);
  });
  status.textContent = `Offline: the real Webex SDK${newerSdk ? ' with skip and remove as a newer SDK has them' : ''}, with a stand-in dialer below.`;
}

if (params.has('tenant')) {
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
