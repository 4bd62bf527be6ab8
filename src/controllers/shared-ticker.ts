/** Where the ticker gets time from; tests and benchmarks may inject their own. */
export interface TickSource {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTime: TickSource = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * One clock for every timer on the page: a single timeout, re-armed on each
 * wall-clock second, that calls every listener. It runs only while someone
 * listens. Listeners read the time from `now()` rather than counting ticks, so
 * a tab that slept shows the right time on its first tick back.
 */
export class SharedTicker {
  /** How many times the ticker fired (for benchmarks). */
  fired = 0;
  private readonly listeners = new Set<() => void>();
  private handle: unknown = null;

  constructor(private readonly source: TickSource = browserTime) {}

  now(): number {
    return this.source.now();
  }

  /** Calls `callback` once after `ms`, on the same time source; returns a function that cancels it. */
  after(ms: number, callback: () => void): () => void {
    const handle = this.source.setTimeout(callback, ms);
    return () => this.source.clearTimeout(handle);
  }

  get listening(): number {
    return this.listeners.size;
  }

  /** Calls `listener` every second until the returned function is called. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.handle === null) this.arm();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.handle !== null) {
        this.source.clearTimeout(this.handle);
        this.handle = null;
      }
    };
  }

  private arm(): void {
    const wait = 1000 - (this.source.now() % 1000);
    this.handle = this.source.setTimeout(() => {
      this.handle = null;
      this.fired += 1;
      for (const listener of [...this.listeners]) listener();
      if (this.listeners.size > 0 && this.handle === null) this.arm();
    }, wait);
  }
}

/** The page's ticker, shared by every copy of the kit. */
const key = Symbol.for('campaign-preview-kit/ticker');
const registry = globalThis as unknown as Record<symbol, SharedTicker | undefined>;
export const sharedTicker: SharedTicker = (registry[key] ??= new SharedTicker());
