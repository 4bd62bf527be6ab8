import {LitElement, html, nothing, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {AnnouncerController} from '../../controllers/announcer-controller.js';
import {CallbackFormController} from '../../controllers/callback-form-controller.js';
import {FocusHandoffController} from '../../controllers/focus-handoff-controller.js';
import {partsDrawn} from '../../controllers/lazy-part.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {OfferFormController} from '../../controllers/offer-form-controller.js';
import {StoreController} from '../../controllers/store-controller.js';
import {ShortcutController, type Shortcut} from '../../controllers/shortcut-controller.js';
import {TickController} from '../../controllers/tick-controller.js';
import type {Decision, KitNoticeCode, Notice} from '../../core/state.js';
import {remainingMs, type PreviewStage, type PreviewView} from '../../core/views.js';
import {CampaignPreviewChangeEvent} from '../../events/change-event.js';
import {sendIntent} from '../../events/send-intent.js';
import type {ElementIntent} from '../../events/intent-event.js';
import {formatCount, formatDuration, isolate, isolateLtr, reasonText, type MessageOverrides, type Messages} from '../../i18n/index.js';
import {campaignIcon, contactIcon} from '../icons.js';
import {renderElsewhere} from '../elsewhere.js';
import {renderPart} from '../render-part.js';
import * as parts from './offer-parts.js';
import {styles} from './campaign-preview.styles.js';

/** Countdown seconds at which the remaining time is announced to screen readers. */
const ANNOUNCE_AT = [30, 10, 5];

/** What the dialog's focus announcement reads after its name, by stage: who the contact is, then the countdown. */
const DESCRIBED_BY: Partial<Record<PreviewStage, string>> = {
  reservation: 'stage-text',
  waiting: 'stage-text',
  offer: 'contact-name contact-campaign countdown',
  connecting: 'stage-text',
  // A failed attempt is an alert of its own: not read again with the dialog.
};

/** The notices the kit raises itself, in the agent's language (the dialer's own are shown as it worded them). */
const KIT_NOTICES: Record<KitNoticeCode, (msg: Messages) => {title: string; text: string}> = {
  offline: (msg) => ({title: msg.errorTitle, text: msg.offline}),
  'reservation-missed': (msg) => ({title: msg.reservationMissedTitle, text: msg.reservationMissed}),
  'dialer-slow': (msg) => ({title: msg.dialerSlowTitle, text: msg.dialerSlow}),
};

const DECISIONS: readonly Decision[] = ['accept', 'skip', 'remove', 'leave'];
const DECISION_CLASS: Record<Decision, string> = {accept: 'primary', skip: '', remove: 'danger', leave: 'quiet'};

/** The default keyboard shortcuts for the decisions (see `shortcuts`). */
export const DEFAULT_SHORTCUTS: Readonly<Record<Decision, Shortcut>> = {
  accept: 'Alt+Shift+A',
  skip: 'Alt+Shift+S',
  remove: 'Alt+Shift+R',
  leave: 'Alt+Shift+L',
};

/**
 * @tag campaign-preview
 * @summary The Campaign contact dialog of an outbound preview campaign, with
 * the Campaign button that asks for a contact.
 *
 * Shows, stage by stage: the reservation call to answer (standard and direct
 * preview), the customer's contact details with Accept, Skip, Remove and Leave
 * campaign (only those the campaign and the dialer allow), the countdown to the
 * automatic action, Connecting after Accept until the call starts, a failed
 * attempt with the way to the next contact, the concurrent-call limit and any
 * error. In a tab that mirrors another tab in charge of the agent's dialer it
 * shows the same, read-only, says so, and offers Use here. Renders from the
 * campaign store found through context, or from its `view` property when a
 * host drives it. Errors
 * and the timeout intents are dispatched by the provider, not here (see
 * `<campaign-provider>`).
 *
 * For screen readers: one polite live region says who the contact is, then
 * the countdown at 30, 10 and 5 seconds; the dialog takes focus when the
 * agent's focus was lost or rests on the dialog or the Campaign button, and
 * after Accept focus moves on to the task card's call.
 *
 * @fires {CampaignIntentEvent<IntentOf<'request-contact'>>} campaign-request-contact - Before asking the dialer for a contact. Cancelable.
 * @fires {CampaignIntentEvent<IntentOf<'answer-reservation'>>} campaign-answer-reservation - Before answering the reservation call. Cancelable.
 * @fires {CampaignIntentEvent<IntentOf<'accept'>>} campaign-accept - Before accepting the contact (detail names the phone number). Cancelable. (At the deadline the provider fires it, with `detail.source` `timeout`.)
 * @fires {CampaignIntentEvent<IntentOf<'skip'>>} campaign-skip - Before skipping the contact. Cancelable.
 * @fires {CampaignIntentEvent<IntentOf<'remove'>>} campaign-remove - Before removing the contact from the campaign. Cancelable.
 * @fires {CampaignIntentEvent<IntentOf<'leave'>>} campaign-leave - Before leaving the campaign. Cancelable.
 * @fires {CampaignIntentEvent<IntentOf<'schedule-callback'>>} campaign-schedule-callback - Before scheduling a callback for the contact. Cancelable.
 * @fires {CampaignIntentEvent<IntentOf<'take-control'>>} campaign-take-control - Before moving control of the agent's dialer to this tab (Use here). Cancelable.
 * @fires {CampaignPreviewChangeEvent} campaign-preview-change - The dialog moved to another stage (`detail.stage`).
 *
 * @slot contact-header - Replaces the contact's name and campaign line (e.g. with a link to the host's CRM).
 * @slot details - Extra content after the contact's detail fields (notes, history...).
 * @slot actions - Extra buttons after Accept, Skip, Remove and Leave campaign.
 *
 * @csspart campaign-button - The Campaign button (R-M1).
 * @csspart dialog - The Campaign contact dialog.
 * @csspart title - The dialog's heading.
 * @csspart contact - The contact's name and numbers.
 * @csspart details - The list of configured detail fields.
 * @csspart countdown - The countdown to the automatic action.
 * @csspart actions - The row of action buttons.
 * @csspart accept-button - The Accept button.
 * @csspart skip-button - The Skip button.
 * @csspart remove-button - The Remove button.
 * @csspart leave-button - The Leave campaign button.
 * @csspart answer-button - The Answer button of the reservation stage.
 * @csspart next-button - The Next contact button after a failed attempt.
 * @csspart numbers - The choice of phone number, when the contact has several.
 * @csspart calling-window - The contact's local time and the calling-window warning.
 * @csspart history - The earlier attempts (collapsible).
 * @csspart skip-reason - The skip-reason picker.
 * @csspart do-not-call - The do-not-call option of Remove.
 * @csspart callback-button - The Schedule callback button.
 * @csspart callback - The callback form, or the callback scheduled.
 * @csspart limit - The concurrent-call limit message.
 * @csspart notice - An error message.
 * @csspart elsewhere - The "Active in another tab" line, with its Use here button.
 * @csspart use-here-button - The Use here button.
 *
 * @cssprop --campaign-preview-surface - Dialog background.
 * @cssprop --campaign-preview-text - Dialog text colour.
 * @cssprop --campaign-preview-border - Dialog border colour.
 * @cssprop --campaign-preview-accent - Accept button and highlights.
 * @cssprop --campaign-preview-danger - Remove button and error accents.
 * @cssprop --campaign-preview-radius - Dialog corner radius.
 * @cssprop --campaign-preview-width - Dialog width.
 */
export class CampaignPreview extends LitElement {
  static override styles = styles;

  /**
   * What to show, for hosts that drive the element themselves. When unset the
   * element follows the campaign store provided through context.
   */
  @property({attribute: false}) view: PreviewView | undefined = undefined;

  /** Per-instance replacements for any of the element's strings. */
  @property({attribute: false}) messages: MessageOverrides | undefined = undefined;

  /**
   * Keyboard shortcuts for Accept, Skip, Remove and Leave, working anywhere on
   * the page while a contact is shown. Defaults: Alt+Shift+A, S, R and L.
   * Map a decision to another combination (`{accept: 'Control+Enter'}`) or to
   * `null` to turn it off.
   */
  @property({attribute: false}) shortcuts: Partial<Record<Decision, Shortcut | null>> = {};

  /** Turns every keyboard shortcut off. */
  @property({type: Boolean, attribute: 'no-shortcuts'}) noShortcuts = false;

  private readonly store = new StoreController(this, (store) => store.preview$);
  private readonly ticks = new TickController(this);
  private readonly i18n = new LocalizeController(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly form = new OfferFormController(this, () => this.current?.offer?.offerId ?? null);
  private readonly callback = new CallbackFormController(this, () => this.current?.offer?.offerId ?? null);
  private readonly handoff = new FocusHandoffController(
    this,
    'preview',
    () => (this.view ? undefined : this.store.store),
    () => this.receiveFocus(),
    '[role=dialog], [part=campaign-button]',
  );
  /** The stage and offer last rendered, the countdown threshold last announced, and whether this tab was in charge. */
  private shown: {stage: PreviewStage; offerId: string | null; announcedAt: number; inCharge: boolean} | null = null;

  constructor() {
    super();
    new ShortcutController<Decision>(
      this,
      () => this.bindings,
      () => this.current?.stage === 'offer',
      (action) => this.decide(action),
    );
  }

  /**
   * Where the dialog is (`closed`, `reservation`, `waiting`, `offer`,
   * `attempt-failed`); read-only, reflected as the `stage` attribute for styling.
   */
  get stage(): PreviewStage {
    return this.current?.stage ?? 'closed';
  }

  private get current(): PreviewView | undefined {
    return this.view ?? this.store.value;
  }

  /** Draws only once the messages of the element's language are loaded: no frame in another language. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.i18n.beforeUpdate(() => super.scheduleUpdate());
  }

  /** Also waits for a lazy part (the callback form) the element is loading, and the element drawn with it. */
  protected override getUpdateComplete(): Promise<boolean> {
    return partsDrawn(this, () => super.getUpdateComplete());
  }

  protected override willUpdate(): void {
    this.ticks.active = this.current?.countdown != null;
  }

  protected override updated(): void {
    const view = this.current;
    const stage = this.stage;
    const offerId = view?.offer?.offerId ?? null;
    const previous = this.shown;
    const inCharge = view?.inCharge ?? true;
    if (this.getAttribute('stage') !== stage) this.setAttribute('stage', stage);
    if (previous && previous.inCharge !== inCharge) {
      previous.inCharge = inCharge;
      // Control moved away while the agent was here: say so (the tab in charge speaks for the campaign).
      if (!inCharge) this.announcer.say(this.i18n.msg.elsewhere);
    }
    if (previous?.stage === stage && previous.offerId === offerId) {
      if (inCharge) this.announceCountdown(view);
      return;
    }
    // Thresholds already reached are not announced: the contact's announcement or the dialog's description says the time.
    this.shown = {stage, offerId, announcedAt: (view && this.secondsLeft(view)) ?? Infinity, inCharge};
    if (previous && previous.stage !== stage) this.dispatchEvent(new CampaignPreviewChangeEvent({stage}));
    if (!view) return;
    const moved = previous !== null && previous.stage !== stage && this.moveFocus(previous.stage, view);
    if (moved) this.announcer.yieldToFocus();
    else if (inCharge) this.announceStage(view);
  }

  /**
   * After the stage changed, when the agent's focus was lost or rests here: on to
   * the task card's call after Accept, otherwise to the dialog or the Campaign
   * button. Whether focus moved to something that speaks for the new stage.
   */
  private moveFocus(previous: PreviewStage, view: PreviewView): boolean {
    if (!this.handoff.mayMove) return false;
    if (previous === 'offer' && view.campaignButton.reason === 'call-in-progress' && this.handoff.handTo('card')) return true;
    return this.receiveFocus() && view.stage !== 'closed';
  }

  /** Focuses the dialog, or the Campaign button when the dialog is closed. */
  private receiveFocus(): boolean {
    const before = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    const target =
      this.renderRoot.querySelector<HTMLElement>('[role=dialog]') ?? this.renderRoot.querySelector<HTMLElement>('[part=campaign-button]');
    target?.focus({preventScroll: true});
    // Focus that was already there reads nothing new: the live region must speak.
    return target !== null && target !== before && this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement === target;
  }

  /** What the new stage says when focus did not move there: who the contact is, then the countdown. */
  private announceStage(view: PreviewView): void {
    const msg = this.i18n.msg;
    switch (view.stage) {
      case 'reservation':
        this.announcer.say(msg.reservationText(isolate(view.reservation!.campaign.name)));
        return;
      case 'waiting':
        this.announcer.say(msg.waitingForContact);
        return;
      case 'connecting':
        this.announcer.say(msg.connecting(isolate(view.connecting!.contact.name)));
        return;
      case 'offer': {
        // One message, the name first, then the time left when it is spoken.
        const {offerId, contact} = view.offer!;
        this.announcer.say(() => {
          if (this.current?.offer?.offerId !== offerId) return '';
          const countdown = this.countdownText();
          const said = msg.contactOffered(isolate(contact.name));
          return countdown ? `${said}. ${countdown}` : said;
        });
        return;
      }
      default:
        // A failed attempt and the limit are alerts of their own.
        return;
    }
  }

  /** The countdown at 30, 10 and 5 seconds, each once. */
  private announceCountdown(view: PreviewView | undefined): void {
    const seconds = view && this.secondsLeft(view);
    if (!view?.countdown || seconds == null || !this.shown) return;
    const threshold = ANNOUNCE_AT.find((t) => t === seconds && t < this.shown!.announcedAt);
    if (threshold === undefined) return;
    this.shown.announcedAt = threshold;
    const offerId = view.offer?.offerId;
    this.announcer.say(() => (this.current?.offer?.offerId === offerId ? this.countdownText() : ''));
  }

  /** "Skipping in 10 seconds", for the offer shown now; '' when it has no time left to say. */
  private countdownText(): string {
    const view = this.current;
    const seconds = view && this.secondsLeft(view);
    if (!view?.countdown || !seconds) return '';
    return this.i18n.msg.countdownAnnouncement(view.countdown.action, seconds, formatCount(seconds, this.i18n.lang));
  }

  private secondsLeft(view: PreviewView): number | null {
    return view.countdown ? Math.ceil(remainingMs(view.countdown.deadline, this.ticks.now()) / 1000) : null;
  }

  private get bindings(): Partial<Record<Decision, Shortcut | null>> {
    return this.noShortcuts ? {} : {...DEFAULT_SHORTCUTS, ...this.shortcuts};
  }

  /** Accept, Skip, Remove or Leave on the offer shown, if offered. */
  private decide(action: Decision): void {
    const view = this.current;
    const offer = view?.offer;
    if (!offer || !view.actions[action]) return;
    const {offerId, contact} = offer;
    const form = this.form;
    switch (action) {
      case 'accept':
        this.intent({type: 'accept', offerId, phoneNumber: form.number ?? contact.phoneNumbers[0].number});
        return;
      case 'skip':
        if (offer.skip?.required && !form.skipReason) {
          form.set({needsReason: true});
          this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=skip-reason] select')?.focus());
          return;
        }
        this.intent(form.skipReason ? {type: 'skip', offerId, reason: form.skipReason} : {type: 'skip', offerId});
        return;
      case 'remove':
        this.intent(form.doNotCall && offer.doNotCall ? {type: 'remove', offerId, doNotCall: true} : {type: 'remove', offerId});
        return;
      case 'leave':
        this.intent({type: 'leave', offerId});
    }
  }

  private async dismiss(id: number): Promise<void> {
    this.store.store?.dispatch({type: 'dismiss-notice', id});
    await this.updateComplete;
    if (this.handoff.mayMove && !this.receiveFocus()) this.handoff.handTo('card');
  }

  private intent(intent: ElementIntent): void {
    sendIntent(this, this.view ? undefined : this.store.store, intent);
  }

  protected override render(): TemplateResult {
    const view = this.current;
    const msg = this.i18n.msg;
    return html`
      ${view?.campaignButton.visible ? this.renderCampaignButton(view, msg) : nothing}
      ${view && !view.inCharge ? renderElsewhere(msg, () => this.intent({type: 'take-control'})) : nothing}
      ${view && (view.stage !== 'closed' || view.limit || view.notices.length) ? this.renderDialog(view, msg) : nothing}
      ${this.announcer.render()}
    `;
  }

  private renderCampaignButton(view: PreviewView, msg: Messages): TemplateResult {
    const {enabled, reason} = view.campaignButton;
    const hint = msg.campaignButtonReasons[reason];
    return html`<button
        part="campaign-button"
        class="campaign-button"
        aria-disabled=${enabled ? 'false' : 'true'}
        aria-describedby="campaign-hint"
        title=${hint}
        @click=${() => enabled && this.intent({type: 'request-contact'})}
      >
        ${campaignIcon}<span>${msg.campaign}</span>
      </button>
      <span id="campaign-hint" hidden>${hint}</span>`;
  }

  private renderDialog(view: PreviewView, msg: Messages): TemplateResult {
    const title = view.stage === 'reservation' ? msg.reservationTitle : msg.campaignContact;
    return html`<section part="dialog" class="dialog" role="dialog" aria-labelledby="title" aria-describedby=${ifDefined(DESCRIBED_BY[view.stage])} tabindex="-1">
      <h2 id="title" part="title">${title}</h2>
      ${view.notices.map((notice) => this.renderNotice(view, notice, msg))}
      ${
        view.limit
          ? html`<div part="limit" class="limit" role="alert">
            <strong>${msg.limitTitle}</strong>
            <bdi class="code">${view.limit.code}</bdi>
            <bdi>${view.limit.message}</bdi>
          </div>`
          : nothing
      }
      ${
        view.lastFailure
          ? html`<p class="failure" role="alert">
            ${msg.attemptFailed(isolate(view.lastFailure.contactName), reasonText(msg, view.lastFailure.reason))}
          </p>`
          : nothing
      }
      ${this.renderStage(view, msg)}
    </section>`;
  }

  private renderStage(view: PreviewView, msg: Messages): TemplateResult | typeof nothing {
    switch (view.stage) {
      case 'reservation': {
        const reservation = view.reservation!;
        return html`<p id="stage-text">${msg.reservationText(isolate(reservation.campaign.name))}</p>
          ${reservation.campaign.mode === 'direct' ? html`<p class="hint">${msg.directHint}</p>` : nothing}
          <div part="actions" class="actions">
            <button
              part="answer-button"
              class="primary"
              aria-disabled=${reservation.answering ? 'true' : 'false'}
              @click=${() => !reservation.answering && this.intent({type: 'answer-reservation', reservationId: reservation.reservationId})}
            >
              ${msg.answer}
            </button>
          </div>`;
      }
      case 'waiting':
        return html`<p id="stage-text" class="waiting">${msg.waitingForContact}</p>`;
      case 'offer':
        return this.renderOffer(view, view.offer!, msg);
      case 'connecting': {
        const {contact, campaign} = view.connecting!;
        return html`<div part="contact" class="contact">
            <span class="avatar">${contactIcon}</span>
            <div>
              <p class="name"><bdi>${contact.name}</bdi></p>
              <p class="campaign"><bdi>${campaign.name}</bdi> · ${msg.modes[campaign.mode]}</p>
            </div>
          </div>
          <p id="stage-text" class="waiting">${msg.connecting(isolate(contact.name))}</p>`;
      }
      case 'attempt-failed':
        return view.campaignButton.visible
          ? html`<div part="actions" class="actions">
              <button
                part="next-button"
                class="primary"
                aria-disabled=${view.campaignButton.enabled ? 'false' : 'true'}
                aria-describedby="campaign-hint"
                @click=${() => view.campaignButton.enabled && this.intent({type: 'request-contact'})}
              >
                ${msg.nextContact}
              </button>
            </div>`
          : html`<p class="waiting">${msg.waitingForContact}</p>`;
      case 'closed':
        return nothing;
    }
  }

  private renderOffer(view: PreviewView, offer: NonNullable<PreviewView['offer']>, msg: Messages): TemplateResult {
    const {countdown, actions} = view;
    const {contact, campaign, callback} = offer;
    const form = this.form;
    const number = form.number ?? contact.phoneNumbers[0].number;
    const blocked = view.acceptBlocked === 'limit' ? msg.acceptBlockedByLimit : view.acceptBlocked ? msg.acceptBlockedByWindow : null;
    return html`
      <slot name="contact-header">
        <div part="contact" class="contact">
          <span class="avatar">${contactIcon}</span>
          <div>
            <p id="contact-name" class="name"><bdi>${contact.name}</bdi></p>
            <p id="contact-campaign" class="campaign"><bdi>${campaign.name}</bdi> · ${msg.modes[campaign.mode]}</p>
          </div>
        </div>
      </slot>
      ${campaign.mode === 'direct' ? html`<p class="hint">${msg.directHint}</p>` : nothing}
      ${parts.numbers(offer.numbers, number, msg, (chosen) => form.set({number: chosen}))}
      ${renderPart(() => parts.callingWindow(offer.callingWindow, msg), msg.partUnavailable)}
      ${
        contact.details.length
          ? html`<dl part="details" class="details" aria-label=${msg.details}>
            ${contact.details.map((d) => html`<div><dt><bdi>${d.label}</bdi></dt><dd><bdi>${d.value}</bdi></dd></div>`)}
          </dl>`
          : nothing
      }
      <slot name="details"></slot>
      ${renderPart(() => parts.history(contact, this.i18n.lang, msg), msg.partUnavailable)}
      ${
        callback
          ? renderPart(
              () =>
                this.callback.render({
                  callback,
                  now: this.ticks.now(),
                  lang: this.i18n.lang,
                  msg,
                  // A host that drives the element checks the request itself (`callbackProblem`).
                  problem: (request) =>
                    this.view ? null : (this.store.store?.problem({type: 'schedule-callback', offerId: offer.offerId, ...request}) ?? null),
                  schedule: (request) => this.intent({type: 'schedule-callback', offerId: offer.offerId, ...request}),
                }),
              msg.partUnavailable,
            )
          : nothing
      }
      ${countdown ? renderPart(() => this.renderCountdown(countdown, msg), msg.partUnavailable) : nothing}
      ${blocked ? html`<p class="hint">${blocked}</p>` : nothing}
      ${offer.skip ? parts.skipReason(offer.skip, form.skipReason, msg, (code) => form.set({skipReason: code, needsReason: false})) : nothing}
      ${offer.doNotCall ? parts.doNotCall(form.doNotCall, msg, (on) => form.set({doNotCall: on})) : nothing}
      ${form.needsReason ? html`<p class="hint" role="alert">${msg.skipNeedsReason}</p>` : nothing}
      <div part="actions" class="actions">
        ${DECISIONS.filter((action) => actions[action]).map((action) => {
          const shortcut = this.bindings[action] ?? undefined;
          return html`<button
            part=${`${action}-button`}
            class=${DECISION_CLASS[action]}
            aria-keyshortcuts=${ifDefined(shortcut)}
            title=${ifDefined(shortcut)}
            @click=${() => this.decide(action)}
          >
            ${msg[action]}
          </button>`;
        })}
        <slot name="actions"></slot>
      </div>
    `;
  }

  private renderCountdown(countdown: NonNullable<PreviewView['countdown']>, msg: Messages): TemplateResult {
    const left = remainingMs(countdown.deadline, this.ticks.now());
    const time = isolateLtr(formatDuration(left, 'ceil', this.i18n.lang));
    const text = left > 0 ? msg.countdown(countdown.action, time) : msg.countdownDue(countdown.action);
    return html`<p id="countdown" part="countdown" class="countdown" role="timer" aria-live="off">${text}</p>`;
  }

  /** A notice; dismissed in the tab in charge, whose notices a mirror shows. */
  private renderNotice(view: PreviewView, notice: Notice, msg: Messages): TemplateResult {
    // A dialer's code is any text: only the kit's own codes are looked up.
    const own = Object.hasOwn(KIT_NOTICES, notice.code) ? KIT_NOTICES[notice.code as KitNoticeCode](msg) : undefined;
    const title = own?.title ?? (notice.kind === 'invalid-event' ? msg.invalidEvent : msg.errorTitle);
    const text = own?.text ?? html`<bdi>${notice.message}</bdi>`;
    return html`<div part="notice" class="notice" role="alert">
      <p><strong>${title}</strong> <bdi class="code">${notice.code}</bdi></p>
      <p>${text}</p>
      ${
        this.view || !view.inCharge
          ? nothing
          : html`<button class="quiet" @click=${() => this.dismiss(notice.id)}>
            ${msg.dismiss}
          </button>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'campaign-preview': CampaignPreview;
  }
}
