import {Subscription, type SchedulerAction, type SchedulerLike} from 'rxjs';

interface Due {
  readonly at: number;
  readonly order: number;
  readonly run: () => void;
  live: Subscription | null;
}

/**
 * A scheduler that runs the past on virtual time, then runs live, and gives
 * the same times both ways.
 *
 * A simulation rebuilt from its journal starts on it at the journal's moment,
 * its pending timers planned from there; `runAt` runs a command recorded
 * since at its moment, after what fell due before it. `goLive` catches up to
 * the present (work that fell due while the page or server was gone runs at
 * once) and leaves the rest to the live scheduler.
 *
 * Work always runs at its nominal time: `now()` inside a timer is the time it
 * was due (not the late moment a real timer fires), and inside `runAt` the
 * given moment. Live, a command first runs whatever is overdue, as the replay
 * would. So a replay reproduces every time and every order the live run had.
 */
export class CatchUpScheduler implements SchedulerLike {
  private replaying = true;
  /** The moment the running work happens at; while replaying, the virtual clock. */
  private pinned: number | null;
  private readonly queue: Due[] = [];
  private order = 0;
  /** The latest moment any work ran at: later work never runs before it. */
  private latest: number;

  constructor(
    private readonly live: SchedulerLike,
    startedAt: number,
  ) {
    this.pinned = startedAt;
    this.latest = startedAt;
  }

  /** The moment for new work: now, but never before work that already ran (a live timer may run at a due time ahead of the clock). */
  nextMoment(): number {
    return Math.max(Math.floor(this.now()), this.latest);
  }

  now(): number {
    return this.pinned ?? this.live.now();
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    const due: Due = {
      at: this.now() + Math.max(0, delay),
      order: this.order++,
      // The work may reschedule itself through `this`, as RxJS actions allow.
      run: () => work.call(this.actionFor(work, subscription), state),
      live: null,
    };
    this.queue.push(due);
    if (!this.replaying) this.arm(due);
    const subscription = new Subscription(() => {
      const index = this.queue.indexOf(due);
      if (index >= 0) this.queue.splice(index, 1);
      due.live?.unsubscribe();
    });
    return subscription;
  }

  private actionFor<T>(work: (this: SchedulerAction<T>, state?: T) => void, subscription: Subscription): SchedulerAction<T> {
    return Object.assign(subscription, {
      schedule: (state?: T, delay?: number) => subscription.add(this.schedule(work, delay, state)) ?? subscription,
    }) as unknown as SchedulerAction<T>;
  }

  /** Runs `work` at `time`, after everything due up to then. */
  runAt<T>(time: number, work: () => T): T {
    this.runUntil(time);
    const outer = this.pinned;
    this.pinned = time;
    this.latest = Math.max(this.latest, time);
    try {
      return work();
    } finally {
      this.pinned = this.replaying ? time : outer;
    }
  }

  /** Catches up with the live clock, then leaves every later timer to it. */
  goLive(): void {
    this.runUntil(this.live.now());
    this.replaying = false;
    this.pinned = null;
    this.queue.forEach((due) => this.arm(due));
  }

  /** Runs, in due order and each at its own time, everything due up to `time`. */
  private runUntil(time: number): void {
    const outer = this.pinned;
    for (let next = this.earliest(); next && next.at <= time; next = this.earliest()) {
      this.queue.splice(this.queue.indexOf(next), 1);
      next.live?.unsubscribe();
      this.pinned = next.at;
      this.latest = Math.max(this.latest, next.at);
      next.run();
    }
    this.pinned = this.replaying ? Math.max(outer ?? time, time) : outer;
  }

  private arm(due: Due): void {
    due.live = this.live.schedule(() => this.runUntil(due.at), Math.max(0, due.at - this.live.now()));
  }

  private earliest(): Due | undefined {
    let best: Due | undefined;
    for (const due of this.queue) {
      if (!best || due.at < best.at || (due.at === best.at && due.order < best.order)) best = due;
    }
    return best;
  }
}
