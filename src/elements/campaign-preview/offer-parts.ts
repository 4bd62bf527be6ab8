/**
 * Pieces of the contact view of `<campaign-preview>`: plain template
 * functions of what they show and what they call back, so the element keeps
 * the state and these stay easy to read.
 */
import {html, nothing, type TemplateResult} from 'lit';
import type {OfferView} from '../../core/views.js';
import {isolateLtr, reasonText, type Messages} from '../../i18n/index.js';
import type {Contact, PhoneNumber} from '../../protocol/index.js';

function numberLabel(phone: PhoneNumber, msg: Messages): TemplateResult {
  const kind = phone.label ?? (phone.type ? msg.numberTypes[phone.type] : '');
  // The number is drawn left to right in the order it is dialled, whatever its characters.
  // The space before "(already tried)" is inside the span: a screen reader joins the pieces' text as it is.
  return html`${kind ? html`<bdi>${kind}</bdi> · ` : nothing}<bdo dir="ltr">${phone.number}</bdo>${
    phone.tried ? html`<span class="tried">${` (${msg.numberTried})`}</span>` : nothing
  }`;
}

/** The number to dial: a radio group when the agent may choose, a line otherwise. */
export function numbers(
  {choices, forced}: OfferView['numbers'],
  chosen: string,
  msg: Messages,
  choose: (number: string) => void,
): TemplateResult {
  if (choices.length === 1 || forced) {
    return html`<p class="number">
      <span class="visually-hidden">${msg.phoneNumbers}: </span>${numberLabel(choices[0], msg)}
      ${forced && choices.length > 1 ? html`<span class="hint">${msg.numberForced}</span>` : nothing}
    </p>`;
  }
  return html`<fieldset part="numbers" class="numbers">
    <legend>${msg.phoneNumbers}</legend>
    ${choices.map(
      (phone) => html`<label>
        <input type="radio" name="number" .checked=${phone.number === chosen} @change=${() => choose(phone.number)} />
        ${numberLabel(phone, msg)}
      </label>`,
    )}
  </fieldset>`;
}

/** Earlier attempts, collapsed to one line until the agent opens them. */
export function history(contact: Contact, lang: string, msg: Messages): TemplateResult | typeof nothing {
  const attempts = contact.history ?? [];
  if (!attempts.length) return nothing;
  const when = new Intl.DateTimeFormat(lang, {dateStyle: 'short', timeStyle: 'short'});
  const count = new Intl.NumberFormat(lang).format(attempts.length);
  return html`<details part="history" class="history">
    <summary>${msg.history(count)}</summary>
    <ol>
      ${attempts.map(
        (a) => html`<li>
          <time datetime=${new Date(a.at).toISOString()}>${when.format(a.at)}</time> · ${reasonText(msg, a.outcome)}${
            a.disposition ? html` · <bdi>${a.disposition}</bdi>` : nothing
          }
        </li>`,
      )}
    </ol>
  </details>`;
}

/** The contact's local time, and a warning when it is outside the campaign's calling window. */
export function callingWindow(window: OfferView['callingWindow'], msg: Messages): TemplateResult | typeof nothing {
  if (!window) return nothing;
  return html`<p part="calling-window" class=${window.inside ? 'local-time' : 'local-time outside'}>
    ${msg.localTime(isolateLtr(window.localTime), window.timeZone)}
    ${window.inside ? nothing : html`<strong>${msg.outsideWindow(isolateLtr(window.start), isolateLtr(window.end))}</strong>`}
  </p>`;
}

/** The skip-reason picker. */
export function skipReason(
  config: NonNullable<OfferView['skip']>,
  chosen: string | null,
  msg: Messages,
  choose: (code: string | null) => void,
): TemplateResult {
  return html`<label part="skip-reason" class="field">
    <span>${msg.skipReason}</span>
    <select
      .value=${chosen ?? ''}
      aria-required=${config.required ? 'true' : 'false'}
      @change=${(e: Event) => choose((e.target as HTMLSelectElement).value || null)}
    >
      <option value="">${config.required ? msg.chooseReason : msg.noReason}</option>
      ${config.reasons.map((r) => html`<option value=${r.code} ?selected=${r.code === chosen}>${r.label}</option>`)}
    </select>
  </label>`;
}

/** The do-not-call option that goes with Remove. */
export function doNotCall(checked: boolean, msg: Messages, toggle: (on: boolean) => void): TemplateResult {
  return html`<label part="do-not-call" class="field checkbox">
    <input type="checkbox" .checked=${checked} @change=${(e: Event) => toggle((e.target as HTMLInputElement).checked)} />
    <span>${msg.doNotCall}</span>
  </label>`;
}
