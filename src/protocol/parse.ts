import {checkInput, type ParseResult} from './check.js';
import {DialerEventSchema, type DialerEvent} from './events.js';
import {DialerCommandSchema, type DialerCommand} from './commands.js';

export type {ParseResult} from './check.js';

/**
 * Checks an event coming from a dialer. Never throws; a refusal says why in at
 * most `MAX_PARSE_ERROR` characters, quoting at most an excerpt of the value.
 */
export function parseDialerEvent(input: unknown): ParseResult<DialerEvent> {
  return checkInput(DialerEventSchema, input);
}

/** Checks a command before it goes to a dialer. Never throws. */
export function parseDialerCommand(input: unknown): ParseResult<DialerCommand> {
  return checkInput(DialerCommandSchema, input);
}
