/**
 * `campaign-preview-kit/amazon-connect`: the adapter for Amazon Connect's
 * agent-first preview campaigns through `amazon-connect-streams` (an optional
 * peer dependency, 2.22 or later). Kept out of the main entry so hosts on other
 * dialers never load it; it takes the library's global `connect` and imports
 * nothing of it.
 */
export * from './adapters/amazon-connect/amazon-connect-dialer.js';
export type {ContactDescription} from './adapters/amazon-connect/preview-contact.js';
export type * from './adapters/amazon-connect/streams-types.js';
