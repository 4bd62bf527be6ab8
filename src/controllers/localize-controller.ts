import type {ReactiveController, ReactiveElement} from 'lit';
import {messagesFor, type MessageOverrides, type Messages} from '../i18n/index.js';

/** The element whose `lang` applies: the nearest with one, looking through shadow roots. */
function langSource(element: Element): Element | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/**
 * Gives its host the messages of its language, with the host's own
 * overrides, and re-renders when the `lang` of the host, an ancestor or the
 * document changes.
 */
export class LocalizeController implements ReactiveController {
  private observer: MutationObserver | null = null;

  constructor(private readonly host: ReactiveElement & {messages?: MessageOverrides}) {
    host.addController(this);
  }

  get lang(): string {
    return langSource(this.host)?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  get msg(): Messages {
    const base = messagesFor(this.lang);
    const overrides = this.host.messages;
    return overrides ? {...base, ...overrides} : base;
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    // Any `lang` in the document may be an ancestor's. Shadow roots are not
    // covered by that, so the host and the ancestor the language comes from
    // are watched too.
    const options = {attributes: true, attributeFilter: ['lang']};
    this.observer.observe(document.documentElement, {...options, subtree: true});
    this.observer.observe(this.host, options);
    const source = langSource(this.host);
    if (source && source !== this.host) this.observer.observe(source, options);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}
