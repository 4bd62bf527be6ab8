import type {Observable} from 'rxjs';
import type {Intent, TimeoutIntent} from '../core/intents.js';
import type {CampaignState, Notice} from '../core/state.js';
import type {PreviewView, TaskView} from '../core/views.js';
import type {DialerCommand} from '../protocol/index.js';

/**
 * The kit is about to take the campaign's timeout action for the agent (R-C1).
 * Emitted once per deadline, before anything is sent; `takeOver()` during the
 * emission hands the action to the host: the offer expires and the kit sends
 * nothing.
 */
export interface PlannedTimeout {
  readonly intent: TimeoutIntent;
  takeOver(): void;
}

/**
 * The service elements find through context: the campaign state as streams,
 * and a way to send the agent's intents. `createCampaignStore` makes one from
 * any `DialerAdapter`; a host may also provide its own implementation.
 *
 * The store owns time: `preview$` and `task$` also change when time alone
 * changes them (a deadline passing, a calling window opening), with no event
 * from the dialer.
 */
export interface CampaignStore {
  /** The current state, replayed at once to every new subscriber. */
  readonly state$: Observable<CampaignState>;
  /** What `<campaign-preview>` shows; replayed to new subscribers, emitted only when it differs. */
  readonly preview$: Observable<PreviewView>;
  /** What `<campaign-task-card>` shows (null: no task); replayed, emitted only when it differs. */
  readonly task$: Observable<TaskView | null>;
  /** Every command handed to the adapter, in order. */
  readonly commands$: Observable<DialerCommand>;
  /** Each new notice (refused command, unreadable event, lost connection), once, when it is raised; not replayed. */
  readonly notices$: Observable<Notice>;
  /** Each timeout action the kit is about to take, once per deadline; not replayed. */
  readonly timeouts$: Observable<PlannedTimeout>;
  /** The agent's intent; dropped when it no longer applies. */
  dispatch(intent: Intent): void;
  /** Whether `dispatch(intent)` would send a command now (elements ask before raising an intent event). */
  accepts(intent: Intent): boolean;
  /**
   * Why `dispatch(intent)` would send nothing now, or null when it would be
   * carried out: a callback's problem (`past`, `outside-window`, `number`,
   * `back-to-me`, `not-allowed`), or `not-allowed`.
   */
  problem(intent: Intent): string | null;
  /** The store's clock (epoch ms). */
  now(): number;
  /** The current state, for hosts that do not use RxJS. */
  snapshot(): CampaignState;
  /** Stops listening to the adapter and cancels pending timers. */
  dispose(): void;
}
