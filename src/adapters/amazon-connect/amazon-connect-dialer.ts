/**
 * The kit on Amazon Connect's agent-first preview campaigns, through the
 * host's `amazon-connect-streams` (an optional peer dependency the adapter
 * never imports: it takes the library's global `connect`).
 *
 * A campaign-preview voice contact arriving `incoming` is the reservation: it
 * rings, and answering it is `contact.accept()`. Once it is connected in
 * preview mode the customer is shown with Amazon Connect's countdown
 * (`autoDialTimeout`, from the accept); Accept is `engagePreviewContact()`,
 * and at the end of the countdown Amazon Connect dials by itself
 * (`enforcesTimeout`, auto action accept). The customer's leg gives the call's
 * progress; End call hangs up the agent's leg, as the CCP does; after-call
 * work is the wrap-up, ended by clearing the contact.
 *
 * Everything is read from the agent's snapshot on each refresh, so the first
 * one (after a reload too) gives the whole situation as one protocol 1.1
 * snapshot and the later ones give the changes.
 */
import {Observable} from 'rxjs';
import type {Capabilities} from '../../core/state.js';
import {
  describeError,
  excerpt,
  type DialerCommand,
  type DialerCommandType,
  type DialerEvent,
  type DialerEventOf,
  type Reason,
  type Snapshot,
} from '../../protocol/index.js';
import {BufferedEvents} from '../buffered-events.js';
import {DialerError, type DialerAdapter} from '../dialer-adapter.js';
import {
  campaignOf,
  customerConnection,
  customerOf,
  deadlineOf,
  failureOf,
  missedCall,
  phaseOf,
  stateSince,
  type ContactDescription,
  type PreviewPhase,
} from './preview-contact.js';
import type {
  PreviewConfiguration,
  StreamsAgent,
  StreamsCallbacks,
  StreamsConnect,
  StreamsConnection,
  StreamsContact,
  StreamsSubscription,
} from './streams-types.js';

export interface AmazonConnectDialerOptions {
  /**
   * Whether the kit's Skip or Remove discards a preview when Amazon Connect
   * allows it (`canDiscardPreview`). Default `skip`: Amazon Connect does not
   * say whether a discarded contact is dialled again later.
   */
  readonly discardAs?: 'skip' | 'remove';
  /** The host's reading of a contact (name, number, campaign, details) in place of the attributes read by default. */
  readonly describe?: (contact: StreamsContact) => ContactDescription;
  /**
   * The codes the after-call work offers (Streams has no disposition codes:
   * any of them clears the contact). Default one code, `done`, "Done".
   */
  readonly wrapUpCodes?: readonly Reason[];
  /** The clock, for tests. */
  readonly now?: () => number;
}

/** Where the kit stands on a followed contact: what it was last told. */
type Shown = 'reservation' | 'answered' | 'offer' | 'call' | 'wrap-up';

interface Followed {
  readonly contactId: string;
  contact: StreamsContact;
  shown: Shown;
  /** When the reservation rang, on the page's clock: the preview's start (R-U3). */
  readonly since: number;
  /** The preview configuration, once Amazon Connect gave it. */
  configuration: PreviewConfiguration | null;
  /** Asked for, and not yet answered. */
  asking: boolean;
  /** The agent's discard on its way: the contact's end is theirs. */
  discarding: 'skip' | 'remove' | null;
  /** The customer answered: a leg that goes down now is a hang-up, not a failure. */
  answered: boolean;
}

const DEFAULT_WRAP_UP: readonly Reason[] = [{code: 'done', label: 'Done'}];
const MAX_REASON = 200;

/** Connects the kit to Amazon Connect through Streams. Call `dispose()` when the host is done with it. */
export class AmazonConnectDialer implements DialerAdapter {
  readonly capabilities: Capabilities;
  readonly events$: Observable<unknown>;

  /** The first snapshot goes to the store, whenever it subscribes. */
  private readonly events = new BufferedEvents<DialerEvent>();
  private readonly followed = new Map<string, Followed>();
  private readonly subscriptions: StreamsSubscription[] = [];
  private agent: StreamsAgent | null = null;
  private agentState: string | null = null;
  private readonly now: () => number;
  private readonly discardAs: 'skip' | 'remove';
  private readonly wrapUp: ReturnType<typeof wrapUpOf>;

