import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {StoreController} from '../../controllers/store-controller.js';
import {ShortcutController, type Shortcut} from '../../controllers/shortcut-controller.js';
import {TickController} from '../../controllers/tick-controller.js';
import {withinCallingWindow} from '../../core/calling-window.js';
import type {Decision, Notice} from '../../core/state.js';
import {remainingMs, type PreviewView} from '../../core/views.js';
import {CampaignErrorEvent} from '../../events/error-event.js';
import {CampaignPreviewChangeEvent} from '../../events/change-event.js';
import {sendIntent} from '../../events/send-intent.js';
import {CampaignIntentEvent, type ElementIntent} from '../../events/intent-event.js';
import type {CampaignStore} from '../../core/store.js';
import {formatCount, formatDuration, isolateLtr, reasonText, type MessageOverrides, type Messages} from '../../i18n/index.js';
import {campaignIcon, contactIcon} from '../icons.js';
import * as parts from './offer-parts.js';
import {CallbackForm} from '../callback-form.js';
import {styles} from './campaign-preview.styles.js';

/** Countdown seconds at which the remaining time is announced to screen readers. */
const ANNOUNCE_AT = [30, 10, 5];

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
 * Shows, step by step: the reservation call to answer (standard and direct
 * preview), the customer's contact details with Accept, Skip, Remove and Leave
 * campaign (only those the campaign and the dialer allow), the countdown to the
 * automatic action, a failed attempt with the way to the next contact, the
 * concurrent-call limit and any error. Renders from the campaign store found
 * through context, or from its `view` property when a host drives it.
 *
 * @fires campaign-request-contact - Before asking the dialer for a contact. Cancelable.
 * @fires campaign-answer-reservation - Before answering the reservation call. Cancelable.
 * @fires campaign-accept - Before accepting the contact (detail names the phone number). Cancelable. Also at the deadline, with `detail.source` `timeout`.
 * @fires campaign-skip - Before skipping the contact. Cancelable. Also at the deadline, with `detail.source` `timeout`.
 * @fires campaign-remove - Before removing the contact from the campaign. Cancelable. Also at the deadline, with `detail.source` `timeout`.
 * @fires campaign-leave - Before leaving the campaign. Cancelable.
 * @fires campaign-schedule-callback - Before scheduling a callback for the contact. Cancelable.
 * @fires campaign-preview-change - The dialog moved to another step.
 * @fires campaign-error - A command failed or the dialer sent something unreadable.
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
 * @csspart answer-button - The Answer button of the reservation step.
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

  /** The current step, reflected for styling (`closed`, `reservation`, `waiting`, `offer`, `attempt-failed`). */
  @property({reflect: true}) step = 'closed';

  @state() private chosenNumber: string | null = null;
  @state() private skipReason: string | null = null;
  @state() private doNotCall = false;
  /** The agent tried to skip without the reason the campaign requires. */
  @state() private needsReason = false;
  @state() private announcement = '';

  private readonly store = new StoreController(this, (store) => store.preview$);
  private readonly ticks = new TickController(this);
  private readonly i18n = new LocalizeController(this);
  private readonly callback = new CallbackForm(this);
  private lastNoticeId = 0;
  private guard: {store: CampaignStore; release: () => void} | null = null;
  private lastAnnounced: {offerId: string; at: number} | null = null;

  constructor() {
    super();
    new ShortcutController<Decision>(
      this,
      () => this.bindings,
      () => this.current?.step === 'offer',
      (action) => this.decide(action),
    );
  }

  private get current(): PreviewView | undefined {
    return this.view ?? this.store.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const view = this.current;
    const step = view?.step ?? 'closed';
    if (step !== this.step) this.step = step;
    if (view?.offer?.offerId !== this.lastAnnounced?.offerId) {
      this.chosenNumber = null;
      this.skipReason = null;
      this.doNotCall = false;
      this.needsReason = false;
    }
    this.callback.follow(view?.offer?.offerId ?? null);
    this.ticks.active = view?.countdown != null || view?.offer?.campaign.callingWindow != null;
    this.announce(view, changed.has('step'));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.guardTimeouts(undefined);
  }

  /** Lets hosts veto the kit's timeout action through the same intent events, `source: 'timeout'`. */
  private guardTimeouts(store: CampaignStore | undefined): void {
    if (this.guard?.store === store) return;
    this.guard?.release();
    this.guard = store
      ? {store, release: store.addTimeoutGuard((intent) => this.dispatchEvent(new CampaignIntentEvent(intent, 'timeout')))}
      : null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.guardTimeouts(this.view || !this.isConnected ? undefined : this.store.store);
    if (changed.has('step') && changed.get('step') !== undefined) {
      this.dispatchEvent(new CampaignPreviewChangeEvent({step: this.step as PreviewView['step']}));
      this.takeFocus();
    }
    for (const notice of this.current?.notices ?? []) {
      if (notice.id > this.lastNoticeId) {
        this.lastNoticeId = notice.id;
        this.dispatchEvent(new CampaignErrorEvent(notice));
      }
    }
  }

  /**
   * Moves focus to the dialog when it changes step and focus was lost (the
   * button just pressed is gone) or was already inside it, or back to the
   * Campaign button when the dialog closed; never steals focus from whatever
   * else the agent is working in.
   */
  private takeFocus(): void {
    const active = document.activeElement;
    const lost = active === null || active === document.body;
    if (!lost && active !== this) return;
    const target =
      this.renderRoot.querySelector<HTMLElement>('[role=dialog]') ??
      this.renderRoot.querySelector<HTMLElement>('[part=campaign-button]');
    target?.focus({preventScroll: true});
  }

  /** Announces a new contact and the countdown at a few thresholds, not every second. */
  private announce(view: PreviewView | undefined, stepChanged: boolean): void {
    const msg = this.i18n.msg;
    const offer = view?.offer;
    if (!offer) {
      this.lastAnnounced = null;
      if (stepChanged && view?.step === 'waiting') this.announcement = msg.waitingForContact;
      return;
    }
    const seconds = view.countdown ? Math.ceil(remainingMs(view.countdown.deadline, this.ticks.now()) / 1000) : Infinity;
    if (this.lastAnnounced?.offerId !== offer.offerId) {
      // One announcement for the new contact; thresholds already reached are not repeated.
      this.lastAnnounced = {offerId: offer.offerId, at: seconds + 1};
      this.announcement = msg.contactOffered(offer.contact.name);
      return;
    }
    const threshold = ANNOUNCE_AT.find((t) => t === seconds && t < this.lastAnnounced!.at);
    if (view.countdown && threshold !== undefined) {
      this.lastAnnounced = {offerId: offer.offerId, at: threshold};
      this.announcement = msg.countdownAnnouncement(view.countdown.action, threshold, formatCount(threshold, this.i18n.lang));
    }
  }

  private get bindings(): Partial<Record<Decision, Shortcut | null>> {
    return this.noShortcuts ? {} : {...DEFAULT_SHORTCUTS, ...this.shortcuts};
  }

  /**
   * The decisions to offer now. Accept also follows the contact's calling
   * window as the clock moves, which the view alone cannot.
   */
  private allowedDecisions(view: PreviewView, now: number): Record<Decision, boolean> {
    const offer = view.offer;
    const window = offer?.campaign.callingWindow;
    const windowOpen = !window?.enforce || withinCallingWindow(window, offer!.contact.timeZone, now);
    const accept = (view.actions.accept || view.acceptBlocked === 'calling-window') && windowOpen;
    return {...view.actions, accept};
  }

  /** Accept, Skip, Remove or Leave on the offer shown, if the campaign and the dialer allow it. */
  private decide(action: Decision): void {
    const view = this.current;
    const offer = view?.offer;
    if (!offer || !this.allowedDecisions(view, this.ticks.now())[action]) return;
    const {offerId, campaign, contact} = offer;
    switch (action) {
      case 'accept':
        this.intent({type: 'accept', offerId, phoneNumber: this.chosenNumber ?? contact.phoneNumbers[0].number});
        return;
      case 'skip':
        if (campaign.skipReasons?.required && !this.skipReason) {
          this.needsReason = true;
          this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=skip-reason] select')?.focus());
          return;
        }
        this.intent(this.skipReason ? {type: 'skip', offerId, reason: this.skipReason} : {type: 'skip', offerId});
        return;
      case 'remove':
        this.intent(this.doNotCall ? {type: 'remove', offerId, doNotCall: true} : {type: 'remove', offerId});
        return;
      case 'leave':
        this.intent({type: 'leave', offerId});
    }
  }

  private async dismiss(id: number): Promise<void> {
    this.store.store?.dispatch({type: 'dismiss-notice', id});
    await this.updateComplete;
    this.takeFocus();
  }

  private intent(intent: ElementIntent): void {
    sendIntent(this, this.view ? undefined : this.store.store, intent);
  }

  protected override render(): TemplateResult {
    const view = this.current;
    const msg = this.i18n.msg;
    return html`
      ${view?.campaignButton.visible ? this.renderCampaignButton(view, msg) : nothing}
      ${view && (view.step !== 'closed' || view.limit || view.notices.length) ? this.renderDialog(view, msg) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderCampaignButton(view: PreviewView, msg: Messages): TemplateResult {
    const {enabled, callInProgress} = view.campaignButton;
    const hint = enabled
      ? msg.campaignButtonHint
      : callInProgress
        ? msg.campaignButtonBusy
        : msg.campaignButtonUnavailable;
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
      <span id="campaign-hint" class="visually-hidden">${hint}</span>`;
  }

  private renderDialog(view: PreviewView, msg: Messages): TemplateResult {
    const title = view.step === 'reservation' ? msg.reservationTitle : msg.campaignContact;
    return html`<section part="dialog" class="dialog" role="dialog" aria-labelledby="title" tabindex="-1">
      <h2 id="title" part="title">${title}</h2>
      ${view.notices.map((notice) => this.renderNotice(notice, msg))}
      ${view.limit
        ? html`<div part="limit" class="limit" role="alert">
            <strong>${msg.limitTitle}</strong>
            <span class="code">${view.limit.code}</span>
            <span>${view.limit.message}</span>
          </div>`
        : nothing}
      ${view.lastFailure
        ? html`<p class="failure" role="alert">
            ${msg.attemptFailed(view.lastFailure.contactName, reasonText(msg, view.lastFailure.reason))}
          </p>`
        : nothing}
      ${this.renderStep(view, msg)}
    </section>`;
  }

  private renderStep(view: PreviewView, msg: Messages): TemplateResult | typeof nothing {
    switch (view.step) {
      case 'reservation': {
        const reservation = view.reservation!;
        return html`<p>${msg.reservationText(reservation.campaign.name)}</p>
          ${reservation.campaign.mode === 'direct' ? html`<p class="hint">${msg.directHint}</p>` : nothing}
          <div part="actions" class="actions">
            <button
              part="answer-button"
              class="primary"
              aria-disabled=${reservation.answering ? 'true' : 'false'}
              @click=${() =>
                !reservation.answering &&
                this.intent({type: 'answer-reservation', reservationId: reservation.reservationId})}
            >
              ${msg.answer}
            </button>
          </div>`;
      }
      case 'waiting':
        return html`<p class="waiting">${msg.waitingForContact}</p>`;
      case 'offer':
        return this.renderOffer(view, msg);
      case 'attempt-failed':
        return view.campaignButton.visible
          ? html`<div part="actions" class="actions">
              <button
                part="next-button"
                class="primary"
                aria-disabled=${view.campaignButton.enabled ? 'false' : 'true'}
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

  private renderOffer(view: PreviewView, msg: Messages): TemplateResult {
    const {offer, countdown} = view;
    const {contact, campaign} = offer!;
    const now = this.ticks.now();
    const allowed = this.allowedDecisions(view, now);
    const number = this.chosenNumber ?? contact.phoneNumbers[0].number;
    const acceptBlocked = view.acceptBlocked === 'limit' ? msg.acceptBlockedByLimit : !allowed.accept && view.acceptBlocked ? msg.acceptBlockedByWindow : null;
    return html`
      <slot name="contact-header">
        <div part="contact" class="contact">
          <span class="avatar">${contactIcon}</span>
          <div>
            <p class="name">${contact.name}</p>
            <p class="campaign">${campaign.name} · ${msg.modes[campaign.mode]}</p>
          </div>
        </div>
      </slot>
      ${campaign.mode === 'direct' ? html`<p class="hint">${msg.directHint}</p>` : nothing}
      ${parts.numbers(contact, campaign, number, msg, (chosen) => (this.chosenNumber = chosen))}
      ${parts.callingWindow(campaign, contact, now, msg)}
      ${contact.details.length
        ? html`<dl part="details" class="details" aria-label=${msg.details}>
            ${contact.details.map((d) => html`<div><dt>${d.label}</dt><dd>${d.value}</dd></div>`)}
          </dl>`
        : nothing}
      <slot name="details"></slot>
      ${parts.history(contact, this.i18n.lang, msg)}
      ${this.callback.render({
        campaign,
        contact,
        scheduledAt: offer!.callbackAt,
        now,
        lang: this.i18n.lang,
        msg,
        schedule: (request) => this.intent({type: 'schedule-callback', offerId: offer!.offerId, ...request}),
      })}
      ${countdown ? this.renderCountdown(countdown, msg) : nothing}
      ${acceptBlocked ? html`<p class="hint">${acceptBlocked}</p>` : nothing}
      ${allowed.skip ? parts.skipReason(campaign, this.skipReason, msg, (code) => (this.skipReason = code)) : nothing}
      ${allowed.remove && campaign.allowDoNotCall ? parts.doNotCall(this.doNotCall, msg, (on) => (this.doNotCall = on)) : nothing}
      ${this.needsReason ? html`<p class="hint" role="alert">${msg.skipNeedsReason}</p>` : nothing}
      <div part="actions" class="actions">
        ${DECISIONS.filter((action) => allowed[action]).map((action) => {
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
    return html`<p part="countdown" class="countdown" role="timer" aria-live="off">${text}</p>`;
  }

  private renderNotice(notice: Notice, msg: Messages): TemplateResult {
    const title = notice.kind === 'invalid-event' ? msg.invalidEvent : msg.errorTitle;
    return html`<div part="notice" class="notice" role="alert">
      <p><strong>${title}</strong> <span class="code">${notice.code}</span></p>
      <p class="message">${notice.code === 'offline' ? msg.offline : notice.message}</p>
      ${this.view
        ? nothing
        : html`<button class="quiet" @click=${() => this.dismiss(notice.id)}>
            ${msg.dismiss}
          </button>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'campaign-preview': CampaignPreview;
  }
}
