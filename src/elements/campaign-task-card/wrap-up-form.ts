/**
 * The wrap-up part of `<campaign-task-card>`: the disposition form while it is
 * owed, then what was saved, or that the time ran out.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {remainingMs, type TaskView} from '../../core/views.js';
import {formatDuration, isolate, isolateLtr, type Messages} from '../../i18n/index.js';

export interface WrapUpFormState {
  readonly code: string | null;
  readonly note: string;
  /** The agent tried to save without a code. */
  readonly needsCode: boolean;
}

export interface WrapUpFormHandlers {
  readonly code: (code: string | null) => void;
  readonly note: (note: string) => void;
  readonly save: () => void;
}

/** A disposition owed in the tab in charge: what is owed, and the time left, with no form. */
export function wrapUpPendingElsewhere(wrapUp: NonNullable<TaskView['wrapUp']>, now: number, lang: string, msg: Messages): TemplateResult {
  const left = wrapUp.deadline === null ? null : remainingMs(wrapUp.deadline, now);
  return html`<p part="wrap-up" class="wrap-up done">
    ${msg.wrapUp}${left !== null ? html` · ${msg.wrapUpEndsIn(isolateLtr(formatDuration(left, 'ceil', lang)))}` : nothing}
  </p>`;
}

export function wrapUpForm(
  wrapUp: NonNullable<TaskView['wrapUp']>,
  now: number,
  lang: string,
  form: WrapUpFormState,
  on: WrapUpFormHandlers,
  msg: Messages,
): TemplateResult {
  if (wrapUp.status === 'saved') {
    const label = wrapUp.codes.find((c) => c.code === wrapUp.disposition)?.label ?? wrapUp.disposition ?? '';
    return html`<p part="wrap-up" class="wrap-up done">${msg.dispositionSaved(isolate(label))}</p>`;
  }
  if (wrapUp.status === 'timed-out') return html`<p part="wrap-up" class="wrap-up done">${msg.wrapUpOver}</p>`;
  const left = wrapUp.deadline === null ? null : remainingMs(wrapUp.deadline, now);
  return html`<form
    part="wrap-up"
    class="wrap-up"
    aria-label=${msg.wrapUp}
    @submit=${(e: Event) => {
      e.preventDefault();
      on.save();
    }}
  >
    <label class="field">
      <span>${msg.disposition}</span>
      <select
        .value=${form.code ?? ''}
        aria-required="true"
        aria-invalid=${form.needsCode ? 'true' : 'false'}
        @change=${(e: Event) => on.code((e.target as HTMLSelectElement).value || null)}
      >
        <option value="">${msg.chooseDisposition}</option>
        ${wrapUp.codes.map((c) => html`<option value=${c.code} ?selected=${c.code === form.code}>${c.label}</option>`)}
      </select>
    </label>
    ${form.needsCode ? html`<p class="hint" role="alert">${msg.dispositionNeeded}</p>` : nothing}
    ${
      wrapUp.allowNote
        ? html`<label class="field">
          <span>${msg.dispositionNote}</span>
          <textarea maxlength="2000" rows="2" .value=${form.note} @input=${(e: Event) => on.note((e.target as HTMLTextAreaElement).value)}></textarea>
        </label>`
        : nothing
    }
    ${
      left !== null
        ? html`<p class="countdown" role="timer" aria-live="off">${msg.wrapUpEndsIn(isolateLtr(formatDuration(left, 'ceil', lang)))}</p>`
        : nothing
    }
    <button part="disposition-button" class="primary" type="submit">${msg.saveDisposition}</button>
  </form>`;
}
