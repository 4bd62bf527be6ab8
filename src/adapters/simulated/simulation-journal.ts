/**
 * The journal of a recorded simulated campaign, as stored between runs (a
 * page's session storage, the reference server's state directory), and its
 * check.
 *
 * Version 2 is compacted: the dialer's state and the pages' snapshot as of
 * one moment, the commands run since (a dialer that compacts after every
 * command, as `RecordedSimulatedDialer` does, writes none), and the outcomes
 * of the latest idempotency keys. Its size depends on the script and on the
 * situation, not on how long the campaign has run.
 *
 * Version 1 (the script, its start and every command since) is still read:
 * it is the script's initial state at its start plus every command since, so
 * it becomes a version 2 journal that resumes exactly as it used to, by
 * running its commands again.
 */
import * as v from 'valibot';
import {
  AgentStateSchema,
  CampaignSchema,
  ContactSchema,
  DialerCommandSchema,
  SnapshotEvent,
  type DialerCommand,
  type Snapshot,
} from '../../protocol/index.js';
import {Id} from '../../protocol/fields.js';
import {CampaignMirror} from './campaign-mirror.js';
import {OUTCOMES_KEPT, type KeyedOutcome} from './recent-outcomes.js';
import {simulatedCapabilities, type SimulatedCampaignScript} from './simulated-dialer.js';
import {RECORDS_KEPT, initialSimulationState, type SimulationState} from './simulation-state.js';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Outcome = v.picklist(['answer', 'no-answer', 'busy', 'machine', 'fax', 'invalid-number', 'fail']);

const ScriptSchema = v.object({
  campaign: CampaignSchema,
  contacts: v.array(v.object({...ContactSchema.entries, outcome: v.optional(Outcome)})),
  outcome: v.optional(Outcome),
  ringMs: v.optional(Count),
  reservationRingMs: v.optional(Count),
  dialMs: v.optional(Count),
  talkMs: v.optional(Count),
  latencyMs: v.optional(Count),
  concurrentCallLimit: v.optional(Count),
  agentAvailable: v.optional(v.boolean()),
  agentStateChanges: v.optional(v.array(v.object({atMs: Count, state: AgentStateSchema, reason: v.optional(v.string())}))),
  enforcesTimeout: v.optional(v.boolean()),
});

const ActionSchema = v.variant('do', [
  v.object({do: v.literal('set-agent-state'), state: AgentStateSchema, reason: v.optional(v.string())}),
  v.object({do: v.literal('reserve')}),
  v.object({do: v.literal('miss-reservation'), reservationId: Id}),
  v.object({do: v.literal('offer-next')}),
  v.object({do: v.literal('expire-offer'), offerId: Id}),
  v.object({do: v.literal('ring'), callId: Id}),
  v.object({do: v.literal('conclude'), callId: Id}),
  v.object({do: v.literal('hang-up'), callId: Id, reason: v.string()}),
  v.object({do: v.literal('end-wrap-up'), callId: Id}),
]);

const StateSchema = v.object({
  agent: AgentStateSchema,
  queue: v.object({front: v.array(Count), next: Count, back: v.array(Count)}),
  reservationId: v.nullable(Id),
  offer: v.nullable(v.object({offerId: Id, contact: Count})),
  call: v.nullable(v.object({callId: Id, offerId: Id, contact: Count, phase: v.picklist(['dialing', 'ringing', 'connected', 'machine'])})),
  lastCall: v.nullable(v.object({callId: Id, contact: Count})),
  wrapUp: v.nullable(v.object({callId: Id})),
  serial: Count,
  agenda: v.array(v.object({at: Count, action: ActionSchema})),
  doNotCall: v.array(v.string()),
  callbacks: v.pipe(
    v.array(v.object({contactId: v.string(), at: Count, phoneNumber: v.string(), backToMe: v.boolean()})),
    v.maxLength(RECORDS_KEPT),
  ),
  dispositions: v.pipe(v.array(v.object({callId: v.string(), code: v.string()})), v.maxLength(RECORDS_KEPT)),
});

const CommandsSchema = v.array(v.object({at: Count, key: v.optional(v.string()), command: DialerCommandSchema}));

