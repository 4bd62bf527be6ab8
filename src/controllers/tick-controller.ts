import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {sharedTicker, type SharedTicker} from './shared-ticker.js';

/**
 * Re-renders its host on every tick of the shared ticker while `active` is
 * true and the host is connected.
 */
export class TickController implements ReactiveController {
  private unsubscribe: (() => void) | null = null;
  private connected = false;
  private wanted = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ticker: SharedTicker = sharedTicker,
  ) {
    host.addController(this);
  }

  /** The time to render with (epoch ms). */
  now(): number {
    return this.ticker.now();
  }

  set active(value: boolean) {
    this.wanted = value;
    this.sync();
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.sync();
  }

  private sync(): void {
    const run = this.connected && this.wanted;
    if (run && !this.unsubscribe) {
      this.unsubscribe = this.ticker.subscribe(() => this.host.requestUpdate());
    } else if (!run && this.unsubscribe) {
      this.unsubscribe();
      this.unsubscribe = null;
    }
  }
}
