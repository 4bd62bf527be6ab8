/**
 * An agent's shift on virtual time, through the reference dialer server (real
 * `ws` on loopback), `WebSocketDialer` and the store: contacts with mixed
 * outcomes, wrap-ups, callbacks, skips and removes, a dropped connection every
 * quarter of an hour or so, page reloads at random moments and server kills
 * with restarts. A twin page that is never interrupted follows the same
 * campaign and gets the same agent's every action (its commands go nowhere:
 * the page's reach the dialer); after every interruption, once the page is
 * current again, what the agent sees is compared with what the twin sees.
 *
 * Virtual time: the server's campaign, both pages' adapters and stores run on
 * one `VirtualTimeScheduler`; between two of its moments the real sockets are
 * given time to deliver what is in flight (no virtual time passes meanwhile).
 */
import {mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {EMPTY, VirtualTimeScheduler} from 'rxjs';
import {WebSocket} from 'ws';
import {startReferenceDialer, type ReferenceDialer} from '../server/reference-dialer.js';
import {simulatedCapabilities, type SimulatedCampaignScript, type SimulatedOutcome} from '../src/adapters/simulated/simulated-dialer.js';
import {WebSocketDialer, type SocketLike} from '../src/adapters/websocket/websocket-dialer.js';
import type {Intent} from '../src/core/intents.js';
import {selectPreview, selectTask} from '../src/core/views.js';
import {createCampaignStore} from '../src/store/create-campaign-store.js';
import type {CampaignStore} from '../src/store/campaign-store.js';

export interface ShiftOptions {
  /** Virtual hours of work. */
  readonly hours: number;
  /** Seed of the agent's and the interruptions' choices. */
  readonly seed?: number;
}

export interface ShiftFigures {
  shift_contacts: number;
  view_divergences: number;
  commands_sent: number;
  commands_lost: number;
  /** Commands in flight when their page reloaded that never ran (the reloaded page shows the offer undecided). */
  commands_abandoned: number;
  commands_duplicated: number;
  resume_bytes_max: number;
  journal_bytes_max: number;
  heap_growth_bytes_shift: number;
  interruptions: {drops: number; reloads: number; server_restarts: number};
  /**
   * Heap used after GC (the whole process: pages, server and this harness) at
   * the end of each hour. `heap_growth_bytes_shift` counts from the first
   * hour after the first server restart: before it, code runs for the first
   * time (a restart's journal reading among it) and the heap grows once.
   */
  heap_by_hour: number[];
  divergences: string[];
}

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 11, 2, 8, 0, 0);
const OUTCOMES: SimulatedOutcome[] = ['answer', 'answer', 'answer', 'busy', 'machine', 'no-answer', 'fail'];

/** A small deterministic random source (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function script(contacts: number, rand: () => number): SimulatedCampaignScript {
  return {
    campaign: {
      id: 'shift',
      name: 'Whole shift',
      mode: 'standard',
      timeoutMs: 15_000,
      timeoutAction: 'skip',
      allowSkip: true,
      allowRemove: true,
      allowEndCall: true,
      cpa: true,
      wrapUp: {
        codes: [
          {code: 'sale', label: 'Sale'},
          {code: 'no-sale', label: 'No sale'},
        ],
        allowNote: true,
        timeoutMs: 60_000,
      },
      callbacks: {allowOtherNumber: false, allowBackToMe: true},
    },
    contacts: Array.from({length: contacts}, (_, i) => ({
      id: `c${i}`,
      name: `Contact ${i}`,
      phoneNumbers: [{number: `+55 11 9${String(1_000_0000 + i).slice(-8)}`}],
      details: [{label: 'Account', value: `A-${i}`}],
      outcome: OUTCOMES[Math.floor(rand() * OUTCOMES.length)],
    })),
    agentAvailable: true,
    latencyMs: 250,
    dialMs: 400,
    ringMs: 2_000,
    talkMs: 5_000,
  };
}

/** A page: a socket that counts what it carries, the adapter and the store. */
class Page {
  readonly dialer: WebSocketDialer;
  readonly store: CampaignStore;
  private socket: WebSocket | null = null;
  /** Snapshots received: one per (re)connection. */
  resumes = 0;
  /** Keys this page put on the wire and has had no answer for. */
  private readonly unanswered = new Set<string>();

