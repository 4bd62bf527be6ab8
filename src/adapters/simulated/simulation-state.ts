/**
 * The simulated dialer's whole state as plain data (JSON): what it has done,
 * what it waits for, and what it will do when, so that a dialer built from it
 * carries on exactly where another left off. Contacts are named by their index
 * in the script's contacts.
 */
import type {AgentState} from '../../protocol/index.js';
import type {AgendaEntry} from './agenda.js';
import type {QueueState} from './contact-queue.js';
import type {SimulatedCampaignScript} from './simulated-dialer.js';

/** What the simulated dialer does when an entry of its agenda falls due. */
export type SimulatedAction =
  /** An agent-state change the script makes on its own. */
  | {readonly do: 'set-agent-state'; readonly state: AgentState; readonly reason?: string}
  /** Reserve the agent, if it is still due (standard and direct preview). */
  | {readonly do: 'reserve'}
  /** The reservation call rang out: the agent missed it, if it is still unanswered. */
  | {readonly do: 'miss-reservation'; readonly reservationId: string}
  /** Offer the next contact, if the agent can still take one. */
  | {readonly do: 'offer-next'}
  /** The offer's deadline, for a dialer that enforces timeouts. */
  | {readonly do: 'expire-offer'; readonly offerId: string}
  /** The call starts ringing. */
  | {readonly do: 'ring'; readonly callId: string}
  /** The call's outcome: answered, a machine, a failure. */
  | {readonly do: 'conclude'; readonly callId: string}
  /** The other end hangs up. */
  | {readonly do: 'hang-up'; readonly callId: string; readonly reason: string}
  /** The wrap-up's time is up: the dialer stops waiting for the disposition. */
  | {readonly do: 'end-wrap-up'; readonly callId: string};

/** The phase of the simulated call, as the dialer sees it. */
export type SimulatedCallPhase = 'dialing' | 'ringing' | 'connected' | 'machine';

/** A callback the agent scheduled. */
export interface CallbackRecord {
  readonly contactId: string;
  readonly at: number;
  readonly phoneNumber: string;
  readonly backToMe: boolean;
}

/** Everything the simulated dialer knows and plans, as plain data (JSON). */
export interface SimulationState {
  readonly agent: AgentState;
  readonly queue: QueueState;
  readonly reservationId: string | null;
  readonly offer: {readonly offerId: string; readonly contact: number} | null;
  readonly call: {readonly callId: string; readonly offerId: string; readonly contact: number; readonly phase: SimulatedCallPhase} | null;
  /** The call that ended last (its wrap-up and callbacks refer to it). */
  readonly lastCall: {readonly callId: string; readonly contact: number} | null;
  /** The call whose disposition the dialer waits for before the next preview. */
  readonly wrapUp: {readonly callId: string} | null;
  /** The last number used in an id (`offer-7`, `call-8`). */
  readonly serial: number;
  /** What the dialer will do, and when, in the order it will. */
  readonly agenda: readonly AgendaEntry<SimulatedAction>[];
  /** Contacts removed with "add to do-not-call" (at most one id per contact of the script). */
  readonly doNotCall: readonly string[];
  /** The latest `RECORDS_KEPT` callbacks scheduled, oldest first. */
  readonly callbacks: readonly CallbackRecord[];
  /** The disposition codes of the latest `RECORDS_KEPT` calls given one, oldest first. */
  readonly dispositions: readonly {readonly callId: string; readonly code: string}[];
}

/**
 * How many callbacks and dispositions the dialer remembers: it only records
 * them (nothing it does depends on them), and a whole shift of them would
 * make its state grow with the shift.
 */
export const RECORDS_KEPT = 50;

/** The script's timings, with their defaults (ms). */
export function timings(script: SimulatedCampaignScript) {
  return {
    latencyMs: script.latencyMs ?? 400,
    dialMs: script.dialMs ?? 500,
    ringMs: script.ringMs ?? 3000,
    talkMs: script.talkMs ?? 8000,
  };
}

/** The state of `script`'s campaign starting at `at` (epoch ms): nothing done yet. */
export function initialSimulationState(script: SimulatedCampaignScript, at: number): SimulationState {
  const agent: AgentState = script.agentAvailable ? 'available' : 'not-ready';
  const agenda: AgendaEntry<SimulatedAction>[] = (script.agentStateChanges ?? []).map((change) => ({
    at: at + change.atMs,
    action: {do: 'set-agent-state', state: change.state, ...(change.reason === undefined ? {} : {reason: change.reason})},
  }));
  if (agent === 'available') agenda.push({at: at + timings(script).latencyMs, action: {do: 'reserve'}});
  return {
    agent,
    queue: {front: [], next: 0, back: []},
    reservationId: null,
    offer: null,
    call: null,
    lastCall: null,
    wrapUp: null,
    serial: 0,
    // Entries due at the same moment run in the order they were planned (the sort is stable).
    agenda: agenda.sort((a, b) => a.at - b.at),
    doNotCall: [],
    callbacks: [],
    dispositions: [],
  };
}
