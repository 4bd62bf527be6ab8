// The demo agent desktop: a host page wiring the built kit to the simulated dialer.
import {
  parseSimulationJournal,
  requestAlertPermission,
  RecordedSimulatedDialer,
  shareCampaignStore,
  simulatedCapabilities,
  WebSocketDialer,
} from '/dist/index.js';
// The demo's sample campaign (not part of the kit), served from its TypeScript source.
import {demoCampaign} from './demo-campaign.ts';

const params = new URLSearchParams(location.search);
if (params.get('lang')) document.documentElement.lang = params.get('lang');
if (params.get('lang')?.startsWith('ar')) document.documentElement.dir = 'rtl';

// ?theme=light|dark|high-contrast|brand-example: one of the kit's theme stylesheets.
const THEMES = ['light', 'dark', 'high-contrast', 'brand-example'];
const theme = THEMES.includes(params.get('theme')) ? params.get('theme') : 'light';
document.documentElement.dataset.theme = theme;
document.head.append(Object.assign(document.createElement('link'), {rel: 'stylesheet', href: `/dist/themes/${theme}.css`}));

const {script, ignored} = demoCampaign(params);

// The campaign's own parameters (not how it is shown), in a stable order.
const campaignQuery = new URLSearchParams(params);
for (const name of ['dialer', 'lang', 'theme']) campaignQuery.delete(name);
campaignQuery.sort();
const journalKey = `campaign-preview-kit demo ${campaignQuery}`;

/** JSON text as a value; text that is not JSON stays text (the journal check then says why). */
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The simulated dialer in the page, resumed from the journal after a reload
 * (mid-preview or mid-call, with its timers), or by another tab of this
 * desktop that takes charge; or started afresh. The journal is the browser's
 * (localStorage): one campaign for all the tabs, as a real dialer has.
 */
function simulated() {
  const save = (journal) => localStorage.setItem(journalKey, JSON.stringify(journal));
  const stored = localStorage.getItem(journalKey);
  const parsed = stored === null ? null : parseSimulationJournal(parseJson(stored));
  if (parsed?.ok) return RecordedSimulatedDialer.resume(parsed.journal, {onJournal: save});
  if (parsed) console.warn(`Starting a new campaign: the stored one is unreadable (${parsed.error}).`);
  const dialer = RecordedSimulatedDialer.start(script, {onJournal: save});
  save(dialer.journal());
  return dialer;
}

/**
 * ?dialer=ws: the same campaign run by the reference dialer server, over a
 * WebSocket (a reload resumes it). Otherwise the simulated dialer in the page.
 */
async function connect() {
  if (params.get('dialer') !== 'ws') return simulated();
  const {dialerUrl} = await (await fetch('/demo/config.json')).json();
  return new WebSocketDialer(`${dialerUrl}/?${campaignQuery}`, {capabilities: simulatedCapabilities(script)});
}

if (params.get('dialer') === 'ws') {
  // The reference server keeps the campaign; the page has nothing of its own to forget.
  document.getElementById('resume').textContent =
    'The reference dialer server keeps this campaign: a reload, or another tab taking charge, resumes it.';
} else {
  document.getElementById('start-over').addEventListener('click', () => {
    localStorage.removeItem(journalKey);
    location.reload();
  });
}

// One tab in charge of the agent's dialer: open this page in another tab and
// that one mirrors this one (Use here moves control; closing this tab hands over).
const store = shareCampaignStore({
  name: `demo ${campaignQuery}`,
  connect,
  disconnect: (dialer) => dialer.dispose(),
  capabilities: simulatedCapabilities(script),
});
document.querySelector('campaign-provider').store = store;
document.getElementById('another-tab').href = location.href;

// The host's own agent-state control (R-A1), only where the dialer is.
const agentState = document.getElementById('agent-state');
agentState.addEventListener('change', () => store.dispatch({type: 'set-agent-state', state: agentState.value}));
store.control$.subscribe((control) => {
  agentState.disabled = control !== 'here';
  document.getElementById('tab-state').textContent =
    control === 'here'
      ? 'This tab is in charge of the dialer.'
      : control === 'elsewhere'
        ? 'Another tab is in charge: this one only shows.'
        : '';
});
store.state$.subscribe((state) => {
  if (state.agent.state !== 'unknown') agentState.value = state.agent.state;
  document.getElementById('no-task').hidden = Boolean(state.offer || state.call || state.reservation);
});

// How the agent hears of a contact while working in another tab: the provider's `alerts`.
// A desktop notification needs the agent's permission, asked from this click.
const alertBoxes = [...document.querySelectorAll('input[name=alert]')];
const permission = document.getElementById('notification-permission');
const showPermission = () => {
  permission.textContent = 'Notification' in window ? `(permission: ${Notification.permission})` : '(not in this browser)';
};
for (const box of alertBoxes) {
  box.addEventListener('change', async () => {
    if (box.value === 'notification' && box.checked) await requestAlertPermission();
    showPermission();
    document.querySelector('campaign-provider').alerts =
      alertBoxes
        .filter((b) => b.checked)
        .map((b) => b.value)
        .join(' ') || 'none';
  });
}
showPermission();

// What reaches the dialer, newest first.
const log = document.getElementById('log');
store.commands$.subscribe((command) => {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()}  ${JSON.stringify(command)}`;
  log.prepend(item);
});

const {campaign} = script;
document.getElementById('scenario').textContent =
  `${campaign.name}: timeout ${campaign.timeoutMs / 1000} s then ${campaign.timeoutAction}; ` +
  `skip ${campaign.allowSkip ? 'on' : 'off'}, remove ${campaign.allowRemove ? 'on' : 'off'}, ` +
  `end call ${campaign.allowEndCall ? 'on' : 'off'}, CPA ${campaign.cpa ? 'on' : 'off'}; ` +
  `customers: ${script.outcome}; ring ${script.ringMs / 1000} s; ` +
  `call limit ${script.concurrentCallLimit ?? 'none'}.`;
if (ignored.length) {
  const warning = document.getElementById('ignored');
  warning.hidden = false;
  warning.textContent = `Ignored malformed parameters: ${ignored.join(', ')} (defaults used).`;
}

const presets = [
  ['R-M1 Preview', 'mode=preview&autoAvailable=true'],
  ['R-M2 Standard preview', 'mode=standard&autoAvailable=true'],
  ['R-M3 Direct preview', 'mode=direct&cpa=false&autoAvailable=true'],
  ['R-C1 Accept at timeout (10 s)', 'timeout=10&timeoutAction=accept&autoAvailable=true'],
  ['R-C2 No skip, no remove', 'allowSkip=false&allowRemove=false&autoAvailable=true'],
  ['R-U4 Long ringing with Cancel', 'ringSeconds=20&autoAvailable=true'],
  ['R-U5 Busy customers', 'outcome=busy&autoAvailable=true'],
  ['R-U6 Answering machine', 'outcome=machine&autoAvailable=true'],
  ['R-L1 Call limit reached', 'limit=0&autoAvailable=true'],
  ['Português (Brasil)', 'lang=pt-BR&autoAvailable=true'],
  ['العربية (right to left)', 'lang=ar&autoAvailable=true'],
  ['Dark theme', 'theme=dark&autoAvailable=true'],
  ['High contrast', 'theme=high-contrast&autoAvailable=true'],
  ['Brand example (white label)', 'theme=brand-example&autoAvailable=true'],
];
document.getElementById('presets').replaceChildren(
  ...presets.map(([label, query]) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/?${query}`;
    link.textContent = label;
    item.append(link);
    return item;
  }),
);
