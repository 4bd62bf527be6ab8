/**
 * A simulated dialer that keeps a journal of the commands it was given, so
 * that it can be rebuilt where it was: after a page reload (the demo keeps the
 * journal in session storage) or a server restart (the reference server keeps
 * it on disk). The simulation is deterministic, so replaying the journal on
 * the clock it first ran on gives back the same campaign, the same ids and the
 * same timers; what fell due while nobody was running it happens on resume.
 */
import * as v from 'valibot';
import {Observable, Subject, asyncScheduler, defer, type SchedulerLike} from 'rxjs';
import type {Capabilities} from '../../core/state.js';
import {CampaignSchema, ContactSchema, DialerCommandSchema, type DialerCommand} from '../../protocol/index.js';
import {CatchUpScheduler} from './catch-up-scheduler.js';
import {SimulatedDialer, type SimulatedCampaignScript} from './simulated-dialer.js';
import {DialerError, type DialerAdapter} from '../dialer-adapter.js';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

const ScriptSchema = v.object({
  campaign: CampaignSchema,
  contacts: v.array(
    v.object({
      ...ContactSchema.entries,
      outcome: v.optional(v.picklist(['answer', 'no-answer', 'busy', 'machine', 'fax', 'invalid-number', 'fail'])),
    }),
  ),
  outcome: v.optional(v.picklist(['answer', 'no-answer', 'busy', 'machine', 'fax', 'invalid-number', 'fail'])),
  ringMs: v.optional(Count),
  dialMs: v.optional(Count),
  talkMs: v.optional(Count),
  latencyMs: v.optional(Count),
  concurrentCallLimit: v.optional(Count),
  agentAvailable: v.optional(v.boolean()),
  agentStateChanges: v.optional(
    v.array(v.object({atMs: Count, state: v.picklist(['available', 'not-ready']), reason: v.optional(v.string())})),
  ),
  enforcesTimeout: v.optional(v.boolean()),
});

/** A journal, as stored between runs: the campaign, when it started, and every command with its moment. */
export const SimulationJournalSchema = v.object({
  v: v.literal(1),
  startedAt: Count,
  script: ScriptSchema,
  commands: v.array(v.object({at: Count, key: v.optional(v.string()), command: DialerCommandSchema})),
});

type StoredJournal = v.InferOutput<typeof SimulationJournalSchema>;
export type JournalEntry = StoredJournal['commands'][number];

export interface SimulationJournal {
  readonly v: 1;
  /** When the campaign started (epoch ms): the replay's clock starts here. */
  readonly startedAt: number;
  readonly script: SimulatedCampaignScript;
  readonly commands: readonly JournalEntry[];
}

// A journal that passed the schema is a journal (checked by the compiler).
const asJournal = (stored: StoredJournal): SimulationJournal => stored;

/** A stored journal, checked; anything else (corrupt, from another version) is refused with the reason. */
export function parseSimulationJournal(raw: unknown): {ok: true; journal: SimulationJournal} | {ok: false; error: string} {
  const result = v.safeParse(SimulationJournalSchema, raw);
  if (result.success) return {ok: true, journal: asJournal(result.output)};
  const issue = result.issues[0];
  return {ok: false, error: `${v.getDotPath(issue) ?? 'journal'}: ${issue.message}`};
}

/** How a command ended, kept by idempotency key. */
export type CommandOutcome = {readonly ok: true} | {readonly ok: false; readonly code: string; readonly message: string};

export interface RecordedDialerOptions {
  /** The live clock; a virtual one in tests. */
  readonly scheduler?: SchedulerLike;
  /**
   * Called with the journal after each command has run, before its outcome is
   * reported: store it here. A failure to store is logged, and the command's
   * outcome stands (it did run); a server that must not answer unstored
   * commands stops itself in here.
   */
  readonly onJournal?: (journal: SimulationJournal) => void;
}

export class RecordedSimulatedDialer implements DialerAdapter {
  readonly capabilities: Capabilities;
  readonly events$: Observable<unknown>;

