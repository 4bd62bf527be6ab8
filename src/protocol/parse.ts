import * as v from 'valibot';
import {DialerEventSchema, type DialerEvent} from './events.js';
import {DialerCommandSchema, type DialerCommand} from './commands.js';

/** The outcome of checking untrusted input against the protocol. */
export type ParseResult<T> =
  | {readonly ok: true; readonly value: T}
  | {readonly ok: false; readonly error: string};

const MAX_ISSUES = 3;

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, MAX_ISSUES)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

function parseWith<T>(schema: v.GenericSchema<unknown, T>, input: unknown): ParseResult<T> {
  try {
    const result = v.safeParse(schema, input);
    return result.success
      ? {ok: true, value: result.output}
      : {ok: false, error: describe(result.issues)};
  } catch (error) {
    // Hostile input (throwing getters, proxies) must not escape the adapter.
    return {ok: false, error: `unreadable input (${String(error)})`};
  }
}

/** Checks an event coming from a dialer. Never throws. */
export function parseDialerEvent(input: unknown): ParseResult<DialerEvent> {
  return parseWith(DialerEventSchema, input);
}

/** Checks a command before it goes to a dialer. Never throws. */
export function parseDialerCommand(input: unknown): ParseResult<DialerCommand> {
  return parseWith(DialerCommandSchema, input);
}
