import {BehaviorSubject, asyncScheduler, distinctUntilChanged, type Observable} from 'rxjs';
import type {DialerAdapter} from '../adapters/dialer-adapter.js';
import {initialState, type Capabilities, type CampaignState} from '../core/state.js';
import {PROTOCOL_VERSION, describeError} from '../protocol/index.js';
import type {CampaignStore} from './campaign-store.js';
import {openStore, settingsOf, type StoreOptions} from './create-campaign-store.js';

/** Whether this tab is the one in charge of the agent's dialer: `electing` only until the browser answers. */
export type TabControl = 'electing' | 'here' | 'elsewhere';

export interface ShareOptions extends StoreOptions {
  /**
   * What the tabs of one agent have in common (the agent's id, say): of all the
   * tabs of this browser that share a name, one is in charge.
   */
  readonly name: string;
  /** Connects this tab to the dialer, each time it takes charge: a fresh adapter each time. */
  readonly connect: () => DialerAdapter | Promise<DialerAdapter>;
  /** This tab handed over: release what `connect` opened (a socket, a simulation). */
  readonly disconnect?: (adapter: DialerAdapter) => void;
  /** What the dialer can do, shown before this tab is in charge. Default: nothing. */
  readonly capabilities?: Capabilities;
  /**
   * The browser's lock manager (`navigator.locks`, the default), which elects
   * the tab in charge and hands over when it closes or crashes. `null`: no
   * election, this tab is in charge (as a page without Web Locks is).
   */
  readonly locks?: LockManager | null;
}

/** A campaign store shared by the tabs of one agent: only the tab in charge talks to the dialer. */
export interface SharedCampaignStore extends CampaignStore {
  /** Whether this tab is in charge; replayed to new subscribers. */
  readonly control$: Observable<TabControl>;
  /** "Use here": this tab takes charge, and the tab that was in charge mirrors it. */
  takeControl(): void;
}

/**
 * The messages between the tabs of one name. `v` changes whenever the
 * campaign state changes shape: a tab left open on an older kit is not
 * mirrored (Use here still moves control either way).
 */
type TabMessage =
  {readonly type: 'hello'; readonly v: number} | {readonly type: 'state'; readonly v: number; readonly state: CampaignState};

const MIRROR_VERSION = 1;

/** What another tab posted is a message of this kit's mirror, with a state of the shape this kit keeps. */
function readMessage(data: unknown): TabMessage | null {
  const message = data as Partial<Record<'type' | 'v' | 'state', unknown>> | null;
  if (typeof message !== 'object' || message === null || message.v !== MIRROR_VERSION) return null;
  if (message.type === 'hello') return {type: 'hello', v: MIRROR_VERSION};
  const state = message.state as Partial<CampaignState> | undefined;
  const shaped =
    message.type === 'state' &&
    typeof state === 'object' &&
    state !== null &&
    Array.isArray(state.capabilities?.actions) &&
    Array.isArray(state.notices) &&
    typeof state.settings === 'object' &&
    typeof state.inCharge === 'boolean';
  return shaped ? {type: 'state', v: MIRROR_VERSION, state: state as CampaignState} : null;
}

const NOTHING: Capabilities = {enforcesTimeout: false, actions: []};

/**
 * One store per tab, with one tab in charge of the agent's dialer among all
 * the tabs of the browser that share `name`. The tab in charge connects (with
 * `connect`), sends every command, handles the deadlines and rings; the
 * others show its state read-only (each element says "Active in another
 * tab", with a Use here button that raises the `take-control` intent). When
 * the tab in charge closes or crashes, the browser hands the lock to another
 * tab, which connects and takes over from what it showed; the dialer's own
 * snapshot on connect (protocol 1.1) then corrects anything in between.
 *
 * Built on Web Locks (the election) and BroadcastChannel (the mirror), both
 * of the same origin only.
 */