  /** @param connect the global `connect` of `amazon-connect-streams`, after `connect.core.initCCP(...)`. */
  constructor(
    private readonly connect: StreamsConnect,
    private readonly options: AmazonConnectDialerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.discardAs = options.discardAs ?? 'skip';
    this.wrapUp = wrapUpOf(options.wrapUpCodes ?? DEFAULT_WRAP_UP);
    const actions: DialerCommandType[] = [
      'answer-reservation',
      'accept',
      this.discardAs,
      'cancel-call',
      'end-call',
      'set-disposition',
      'set-agent-state',
    ];
    this.capabilities = {enforcesTimeout: true, actions};
    this.events$ = this.events.events$;
    this.subscriptions.push(
      connect.agent((agent) =>
        this.guard(() => {
          if (this.agent) return;
          this.agent = agent;
          this.subscriptions.push(agent.onRefresh((refreshed) => this.guard(() => this.refresh(refreshed))));
          this.resume(agent);
        }),
      ),
    );
  }

  send(command: DialerCommand): Observable<void> {
    switch (command.type) {
      case 'answer-reservation':
        return this.onContact(command.reservationId, ['reservation'], (followed, callbacks) => followed.contact.accept(callbacks));
      case 'accept':
        return this.onContact(command.offerId, ['offer'], (followed) => followed.contact.engagePreviewContact());
      case 'skip':
      case 'remove':
        return this.discard(command.type, command.offerId);
      case 'cancel-call':
        return this.onContact(command.callId, ['call'], (followed, callbacks) => {
          const leg = customerConnection(followed.contact);
          if (!leg) throw new DialerError('no-customer-leg', 'Amazon Connect has no customer call to end.');
          leg.destroy(callbacks);
        });
      case 'end-call':
        return this.onContact(command.callId, ['call'], (followed, callbacks) => {
          if (!followed.answered) throw new DialerError('not-connected', 'The customer has not answered: cancel the call instead.');
          agentLeg(followed).destroy(callbacks);
        });
      case 'set-disposition':
        if (!this.wrapUp.codes.some((code) => code.code === command.code)) {
          return refuse('unknown-code', `There is no after-call code ${command.code}.`);
        }
        return this.onContact(command.callId, ['wrap-up'], (followed, callbacks) => followed.contact.clear(callbacks));
      case 'set-agent-state':
        return this.setAgentState(command.state, command.reason);
      default:
        return refuse('unsupported', `Amazon Connect cannot ${command.type}.`);
    }
  }