const OutcomesSchema = v.pipe(
  v.array(
    v.variant('ok', [
      v.object({key: v.string(), ok: v.literal(true)}),
      v.object({key: v.string(), ok: v.literal(false), code: v.string(), message: v.string()}),
    ]),
  ),
  v.maxLength(OUTCOMES_KEPT),
);

const JournalObject = v.object({
  v: v.literal(2, 'Expected a journal of version 2 (or 1)'),
  script: ScriptSchema,
  at: Count,
  state: StateSchema,
  snapshot: SnapshotEvent,
  commands: CommandsSchema,
  outcomes: OutcomesSchema,
});

type StoredJournal = v.InferOutput<typeof JournalObject>;

/** Every contact the state names is one of the script's. */
function contactsFit({script, state}: StoredJournal): boolean {
  const named = [...state.queue.front, ...state.queue.back, state.offer?.contact, state.call?.contact, state.lastCall?.contact];
  return state.queue.next <= script.contacts.length && named.every((index) => index === undefined || index < script.contacts.length);
}

/** Whatever the agenda plans for an offer, a call or a wrap-up, it plans for the current one. */
function agendaFits({state}: StoredJournal): boolean {
  return state.agenda.every(({action}) => {
    switch (action.do) {
      case 'expire-offer':
        return action.offerId === state.offer?.offerId;
      case 'miss-reservation':
        return action.reservationId === state.reservationId;
      case 'ring':
      case 'conclude':
      case 'hang-up':
        return action.callId === state.call?.callId;
      case 'end-wrap-up':
        return action.callId === state.wrapUp?.callId;
      default:
        return true;
    }
  });
}

/** A journal (version 2), as stored between runs. */
export const SimulationJournalSchema = v.pipe(
  JournalObject,
  v.forward(v.check(contactsFit, 'The state names a contact the script does not have'), ['state']),
  v.forward(v.check(agendaFits, 'The agenda plans for an offer, a call or a wrap-up that is not the current one'), ['state']),
);

const JournalV1Schema = v.object({v: v.literal(1), startedAt: Count, script: ScriptSchema, commands: CommandsSchema});

/** A command run after the journal's moment, with its own moment and idempotency key. */
export interface JournalEntry {
  readonly at: number;
  readonly key?: string;
  readonly command: DialerCommand;
}

/** Where a recorded simulated campaign is, as stored between runs (version 2). */
export interface SimulationJournal {
  readonly v: 2;
  readonly script: SimulatedCampaignScript;
  /** The moment (epoch ms) `state` and `snapshot` describe: a resumed campaign's clock starts here. */
  readonly at: number;
  /** The simulated dialer's state then. */
  readonly state: SimulationState;
  /** The situation then, as the campaign's pages see it (protocol 1.1): what a late subscriber gets first. */
  readonly snapshot: Snapshot;
  /** Commands run after `at`, in order: run again on resume. */
  readonly commands: readonly JournalEntry[];
  /** How the commands of the latest `OUTCOMES_KEPT` idempotency keys ended, oldest first. */
  readonly outcomes: readonly KeyedOutcome[];
}

// A journal that passed the schema is a journal (checked by the compiler).
const asJournal = (stored: StoredJournal): SimulationJournal => stored;

/** The journal of `script`'s campaign as it starts at `at`, with the commands run since (a version 1 journal's). */
export function journalAtStart(script: SimulatedCampaignScript, at: number, commands: readonly JournalEntry[] = []): SimulationJournal {
  const nothingYet = new CampaignMirror(simulatedCapabilities(script)).snapshot();
  return {v: 2, script, at, state: initialSimulationState(script, at), snapshot: nothingYet, commands, outcomes: []};
}

/**
 * A stored journal, checked: version 2 as it is, version 1 carried over to
 * version 2; anything else (corrupt, from another version) is refused with
 * the reason.
 */
export function parseSimulationJournal(raw: unknown): {ok: true; journal: SimulationJournal} | {ok: false; error: string} {
  const version1 = typeof raw === 'object' && raw !== null && (raw as {v?: unknown}).v === 1;
  const result = version1 ? v.safeParse(JournalV1Schema, raw) : v.safeParse(SimulationJournalSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    return {ok: false, error: `${v.getDotPath(issue) ?? 'journal'}: ${issue.message}`};
  }
  const {output} = result;
  return {ok: true, journal: output.v === 1 ? journalAtStart(output.script, output.startedAt, output.commands) : asJournal(output)};
}
