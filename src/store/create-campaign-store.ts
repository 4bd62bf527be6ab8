import {BehaviorSubject, Subject, Subscription, asyncScheduler, distinctUntilChanged, map, type Observable, type SchedulerLike} from 'rxjs';
import type {DialerAdapter} from '../adapters/dialer-adapter.js';
import {intentProblem, transition, type CoreInput} from '../core/machine.js';
import {DEFAULT_SETTINGS, initialState, type CampaignState, type Notice, type Settings} from '../core/state.js';
import {nextTimeChange} from '../core/time.js';
import {selectPreview, selectTask} from '../core/views.js';
import {describeError, parseDialerCommand, parseDialerEvent, type DialerCommand} from '../protocol/index.js';
import type {CampaignStore, PlannedTimeout} from './campaign-store.js';
import {sameValue} from './same-value.js';

export interface StoreOptions {
  /** Where time comes from: `asyncScheduler` in a page, a virtual one in tests. */
  readonly scheduler?: SchedulerLike;
  /**
   * After an accept, how long (ms) the call may take to start before a notice
   * says the dialer is slow (default 10 s); 0 for never. Until then the dialog
   * and the card say Connecting.
   */
  readonly connectingNoticeMs?: number;
}

/** The kit's settings from the store's options. */
export function settingsOf(options: StoreOptions): Settings {
  const ms = options.connectingNoticeMs;
  if (ms !== undefined && !(Number.isFinite(ms) && ms >= 0)) {
    throw new RangeError(`connectingNoticeMs must be a finite number of milliseconds, 0 or more (got ${String(ms)}).`);
  }
  return {...DEFAULT_SETTINGS, ...(ms === undefined ? {} : {connectingNoticeMs: ms})};
}

/** The platform's longest timer delay (2^31 - 1 ms); a later moment is reached in several waits. */
const MAX_DELAY = 2_147_483_647;

/** The state, and the moment it was last brought up to date. */
interface Snapshot {
  readonly state: CampaignState;
  readonly now: number;
}

/**
 * Connects an adapter to the state machine: validates every event, runs the
 * machine, sends its commands, and feeds it the passing of time: one timer,
 * for the next moment at which time alone changes the state or a view. The
 * returned store is hot: it listens from creation until disposed.
 */
export function createCampaignStore(adapter: DialerAdapter, options: StoreOptions = {}): CampaignStore {
  const core = openStore(initialState(adapter.capabilities, settingsOf(options)), options.scheduler ?? asyncScheduler);
  core.attach(adapter);
  return core.store;
}

/** A store whose dialer can be attached and detached (one tab of several is in charge). */
export interface StoreCore {
  readonly store: CampaignStore;
  /** Feeds the machine. */
  apply(input: CoreInput): void;
  /** Listens to `adapter`'s events and sends it the commands, until detached or disposed. */
  attach(adapter: DialerAdapter): void;
  /** Stops listening to the adapter attached (commands already sent run on). */
  detach(): void;
  /** Called on the agent's `take-control` intent. */
  onTakeControl: (() => void) | null;
}

