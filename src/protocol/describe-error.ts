/**
 * Describing whatever was thrown, or an adapter errored with, for a notice.
 */
import {clipText} from './excerpt.js';
import {MAX_NOTICE_CODE, MAX_NOTICE_MESSAGE} from './limits.js';

/** What can be said about an error: its own code, if it has one, and a message. */
export interface ErrorDescription {
  /** The error's `code`, when it is a non-blank string; at most `MAX_NOTICE_CODE` long. */
  readonly code?: string;
  /** The error's `message` (or the error itself, when it is a string), else `fallback`; at most `MAX_NOTICE_MESSAGE` long. */
  readonly message: string;
}

/**
 * The code and message of `error`, whatever it is: an `Error` (or any object)
 * with string `code` and `message`, a string, or anything else (null-prototype
 * objects, proxies that throw on every trap, revoked proxies, getters that
 * throw, Symbols, BigInts), which gives `fallback`. Never throws and never
 * converts `error` to a string: only string properties are read, each on its
 * own guard. Both parts are cut to the notice bounds.
 */
export function describeError(error: unknown, fallback: string): ErrorDescription {
  if (typeof error === 'string') return {message: clipText(nonBlank(error) ?? fallback, MAX_NOTICE_MESSAGE)};
  if ((typeof error !== 'object' && typeof error !== 'function') || error === null)
    return {message: clipText(fallback, MAX_NOTICE_MESSAGE)};
  const code = stringProperty(error, 'code');
  const message = clipText(stringProperty(error, 'message') ?? fallback, MAX_NOTICE_MESSAGE);
  return code === undefined ? {message} : {code: clipText(code, MAX_NOTICE_CODE), message};
}

/** `object[key]` when it is a non-blank string; undefined when it is anything else or reading it throws. */
function stringProperty(object: object, key: 'code' | 'message'): string | undefined {
  try {
    const value: unknown = (object as Record<string, unknown>)[key];
    return typeof value === 'string' ? nonBlank(value) : undefined;
  } catch {
    return undefined;
  }
}

const nonBlank = (text: string): string | undefined => (/\S/.test(text) ? text : undefined);