  /** Releases every subscription to Streams and ends the event stream. */
  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
    this.followed.clear();
    this.events.complete();
  }

  private emit(event: DialerEvent): void {
    this.events.emit(event);
  }

  /** Never throws into Streams (it calls listeners inside its own event handling): a snapshot it cannot read becomes a visible error. */
  private guard(run: () => void): void {
    try {
      run();
    } catch (error) {
      const reason = excerpt(describeError(error, 'no reason given').message, MAX_REASON);
      this.emit({
        type: 'stream-error',
        code: 'amazon-connect-bad-snapshot',
        message: `An Amazon Connect snapshot could not be read (${reason}).`,
      });
    }
  }

  private previews(agent: StreamsAgent): StreamsContact[] {
    return agent.getContacts('voice').filter((contact) => contact.isCampaignPreview());
  }

  private description(contact: StreamsContact): ContactDescription {
    return this.options.describe?.(contact) ?? {};
  }

  private skew(): number {
    const skew = Number(this.connect.core.getSkew());
    return Number.isFinite(skew) ? skew : 0;
  }

  // --- From Streams ---------------------------------------------------------

  /** The first snapshot: the agent and the preview contact as they are now, as one snapshot. */
  private resume(agent: StreamsAgent): void {
    const state = agent.getState();
    this.agentState = stateKey(state);
    const contact = this.previews(agent).find((c) => !['missed', 'rejected'].includes(phaseOf(c, state)));
    const followed = contact ? this.follow(contact) : null;
    const phase = contact ? phaseOf(contact, state) : null;
    if (followed && phase) {
      followed.shown = shownFor(phase);
      followed.answered = phase === 'connected';
    }
    this.emit(this.snapshot(agent, followed, phase));
    if (followed && phase === 'previewing') this.askConfiguration(followed);
  }

  private snapshot(agent: StreamsAgent, followed: Followed | null, phase: PreviewPhase | null): Snapshot {
    const campaign = followed ? this.campaign(followed) : null;
    const base: Snapshot = {
      type: 'snapshot',
      agent: agentStateOf(agent.getState()),
      requesting: false,
      reservation: null,
      offer: null,
      call: null,
      lastFailure: null,
      limit: null,
    };
    if (!followed || !campaign || !phase) return base;
    const {shown} = followed;
    if (shown === 'reservation' || shown === 'answered') {
      return {
        ...base,
        reservation: {reservationId: followed.contactId, campaign, at: followed.since, answered: shown === 'answered', answering: false},
      };
    }
    const contact = customerOf(followed.contact, this.description(followed.contact));
    return {
      ...base,
      call: {
        callId: followed.contactId,
        offerId: followed.contactId,
        campaign,
        contact,
        phoneNumber: contact.phoneNumbers[0].number,
        startedAt: followed.since,
        phase: shown === 'wrap-up' ? 'ended' : phase === 'ringing-customer' ? 'ringing' : 'connected',
        cpa: null,
        failReason: null,
        cancelling: false,
        voicemailLeft: false,
        wrapUp: shown === 'wrap-up' ? {deadline: null, disposition: null} : null,
        callbackAt: null,
      },
    };
  }

  private follow(contact: StreamsContact): Followed {
    const followed: Followed = {
      contactId: contact.getContactId(),
      contact,
      shown: 'reservation',
      since: stateSince(contact, this.skew(), this.now()),
      configuration: null,
      asking: false,
      discarding: null,
      answered: false,
    };
    this.followed.set(followed.contactId, followed);
    return followed;
  }

  private campaign(followed: Followed) {
    const canDiscard = followed.configuration?.canDiscardPreview === true;
    const discard = {skip: canDiscard && this.discardAs === 'skip', remove: canDiscard && this.discardAs === 'remove'};
    return campaignOf(followed.contact, this.description(followed.contact), discard, this.wrapUp);
  }

  /** Each later snapshot: the agent's state, then each preview contact's step. */
  private refresh(agent: StreamsAgent): void {
    this.agent = agent;
    const state = agent.getState();
    const key = stateKey(state);
    const seen = new Set<string>();
    for (const contact of this.previews(agent)) {
      seen.add(contact.getContactId());
      this.step(contact, phaseOf(contact, state), state);
    }
    for (const followed of [...this.followed.values()]) if (!seen.has(followed.contactId)) this.gone(followed, missedCall(state));
    if (key !== this.agentState) {
      this.agentState = key;
      this.emit(agentStateEvent(state));
    }
  }

  private step(contact: StreamsContact, phase: PreviewPhase, agentState: {type: string; name: string}): void {
    let followed = this.followed.get(contact.getContactId());
    if (!followed) {
      // A contact first seen on a call is not the kit's to take over mid-way; one the
      // agent's phone answered by itself (auto-accept) still starts as the reservation.
      if (phase !== 'ringing' && phase !== 'answering' && phase !== 'previewing') return;
      followed = this.follow(contact);
      this.emit({type: 'reservation-offered', reservationId: followed.contactId, campaign: this.campaign(followed), at: followed.since});
    }
    followed.contact = contact;
    const {contactId} = followed;
    switch (phase) {
      case 'ringing':
        return;
      case 'missed':
      case 'rejected':
        if (followed.shown === 'reservation') {
          this.followed.delete(contactId);
          this.emit({type: 'reservation-withdrawn', reservationId: contactId, reason: phase === 'missed' ? 'missed' : 'withdrawn'});
        }
        return;
      case 'answering':
        this.answered(followed);
        return;
      case 'previewing':
        this.answered(followed);
        this.askConfiguration(followed);
        return;
      case 'ringing-customer':
      case 'connected':
        this.offered(followed);
        if (followed.shown === 'offer') {
          followed.shown = 'call';
          this.emit({type: 'call-progress', offerId: contactId, callId: contactId, phase: 'ringing'});
        }
        if (phase === 'connected' && !followed.answered) {
          followed.answered = true;
          this.emit({type: 'call-progress', offerId: contactId, callId: contactId, phase: 'connected'});
        }
        return;
      case 'customer-gone':
      case 'failed':
        // After a conversation the contact ends next (after-call work): the customer hung up.
        if (followed.shown === 'call' && !(phase === 'customer-gone' && followed.answered)) {
          followed.shown = 'wrap-up';
          this.emit({type: 'call-failed', callId: contactId, reason: failureOf(agentState)});
        }
        return;
      case 'after-call':
        this.afterCall(followed);
        return;
    }
  }

  private answered(followed: Followed): void {
    if (followed.shown !== 'reservation') return;
    followed.shown = 'answered';
    this.emit({type: 'reservation-answered', reservationId: followed.contactId});
  }

  /** The preview's countdown and whether it may be discarded, asked once. */
  private askConfiguration(followed: Followed): void {
    if (followed.configuration || followed.asking) return;
    followed.asking = true;
    const contact = followed.contact;
    contact
      .isPreviewMode()
      .then((preview) => (preview ? contact.getPreviewConfiguration() : null))
      .then(
        (configuration) => {
          followed.asking = false;
          if (this.followed.get(followed.contactId) !== followed) return;
          if (!configuration) {
            this.emit({
              type: 'stream-error',
              code: 'amazon-connect-not-preview',
              message: `Amazon Connect contact ${followed.contactId} is not in preview mode.`,
            });
            return;
          }
          followed.configuration = configuration;
          if (followed.shown === 'answered') this.offered(followed);
        },
        (error: unknown) => {
          followed.asking = false;
          const reason = excerpt(describeError(error, 'no reason given').message, MAX_REASON);
          this.emit({
            type: 'stream-error',
            code: 'amazon-connect-preview-unavailable',
            message: `Amazon Connect did not give the preview (${reason}).`,
          });
        },
      );
  }

  /** The contact is shown (once): with the countdown when the configuration is known, without it when the dial came first. */
  private offered(followed: Followed): void {
    this.answered(followed);
    if (followed.shown !== 'answered') return;
    followed.shown = 'offer';
    const offeredAt = stateSince(followed.contact, this.skew(), this.now());
    const deadline = followed.configuration ? deadlineOf(offeredAt, followed.configuration) : null;
    this.emit({
      type: 'contact-offered',
      offerId: followed.contactId,
      campaign: {...this.campaign(followed), timeoutMs: deadline === null ? 0 : deadline - offeredAt},
      contact: customerOf(followed.contact, this.description(followed.contact)),
      offeredAt,
      deadline,
    } satisfies DialerEventOf<'contact-offered'>);
  }

  private afterCall(followed: Followed): void {
    const {contactId, shown} = followed;
    if (shown === 'call') {
      followed.shown = 'wrap-up';
      this.emit({type: 'call-ended', callId: contactId, at: this.now(), wrapUp: true});
    } else if (shown === 'offer' || shown === 'answered') {
      // Discarded (by the agent here, or elsewhere) before the customer was dialled: nothing to wrap up.
      this.followed.delete(contactId);
      const reason = followed.discarding === 'remove' ? 'removed' : followed.discarding === 'skip' ? 'skipped' : 'withdrawn';
      if (shown === 'offer') this.emit({type: 'offer-withdrawn', offerId: contactId, reason});
      else this.emit({type: 'reservation-withdrawn', reservationId: contactId, reason: 'withdrawn'});
      followed.contact.clear();
    } else if (shown === 'reservation') {
      this.followed.delete(contactId);
      this.emit({type: 'reservation-withdrawn', reservationId: contactId, reason: 'withdrawn'});
    }
  }

  /** The contact left the snapshot (cleared or destroyed; a ringing one that left the agent in MissedCallAgent was missed). */
  private gone(followed: Followed, missed: boolean): void {
    this.followed.delete(followed.contactId);
    const {contactId, shown} = followed;
    if (shown === 'reservation')
      this.emit({type: 'reservation-withdrawn', reservationId: contactId, reason: missed ? 'missed' : 'withdrawn'});
    else if (shown === 'answered') this.emit({type: 'reservation-withdrawn', reservationId: contactId, reason: 'withdrawn'});
    else if (shown === 'offer') this.emit({type: 'offer-withdrawn', offerId: contactId, reason: 'withdrawn'});
    else if (shown === 'call') this.emit({type: 'call-ended', callId: contactId, at: this.now(), wrapUp: false});
  }

  // --- Commands -------------------------------------------------------------

  /** A discard ends the agent's leg of the preview contact before the customer is dialled; its after-call work is cleared. */
  private discard(action: 'skip' | 'remove', offerId: string): Observable<void> {
    if (action !== this.discardAs) return refuse('unsupported', `Amazon Connect's discard is the kit's ${this.discardAs} here.`);
    return this.onContact(offerId, ['offer'], (followed, callbacks) => {
      if (!followed.configuration?.canDiscardPreview)
        throw new DialerError('discard-not-allowed', 'This campaign does not let the agent discard a preview.');
      const leg = agentLeg(followed);
      followed.discarding = action;
      leg.destroy(callbacks);
    });
  }

  private setAgentState(state: 'available' | 'not-ready', reason: string | undefined): Observable<void> {
    const agent = this.agent;
    if (!agent) return refuse('not-ready-yet', 'Amazon Connect has not given the agent yet.');
    const states = agent.getAgentStates();
    const target =
      state === 'available'
        ? states.find((s) => s.type === 'routable')
        : (states.find((s) => s.type === 'not_routable' && s.name === reason) ?? states.find((s) => s.type === 'not_routable'));
    if (!target) return refuse('no-agent-state', `The agent has no ${state === 'available' ? 'routable' : 'not routable'} state.`);
    return call((callbacks) => agent.setState(target, callbacks), `Amazon Connect did not change the agent state to ${target.name}.`);
  }

  /** Runs a Streams call on a followed contact the kit shows as one of `shown`. */
  private onContact(
    id: string,
    shown: readonly Shown[],
    run: (followed: Followed, callbacks: StreamsCallbacks) => unknown,
  ): Observable<void> {
    const followed = this.followed.get(id);
    if (!followed || !shown.includes(followed.shown)) return refuse('unknown-contact', `Amazon Connect has no such contact now (${id}).`);
    return call((callbacks) => run(followed, callbacks), 'Amazon Connect refused the request.');
  }
}