/** The store around the machine: its state, its timer, and the adapter it is attached to, if any. */
export function openStore(initial: CampaignState, scheduler: SchedulerLike): StoreCore {
  let adapter: DialerAdapter | null = null;
  let eventsSub: Subscription | null = null;
  const snapshots = new BehaviorSubject<Snapshot>({state: initial, now: scheduler.now()});
  const commands = new Subject<DialerCommand>();
  const notices = new Subject<Notice>();
  const timeouts = new Subject<PlannedTimeout>();
  const pending = new Set<Subscription>();
  let timer: {at: number; sub: Subscription} | null = null;
  let disposed = false;

  // Inputs that arrive while one is being applied (an adapter answering
  // synchronously, a subscriber dispatching) wait their turn, so every
  // subscriber sees the states in order and the timer follows the latest state.
  const queue: CoreInput[] = [];
  let applying = false;
  const apply = (input: CoreInput): void => {
    if (disposed) return;
    queue.push(input);
    if (applying) return;
    applying = true;
    try {
      for (let next = queue.shift(); next && !disposed; next = queue.shift()) {
        const before = snapshots.value.state;
        const now = scheduler.now();
        const result = transition(before, next, now);
        snapshots.next({state: result.state, now});
        // A mirrored notice was reported by the tab in charge.
        if (next.kind !== 'mirror') announceNotices(before, result.state);
        armTimer(result.state, now);
        result.commands.forEach(send);
      }
    } finally {
      applying = false;
    }
  };

  /** Each notice the last input raised, once. */
  const announceNotices = (before: CampaignState, after: CampaignState): void => {
    if (after.nextNoticeId === before.nextNoticeId) return;
    for (const notice of after.notices) if (notice.id >= before.nextNoticeId) notices.next(notice);
  };

  const send = (command: DialerCommand): void => {
    if (!adapter) {
      apply({kind: 'command-failed', command, code: 'send-failed', message: 'No dialer is connected in this tab.'});
      return;
    }
    const checked = parseDialerCommand(command);
    if (!checked.ok) {
      apply({kind: 'command-failed', command, code: 'invalid-command', message: checked.error});
      return;
    }
    commands.next(command);
    const fail = (error: unknown) => {
      const {code = 'send-failed', message} = describeError(error, 'The dialer could not carry out the command.');
      apply({kind: 'command-failed', command, code, message});
    };
    try {
      // `send` may settle synchronously, before `subscribe` returns.
      let settled = false;
      const sub = new Subscription();
      const settle = () => {
        settled = true;
        pending.delete(sub);
      };
      sub.add(
        adapter.send(command).subscribe({
          error: (error: unknown) => {
            settle();
            fail(error);
          },
          complete: settle,
        }),
      );
      if (!settled) pending.add(sub);
    } catch (error) {
      fail(error);
    }
  };

  /** One timer, for the next moment time alone changes something. */
  const armTimer = (current: CampaignState, now: number): void => {
    const at = nextTimeChange(current, now);
    if (timer?.at === at) return;
    timer?.sub.unsubscribe();
    timer = null;
    if (at === null) return;
    const sub = scheduler.schedule(
      () => {
        timer = null;
        onTime();
      },
      Math.min(MAX_DELAY, Math.max(0, at - now)),
    );
    timer = {at, sub};
  };

  /** Time passed: the machine's tick, with the timeout action offered to the host first. */
  const onTime = (): void => {
    const planned = transition(snapshots.value.state, {kind: 'tick'}, scheduler.now()).commands[0];
    let hostTakesOver = false;
    if (planned && 'source' in planned && planned.source === 'timeout') {
      timeouts.next({
        intent: {type: planned.type, offerId: planned.offerId},
        takeOver: () => {
          hostTakesOver = true;
        },
      });
    }
    apply({kind: 'tick', hostTakesOver});
  };

  const attach = (next: DialerAdapter): void => {
    detach();
    if (disposed) return;
    adapter = next;
    eventsSub = next.events$.subscribe({
      next: (raw) => {
        const parsed = parseDialerEvent(raw);
        apply(parsed.ok ? {kind: 'event', event: parsed.value} : {kind: 'invalid-event', error: parsed.error});
      },
      error: (error: unknown) => {
        const {code = 'disconnected', message} = describeError(error, 'The connection to the dialer failed.');
        apply({kind: 'disconnected', code, message});
      },
      complete: () => apply({kind: 'disconnected', code: 'disconnected', message: 'The dialer closed the connection.'}),
    });
  };
  const detach = (): void => {
    eventsSub?.unsubscribe();
    eventsSub = null;
    adapter = null;
  };

  const view = <T>(select: (snapshot: Snapshot) => T): Observable<T> => snapshots.pipe(map(select), distinctUntilChanged<T>(sameValue));

  const core: StoreCore = {
    apply,
    attach,
    detach,
    onTakeControl: null,
    store: {
      state$: snapshots.pipe(
        map((snapshot) => snapshot.state),
        distinctUntilChanged(),
      ),
      preview$: view(({state, now}) => selectPreview(state, now)),
      task$: view(({state, now}) => selectTask(state, now)),
      commands$: commands.asObservable(),
      notices$: notices.asObservable(),
      timeouts$: timeouts.asObservable(),
      dispatch: (intent) => (intent.type === 'take-control' ? !disposed && core.onTakeControl?.() : apply({kind: 'intent', intent})),
      accepts: (intent) => intentProblem(snapshots.value.state, intent, scheduler.now()) === null,
      problem: (intent) => intentProblem(snapshots.value.state, intent, scheduler.now()),
      now: () => scheduler.now(),
      snapshot: () => snapshots.value.state,
      dispose: () => {
        disposed = true;
        detach();
        timer?.sub.unsubscribe();
        pending.forEach((sub) => sub.unsubscribe());
        pending.clear();
        snapshots.complete();
        commands.complete();
        notices.complete();
        timeouts.complete();
      },
    },
  };
  return core;
}