export function shareCampaignStore(options: ShareOptions): SharedCampaignStore {
  const scheduler = options.scheduler ?? asyncScheduler;
  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks;
  const initial = initialState(options.capabilities ?? NOTHING, settingsOf(options));
  const core = openStore({...initial, inCharge: false}, scheduler);
  const control = new BehaviorSubject<TabControl>('electing');
  const key = `campaign-preview-kit:${options.name}`;
  const channel = new BroadcastChannel(key);
  let connected: DialerAdapter | null = null;
  /** Each time this tab takes charge or hands over; a connection that comes back late is dropped. */
  let term = 0;
  /** Resolving it releases the lock this tab holds. */
  let release: (() => void) | null = null;
  /** The queued request for the lock, while this tab waits its turn. */
  let queued: AbortController | null = null;
  /** A steal of the lock (Use here) is on its way, or `connect` is. */
  let taking = false;
  let connecting = false;
  let disposed = false;

  const post = (message: TabMessage): void => {
    if (!disposed) channel.postMessage(message);
  };

  const lead = async (): Promise<void> => {
    const mine = ++term;
    control.next('here');
    let adapter: DialerAdapter;
    connecting = true;
    try {
      adapter = await options.connect();
    } catch (error) {
      if (mine !== term) return;
      // Still not in charge: the notice says why, and Use here tries again.
      const {code = 'connect-failed', message} = describeError(error, 'This tab could not connect to the dialer.');
      core.apply({kind: 'event', event: {type: 'stream-error', v: PROTOCOL_VERSION, code, message}});
      return;
    } finally {
      if (mine === term) connecting = false;
    }
    if (mine !== term || disposed) {
      options.disconnect?.(adapter);
      return;
    }
    connected = adapter;
    // In charge from what this tab showed, until the dialer says otherwise.
    core.apply({kind: 'control', inCharge: true, capabilities: adapter.capabilities});
    core.attach(adapter);
  };

  const follow = (): void => {
    term++;
    connecting = false;
    // Not in charge before anything else: this tab's last state is not posted as the one in charge.
    control.next('elsewhere');
    core.detach();
    if (connected) options.disconnect?.(connected);
    connected = null;
    core.apply({kind: 'control', inCharge: false});
    post({type: 'hello', v: MIRROR_VERSION});
  };

  /** Holds the lock until released or stolen: this tab is in charge meanwhile. */
  const hold = (): Promise<void> => {
    void lead();
    return new Promise<void>((resolve) => (release = resolve));
  };

  /** After the lock was stolen ("Use here" in another tab): mirror, and wait for a turn. */
  const lost = (error: unknown): void => {
    release = null;
    if (disposed || (error as {name?: string})?.name !== 'AbortError') return;
    follow();
    wait();
  };

  /** Queues for the lock: granted when the tab in charge closes, crashes or hands over. */
  const wait = (): void => {
    if (disposed || !locks) return;
    const request = new AbortController();
    queued = request;
    locks
      .request(key, {signal: request.signal}, () => {
        if (queued === request) queued = null;
        return disposed ? undefined : hold();
      })
      .then(
        () => undefined,
        (error: unknown) => {
          // Withdrawn by this tab (Use here, dispose): nothing to do.
          if (request.signal.aborted) return;
          lost(error);
        },
      );
  };

  const takeControl = (): void => {
    if (disposed || taking || connecting) return;
    // In charge already, but its dialer could not be reached: try again.
    if (control.value === 'here') {
      if (!connected) void lead();
      return;
    }
    if (!locks) return;
    queued?.abort();
    queued = null;
    taking = true;
    locks
      .request(key, {steal: true}, () => {
        taking = false;
        return disposed ? undefined : hold();
      })
      .then(
        () => undefined,
        (error: unknown) => {
          taking = false;
          lost(error);
        },
      );
  };

  channel.onmessage = ({data}: MessageEvent<unknown>) => {
    const message = readMessage(data);
    if (disposed || !message) return;
    if (message.type === 'hello' && control.value === 'here') post({type: 'state', v: MIRROR_VERSION, state: core.store.snapshot()});
    else if (message.type === 'state' && control.value !== 'here') core.apply({kind: 'mirror', state: message.state});
  };
  // What the tab in charge shows, every change of it, to the other tabs.
  const mirrorSub = core.store.state$.subscribe((state) => {
    if (control.value === 'here') post({type: 'state', v: MIRROR_VERSION, state});
  });
  core.onTakeControl = takeControl;

  if (!locks) {
    void lead();
  } else {
    locks
      .request(key, {ifAvailable: true}, (lock) => {
        if (disposed) return undefined;
        if (lock) return hold();
        follow();
        wait();
        return undefined;
      })
      .then(() => undefined, lost);
  }

  const store = core.store;
  return {
    ...store,
    control$: control.pipe(distinctUntilChanged()),
    takeControl,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      term++;
      queued?.abort();
      release?.();
      mirrorSub.unsubscribe();
      channel.close();
      core.detach();
      if (connected) options.disconnect?.(connected);
      connected = null;
      control.complete();
      store.dispose();
    },
  };
}
