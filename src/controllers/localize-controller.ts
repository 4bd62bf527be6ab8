import type {ReactiveController, ReactiveElement} from 'lit';
import {messagesFor, type MessageOverrides, type Messages} from '../i18n/index.js';

/** The nearest `lang`, looking through shadow roots, then the document's. */
function langOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang;
}

/**
 * Gives its host the messages of its language, with the host's own
 * overrides, and re-renders when the `lang` of the host, an ancestor or the
 * document changes.
 */
export class LocalizeController implements ReactiveController {
  private observer: MutationObserver | null = null;

  constructor(
    private readonly host: ReactiveElement & {messages?: MessageOverrides},
  ) {
    host.addController(this);
  }

  get lang(): string {
    return langOf(this.host) || 'en';
  }

  get msg(): Messages {
    const base = messagesFor(this.lang);
    const overrides = this.host.messages;
    return overrides ? {...base, ...overrides} : base;
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    // Any `lang` in the document may be an ancestor's; shadow roots are not
    // observed, so the host's own attribute is watched separately.
    const options = {attributes: true, attributeFilter: ['lang']};
    this.observer.observe(document.documentElement, {...options, subtree: true});
    if (this.host.getRootNode() !== document) this.observer.observe(this.host, options);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}
