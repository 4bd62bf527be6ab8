/**
 * `campaign-preview-kit/webex`: the adapter for the Webex Contact Center JS
 * SDK. Kept out of the main entry so hosts on other dialers never load it;
 * `@webex/contact-center` is an optional peer dependency (the adapter only
 * takes the SDK's `webex.cc`, it imports nothing of it at run time).
 */
export * from './adapters/webex/webex-dialer.js';
export {RESERVATION_TYPE, type PreviewSettings} from './adapters/webex/webex-task.js';
