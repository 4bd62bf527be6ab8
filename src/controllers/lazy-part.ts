import type {ReactiveControllerHost} from 'lit';

/** For each host, what it is waiting for: lazy parts it asked for that are still loading. */
const waiting = new WeakMap<ReactiveControllerHost, Promise<void>>();

/**
 * An optional part of an element (a form) in a module of its own, loaded the
 * first time an element needs it (a chunk of the bundle), then shared by
 * every element. Until it is here the part renders nothing, and each element
 * that asked for it is drawn again once it is; `partsDrawn` lets the
 * element's `updateComplete` wait for that.
 */
export class LazyPart<M> {
  private module: M | undefined;
  private failure: {error: unknown} | undefined;
  private loading: Promise<unknown> | undefined;

  constructor(private readonly load: () => Promise<M>) {}

  /**
   * The part's module, or `undefined` while it loads (`host` is drawn again
   * when it arrives). Throws if it could not be loaded, so that `renderPart`
   * shows the part as unavailable.
   */
  for(host: ReactiveControllerHost): M | undefined {
    if (this.module) return this.module;
    if (this.failure) throw this.failure.error;
    this.loading ??= this.load().then(
      (module) => void (this.module = module),
      (error: unknown) => {
        this.failure = {error};
        console.error('campaign-preview-kit: a part of the element could not be loaded', error);
      },
    );
    const before = waiting.get(host);
    const drawn: Promise<void> = Promise.all([before, this.loading]).then(() => {
      if (waiting.get(host) === drawn) waiting.delete(host);
      host.requestUpdate();
    });
    waiting.set(host, drawn);
    return undefined;
  }
}

/**
 * Resolves as `complete` (the host's own `getUpdateComplete`) does, and only
 * once the lazy parts the host asked for are loaded and drawn: for the host's
 * `getUpdateComplete`.
 */
export function partsDrawn(host: ReactiveControllerHost, complete: () => Promise<boolean>): Promise<boolean> {
  return complete().then((result) => {
    const pending = waiting.get(host);
    return pending ? pending.then(() => partsDrawn(host, complete)) : result;
  });
}