/**
 * A Streams call as an Observable: it completes on the library's `success`
 * (or its promise), errors on `failure` (or a rejection or a throw).
 */
function call(run: (callbacks: StreamsCallbacks) => unknown, message: string): Observable<void> {
  return new Observable<void>((subscriber) => {
    const fail = (error: unknown) => subscriber.error(error instanceof DialerError ? error : new DialerError(codeOf(error), message));
    const callbacks: StreamsCallbacks = {success: () => subscriber.complete(), failure: (error) => fail(error)};
    try {
      const result = run(callbacks);
      if (isPromise(result)) result.then(() => subscriber.complete(), fail);
    } catch (error) {
      fail(error);
    }
  });
}

function isPromise(value: unknown): value is Promise<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as {then?: unknown}).then === 'function';
}

/**
 * The code of a Streams failure: the SDK rejects with `{errorKey, reason}`;
 * the CCP's client calls fail with a JSON string of `{type, message}`.
 */
function codeOf(error: unknown): string {
  const fields = (value: unknown) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  let parsed: unknown = error;
  if (typeof error === 'string') {
    try {
      parsed = JSON.parse(error);
    } catch {
      parsed = error;
    }
  }
  const code = fields(parsed).errorKey ?? fields(parsed).type;
  return excerpt(typeof code === 'string' && code !== '' ? code : describeError(parsed, 'amazon-connect-error').message, 100);
}

