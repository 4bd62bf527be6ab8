/**
 * The kinds of value the protocol's events, commands and wire messages are
 * made of, each with the bounds that let the kit show it (see limits.ts).
 */
import * as v from 'valibot';
import {UNSAFE_CHARACTERS} from './excerpt.js';
import {MAX_DURATION_MS, MAX_EPOCH_MS, MAX_ID, MAX_PHONE_NUMBER, MAX_TEXT} from './limits.js';

/** An opaque identifier chosen by the dialer. */
export const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID));

/** Free text shown to the agent (rendered as text, never as markup). */
export const Text = v.pipe(v.string(), v.maxLength(MAX_TEXT));

/** A point in time, in epoch milliseconds, from 1970 to the end of the year 9999 (`MAX_EPOCH_MS`). */
export const EpochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_EPOCH_MS));

/** A length of time, in milliseconds, of 24 hours at most (`MAX_DURATION_MS`). */
export const DurationMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_DURATION_MS));

/**
 * A phone number as dialled, and so as shown: nothing in it may be invisible
 * or reorder what the agent sees (no control, format, bidi or default-ignorable
 * character, no line separator, no lone surrogate).
 */
export const PhoneNumberText = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(MAX_PHONE_NUMBER),
  v.regex(new RegExp(`^[^${UNSAFE_CHARACTERS}]*$`, 'u'), 'Expected a phone number without control, bidi or invisible characters'),
);