  constructor(
    url: string,
    scheduler: VirtualTimeScheduler,
    script: SimulatedCampaignScript,
    readonly ledger: Ledger,
    twin = false,
  ) {
    const capabilities = simulatedCapabilities(script);
    this.dialer = new WebSocketDialer(url, {capabilities, scheduler, connect: (u) => this.connect(u), heartbeatMs: 10_000});
    // The twin's commands are the page's: they reach the dialer from the page.
    const adapter = twin ? {capabilities, events$: this.dialer.events$, send: () => EMPTY} : this.dialer;
    this.store = createCampaignStore(adapter, {scheduler});
  }

  /** Drops the line, as a flaky network would (the adapter reconnects). */
  drop(): void {
    this.socket?.terminate();
  }

  /** Keys put on the wire that had no answer (yet). */
  get inFlight(): ReadonlySet<string> {
    return this.unanswered;
  }

  /** The page goes away (a reload): what it had in flight is abandoned with it. */
  close(): void {
    for (const key of this.unanswered) this.ledger.abandoned.add(key);
    this.store.dispose();
    this.dialer.dispose();
  }

  private connect(url: string): SocketLike {
    const socket = new WebSocket(url);
    this.socket = socket;
    let bytes = 0;
    let current = false;
    const facade: SocketLike = {
      get readyState() {
        return socket.readyState;
      },
      send: (data) => {
        const message = JSON.parse(data) as {kind: string; id?: string};
        if (message.kind === 'command') {
          this.ledger.sent += 1;
          this.unanswered.add(message.id!);
        }
        socket.send(data);
      },
      close: () => socket.terminate(),
      onopen: null,
      onmessage: null,
      onclose: null,
      onerror: null,
    };
    socket.on('message', (data) => {
      const text = String(data);
      if (!current) {
        bytes += Buffer.byteLength(text);
        if (text.includes('"type":"snapshot"')) {
          current = true;
          this.resumes += 1;
          this.ledger.resumeBytesMax = Math.max(this.ledger.resumeBytesMax, bytes);
        }
      }
      const answered = /^\{"kind":"(?:ack|nack)","id":"([^"]+)"/.exec(text);
      if (answered) this.unanswered.delete(answered[1]);
      facade.onmessage?.({data: text});
    });
    socket.on('close', (event) => facade.onclose?.(event));
    socket.on('error', (event) => facade.onerror?.(event));
    return facade;
  }
}

/**
 * What the pages and the server processes did, for the figures. Nothing in it
 * grows with the shift (the heap figure would count it): a page keeps the
 * keys it has had no answer for, the ledger the latest keys run.
 */
interface Ledger {
  sent: number;
  /** Commands in flight when their page was reloaded: the new page shows whether they ran. */
  readonly abandoned: Set<string>;
  /** The latest keys run, by any server process. */
  readonly ran: Set<string>;
  resumeBytesMax: number;
}

/** How many of the latest keys the ledger keeps: far more than can be in flight at once. */
const KEPT_KEYS = 5_000;

/** What the agent sees, without the page's own notices (an offline notice, a refusal while away). */
function views(store: CampaignStore) {
  const now = store.now();
  const {notices: _notices, ...preview} = selectPreview(store.snapshot(), now);
  return {preview, task: selectTask(store.snapshot(), now)};
}

/** Lets the sockets deliver what is in flight (real time; the virtual clock stands still). */
async function settle(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise((resolve) => setTimeout(resolve, 1));
}

