import type {SchedulerLike, Subscription} from 'rxjs';

/** One thing a simulation will do, and when (epoch ms). Plain data: it can be stored and restored. */
export interface AgendaEntry<A> {
  readonly at: number;
  readonly action: A;
}

/**
 * What a simulation has planned, kept as data: its entries in the order they
 * will run (by time, then in the order they were planned), each carried out
 * by `perform` when it falls due.
 *
 * Each entry is armed as a timer of its own, in that order, so that an entry
 * due at the same moment as other work on the same scheduler (a store's timer
 * on one virtual clock) runs where a plain timer planned at the same point
 * would: the timers are how it runs, the entries are what it is.
 */
export class Agenda<A> {
  private readonly entries: AgendaEntry<A>[] = [];
  private readonly timers = new Map<AgendaEntry<A>, Subscription>();

  constructor(
    private readonly scheduler: SchedulerLike,
    private readonly perform: (action: A) => void,
  ) {}

  /** Plans `action` at `at`, after everything already planned up to then. */
  plan(at: number, action: A): void {
    const entry = {at, action};
    const later = this.entries.findIndex((e) => e.at > at);
    this.entries.splice(later < 0 ? this.entries.length : later, 0, entry);
    this.timers.set(
      entry,
      this.scheduler.schedule(() => this.run(entry), Math.max(0, at - this.scheduler.now())),
    );
  }

  /** Drops every planned entry whose action matches. */
  cancel(matches: (action: A) => boolean): void {
    for (const entry of this.entries.filter((e) => matches(e.action))) this.drop(entry);
  }

  /** Everything planned, in the order it will run (a copy). */
  list(): AgendaEntry<A>[] {
    return this.entries.map((entry) => ({at: entry.at, action: {...entry.action}}));
  }

  /** Drops everything: nothing planned runs. */
  dispose(): void {
    [...this.entries].forEach((entry) => this.drop(entry));
  }

  private run(entry: AgendaEntry<A>): void {
    this.timers.delete(entry);
    this.entries.splice(this.entries.indexOf(entry), 1);
    this.perform(entry.action);
  }

  private drop(entry: AgendaEntry<A>): void {
    this.timers.get(entry)?.unsubscribe();
    this.timers.delete(entry);
    this.entries.splice(this.entries.indexOf(entry), 1);
  }
}
