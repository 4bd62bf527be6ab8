import {LitElement, html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {AnnouncerController} from '../../controllers/announcer-controller.js';
import {CallbackFormController} from '../../controllers/callback-form-controller.js';
import {LazyPart, partsDrawn} from '../../controllers/lazy-part.js';
import {FocusHandoffController} from '../../controllers/focus-handoff-controller.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {StoreController} from '../../controllers/store-controller.js';
import {TickController} from '../../controllers/tick-controller.js';
import {remainingMs, type TaskStatus, type TaskView} from '../../core/views.js';
import {CampaignTaskChangeEvent} from '../../events/change-event.js';
import {sendIntent} from '../../events/send-intent.js';
import type {ElementIntent} from '../../events/intent-event.js';
import {formatCount, formatDuration, isolate, reasonText, type MessageOverrides, type Messages} from '../../i18n/index.js';
import {contactIcon} from '../icons.js';
import {renderPart} from '../render-part.js';
import {renderElsewhere} from '../elsewhere.js';
import type {WrapUpFormState} from './wrap-up-form.js';
import {styles} from './campaign-task-card.styles.js';

/** Seconds of wrap-up left at which the time left is announced again. */
const WRAP_UP_ANNOUNCE_AT = 10;

/** The wrap-up form's module, loaded with the first call that has a wrap-up. */
const wrapUpPart = new LazyPart(() => import('./wrap-up-form.js'));

/**
 * @tag campaign-task-card
 * @summary The task-list card of a campaign call: label, contact, configured
 * details, status and the time since the preview started.
 *
 * Between Accept and the dialer's first call progress it says Connecting.
 * While the call rings it shows a Cancel button instead of the Ringing status
 * when the campaign lets agents end calls (R-U4); once answered, an End call
 * button when the dialer can hang up (protocol 1.2); on an answering machine
 * it asks the agent to leave a voicemail and mark it done (R-U6). In a tab
 * that mirrors another tab in charge of the agent's dialer it shows the call
 * read-only, says so, and offers Use here. Renders the
 * current campaign task from the store found through context, or its `task`
 * property when a host drives it. Renders nothing when there is no task.
 *
 * For screen readers: a polite live region says each call status (not the
 * preview's, which the dialog speaks), what to do on an answering machine,
 * and the wrap-up request with its time left; focus comes here after Accept
 * and goes back to the Campaign contact dialog when the call is over.
 *
 * @fires {CampaignIntentEvent<IntentOf<'cancel-call'>>} campaign-cancel-call - Before cancelling the ringing call. Cancelable.
 * @fires {CampaignIntentEvent<IntentOf<'end-call'>>} campaign-end-call - Before hanging up the answered call. Cancelable.
 * @fires {CampaignIntentEvent<IntentOf<'take-control'>>} campaign-take-control - Before moving control of the agent's dialer to this tab (Use here). Cancelable.
 * @fires {CampaignIntentEvent<IntentOf<'voicemail-left'>>} campaign-voicemail-left - Before telling the dialer the voicemail was left. Cancelable.
 * @fires {CampaignIntentEvent<IntentOf<'set-disposition'>>} campaign-set-disposition - Before sending the call's disposition (wrap-up). Cancelable.
 * @fires {CampaignIntentEvent<IntentOf<'schedule-callback'>>} campaign-schedule-callback - Before scheduling a callback after the call. Cancelable.
 * @fires {CampaignTaskChangeEvent} campaign-task-change - The task's status changed.
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
 * @csspart end-button - The End call button of an answered call.
 * @csspart elsewhere - The "Active in another tab" line, with its Use here button.
 * @csspart use-here-button - The Use here button.
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

  @state() private wrapUpForm: WrapUpFormState = {code: null, note: '', needsCode: false};

  private readonly store = new StoreController(this, (store) => store.task$);
  private readonly i18n = new LocalizeController(this);
  private readonly ticks = new TickController(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly callback = new CallbackFormController(this, () => this.current?.callId ?? null);
  private readonly handoff = new FocusHandoffController(
    this,
    'card',
    () => (this.task !== undefined ? undefined : this.store.store),
    () => this.receiveFocus(),
    '[part=base]',
  );
  private formCallId: string | null = null;
  /** What was last rendered: the status, whether the call was finished, and what of the wrap-up was announced. */
  private shown: {status: TaskStatus | ''; finished: boolean; wrapUpPending: boolean; wrapUpAnnounced: boolean} | null = null;
  /** Focus was inside the card before this update: if what had it went away, the card keeps it. */
  private hadFocus = false;

  /** The task's status (empty when there is no task); read-only, reflected as the `status` attribute for styling. */
  get status(): TaskStatus | '' {
    return this.current?.status ?? '';
  }

  private get current(): TaskView | null {
    return this.task !== undefined ? this.task : (this.store.value ?? null);
  }

  /** Draws only once the messages of the card's language are loaded: no frame in another language. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.i18n.beforeUpdate(() => super.scheduleUpdate());
  }

  /** Also waits for a lazy part (the wrap-up or callback form) the card is loading, and the card drawn with it. */
  protected override getUpdateComplete(): Promise<boolean> {
    return partsDrawn(this, () => super.getUpdateComplete());
  }

  protected override willUpdate(): void {
    this.hadFocus = this.matches(':focus-within');
    const task = this.current;
    if (task?.callId !== this.formCallId) {
      this.formCallId = task?.callId ?? null;
      this.wrapUpForm = {code: null, note: '', needsCode: false};
    }
    this.ticks.active = task?.wrapUp?.status === 'pending' && task.wrapUp.deadline !== null;
  }

  protected override updated(): void {
    const task = this.current;
    const status = this.status;
    const finished = task?.finished ?? false;
    const wrapUpPending = task?.wrapUp?.status === 'pending';
    const first = this.shown === null;
    const previous = this.shown ?? {status: '', finished: false, wrapUpPending: false, wrapUpAnnounced: false};
    const statusChanged = previous.status !== status;
    if (this.getAttribute('status') !== status) this.setAttribute('status', status);
    this.shown = {status, finished, wrapUpPending, wrapUpAnnounced: statusChanged ? false : previous.wrapUpAnnounced};
    if (statusChanged && !first) {
      this.dispatchEvent(new CampaignTaskChangeEvent({status: status || null}));
    }
    // A card mounted mid-call stays quiet until something changes; the tab in charge speaks for the call.
    if (task && !first && task.inCharge) this.announce(task, statusChanged, wrapUpPending && !previous.wrapUpPending);
    // The call the agent was on is over: the next step is the Campaign contact dialog.
    const over = previous.status !== '' && !previous.finished && (finished || !task);
    if (over && this.handoff.mayMove && this.handoff.handTo('preview')) return;
    // The control that had focus (Cancel, Voicemail left...) went away: keep focus on the card.
    if (this.hadFocus && this.focusLost()) this.renderRoot.querySelector<HTMLElement>('[part=base]')?.focus({preventScroll: true});
  }

  /** Nothing has focus on the page, or the card does with nothing inside it focused. */
  private focusLost(): boolean {
    const active = document.activeElement;
    return active === null || active === document.body || (active === this && !this.renderRoot.querySelector(':focus'));
  }

  /** Takes the agent's focus (after Accept): the card's call, with Cancel or Voicemail left one Tab away. */
  private receiveFocus(): boolean {
    const base = this.renderRoot.querySelector<HTMLElement>('[part=base]');
    if (!base || base.getClientRects().length === 0) return false;
    this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLElement>('[part=base]')?.focus({preventScroll: true});
      // The focus move reads the call and its status; what to do next still needs saying.
      this.announcer.yieldToFocus();
      const task = this.current;
      if (task) this.announce(task, false, task.wrapUp?.status === 'pending', true);
    });
    return true;
  }

  /**
   * What changed, in one message: the call's status (not the preview's, which
   * the dialog speaks; not a failure a Campaign contact dialog shows as an
   * alert), what to do on an answering machine, the wrap-up request with its
   * time left, and that time again when it gets short. With `instructionsOnly`
   * (focus just moved here and read the status), only what to do.
   */
  private announce(task: TaskView, statusChanged: boolean, wrapUpStarted: boolean, instructionsOnly = false): void {
    const msg = this.i18n.msg;
    const parts: string[] = [];
    if (statusChanged || instructionsOnly) {
      if (task.status === 'answering-machine') parts.push(msg.voicemailAnnouncement);
      else if (instructionsOnly || task.status === 'reserved' || task.status === 'previewing') {
        // The Campaign contact dialog speaks for the preview; the focus move read the status.
      } else if (task.status === 'failed' && this.handoff.hasVisiblePeer('preview')) {
        // The dialog's alert says the attempt failed, and why.
      } else {
        parts.push(`${msg.campaignCall}: ${this.statusText(task, msg)}.`);
      }
    }
    // The wrap-up request (or its reminder) says the time left when it is spoken.
    const wrapUp = task.wrapUp;
    const left = wrapUp?.deadline == null ? null : remainingMs(wrapUp.deadline, this.ticks.now());
    let wording: ((left: number | null) => string) | null = null;
    if (wrapUpStarted && wrapUp) {
      wording = (ms) => msg.wrapUpAnnouncement(ms === null ? null : formatDuration(ms, 'ceil', this.i18n.lang));
      // A wrap-up that starts short was announced with its time already.
      this.shown!.wrapUpAnnounced = left !== null && left <= WRAP_UP_ANNOUNCE_AT * 1000;
    } else if (
      wrapUp?.status === 'pending' &&
      left !== null &&
      !this.shown!.wrapUpAnnounced &&
      Math.ceil(left / 1000) <= WRAP_UP_ANNOUNCE_AT
    ) {
      this.shown!.wrapUpAnnounced = true;
      wording = (ms) => {
        const seconds = Math.ceil((ms ?? 0) / 1000);
        return seconds > 0 ? msg.wrapUpSecondsLeft(seconds, formatCount(seconds, this.i18n.lang)) : '';
      };
    }
    if (!parts.length && !wording) return;
    const callId = task.callId;
    this.announcer.say(() => {
      const pending = this.current?.callId === callId && this.current.wrapUp?.status === 'pending' ? this.current.wrapUp : null;
      const time = pending && wording ? wording(pending.deadline === null ? null : remainingMs(pending.deadline, this.ticks.now())) : '';
      return [...parts, time].filter(Boolean).join(' ');
    });
  }

  private intent(intent: ElementIntent): void {
    sendIntent(this, this.task !== undefined ? undefined : this.store.store, intent);
  }

  protected override render(): TemplateResult {
    const task = this.current;
    const msg = this.i18n.msg;
    return html`${task ? this.renderCard(task, msg) : nothing}${this.announcer.render()}`;
  }

  private renderCard(task: TaskView, msg: Messages): TemplateResult {
    const name = task.contact?.name ?? task.campaign.name;
    const {callback, wrapUp} = task;
    return html`<article part="base" class="card" tabindex="-1" aria-label=${`${msg.campaignCall}: ${isolate(name)}`} aria-describedby="status">
      <header part="header" class="header">
        <span part="icon" class="icon" role="img" aria-label=${msg.contactIcon}>${contactIcon}</span>
        <span part="label" class="label">${msg.campaignCall}</span>
        <call-timer part="timer" exportparts="time: timer-time" .since=${task.startedAt} label=${msg.elapsed}></call-timer>
      </header>
      <p part="contact" class="contact"><bdi>${name}</bdi></p>
      ${
        task.contact?.details.length
          ? html`<dl part="details" class="details">
            ${task.contact.details.map((d) => html`<div><dt><bdi>${d.label}</bdi></dt><dd><bdi>${d.value}</bdi></dd></div>`)}
          </dl>`
          : nothing
      }
      <slot name="details"></slot>
      ${this.renderStatus(task, name, msg)}
      ${task.voicemailPrompt ? this.renderVoicemail(task, msg) : nothing}
      ${task.inCharge ? nothing : renderElsewhere(msg, () => this.intent({type: 'take-control'}))}
      ${wrapUp ? renderPart(() => this.renderWrapUp(task, wrapUp, msg), msg.partUnavailable) : nothing}
      ${
        callback && task.callId
          ? renderPart(
              () =>
                this.callback.render({
                  callback,
                  now: this.ticks.now(),
                  lang: this.i18n.lang,
                  msg,
                  // A host that drives the card checks the request itself (`callbackProblem`).
                  problem: (request) =>
                    this.task !== undefined
                      ? null
                      : (this.store.store?.problem({type: 'schedule-callback', callId: task.callId!, ...request}) ?? null),
                  schedule: (request) => this.intent({type: 'schedule-callback', callId: task.callId!, ...request}),
                }),
              msg.partUnavailable,
            )
          : nothing
      }
      <slot name="actions"></slot>
    </article>`;
  }

  private statusText(task: TaskView, msg: Messages): string {
    return task.status === 'failed' && task.failReason ? msg.failReason(reasonText(msg, task.failReason)) : msg.status[task.status];
  }

  private renderStatus(task: TaskView, name: string, msg: Messages): TemplateResult {
    if (task.callId && (task.canEnd || task.canCancel)) {
      const callId = task.callId;
      // Once answered, End call beside the status; while ringing, Cancel in place of it (R-U4).
      const end = task.canEnd;
      const busy = end ? task.ending : task.cancelling;
      const busyText = end ? msg.ending : msg.cancelling;
      return html`<div class="status-row">
        ${
          end
            ? html`<p id="status" part="status" class="status">${this.statusText(task, msg)}</p>`
            : html`<span id="status" class="visually-hidden">${msg.status.ringing}</span>`
        }
        <button
          part=${end ? 'end-button' : 'cancel-button'}
          class="cancel"
          aria-label=${busy ? busyText : end ? msg.endCallTo(isolate(name)) : msg.cancelCallTo(isolate(name))}
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => !busy && this.intent(end ? {type: 'end-call', callId} : {type: 'cancel-call', callId})}
        >
          ${busy ? busyText : end ? msg.endCall : msg.cancelCall}
        </button>
      </div>`;
    }
    return html`<p id="status" part="status" class="status">${this.statusText(task, msg)}</p>`;
  }

  private renderWrapUp(task: TaskView, wrapUp: NonNullable<TaskView['wrapUp']>, msg: Messages): TemplateResult | typeof nothing {
    // Nothing until the form's module is here; the card is drawn again then.
    const form = wrapUpPart.for(this);
    if (!form) return nothing;
    // The tab in charge takes the disposition; here it is only shown.
    if (!task.inCharge && wrapUp.status === 'pending') return form.wrapUpPendingElsewhere(wrapUp, this.ticks.now(), this.i18n.lang, msg);
    return form.wrapUpForm(
      wrapUp,
      this.ticks.now(),
      this.i18n.lang,
      this.wrapUpForm,
      {
        code: (code) => (this.wrapUpForm = {...this.wrapUpForm, code, needsCode: false}),
        note: (note) => (this.wrapUpForm = {...this.wrapUpForm, note}),
        save: () => {
          const {code, note} = this.wrapUpForm;
          if (!code) {
            this.wrapUpForm = {...this.wrapUpForm, needsCode: true};
            this.renderRoot.querySelector<HTMLElement>('[part=wrap-up] select')?.focus();
            return;
          }
          this.intent(
            note.trim()
              ? {type: 'set-disposition', callId: task.callId!, code, note}
              : {type: 'set-disposition', callId: task.callId!, code},
          );
        },
      },
      msg,
    );
  }

  private renderVoicemail(task: TaskView, msg: Messages): TemplateResult {
    const callId = task.callId!;
    return html`<div part="voicemail" class="voicemail" role="group" aria-label=${msg.status['answering-machine']}>
      <p>${task.voicemailLeft ? msg.voicemailDone : msg.voicemailPrompt}</p>
      ${
        task.voicemailLeft || !task.inCharge
          ? nothing
          : html`<button part="voicemail-button" class="primary" @click=${() => this.intent({type: 'voicemail-left', callId})}>
            ${msg.voicemailLeft}
          </button>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'campaign-task-card': CampaignTaskCard;
  }
}
