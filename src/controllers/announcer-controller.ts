import {html, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {ref} from 'lit/directives/ref.js';
import {sharedTicker, type SharedTicker} from './shared-ticker.js';

/** How long a message stays in the live region before the next one replaces it. */
export const ANNOUNCEMENT_DWELL_MS = 2_000;

/** How long the region stays empty before a message equal to the last one (an unchanged text is not spoken again). */
const REPEAT_GAP_MS = 100;

/**
 * A message, or how to word it when its turn comes (so a time in it is
 * right then; '' when it no longer applies, and it is skipped).
 */
export type Announcement = string | (() => string);

/**
 * One polite live region for its host, fed through a queue: a message is
 * never replaced by the next one before it had time to be spoken (screen
 * readers drop a polite message that is superseded before they reach it), and
 * a focus move, which the screen reader speaks itself, keeps the region quiet
 * for as long.
 */
export class AnnouncerController implements ReactiveController {
  /** The live region's current text, written straight into it (no re-render of the host). */
  private text = '';
  private region: HTMLElement | undefined = undefined;
  private readonly queue: Announcement[] = [];
  private quietUntil = 0;
  private cancel: (() => void) | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly ticker: SharedTicker = sharedTicker,
  ) {
    host.addController(this);
  }

  /** Queues `message` after those not yet spoken. */
  say(message: Announcement): void {
    if (!message || this.queue.at(-1) === message) return;
    this.queue.push(message);
    this.pump();
  }

  /**
   * Something else is speaking now (focus moved, and the screen reader reads
   * the newly focused control): drop what was not yet said, empty the region,
   * and keep it quiet for a while.
   */
  yieldToFocus(): void {
    this.queue.length = 0;
    this.setText('');
    this.quietUntil = this.ticker.now() + ANNOUNCEMENT_DWELL_MS;
  }

  hostConnected(): void {
    this.pump();
  }

  hostDisconnected(): void {
    this.cancel?.();
    this.cancel = null;
  }

  /** The live region, once in the host's template. */
  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" ${ref(this.attach)}></div>`;
  }

  private readonly attach = (element: Element | undefined): void => {
    this.region = element as HTMLElement | undefined;
    if (this.region) this.region.textContent = this.text;
  };

  private pump(): void {
    if (this.cancel || !this.queue.length) return;
    const wait = this.quietUntil - this.ticker.now();
    if (wait > 0) {
      this.cancel = this.ticker.after(wait, () => {
        this.cancel = null;
        this.pump();
      });
      return;
    }
    const next = this.queue[0];
    const text = typeof next === 'function' ? next() : next;
    if (!text) {
      this.queue.shift();
      this.pump();
      return;
    }
    if (text === this.text) {
      this.setText('');
      this.quietUntil = this.ticker.now() + REPEAT_GAP_MS;
      this.pump();
      return;
    }
    this.queue.shift();
    this.setText(text);
    this.quietUntil = this.ticker.now() + ANNOUNCEMENT_DWELL_MS;
    this.pump();
  }

  private setText(text: string): void {
    if (text === this.text) return;
    this.text = text;
    if (this.region) this.region.textContent = text;
  }
}
