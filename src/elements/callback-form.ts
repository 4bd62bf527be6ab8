/**
 * The "Schedule callback" form shared by `<campaign-preview>` (from the
 * preview) and `<campaign-task-card>` (from the wrap-up): it keeps the form's
 * state for its host element, re-renders it on change, and renders the form.
 */
import {html, nothing, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {callbackProblem, epochToZonedTime, zonedTimeToEpoch, type CallbackProblem, type CallbackRequest} from '../core/callbacks.js';
import {isolateLtr, type Messages} from '../i18n/index.js';
import type {Campaign, Contact} from '../protocol/index.js';

export interface CallbackFormContext {
  readonly campaign: Campaign;
  readonly contact: Contact;
  /** When a callback was already scheduled here, or null. */
  readonly scheduledAt: number | null;
  readonly now: number;
  readonly lang: string;
  readonly msg: Messages;
  readonly schedule: (request: CallbackRequest) => void;
}

const HOUR = 3_600_000;

function when(epoch: number, lang: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeStyle: 'short', timeZone}).format(epoch);
}

export class CallbackForm {
  private open = false;
  private value = '';
  private number = '';
  private backToMe = false;
  private problem: CallbackProblem | null = null;
  private key: string | null = null;

  constructor(private readonly host: ReactiveControllerHost & Element) {}

  /** Starts afresh when the preview or call it belongs to changes. */
  follow(key: string | null): void {
    if (key === this.key) return;
    this.key = key;
    this.open = false;
    this.value = '';
    this.number = '';
    this.backToMe = false;
    this.problem = null;
  }

  render(context: CallbackFormContext): TemplateResult | typeof nothing {
    const {campaign, contact, scheduledAt, now, lang, msg} = context;
    const options = campaign.callbacks;
    if (!options) return nothing;
    const zone = contact.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (scheduledAt !== null) {
      return html`<p part="callback" class="callback done">${msg.callbackScheduled(`${when(scheduledAt, lang, zone)} (${zone})`)}</p>`;
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
        ${options.allowOtherNumber
          ? html`<input
                type="tel"
                dir="ltr"
                list="callback-numbers"
                .value=${this.number}
                @input=${(e: Event) => set(() => (this.number = (e.target as HTMLInputElement).value.trim()))}
              />
              <datalist id="callback-numbers">${contact.phoneNumbers.map((p) => html`<option value=${p.number}></option>`)}</datalist>`
          : html`<select @change=${(e: Event) => set(() => (this.number = (e.target as HTMLSelectElement).value))}>
              ${contact.phoneNumbers.map((p) => html`<option value=${p.number} ?selected=${p.number === this.number}>${p.number}</option>`)}
            </select>`}
      </label>
      ${options.allowBackToMe
        ? html`<label class="field checkbox">
            <input type="checkbox" .checked=${this.backToMe} @change=${(e: Event) => set(() => (this.backToMe = (e.target as HTMLInputElement).checked))} />
            <span>${msg.callbackBackToMe}</span>
          </label>`
        : nothing}
      ${this.problem ? html`<p class="hint problem" role="alert">${msg.callbackProblems[this.problem]}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="button" @click=${() => this.save(context, at)}>${msg.saveCallback}</button>
        <button type="button" @click=${() => this.close()}>${msg.closeCallback}</button>
      </div>
    </fieldset>`;
  }

  private start(context: CallbackFormContext, zone: string): void {
    this.open = true;
    this.number = context.contact.phoneNumbers[0].number;
    // Next whole hour, as a starting point the agent edits.
    this.value = epochToZonedTime(Math.ceil((context.now + HOUR) / HOUR) * HOUR, zone);
    this.host.requestUpdate();
    (this.host as {updateComplete?: Promise<unknown>}).updateComplete?.then(() =>
      this.host.shadowRoot?.querySelector<HTMLElement>('[part=callback] input')?.focus(),
    );
  }

  private save(context: CallbackFormContext, at: number): void {
    const request = {at, phoneNumber: this.number, backToMe: this.backToMe};
    this.problem = callbackProblem(context.campaign, context.contact, request, context.now);
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