/** The agent's own leg of the contact: destroying it is the agent hanging up (Streams' `connection.destroy()`, "end live contacts"). */
function agentLeg(followed: Followed): StreamsConnection {
  const leg = followed.contact.getAgentConnection();
  if (!leg) throw new DialerError('no-agent-leg', 'Amazon Connect has no agent connection to end.');
  return leg;
}

function refuse(code: string, message: string): Observable<void> {
  return new Observable<void>((subscriber) => subscriber.error(new DialerError(code, message)));
}

function wrapUpOf(codes: readonly Reason[]) {
  return {codes: [...codes], allowNote: false, timeoutMs: 0};
}

function stateKey(state: {type: string; name: string}): string {
  return `${state.type}:${state.name}`;
}

/** Routable is Available; anything else is Not ready with the state's name (`MissedCallAgent` after a missed contact). */
function agentStateOf(state: {type: string; name: string}): {state: 'available' | 'not-ready'; reason: string | null} {
  return state.type === 'routable' ? {state: 'available', reason: null} : {state: 'not-ready', reason: state.name || state.type};
}

function agentStateEvent(state: {type: string; name: string}): DialerEvent {
  const {state: value, reason} = agentStateOf(state);
  return reason === null ? {type: 'agent-state', state: value} : {type: 'agent-state', state: value, reason};
}

/** What the kit is shown of a contact found in the first snapshot. */
function shownFor(phase: PreviewPhase): Shown {
  switch (phase) {
    case 'ringing':
      return 'reservation';
    case 'answering':
    case 'previewing':
      return 'answered';
    case 'ringing-customer':
    case 'connected':
      return 'call';
    default:
      return 'wrap-up';
  }
}
