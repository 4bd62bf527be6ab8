import type {ReactiveController, ReactiveElement} from 'lit';
import {loadMessages, loadedMessages, messagesFor, type MessageOverrides, type Messages} from '../i18n/index.js';

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
 * document changes. A language the kit loads on demand (pt-BR, ar) is loaded
 * before the host draws in it: the host's `scheduleUpdate` goes through
 * `beforeUpdate`, so that no frame shows another language.
 */
export class LocalizeController implements ReactiveController {
  private observer: MutationObserver | null = null;
  /** The catalog last given: kept, rather than English, while a new language loads. */
  private base: Messages | null = null;
  /** A language whose messages could not be loaded: the host draws without waiting for it again. */
  private unavailable: string | null = null;

  constructor(private readonly host: ReactiveElement & {messages?: MessageOverrides}) {
    host.addController(this);
  }

  get lang(): string {
    return langSource(this.host)?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  get msg(): Messages {
    const lang = this.lang;
    const base = (this.base = loadedMessages(lang) ?? this.base ?? messagesFor(lang));
    const overrides = this.host.messages;
    return overrides ? {...base, ...overrides} : base;
  }

  /**
   * Runs `update` (the host's own `scheduleUpdate`) once the messages of the
   * host's language are at hand: at once when they are, otherwise after
   * loading them, and again if the language changed meanwhile. Its promise is
   * what the host's update waits for, so `updateComplete` resolves only after
   * the update drawn in that language. Should the messages fail to load, the
   * host is drawn with the ones it had (English at first).
   */
  beforeUpdate(update: () => void | Promise<unknown>): void | Promise<unknown> {
    const lang = this.lang;
    if (lang === this.unavailable || loadedMessages(lang)) return update();
    return loadMessages(lang).then(
      () => this.beforeUpdate(update),
      (error: unknown) => {
        console.error(`campaign-preview-kit: the messages for lang="${lang}" could not be loaded`, error);
        this.unavailable = lang;
        return update();
      },
    );
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
