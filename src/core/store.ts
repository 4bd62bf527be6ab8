import type {Observable} from 'rxjs';
import type {Intent, TimeoutIntent} from './intents.js';
import type {CampaignState} from './state.js';
import type {PreviewView, TaskView} from './views.js';
import type {DialerCommand} from '../protocol/index.js';

/**
 * The service elements find through context: the campaign state as streams,
 * and a way to send the agent's intents. `createCampaignStore` makes one from
 * any `DialerAdapter`; a host may also provide its own implementation.
 */
export interface CampaignStore {
  /** The current state, replayed at once to every new subscriber. */
  readonly state$: Observable<CampaignState>;
  readonly preview$: Observable<PreviewView>;
  readonly task$: Observable<TaskView | null>;
  /** Every command handed to the adapter, in order. */
  readonly commands$: Observable<DialerCommand>;
  /** The agent's intent; dropped when it no longer applies. */
  dispatch(intent: Intent): void;
  /** Whether `dispatch(intent)` would send a command now (elements ask before raising an intent event). */
  accepts(intent: Intent): boolean;
  /**
   * Asks `guard` before the kit sends a timeout action (R-C1); when any guard
   * returns false the host has taken over: the offer expires and nothing is
   * sent. Returns a function that removes the guard.
   */
  addTimeoutGuard(guard: (intent: TimeoutIntent) => boolean): () => void;
  /** The store's clock (epoch ms). */
  now(): number;
  /** The current state, for hosts that do not use RxJS. */
  snapshot(): CampaignState;
  /** Stops listening to the adapter and cancels pending timers. */
  dispose(): void;
}
