import {LitElement, html, css, nothing, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {TickController} from '../../controllers/tick-controller.js';
import {formatDuration} from '../../i18n/index.js';

/**
 * @tag call-timer
 * @summary Elapsed time since, or time left until, a moment: m:ss, then h:mm:ss,
 * in the digits of its language and always left-to-right.
 *
 * Every `<call-timer>` on the page ticks from one shared clock (one timeout
 * for all of them, none when no timer is connected). The time shown is always
 * computed from the wall clock, so it is right after a tab slept.
 *
 * @csspart time - The `<time>` element showing the duration.
 *
 * @cssprop --call-timer-font - The font of the digits (defaults to tabular numbers of the surrounding font).
 */
export class CallTimer extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      font: var(--call-timer-font, inherit);
      font-size: inherit;
      font-variant-numeric: tabular-nums;
    }
    time {
      unicode-bidi: isolate;
      direction: ltr;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /** Count up from this moment (epoch ms). */
  @property({type: Number}) since: number | undefined = undefined;

  /** Count down to this moment (epoch ms); used when `since` is not set. Never goes below 0:00. */
  @property({type: Number}) until: number | undefined = undefined;

  /** An accessible label for the timer, e.g. "Time since the preview started". */
  @property() label = '';

  private readonly ticks = new TickController(this);
  private readonly i18n = new LocalizeController(this);

  protected override willUpdate(): void {
    this.ticks.active = this.anchor !== undefined;
  }

  private get anchor(): number | undefined {
    const value = this.since ?? this.until;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  /** The duration shown, in ms (0 when there is no anchor). */
  get duration(): number {
    const anchor = this.anchor;
    if (anchor === undefined) return 0;
    const now = this.ticks.now();
    return Math.max(0, this.since !== undefined ? now - anchor : anchor - now);
  }

  protected override render(): TemplateResult {
    const ms = this.duration;
    const seconds = Math.floor(ms / 1000);
    return html`<time
      part="time"
      role="timer"
      aria-label=${this.label || nothing}
      datetime=${`PT${seconds}S`}
      >${formatDuration(ms, this.since !== undefined ? 'floor' : 'ceil', this.i18n.lang)}</time
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'call-timer': CallTimer;
  }
}
