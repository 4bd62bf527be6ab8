/**
 * The "Schedule callback" form itself, loaded the first time an element shows
 * one (see `CallbackFormController`, which keeps one per preview or call).
 */
import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {epochToZonedTime, isolateLtr, zonedTimeToEpoch, type Messages} from '../i18n/index.js';
import type {CallbackFormContext} from './callback-form-controller.js';

type Problem = keyof Messages['callbackProblems'];

const HOUR = 3_600_000;

function when(epoch: number, lang: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeStyle: 'short', timeZone}).format(epoch);
}

/** The form's state for one preview or call, and its template: the Schedule callback button, the form, or the callback scheduled. */
export class CallbackForm {
  private open = false;
  private value = '';
  private number = '';
  private backToMe = false;
  private problem: Problem | null = null;

  constructor(private readonly host: ReactiveControllerHost & Element) {}

  render(context: CallbackFormContext): TemplateResult {
    const {callback, now, lang, msg} = context;
    const zone = callback.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (callback.scheduledAt !== null) {
      return html`<p part="callback" class="callback done">${msg.callbackScheduled(`${when(callback.scheduledAt, lang, zone)} (${zone})`)}</p>`;
    }
    if (!this.open) {
      return html`<button part="callback-button" type="button" @click=${() => this.start(context, zone)}>${msg.scheduleCallback}</button>`;
    }
    const at = zonedTimeToEpoch(this.value, zone);
    const set = (change: () => void) => {
      change();
      this.problem = null;
      this.host.requestUpdate();
    };
    return html`<fieldset part="callback" class="callback">
      <legend>${msg.scheduleCallback}</legend>
      <label class="field">
        <span>${msg.callbackTime(zone)}</span>
        <input
          type="datetime-local"
          .value=${this.value}
          min=${epochToZonedTime(now, zone)}
          @input=${(e: Event) => set(() => (this.value = (e.target as HTMLInputElement).value))}
        />
      </label>
      ${Number.isFinite(at) ? html`<p class="agent-time">${msg.callbackYourTime(isolateLtr(when(at, lang)))}</p>` : nothing}
      <label class="field">
        <span>${msg.callbackNumber}</span>
        ${
          callback.allowOtherNumber
            ? html`<input
                type="tel"
                dir="ltr"
                list="callback-numbers"
                .value=${this.number}
                @input=${(e: Event) => set(() => (this.number = (e.target as HTMLInputElement).value.trim()))}
              />
              <datalist id="callback-numbers">${callback.numbers.map((n) => html`<option value=${n}></option>`)}</datalist>`
            : html`<select @change=${(e: Event) => set(() => (this.number = (e.target as HTMLSelectElement).value))}>
              ${callback.numbers.map((n) => html`<option value=${n} ?selected=${n === this.number}>${n}</option>`)}
            </select>`
        }
      </label>
      ${
        callback.allowBackToMe
          ? html`<label class="field checkbox">
            <input type="checkbox" .checked=${this.backToMe} @change=${(e: Event) => set(() => (this.backToMe = (e.target as HTMLInputElement).checked))} />
            <span>${msg.callbackBackToMe}</span>
          </label>`
          : nothing
      }
      ${this.problem ? html`<p class="hint problem" role="alert">${msg.callbackProblems[this.problem]}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="button" @click=${() => this.save(context, at)}>${msg.saveCallback}</button>
        <button type="button" @click=${() => this.close()}>${msg.closeCallback}</button>
      </div>
    </fieldset>`;
  }

  private start(context: CallbackFormContext, zone: string): void {
    this.open = true;
    this.number = context.callback.numbers[0];
    // Next whole hour, as a starting point the agent edits.
    this.value = epochToZonedTime(Math.ceil((context.now + HOUR) / HOUR) * HOUR, zone);
    this.host.requestUpdate();
    (this.host as {updateComplete?: Promise<unknown>}).updateComplete?.then(() =>
      this.host.shadowRoot?.querySelector<HTMLElement>('[part=callback] input')?.focus(),
    );
  }

  private save(context: CallbackFormContext, at: number): void {
    const request = {at, phoneNumber: this.number, backToMe: this.backToMe};
    const problem = context.problem(request);
    this.problem = problem && problem in context.msg.callbackProblems ? (problem as Problem) : problem ? 'not-allowed' : null;
    if (!this.problem) {
      this.open = false;
      context.schedule(request);
    }
    this.host.requestUpdate();
  }

  private close(): void {
    this.open = false;
    this.problem = null;
    this.host.requestUpdate();
  }
}