export async function runShift(options: ShiftOptions): Promise<ShiftFigures> {
  const rand = random(options.seed ?? 1);
  const hours = options.hours;
  const campaign = script(Math.ceil(hours * 450), rand);
  const scheduler = new VirtualTimeScheduler();
  scheduler.frame = T0;
  const stateDir = mkdtempSync(join(tmpdir(), 'cpk-shift-'));
  const ledger: Ledger = {sent: 0, abandoned: new Set(), ran: new Set(), resumeBytesMax: 0};
  const figures: ShiftFigures = {
    shift_contacts: 0,
    view_divergences: 0,
    commands_sent: 0,
    commands_lost: 0,
    commands_abandoned: 0,
    commands_duplicated: 0,
    resume_bytes_max: 0,
    journal_bytes_max: 0,
    heap_growth_bytes_shift: 0,
    interruptions: {drops: 0, reloads: 0, server_restarts: 0},
    heap_by_hour: [],
    divergences: [],
  };
  let server: ReferenceDialer = await startReferenceDialer(campaign, {stateDir, scheduler});
  const port = Number(new URL(server.url).port);
  const url = server.url;
  // Each process's counts, merged when it stops (a key resent after a restart is a recent one).
  const collectRuns = () => {
    for (const [key, count] of server.room()?.executions ?? []) {
      if (count > 1 || ledger.ran.has(key)) figures.commands_duplicated += 1;
      ledger.ran.add(key);
      if (ledger.ran.size > KEPT_KEYS) ledger.ran.delete(ledger.ran.values().next().value!);
    }
  };
  let page = new Page(url, scheduler, campaign, ledger);
  const twin = new Page(url, scheduler, campaign, ledger, true);
  let lastOffer: string | null = null;
  twin.store.state$.subscribe(({offer}) => {
    if (offer && offer.offerId !== lastOffer) figures.shift_contacts += 1;
    lastOffer = offer?.offerId ?? lastOffer;
  });

  /** Runs the virtual clock to `until`, one moment at a time, letting the sockets deliver in between. */
  const run = async (until: number, each: () => void) => {
    while (scheduler.frame < until) {
      const next = scheduler.actions[0];
      const at = next ? Math.min(next.delay, until) : until;
      scheduler.maxFrames = at;
      scheduler.flush();
      scheduler.frame = Math.max(scheduler.frame, at);
      await settle();
      each();
    }
  };

  /**
   * An interruption armed to strike right after the agent's next action,
   * while its command is on the wire: the line drops, or the server dies,
   * before the answer comes.
   */
  let strike: (() => void) | null = null;
  const strikeWhenActing = async (hit: () => void) => {
    let struck = false;
    strike = () => {
      struck = true;
      hit();
    };
    const give = scheduler.frame + 10 * MINUTE;
    while (!struck && scheduler.frame < give) await run(scheduler.frame + 1_000, act);
    if (!struck) strike!();
    strike = null;
  };

  // The agent: reacts to what the page shows after a human pause.
  let busyUntil = 0;
  const act = () => {
    const now = scheduler.now();
    // The agent acts on the page when it is connected; the twin gets the same action.
    if (now < busyUntil || !page.dialer.connected) return;
    const store = {dispatch: (intent: Intent) => [page, twin].forEach((each) => each.store.dispatch(intent))};
    const state = page.store.snapshot();
    const preview = selectPreview(state, now);
    const task = selectTask(state, now);
    const pause = () => {
      const ms = 400 + Math.floor(rand() * 1_200);
      busyUntil = now + ms;
      // A moment on the clock when the agent looks again.
      scheduler.schedule(() => undefined, ms);
      strike?.();
    };
    if (preview.stage === 'reservation' && preview.reservation && !preview.reservation.answering) {
      store.dispatch({type: 'answer-reservation', reservationId: preview.reservation.reservationId});
      pause();
    } else if (preview.stage === 'offer' && preview.offer) {
      const offerId = preview.offer.offerId;
      const roll = rand();
      if (roll < 0.75) store.dispatch({type: 'accept', offerId});
      else if (roll < 0.87) store.dispatch({type: 'skip', offerId});
      else if (roll < 0.93) store.dispatch({type: 'remove', offerId});
      else if (roll < 0.97) {
        const number = preview.offer.contact.phoneNumbers[0].number;
        store.dispatch({type: 'schedule-callback', offerId, at: now + 86_400_000, phoneNumber: number, backToMe: true});
        store.dispatch({type: 'skip', offerId});
      }
      // else: the agent lets the timeout act
      pause();
    } else if (task?.voicemailPrompt && task.callId && !task.voicemailLeft) {
      store.dispatch({type: 'voicemail-left', callId: task.callId});
      pause();
    } else if (task?.wrapUp?.status === 'pending' && task.callId) {
      store.dispatch({type: 'set-disposition', callId: task.callId, code: rand() < 0.5 ? 'sale' : 'no-sale'});
      pause();
    } else if (preview.agentState === 'not-ready') {
      store.dispatch({type: 'set-agent-state', state: 'available'});
      pause();
    }
  };

  /** The campaign's journal on disk (its script is kept once, in a file of its own, and not counted). */
  const journalBytes = () => {
    for (const name of readdirSync(stateDir)) {
      if (name.endsWith('.json') && !name.endsWith('.script.json'))
        figures.journal_bytes_max = Math.max(figures.journal_bytes_max, statSync(join(stateDir, name)).size);
    }
  };

  /**
   * Once the page (and after a server restart the twin, dropped too) has
   * connected again and had its snapshot, compares the two.
   */
  const compare = async (what: string, pageResumes: number, twinResumes: number) => {
    const back = () => page.resumes > pageResumes && twin.resumes > twinResumes && page.dialer.connected && twin.dialer.connected;
    const give = scheduler.frame + 60_000;
    while (!back() && scheduler.frame < give) await run(scheduler.frame + 250, act);
    await run(scheduler.frame + 1_000, act);
    const [mine, theirs] = [views(page.store), views(twin.store)];
    if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
      figures.view_divergences += 1;
      if (figures.divergences.length < 5)
        figures.divergences.push(
          `${what} at ${new Date(scheduler.now()).toISOString()}: ${JSON.stringify(mine)} != ${JSON.stringify(theirs)}`,
        );
    }
  };

  const end = T0 + hours * 60 * MINUTE;
  const kills = [T0 + (hours / 3) * 60 * MINUTE, T0 + ((2 * hours) / 3) * 60 * MINUTE];
  let heapStart = 0;
  const gc = (globalThis as {gc?: () => void}).gc;
  while (scheduler.frame < end) {
    // The next interruption: a drop, a reload or (when due) a server kill, 5 to 25 minutes away.
    const next = Math.min(end, scheduler.frame + (5 + Math.floor(rand() * 20)) * MINUTE);
    await run(next, act);
    journalBytes();
    if (scheduler.frame >= T0 + (figures.heap_by_hour.length + 1) * 60 * MINUTE) {
      gc?.();
      figures.heap_by_hour.push(process.memoryUsage().heapUsed);
      // The baseline: once every path has run at least once, a server restart included.
      if (!heapStart && figures.interruptions.server_restarts > 0) heapStart = figures.heap_by_hour.at(-1)!;
    }
    if (scheduler.frame >= end) break;
    const resumes = [page.resumes, twin.resumes] as const;
    if (kills.length && scheduler.frame >= kills[0]) {
      kills.shift();
      let closing: Promise<void> = Promise.resolve();
      await strikeWhenActing(() => {
        collectRuns();
        closing = server.close();
      });
      await closing;
      await run(scheduler.frame + 5_000, () => undefined);
      server = await startReferenceDialer(campaign, {stateDir, scheduler, port});
      figures.interruptions.server_restarts += 1;
      await compare('server restart', ...resumes);
    } else if ((figures.interruptions.drops + figures.interruptions.reloads) % 2 === 0) {
      // Drops and reloads take turns: a drop with a command in flight, a reload at a quiet moment
      // (a reload loses what the page was about to send: the twin would not).
      await strikeWhenActing(() => page.drop());
      figures.interruptions.drops += 1;
      await compare('dropped connection', resumes[0], resumes[1] - 1);
    } else {
      page.close();
      page = new Page(url, scheduler, campaign, ledger);
      figures.interruptions.reloads += 1;
      await compare('reload', 0, resumes[1] - 1);
    }
  }
  await run(scheduler.frame + 30_000, () => undefined);
  collectRuns();
  journalBytes();
  gc?.();
  figures.heap_growth_bytes_shift = Math.max(0, process.memoryUsage().heapUsed - (heapStart || figures.heap_by_hour[0] || 0));
  figures.resume_bytes_max = ledger.resumeBytesMax;
  figures.commands_sent = ledger.sent;
  figures.commands_abandoned = [...ledger.abandoned].filter((key) => !ledger.ran.has(key)).length;
  // An answered command ran (or its first outcome was given again); one still unanswered must have run.
  figures.commands_lost = [...page.inFlight].filter((key) => !ledger.ran.has(key)).length;
  page.close();
  twin.close();
  await server.close();
  rmSync(stateDir, {recursive: true, force: true});
  return figures;
}
