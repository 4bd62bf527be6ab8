/**
 * Quoting untrusted text: a short, safe excerpt for a message about it, and a
 * cut at a length for text kept as it is.
 */
import {MAX_EXCERPT} from './limits.js';

/**
 * The characters that show nothing or change how the text around them is
 * shown, as the body of a `u`-flag regular expression character class:
 * controls, format characters (bidi embeddings, overrides, isolates and
 * marks, zero-width characters), every bidi control and default-ignorable
 * code point, line and paragraph separators, and lone surrogates.
 */
export const UNSAFE_CHARACTERS = '\\p{Cc}\\p{Cf}\\p{Cs}\\p{Bidi_Control}\\p{Default_Ignorable_Code_Point}\\p{Zl}\\p{Zp}';

const UNSAFE = new RegExp(`[${UNSAFE_CHARACTERS}]`, 'u');
const REPLACEMENT = '\uFFFD';
const ELLIPSIS = '…';

/**
 * At most `max` code points of `text`, then `…` when there was more; each
 * unsafe character (see `UNSAFE_CHARACTERS`) replaced by U+FFFD. Reads only
 * what it keeps, so it is cheap on a huge value. For quoting a received value
 * in a message.
 */
export function excerpt(text: string, max: number = MAX_EXCERPT): string {
  let kept = '';
  let count = 0;
  for (const char of text) {
    if (count === max) return kept + ELLIPSIS;
    kept += UNSAFE.test(char) ? REPLACEMENT : char;
    count += 1;
  }
  return kept;
}

/**
 * `text` when it is at most `max` UTF-16 code units long; otherwise cut so
 * that, with a closing `…`, it is `max` long at most, never between the two
 * halves of a surrogate pair. The text is kept as it is otherwise.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ELLIPSIS.length);
  if (isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, end) + ELLIPSIS;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
