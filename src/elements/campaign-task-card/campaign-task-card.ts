import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {StoreController} from '../../controllers/store-controller.js';
import type {TaskStatus, TaskView} from '../../core/views.js';
import {CampaignTaskChangeEvent} from '../../events/change-event.js';
import {sendIntent} from '../../events/send-intent.js';
import type {ElementIntent} from '../../events/intent-event.js';
import {reasonText, type MessageOverrides, type Messages} from '../../i18n/index.js';
import {contactIcon} from '../icons.js';
import {TickController} from '../../controllers/tick-controller.js';
import {wrapUpForm, type WrapUpFormState} from './wrap-up-form.js';
import {CallbackForm} from '../callback-form.js';
import {styles} from './campaign-task-card.styles.js';

/**
 * @tag campaign-task-card
 * @summary The task-list card of a campaign call: label, contact, configured
 * details, status and the time since the preview started.
 *
 * While the call rings it shows a Cancel button instead of the Ringing status
 * when the campaign lets agents end calls (R-U4); on an answering machine it
 * asks the agent to leave a voicemail and mark it done (R-U6). Renders the
 * current campaign task from the store found through context, or its `task`
 * property when a host drives it. Renders nothing when there is no task.
 *
 * @fires campaign-cancel-call - Before cancelling the ringing call. Cancelable.
 * @fires campaign-voicemail-left - Before telling the dialer the voicemail was left. Cancelable.
 * @fires campaign-set-disposition - Before sending the call's disposition (wrap-up). Cancelable.
 * @fires campaign-schedule-callback - Before scheduling a callback after the call. Cancelable.
 * @fires campaign-task-change - The task's status changed.
 *
 * @slot details - Extra content after the configured details.
 * @slot actions - Extra controls at the end of the card (e.g. the host's own call controls).
 *
 * @csspart base - The card.
 * @csspart header - The label, icon and timer row.
 * @csspart icon - The contact icon.
 * @csspart label - The "Campaign call" label.
 * @csspart timer - The `<call-timer>` (its own parts are re-exported as `timer-time`).
 * @csspart contact - The contact's name.
 * @csspart details - The configured detail fields.
 * @csspart status - The status text.
 * @csspart cancel-button - The Cancel button of a ringing call.
 * @csspart voicemail - The leave-a-voicemail prompt.
 * @csspart voicemail-button - The Voicemail left button.
 * @csspart wrap-up - The disposition form after the call, or what was saved.
 * @csspart disposition-button - The Save disposition button.
 * @csspart callback-button - The Schedule callback button, once the call is over.
 * @csspart callback - The callback form, or the callback scheduled.
 *
 * @cssprop --campaign-task-card-surface - Card background.
 * @cssprop --campaign-task-card-text - Card text colour.
 * @cssprop --campaign-task-card-border - Card border colour.
 * @cssprop --campaign-task-card-accent - The accent stripe and icon colour.
 * @cssprop --campaign-task-card-danger - Colour of the failed status and the Cancel button.
 * @cssprop --campaign-task-card-radius - Corner radius.
 */
export class CampaignTaskCard extends LitElement {
  static override styles = styles;

  /**
   * The task to show, for hosts that drive the card themselves (`null` shows
   * nothing). When unset the card follows the store provided through context.
   */
  @property({attribute: false}) task: TaskView | null | undefined = undefined;

  /** Per-instance replacements for any of the element's strings. */
  @property({attribute: false}) messages: MessageOverrides | undefined = undefined;

  /** The task's status, reflected for styling; empty when there is no task. */
  @property({reflect: true}) status: TaskStatus | '' = '';

  @state() private announcement = '';
  @state() private wrapUpForm: WrapUpFormState = {code: null, note: '', needsCode: false};

  private readonly store = new StoreController(this, (store) => store.task$);
  private readonly i18n = new LocalizeController(this);
  private readonly ticks = new TickController(this);
  private readonly callback = new CallbackForm(this);
  private formCallId: string | null = null;
  /** The agent pressed one of the card's buttons since its status last changed. */
  private actedHere = false;

  private get current(): TaskView | null {
    return this.task !== undefined ? this.task : (this.store.value ?? null);
  }

  protected override willUpdate(): void {
    const task = this.current;
    if (task?.callId !== this.formCallId) {
      this.formCallId = task?.callId ?? null;
      this.wrapUpForm = {code: null, note: '', needsCode: false};
    }
    this.callback.follow(task?.callId ?? null);
    this.ticks.active = Boolean(task?.wrapUp && task.wrapUp.deadline !== null && task.wrapUp.disposition === null);
    const status = task?.status ?? '';
    if (status !== this.status) {
      this.status = status;
      const msg = this.i18n.msg;
      this.announcement = status ? `${msg.campaignCall}: ${msg.status[status]}` : '';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('status') && changed.get('status') !== undefined) {
      this.dispatchEvent(new CampaignTaskChangeEvent({status: this.status || null}));
      // The button the agent just pressed (Cancel, Voicemail left...) may be gone: keep focus on the card.
      const active = document.activeElement;
      const lost = active === null || active === document.body || (active === this && !this.renderRoot.querySelector(':focus'));
      if (this.actedHere && lost) this.renderRoot.querySelector<HTMLElement>('[part=base]')?.focus({preventScroll: true});
      this.actedHere = false;
    }
  }