  private readonly clock: CatchUpScheduler;
  private readonly dialer: SimulatedDialer;
  private readonly entries: JournalEntry[] = [];
  private readonly outcomes = new Map<string, CommandOutcome>();
  /** Every event of the campaign, for late subscribers (a simulated campaign is finite: it ends when its contacts are worked). */
  private readonly history: unknown[] = [];
  private readonly live = new Subject<unknown>();

  /** A new campaign, starting now. */
  static start(script: SimulatedCampaignScript, options: RecordedDialerOptions = {}): RecordedSimulatedDialer {
    const scheduler = options.scheduler ?? asyncScheduler;
    return new RecordedSimulatedDialer({v: 1, startedAt: Math.floor(scheduler.now()), script, commands: []}, options);
  }

  /** The campaign of a journal, replayed up to now. */
  static resume(journal: SimulationJournal, options: RecordedDialerOptions = {}): RecordedSimulatedDialer {
    return new RecordedSimulatedDialer(journal, options);
  }

  private constructor(
    private readonly journalHead: SimulationJournal,
    private readonly options: RecordedDialerOptions,
  ) {
    this.clock = new CatchUpScheduler(options.scheduler ?? asyncScheduler, journalHead.startedAt);
    this.dialer = new SimulatedDialer(journalHead.script, {scheduler: this.clock});
    this.capabilities = this.dialer.capabilities;
    this.dialer.events$.subscribe((event) => {
      this.history.push(event);
      this.live.next(event);
    });
    for (const entry of journalHead.commands) this.run(entry).subscribe({error: () => undefined});
    this.clock.goLive();
    // Everything so far, then live; events raised while the past is delivered are part of the past.
    this.events$ = new Observable<unknown>((subscriber) => {
      for (let i = 0; i < this.history.length && !subscriber.closed; i += 1) subscriber.next(this.history[i]);
      return this.live.subscribe(subscriber);
    });
  }

  /** Everything needed to rebuild this campaign. */
  journal(): SimulationJournal {
    return {v: 1, startedAt: this.journalHead.startedAt, script: this.journalHead.script, commands: [...this.entries]};
  }

  /** The campaign's clock (epoch ms): the live one, once the journal is replayed. */
  now(): number {
    return this.clock.now();
  }

  /** How the command sent under `key` ended, if it ran. */
  outcome(key: string): CommandOutcome | undefined {
    return this.outcomes.get(key);
  }

  /** Contacts not yet called or removed. */
  get remainingContacts(): number {
    return this.dialer.remainingContacts;
  }

  /** Runs `command` and records it; under a `key` it already ran, it answers as it did then. */
  send(command: DialerCommand, key?: string): Observable<void> {
    return defer(() => {
      const known = key === undefined ? undefined : this.outcomes.get(key);
      if (known) return answer(known);
      return this.run({at: this.clock.nextMoment(), command, ...(key === undefined ? {} : {key})}, true);
    });
  }

  dispose(): void {
    this.dialer.dispose();
    this.live.complete();
  }

  /** The simulated dialer answers at once. */
  private execute(command: DialerCommand): CommandOutcome {
    const outcome: {value: CommandOutcome} = {value: {ok: true}};
    this.dialer.send(command).subscribe({
      error: (error: {code?: string; message?: string}) => {
        outcome.value = {ok: false, code: error.code ?? 'refused', message: error.message ?? 'Refused'};
      },
    });
    return outcome.value;
  }

  private run(entry: JournalEntry, notify = false): Observable<void> {
    return new Observable<void>((subscriber) => {
      this.entries.push(entry);
      const outcome = this.clock.runAt(entry.at, () => this.execute(entry.command));
      if (entry.key !== undefined) this.outcomes.set(entry.key, outcome);
      if (notify) this.store();
      return answer(outcome).subscribe(subscriber);
    });
  }

  private store(): void {
    try {
      this.options.onJournal?.(this.journal());
    } catch (error) {
      console.error('The simulated dialer could not store its journal; a reload will not resume it.', error);
    }
  }
}

function answer(outcome: CommandOutcome): Observable<void> {
  return new Observable<void>((subscriber) => {
    if (outcome.ok) subscriber.complete();
    else subscriber.error(new DialerError(outcome.code, outcome.message));
  });
}
