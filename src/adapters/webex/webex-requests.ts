/** SDK calls as the kit's command Observables, and SDK failures as `DialerError`s. */
import {Observable, from} from 'rxjs';
import {MAX_NOTICE_CODE, clipText, describeError} from '../../protocol/index.js';
import {DialerError} from '../dialer-adapter.js';

/** Runs an SDK call: completes when it resolves, errors with `wrap(error)` when it throws or rejects. */
export function settle(call: () => Promise<unknown>, wrap: (error: unknown) => Error): Observable<void> {
  return new Observable<void>((subscriber) => {
    let promise: Promise<unknown>;
    try {
      promise = call();
    } catch (error) {
      subscriber.error(wrap(error));
      return;
    }
    return from(promise).subscribe({
      next: () => undefined,
      error: (error: unknown) => subscriber.error(wrap(error)),
      complete: () => subscriber.complete(),
    });
  });
}

export function refuse(code: string, message: string): Observable<void> {
  return new Observable<void>((subscriber) => subscriber.error(new DialerError(code, message)));
}

/** The SDK rejects with an `Error` whose message is the dialer's reason code; whatever else it rejects with gives `webex-error`. */
export function errorCode(error: unknown): string {
  return clipText(describeError(error, 'webex-error').message, MAX_NOTICE_CODE);
}

/** A refusal of the adapter's own as it is; anything the SDK threw or rejected with (however hostile) as a `DialerError`. */
export function toDialerError(error: unknown, message: string): DialerError {
  return isDialerError(error) ? error : new DialerError(errorCode(error), message);
}

/** `instanceof` without its risk: a proxy's `getPrototypeOf` trap may throw. */
function isDialerError(error: unknown): error is DialerError {
  try {
    return error instanceof DialerError;
  } catch {
    return false;
  }
}

/**
 * The reason of a failure event: newer SDKs pass the Task (the reason merged
 * into `task.data.reason`), the raw dialer message has it as `reason`.
 */
export function failureReason(payload: unknown): string | null {
  const fields = (value: unknown): Readonly<Record<string, unknown>> =>
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const reason = fields(fields(payload).data).reason ?? fields(payload).reason;
  return typeof reason === 'string' && reason.trim() !== '' ? clipText(reason.trim(), MAX_NOTICE_CODE) : null;
}