  private intent(intent: ElementIntent): void {
    this.actedHere = true;
    sendIntent(this, this.task !== undefined ? undefined : this.store.store, intent);
  }

  protected override render(): TemplateResult {
    const task = this.current;
    const msg = this.i18n.msg;
    return html`${task ? this.renderCard(task, msg) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  private renderCard(task: TaskView, msg: Messages): TemplateResult {
    const name = task.contact?.name ?? task.campaign.name;
    return html`<article part="base" class="card" tabindex="-1" aria-label=${`${msg.campaignCall}: ${name}`}>
      <header part="header" class="header">
        <span part="icon" class="icon" role="img" aria-label=${msg.contactIcon}>${contactIcon}</span>
        <span part="label" class="label">${msg.campaignCall}</span>
        <call-timer part="timer" exportparts="time: timer-time" .since=${task.startedAt} label=${msg.elapsed}></call-timer>
      </header>
      <p part="contact" class="contact">${name}</p>
      ${task.contact?.details.length
        ? html`<dl part="details" class="details">
            ${task.contact.details.map((d) => html`<div><dt>${d.label}</dt><dd>${d.value}</dd></div>`)}
          </dl>`
        : nothing}
      <slot name="details"></slot>
      ${this.renderStatus(task, msg)}
      ${task.voicemailPrompt ? this.renderVoicemail(task, msg) : nothing}
      ${task.wrapUp ? this.renderWrapUp(task, task.wrapUp, msg) : nothing}
      ${task.callId && task.contact && (task.status === 'ended' || task.status === 'failed')
        ? this.callback.render({
            campaign: task.campaign,
            contact: task.contact,
            scheduledAt: task.callbackAt,
            now: this.ticks.now(),
            lang: this.i18n.lang,
            msg,
            schedule: (request) => this.intent({type: 'schedule-callback', callId: task.callId!, ...request}),
          })
        : nothing}
      <slot name="actions"></slot>
    </article>`;
  }

  private renderStatus(task: TaskView, msg: Messages): TemplateResult {
    if (task.canCancel && task.callId) {
      const callId = task.callId;
      return html`<div class="status-row">
        <span class="visually-hidden">${msg.status.ringing}</span>
        <button
          part="cancel-button"
          class="cancel"
          aria-disabled=${task.cancelling ? 'true' : 'false'}
          @click=${() => !task.cancelling && this.intent({type: 'cancel-call', callId})}
        >
          ${task.cancelling ? msg.cancelling : msg.cancelCall}
        </button>
      </div>`;
    }
    const text = task.status === 'failed' && task.failReason
      ? msg.failReason(reasonText(msg, task.failReason))
      : msg.status[task.status];
    return html`<p part="status" class="status">${text}</p>`;
  }

  private renderWrapUp(task: TaskView, wrapUp: NonNullable<TaskView['wrapUp']>, msg: Messages): TemplateResult {
    return wrapUpForm(wrapUp, this.ticks.now(), this.i18n.lang, this.wrapUpForm, {
      code: (code) => (this.wrapUpForm = {...this.wrapUpForm, code, needsCode: false}),
      note: (note) => (this.wrapUpForm = {...this.wrapUpForm, note}),
      save: () => {
        const {code, note} = this.wrapUpForm;
        if (!code) {
          this.wrapUpForm = {...this.wrapUpForm, needsCode: true};
          this.renderRoot.querySelector<HTMLElement>('[part=wrap-up] select')?.focus();
          return;
        }
        this.intent(note.trim() ? {type: 'set-disposition', callId: task.callId!, code, note} : {type: 'set-disposition', callId: task.callId!, code});
      },
    }, msg);
  }

  private renderVoicemail(task: TaskView, msg: Messages): TemplateResult {
    const callId = task.callId!;
    return html`<div part="voicemail" class="voicemail" role="group" aria-label=${msg.status['answering-machine']}>
      <p>${task.voicemailLeft ? msg.voicemailDone : msg.voicemailPrompt}</p>
      ${task.voicemailLeft
        ? nothing
        : html`<button part="voicemail-button" class="primary" @click=${() => this.intent({type: 'voicemail-left', callId})}>
            ${msg.voicemailLeft}
          </button>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'campaign-task-card': CampaignTaskCard;
  }
}
