// Runs in the benchmark page: measures the built kit (dist/campaign-preview-kit.bundle.js).
import {createCampaignStore, sharedTicker} from '/dist/campaign-preview-kit.bundle.js';

const stage = document.getElementById('stage');
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const median = (values) => percentile(values, 50);

const campaign = {
  id: 'c',
  name: 'Bench',
  mode: 'standard',
  timeoutMs: 0,
  timeoutAction: 'skip',
  allowSkip: true,
  allowRemove: true,
  allowEndCall: true,
  cpa: true,
};
const contact = (i) => ({
  id: `k${i}`,
  name: `Contact ${i}`,
  phoneNumbers: [{number: `+1 555 ${String(i).padStart(4, '0')}`}],
  details: [{label: 'Account', value: `A-${i}`}],
});
const task = (i, status) => ({
  status,
  campaign,
  contact: contact(i),
  startedAt: Date.now(),
  callId: `call-${i}`,
  canCancel: false,
  cancelling: false,
  voicemailPrompt: false,
  voicemailLeft: false,
  failReason: null,
  wrapUp: null,
  callback: null,
  finished: false,
});
const STATUSES = ['dialing', 'ringing', 'connected', 'ended'];

/** From a task update to the DOM showing it, 500 cards mounted, against hand-written DOM doing the same. */
async function eventToDom() {
  const cards = Array.from({length: 500}, (_, i) =>
    Object.assign(document.createElement('campaign-task-card'), {task: task(i, 'previewing')}),
  );
  stage.replaceChildren(...cards);
  await Promise.all(cards.map((c) => c.updateComplete));
  const vanilla = Array.from({length: 500}, (_, i) => {
    const el = document.createElement('article');
    el.innerHTML = `<p class="contact"></p><p class="status"></p>`;
    el.querySelector('.contact').textContent = contact(i).name;
    return el;
  });
  const vanillaStage = document.createElement('div');
  vanillaStage.append(...vanilla);
  document.body.append(vanillaStage);
  const kit = [];
  const plain = [];
  for (let round = 0; round < 200; round++) {
    const i = round % 500;
    const status = STATUSES[round % STATUSES.length];
    let start = performance.now();
    cards[i].task = task(i, status);
    await cards[i].updateComplete;
    void cards[i].offsetHeight; // style and layout, as the agent would see it
    kit.push(performance.now() - start);
    start = performance.now();
    vanilla[i].querySelector('.status').textContent = status;
    vanilla[i].dataset.status = status;
    await Promise.resolve(); // the same microtask hop an element's update takes
    void vanilla[i].offsetHeight;
    plain.push(performance.now() - start);
  }
  vanillaStage.remove();
  stage.replaceChildren();
  return {
    event_to_dom_p50_ms: median(kit),
    event_to_dom_p99_ms: percentile(kit, 99),
    event_to_dom_vs_vanilla: median(kit) / Math.max(median(plain), 0.001),
  };
}

async function firstRender() {
  const view = {
    stage: 'offer',
    agentState: 'available',
    campaignButton: {visible: false, enabled: false, reason: 'contact-shown'},
    reservation: null,
    offer: {
      offerId: 'o',
      campaign,
      contact: contact(1),
      numbers: {choices: contact(1).phoneNumbers, forced: false},
      skip: null,
      doNotCall: false,
      callingWindow: null,
      callback: null,
    },
    actions: {accept: true, skip: true, remove: true, leave: true},
    acceptBlocked: null,
    countdown: null,
    lastFailure: null,
    limit: null,
    notices: [],
  };
  const times = [];
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    const el = Object.assign(document.createElement('campaign-preview'), {view});
    stage.append(el);
    await el.updateComplete;
    times.push(performance.now() - start);
    el.remove();
  }
  return {first_render_ms: median(times)};
}

async function timers() {
  const started = Date.now() - 5_000;
  const timersOn = Array.from({length: 500}, () => Object.assign(document.createElement('call-timer'), {since: started}));
  stage.replaceChildren(...timersOn);
  await frame();
  const before = sharedTicker.fired;
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const perSecond = (sharedTicker.fired - before) / ((performance.now() - t0) / 1000);
  stage.replaceChildren();
  const idleBefore = sharedTicker.fired;
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return {timer_callbacks_per_second_500: Math.round(perSecond * 100) / 100, timer_callbacks_per_second_0: sharedTicker.fired - idleBefore};
}

/** Mount and unmount every element 10,000 times under a provider; count what is still subscribed. */
async function leaks() {
  let subscribed = 0;
  const adapter = {
    capabilities: {enforcesTimeout: false, actions: ['accept', 'skip', 'remove']},
    events$: {subscribe: () => ({unsubscribe() {}})},
    send: () => ({subscribe: (o) => (o.complete?.(), {unsubscribe() {}})}),
  };
  const store = createCampaignStore(adapter);
  const counted = (stream) => ({
    subscribe: (observer) => {
      subscribed++;
      const sub = stream.subscribe(observer);
      return {unsubscribe: () => (subscribed--, sub.unsubscribe())};
    },
  });
  const watched = {...store, preview$: counted(store.preview$), task$: counted(store.task$)};
  const heap = () => performance.memory?.usedJSHeapSize ?? 0;
  window.gc?.();
  const heapBefore = heap();
  for (let i = 0; i < 10_000; i++) {
    const provider = document.createElement('campaign-provider');
    provider.store = watched;
    provider.append(
      document.createElement('campaign-preview'),
      document.createElement('campaign-task-card'),
      Object.assign(document.createElement('call-timer'), {since: Date.now()}),
    );
    stage.append(provider);
    await provider.updateComplete;
    provider.remove();
  }
  await frame();
  window.gc?.();
  return {
    leaked_subscriptions_10k: subscribed,
    heap_growth_bytes_10k: Math.max(0, heap() - heapBefore),
    live_ticker_listeners: sharedTicker.listening,
  };
}

/** 5,000 offers in one synchronous burst through a store and a provider with both elements: how long the page is busy until the last is drawn. */
async function burst() {
  let dialer;
  const store = createCampaignStore({
    capabilities: {enforcesTimeout: false, actions: ['accept', 'skip', 'remove']},
    events$: {subscribe: (observer) => ((dialer = observer), {unsubscribe() {}})},
    send: () => ({subscribe: (o) => (o.complete?.(), {unsubscribe() {}})}),
  });
  const events = {next: (event) => dialer.next(event)};
  const provider = Object.assign(document.createElement('campaign-provider'), {store});
  provider.innerHTML = '<campaign-preview></campaign-preview><campaign-task-card></campaign-task-card>';
  stage.replaceChildren(provider);
  const preview = provider.querySelector('campaign-preview');
  events.next({type: 'agent-state', state: 'available'});
  await preview.updateComplete;
  const times = [];
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (let i = 0; i < 5_000; i++) {
      events.next({
        type: 'contact-offered',
        offerId: `b${round}-${i}`,
        campaign,
        contact: contact(i),
        offeredAt: Date.now(),
        deadline: null,
      });
    }
    await preview.updateComplete;
    void preview.offsetHeight;
    times.push(performance.now() - start);
  }
  store.dispose();
  stage.replaceChildren();
  return {burst_5000_events_ms: median(times)};
}

window.runBenchmarks = async () => ({
  ...(await firstRender()),
  ...(await eventToDom()),
  ...(await timers()),
  ...(await leaks()),
  ...(await burst()),
});
