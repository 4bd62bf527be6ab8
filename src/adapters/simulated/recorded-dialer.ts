/**
 * A simulated dialer that keeps a journal of where it is, so that it can be
 * rebuilt there: after a page reload (the demo keeps the journal in session
 * storage) or a server restart (the reference server keeps it on disk).
 *
 * The journal is compacted after every command: the dialer's state and the
 * pages' snapshot as of that moment, and the outcomes of the latest
 * idempotency keys (see simulation-journal.ts). Its size depends on the
 * script and the situation, never on how long the campaign has run. The
 * simulation is deterministic, so a campaign resumed from its journal on the
 * clock it ran on carries on with the same ids and the same timers; what fell
 * due while nobody was running it happens on resume, each at its own time.
 *
 * A subscriber to `events$` gets one `snapshot` of the situation now
 * (protocol 1.1), then the live events: nothing is replayed.
 */
import {Observable, Subject, asyncScheduler, defer, type SchedulerLike} from 'rxjs';
import type {Capabilities} from '../../core/state.js';
import type {DialerCommand, Snapshot} from '../../protocol/index.js';
import {CampaignMirror} from './campaign-mirror.js';
import {CatchUpScheduler} from './catch-up-scheduler.js';
import {RecentOutcomes, type CommandOutcome} from './recent-outcomes.js';
import {SimulatedDialer, type SimulatedCampaignScript} from './simulated-dialer.js';
import {journalAtStart, type JournalEntry, type SimulationJournal} from './simulation-journal.js';
import {DialerError, type DialerAdapter} from '../dialer-adapter.js';

export {OUTCOMES_KEPT, type CommandOutcome, type KeyedOutcome} from './recent-outcomes.js';
export {SimulationJournalSchema, parseSimulationJournal, type JournalEntry, type SimulationJournal} from './simulation-journal.js';

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

  private readonly script: SimulatedCampaignScript;
  private readonly clock: CatchUpScheduler;
  private readonly dialer: SimulatedDialer;
  /** The situation as pages see it, for the snapshot a subscriber gets first. */
  private readonly mirror: CampaignMirror;
  private readonly outcomes: RecentOutcomes;
  private readonly live = new Subject<unknown>();

  /** A new campaign, starting now. */
  static start(script: SimulatedCampaignScript, options: RecordedDialerOptions = {}): RecordedSimulatedDialer {
    return new RecordedSimulatedDialer(journalAtStart(script, Math.floor((options.scheduler ?? asyncScheduler).now())), options);
  }

  /** The campaign of a journal, carried on up to now. */
  static resume(journal: SimulationJournal, options: RecordedDialerOptions = {}): RecordedSimulatedDialer {
    return new RecordedSimulatedDialer(journal, options);
  }

  private constructor(
    journal: SimulationJournal,
    private readonly options: RecordedDialerOptions,
  ) {
    this.script = journal.script;
    this.clock = new CatchUpScheduler(options.scheduler ?? asyncScheduler, journal.at);
    this.dialer = new SimulatedDialer(journal.script, {scheduler: this.clock, state: journal.state});
    this.capabilities = this.dialer.capabilities;
    this.mirror = new CampaignMirror(this.capabilities);
    this.outcomes = new RecentOutcomes(journal.outcomes);
    this.dialer.events$.subscribe((event) => {
      this.mirror.event(event, this.clock.now());
      this.live.next(event);
    });
    // After the dialer's first event (its agent state, without the reason the snapshot may have).
    this.mirror.restore(journal.snapshot, this.clock.now());
    for (const entry of journal.commands) this.run(entry).subscribe({error: () => undefined});
    this.clock.goLive();
    this.events$ = snapshotThenLive(() => this.snapshot(), this.live);
  }

  /**
   * Everything needed to rebuild this campaign, as of now: compacted, with
   * no command to run again. Its moment is now, or the earliest timer still
   * to run if one is overdue (a live timer a little late), so that a resumed
   * campaign runs that timer at its own time.
   */
  journal(): SimulationJournal {
    const state = this.dialer.state();
    const at = Math.min(this.clock.nextMoment(), ...state.agenda.map((entry) => entry.at));
    return {v: 2, script: this.script, at, state, snapshot: this.mirror.snapshot(), commands: [], outcomes: this.outcomes.list()};
  }

  /** The situation now, as a page that connects must see it (protocol 1.1). */
  snapshot(): Snapshot {
    return this.mirror.snapshot();
  }

  /** The campaign's clock (epoch ms): the live one, once the journal has caught up. */
  now(): number {
    return this.clock.now();
  }

  /** How the command sent under `key` ended, if it ran (and `key` is one of the latest `OUTCOMES_KEPT`). */
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

  /** The simulated dialer answers at once; the mirror learns what the agent did first. */
  private execute(command: DialerCommand): CommandOutcome {
    this.mirror.command(command, this.clock.now());
    const outcome: {value: CommandOutcome} = {value: {ok: true}};
    this.dialer.send(command).subscribe({
      error: (error: {code?: string; message?: string}) => {
        outcome.value = {ok: false, code: error.code ?? 'refused', message: error.message ?? 'Refused'};
      },
    });
    return outcome.value;
  }

  private run(entry: JournalEntry, store = false): Observable<void> {
    return new Observable<void>((subscriber) => {
      const outcome = this.clock.runAt(entry.at, () => this.execute(entry.command));
      if (entry.key !== undefined) this.outcomes.set(entry.key, outcome);
      if (store) this.store();
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

/**
 * One snapshot of the situation when a subscriber comes, then what happens
 * from then on, including what happens while the snapshot is delivered.
 */
function snapshotThenLive(snapshot: () => unknown, live: Observable<unknown>): Observable<unknown> {
  return new Observable<unknown>((subscriber) => {
    let early: unknown[] | null = [];
    const subscription = live.subscribe({
      next: (event) => (early ? early.push(event) : subscriber.next(event)),
      error: (error) => subscriber.error(error),
      complete: () => subscriber.complete(),
    });
    subscriber.next(snapshot());
    for (let i = 0; i < early.length; i += 1) subscriber.next(early[i]);
    early = null;
    return subscription;
  });
}
