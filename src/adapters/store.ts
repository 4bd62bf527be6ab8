import {
  BehaviorSubject,
  Subject,
  Subscription,
  asyncScheduler,
  distinctUntilChanged,
  map,
  type SchedulerLike,
} from 'rxjs';
import type {TimeoutIntent} from '../core/intents.js';
import type {CampaignStore} from '../core/store.js';
import {step, type CoreInput} from '../core/machine.js';
import {initialState, type CampaignState} from '../core/state.js';
import {selectPreview, selectTask} from '../core/views.js';
import {parseDialerCommand, parseDialerEvent, type DialerCommand} from '../protocol/index.js';
import type {DialerAdapter} from './dialer-adapter.js';

export interface StoreOptions {
  /** Where time comes from: `asyncScheduler` in a page, a virtual one in tests. */
  readonly scheduler?: SchedulerLike;
}

/**
 * Connects an adapter to the state machine: validates every event, runs the
 * machine, sends its commands, and arms the offer's deadline on the injected
 * scheduler. The returned store is hot: it listens from creation until disposed.
 */
export function createCampaignStore(adapter: DialerAdapter, options: StoreOptions = {}): CampaignStore {
  const scheduler = options.scheduler ?? asyncScheduler;
  const state = new BehaviorSubject<CampaignState>(initialState(adapter.capabilities));
  const commands = new Subject<DialerCommand>();
  const subscriptions = new Set<Subscription>();
  let deadlineTimer: {key: string; sub: Subscription} | null = null;
  let disposed = false;

  // Inputs that arrive while one is being applied (an adapter answering
  // synchronously, a subscriber dispatching) wait their turn, so every
  // subscriber sees the states in order and timers follow the latest state.
  const queue: CoreInput[] = [];
  let applying = false;
  const apply = (input: CoreInput): void => {
    if (disposed) return;
    queue.push(input);
    if (applying) return;
    applying = true;
    try {
      for (let next = queue.shift(); next && !disposed; next = queue.shift()) {
        const result = step(state.value, next, scheduler.now());
        if (result.state !== state.value) state.next(result.state);
        armDeadline(result.state);
        result.commands.forEach(send);
      }
    } finally {
      applying = false;
    }
  };

  const send = (command: DialerCommand): void => {
    const checked = parseDialerCommand(command);
    if (!checked.ok) {
      apply({kind: 'command-failed', command, code: 'invalid-command', message: checked.error});
      return;
    }
    commands.next(command);
    const fail = (error: unknown) =>
      apply({kind: 'command-failed', command, code: errorCode(error), message: errorMessage(error)});
    try {
      // `send` may settle synchronously, before `subscribe` returns.
      let settled = false;
      const sub = new Subscription();
      const settle = () => {
        settled = true;
        subscriptions.delete(sub);
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
      if (!settled) subscriptions.add(sub);
    } catch (error) {
      fail(error);
    }
  };

  /** One timer, for the current offer's deadline (R-C1). */
  const armDeadline = (current: CampaignState): void => {
    const offer = current.offer;
    const due = offer && !offer.decision && !offer.timedOut && offer.deadline !== null;
    const key = due ? `${offer.offerId}@${offer.deadline}` : '';
    if (deadlineTimer?.key === key) return;
    deadlineTimer?.sub.unsubscribe();
    deadlineTimer = null;
    if (!due) return;
    const delay = Math.max(0, offer.deadline! - scheduler.now());
    const sub = scheduler.schedule(() => {
      deadlineTimer = null;
      onDeadline();
    }, delay);
    deadlineTimer = {key, sub};
  };

  const guards = new Set<(intent: TimeoutIntent) => boolean>();

  /** At the deadline: the kit's timeout action, unless a guard hands it to the host. */
  const onDeadline = (): void => {
    const planned = step(state.value, {kind: 'tick'}, scheduler.now()).commands[0];
    const decided = planned && 'source' in planned && planned.source === 'timeout' ? planned : null;
    const intent: TimeoutIntent | null = decided && {type: decided.type, offerId: decided.offerId};
    const vetoed = intent !== null && [...guards].some((guard) => !guard(intent));
    apply({kind: 'tick', hostTakesOver: vetoed});
  };

  const eventsSub = adapter.events$.subscribe({
    next: (raw) => {
      const parsed = parseDialerEvent(raw);
      apply(parsed.ok ? {kind: 'event', event: parsed.value} : {kind: 'invalid-event', error: parsed.error});
    },
    error: (error: unknown) =>
      apply({kind: 'disconnected', code: errorCode(error, 'disconnected'), message: errorMessage(error)}),
    complete: () => apply({kind: 'disconnected', code: 'disconnected', message: 'The dialer closed the connection.'}),
  });

  return {
    state$: state.asObservable(),
    preview$: state.pipe(map((current) => selectPreview(current, scheduler.now())), distinctUntilChanged(shallowEqual)),
    task$: state.pipe(map(selectTask), distinctUntilChanged(shallowEqual)),
    commands$: commands.asObservable(),
    dispatch: (intent) => apply({kind: 'intent', intent}),
    accepts: (intent) => step(state.value, {kind: 'intent', intent}, scheduler.now()).commands.length > 0,
    addTimeoutGuard: (guard) => {
      guards.add(guard);
      return () => {
        guards.delete(guard);
      };
    },
    now: () => scheduler.now(),
    snapshot: () => state.value,
    dispose: () => {
      disposed = true;
      eventsSub.unsubscribe();
      deadlineTimer?.sub.unsubscribe();
      subscriptions.forEach((sub) => sub.unsubscribe());
      subscriptions.clear();
      state.complete();
      commands.complete();
    },
  };
}

function errorCode(error: unknown, fallback = 'send-failed'): string {
  const code = (error as {code?: unknown} | null)?.code;
  return typeof code === 'string' && code ? code : fallback;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : String(error);
}

/** Views are rebuilt on every change; only emit when a field really differs. */
function shallowEqual<T>(a: T, b: T): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const keys = Object.keys(a) as (keyof T)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return true;
    // Nested records built by the selectors (actions, campaignButton) compare one level down.
    return (
      x !== null && y !== null && typeof x === 'object' && typeof y === 'object' &&
      !Array.isArray(x) && Object.keys(x).every((k) => (x as Record<string, unknown>)[k] === (y as Record<string, unknown>)[k]) &&
      Object.keys(x).length === Object.keys(y).length
    );
  });
}
