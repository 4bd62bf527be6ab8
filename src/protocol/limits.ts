/**
 * The bounds of the protocol: what a dialer may send (every value within them
 * can be shown), and how much of anything the kit quotes back in a notice.
 */

/**
 * The latest time the protocol takes, in epoch ms: the last millisecond of
 * the year 9999 (UTC). Every time from 0 to it has a four-digit-year ISO
 * string (`Date.prototype.toISOString`) and formats with `Intl`; beyond what
 * `Date` can represent (8.64e15) rendering a time throws.
 */
export const MAX_EPOCH_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The longest duration the protocol takes (a campaign's `timeoutMs`, a
 * wrap-up's `timeoutMs`, an offer's `deadline` after its `offeredAt`): 24
 * hours, in ms.
 */
export const MAX_DURATION_MS = 86_400_000;

/** The longest identifier, in UTF-16 code units. */
export const MAX_ID = 200;

/** The longest text shown to the agent (names, labels, messages), in UTF-16 code units. */
export const MAX_TEXT = 2_000;

/** The longest phone number, in UTF-16 code units. */
export const MAX_PHONE_NUMBER = 40;

/** The longest notice message the store keeps (longer ones are cut, with an ellipsis), in UTF-16 code units. */
export const MAX_NOTICE_MESSAGE = 500;

/** The longest notice code the store keeps (longer ones are cut, with an ellipsis), in UTF-16 code units. */
export const MAX_NOTICE_CODE = 100;

/** The most of a received value an error message quotes, in code points (then an ellipsis). */
export const MAX_EXCERPT = 40;

/** The longest description of why input was refused (`ParseResult.error`), in UTF-16 code units. */
export const MAX_PARSE_ERROR = 300;
