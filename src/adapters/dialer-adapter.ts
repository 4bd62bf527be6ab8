import type {Observable} from 'rxjs';
import type {Capabilities} from '../core/state.js';
import type {DialerCommand} from '../protocol/index.js';

/**
 * What a host implements (or reuses) to connect the kit to its dialer.
 *
 * - `events$` carries the dialer's events. They are treated as untrusted: the
 *   store validates every value against the protocol schemas, so an adapter
 *   may pass through whatever its dialer sends.
 * - `send` delivers one command; the returned Observable completes when the
 *   dialer took it and errors (ideally with an `Error` that has a `code`) when
 *   it refused or could not be reached. It must not retry on its own.
 * - `capabilities` says what this dialer can do: the kit never offers an
 *   action that is missing here, and never sends the timeout action to a
 *   dialer that enforces timeouts itself.
 */
export interface DialerAdapter {
  readonly events$: Observable<unknown>;
  readonly capabilities: Capabilities;
  send(command: DialerCommand): Observable<void>;
}

/** An error a dialer raises for a refused command. */
export class DialerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DialerError';
  }
}
