/**
 * A dialer reached over a WebSocket, speaking the kit's protocol as JSON
 * messages (`src/protocol/wire.ts`). Reconnects with backoff, watches the line
 * with heartbeats, and reports `connection-state` events so the elements show
 * when nothing can be sent. A command sent while offline is refused at once
 * (a visible error, never queued); one in flight when the line drops is sent
 * again after reconnecting with the same idempotency key, so the server runs
 * it once.
 */
import {Observable, Subject, asyncScheduler, type SchedulerLike, type Subscription} from 'rxjs';
import type {Capabilities} from '../../core/state.js';
import {PROTOCOL_VERSION, parseServerMessage, type ClientMessage, type DialerCommand} from '../../protocol/index.js';
import {DialerError, type DialerAdapter} from '../dialer-adapter.js';

/** The parts of a WebSocket this adapter uses (the browser's, or the `ws` package's). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: {data: unknown}) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface WebSocketDialerOptions {
  /** What the dialer behind the server can do. */
  readonly capabilities: Capabilities;
  /** Makes a socket; defaults to the platform's `WebSocket`. */
  readonly connect?: (url: string) => SocketLike;
  /** Where timers run; a virtual scheduler in tests. */
  readonly scheduler?: SchedulerLike;
  /** A ping goes out this often; two silent intervals mean the line is dead. Default 10 s. */
  readonly heartbeatMs?: number;
  /** First reconnect delay, doubled on each failure up to `maxBackoffMs`. Defaults 250 ms and 8 s. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** How long a command may wait for its answer. Default 10 s. */
  readonly commandTimeoutMs?: number;
}

interface Pending {
  readonly message: ClientMessage;
  readonly settle: (error?: Error) => void;
  readonly timeout: Subscription;
}

const OPEN = 1;

export class WebSocketDialer implements DialerAdapter {
  readonly capabilities: Capabilities;
  readonly events$: Observable<unknown>;

  private readonly events = new Subject<unknown>();
  private readonly scheduler: SchedulerLike;
  private readonly pending = new Map<string, Pending>();
  private socket: SocketLike | null = null;
  private online = false;
  private attempts = 0;
  private serial = 0;
  private lastHeard = 0;
  private heartbeat: Subscription | null = null;
  private retry: Subscription | null = null;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly options: WebSocketDialerOptions,
  ) {
    this.capabilities = options.capabilities;
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.events$ = this.events.asObservable();
    this.open();
  }

  /** Whether the line is up now. */
  get connected(): boolean {
    return this.online;
  }

  send(command: DialerCommand): Observable<void> {
    return new Observable<void>((subscriber) => {
      if (!this.online) {
        subscriber.error(new DialerError('offline', 'The dialer cannot be reached; nothing was sent.'));
        return;
      }
      this.serial += 1;
      const id = `${Date.now().toString(36)}-${this.serial}-${Math.random().toString(36).slice(2, 8)}`;
      const message: ClientMessage = {kind: 'command', id, command};
      const timeout = this.scheduler.schedule(
        () => this.finish(id, new DialerError('no-answer', 'The dialer did not answer in time.')),
        this.options.commandTimeoutMs ?? 10_000,
      );
      this.pending.set(id, {
        message,
        timeout,
        settle: (error) => (error ? subscriber.error(error) : subscriber.complete()),
      });
      this.write(message);
    });
  }

  /** Closes the line for good. */
  dispose(): void {
    this.closed = true;
    this.retry?.unsubscribe();
    this.heartbeat?.unsubscribe();
    this.socket?.close();
    for (const id of [...this.pending.keys()]) this.finish(id, new DialerError('closed', 'The dialer connection was closed.'));
    this.events.complete();
  }

  private open(): void {
    const connect = this.options.connect ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
    let socket: SocketLike;
    try {
      socket = connect(this.url);
    } catch {
      this.lost();
      return;
    }
    this.socket = socket;
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = () => this.socket === socket && this.lost();
    socket.onerror = () => socket.close();
  }

  private receive(data: unknown): void {
    this.lastHeard = this.scheduler.now();
    const parsed = parseServerMessage(String(data));
    if (!parsed.ok) {
      this.events.next({
        type: 'stream-error',
        code: 'bad-message',
        message: `The dialer sent a message the kit does not understand (${parsed.error}).`,
      });
      return;
    }
    const message = parsed.value;
    switch (message.kind) {
      case 'hello':
        this.up();
        return;
      case 'event':
        this.events.next(message.event);
        return;
      case 'ack':
        this.finish(message.id);
        return;
      case 'nack':
        this.finish(message.id, new DialerError(message.code, message.message));
        return;
      case 'pong':
        return;
    }
  }

  /** The server said hello: online, and anything in flight is sent again under its own key. */
  private up(): void {
    this.online = true;
    this.attempts = 0;
    this.events.next({type: 'connection-state', v: PROTOCOL_VERSION, state: 'online'});
    for (const {message} of this.pending.values()) this.write(message);
    this.heartbeat?.unsubscribe();
    this.heartbeat = this.beat(this.options.heartbeatMs ?? 10_000);
  }

  /** Pings every `every` ms; two silent intervals and the line is taken as dead. */
  private beat(every: number): Subscription {
    return this.scheduler.schedule(() => {
      if (!this.online) return;
      if (this.scheduler.now() - this.lastHeard > 2 * every) {
        this.socket?.close();
        this.lost();
        return;
      }
      this.write({kind: 'ping'});
      this.heartbeat = this.beat(every);
    }, every);
  }

  private lost(): void {
    if (this.closed) return;
    this.socket = null;
    this.heartbeat?.unsubscribe();
    if (this.online) {
      this.online = false;
      this.events.next({type: 'connection-state', v: PROTOCOL_VERSION, state: 'offline'});
    }
    if (this.retry) return; // a reconnect is already due
    const base = this.options.backoffMs ?? 250;
    const delay = Math.min(base * 2 ** this.attempts, this.options.maxBackoffMs ?? 8_000);
    this.attempts += 1;
    this.retry = this.scheduler.schedule(() => {
      this.retry = null;
      this.open();
    }, delay);
  }

  private write(message: ClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private finish(id: string, error?: Error): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    pending.timeout.unsubscribe();
    pending.settle(error);
  }
}
