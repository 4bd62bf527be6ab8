/**
 * Checking untrusted input against a schema: never throws, and says why it
 * refused in a short, safe message that quotes at most an excerpt of what it
 * got (valibot's own messages quote the whole value).
 */
import * as v from 'valibot';
import {describeError} from './describe-error.js';
import {clipText, excerpt} from './excerpt.js';
import {MAX_PARSE_ERROR} from './limits.js';

/** The outcome of checking untrusted input against the protocol. */
export type ParseResult<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: string};

/** How many of the issues the error names. */
const MAX_ISSUES = 3;
/** The most of one issue the error quotes, in code points. */
const MAX_ISSUE = 200;
/** The most of what the schema expected an issue quotes, in code points. */
const MAX_EXPECTED = 60;

/** An issue's message where its schema gives none: what was expected, and an excerpt of what came. */
function issueMessage(issue: v.BaseIssue<unknown>): string {
  const stringified = typeof issue.received === 'string' ? issue.received : 'a value';
  // valibot quotes a string whole (a length issue gives the length instead).
  const received = typeof issue.input === 'string' && stringified.startsWith('"') ? `"${excerpt(issue.input)}"` : excerpt(stringified);
  return issue.expected ? `Expected ${excerpt(issue.expected, MAX_EXPECTED)} but received ${received}` : `Received ${received}`;
}

const CONFIG: v.Config<v.BaseIssue<unknown>> = {message: issueMessage};

/** The first issues, each with its path, as one message of at most `MAX_PARSE_ERROR` characters. */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const parts = issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = v.getDotPath(issue);
    // Sanitised again: a message set globally by a host's valibot may quote the value.
    return excerpt(path ? `${path}: ${issue.message}` : issue.message, MAX_ISSUE);
  });
  return clipText(parts.join('; '), MAX_PARSE_ERROR);
}

/**
 * Checks `input` against `schema`. Never throws, whatever the input (throwing
 * getters, proxies, revoked proxies); the error is at most `MAX_PARSE_ERROR`
 * characters, with no control, bidi or invisible character.
 */
export function checkInput<T>(schema: v.GenericSchema<unknown, T>, input: unknown): ParseResult<T> {
  try {
    const result = v.safeParse(schema, input, CONFIG);
    return result.success ? {ok: true, value: result.output} : {ok: false, error: describeIssues(result.issues)};
  } catch (error) {
    return {ok: false, error: `unreadable input (${excerpt(describeError(error, 'no reason given').message)})`};
  }
}
