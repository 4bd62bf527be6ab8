/**
 * The kit on the Webex Contact Center JS SDK (`@webex/contact-center`, an
 * optional peer dependency): its campaign previews become the kit's offers,
 * the kit's commands become SDK calls, and the task's events become call
 * progress. It reads tasks the way Webex's own campaign-preview widgets do
 * (see webex-task.ts and the README's Webex table).
 *
 * The SDK's own dialer applies a campaign's auto action at the offer's expiry,
 * so this adapter declares `enforcesTimeout` and the kit only shows the
 * countdown. Skip and remove exist only in newer SDKs: they are offered when
 * the installed SDK has them.
 */
import type {Observable} from 'rxjs';
import type {ContactCenter, ITask, Profile, TaskData} from '@webex/contact-center';
import type {Capabilities} from '../../core/state.js';
import {
  describeError,
  excerpt,
  type DialerCommand,
  type DialerCommandOf,
  type DialerCommandType,
  type DialerEvent,
  type DialerEventOf,
} from '../../protocol/index.js';
import {BufferedEvents} from '../buffered-events.js';
import {DialerError, type DialerAdapter} from '../dialer-adapter.js';
import {deskSnapshot, type TaskPhase} from './webex-desk.js';
import {errorCode, failureReason, refuse, settle, toDialerError} from './webex-requests.js';
import {
  contactOffered,
  inWrapUp,
  isOtherCustomer,
  isPendingPreview,
  isReservation,
  nextContact,
  previewModeOf,
  readContact,
  readSettings,
  startedAt,
  type CampaignExtras,
  type PreviewContact,
  type PreviewSettings,
} from './webex-task.js';

type PreviewPayload = Parameters<ContactCenter['acceptPreviewContact']>[0];
type PreviewCall = (payload: PreviewPayload) => Promise<unknown>;
type AgentStatePayload = Parameters<ContactCenter['setAgentState']>[0];
// The SDK's emitters take listeners of any arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => void;

/**
 * The parts of `webex.cc` the adapter uses. `ContactCenter` from the SDK
 * satisfies it; `skipPreviewContact` and `removePreviewContact` come with
 * newer SDKs.
 */
export interface WebexContactCenter {
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  acceptPreviewContact: PreviewCall;
  skipPreviewContact?: PreviewCall;
  removePreviewContact?: PreviewCall;
  setAgentState?: (data: AgentStatePayload) => Promise<unknown>;
}

/** The parts of an SDK task the adapter uses. */
export type WebexTask = Pick<ITask, 'on' | 'off' | 'wrapup' | 'end'> & {readonly data: TaskData};

export interface WebexDialerOptions {
  /**
   * The agent's profile, as `webex.cc.register()` returns it: its wrap-up
   * codes become the campaign's dispositions, its idle codes the reasons for
   * Not ready, and its `deviceType` (`BROWSER` after a browser station login)
   * whether a ringing preview call can be cancelled from the kit. A connected
   * call can be ended from the kit in browser telephony, or on any phone when
   * the tenant allows ending calls from the desktop (`isEndCallEnabled`), as
   * Webex's own call controls offer End.
   */
  readonly profile?: Pick<Profile, 'wrapupCodes' | 'idleCodes'> & Partial<Pick<Profile, 'deviceType' | 'isEndCallEnabled'>>;
  /**
   * Tasks the SDK raised before the adapter existed, such as during
   * `register()` after a reload: calls (`task:hydrate`) and pending previews
   * (`task:incoming`). The kit resumes them, from one snapshot.
   */
  readonly hydrated?: Iterable<WebexTask>;
  /** The clock, for tests. */
  readonly now?: () => number;
}

/** The SDK's event names the adapter listens to (from the SDK's `TASK_EVENTS`, `AGENT_EVENTS` and `CC_EVENTS`). */
export const WEBEX_EVENTS = {
  reservation: 'task:campaignPreviewReservation',
  hydrate: 'task:hydrate',
  incoming: 'task:incoming',
  agentState: 'agent:stateChange',
  assigned: 'task:assigned',
  outdialFailed: 'task:outdialFailed',
  rejected: 'task:rejected',
  end: 'task:end',
  wrappedUp: 'task:wrappedup',
  /** Raw dialer messages `webex.cc` re-emits under their own type. */
  raw: {contactUpdated: 'CampaignContactUpdated', acceptFailed: 'CampaignPreviewAcceptFailed', endFailed: 'AgentContactEndFailed'},
  /** Task events of newer SDKs. */
  contactUpdated: 'task:campaignContactUpdated',
  failed: {
    accept: 'task:campaignPreviewAcceptFailed',
    skip: 'task:campaignPreviewSkipFailed',
    remove: 'task:campaignPreviewRemoveFailed',
  },
} as const;

type PreviewAction = keyof typeof WEBEX_EVENTS.failed;

interface Tracked {
  /** The task's key: its interaction id when it was first seen (Webex re-keys an accepted call). */
  readonly key: string;
  readonly task: WebexTask;
  /** The kit's id for the contact on show; each next contact on the task gets a new one. */
  offerId: string;
  /** How many contacts the task has offered. */
  contacts: number;
  settings: PreviewSettings;
  contact: PreviewContact;
  /** The contact's `contact-offered` event, as last sent. */
  offer: DialerEventOf<'contact-offered'>;
  phase: TaskPhase;
  /** The preview action on its way to the SDK, and the contact it is for. */
  pending: {readonly action: PreviewAction; readonly offerId: string} | null;
  /** A failure reported in this turn of the SDK's message handling (it may come as a raw message and as a task event). */
  reported: string | null;
  readonly listeners: Array<readonly [string, Listener]>;
}

const AVAILABLE = 'Available';
const BROWSER = 'BROWSER';
/** The most of an SDK error a stream error quotes, in code points. */
const MAX_REASON = 200;

/** Connects the kit to `webex.cc`. Call `dispose()` when the host is done with it. */
export class WebexDialer implements DialerAdapter {
  readonly capabilities: Capabilities;
  readonly events$: Observable<unknown>;

  /** Events raised before the store subscribed (the hydrated tasks) go to it first. */
  private readonly events = new BufferedEvents<DialerEvent>();
  private readonly tracked = new Map<string, Tracked>();
  private readonly ccListeners: Array<readonly [string, Listener]>;
  private readonly extras: CampaignExtras;
  private readonly now: () => number;

  private readonly cc: WebexContactCenter;

  /**
   * @param cc `webex.cc`. The SDK's `ContactCenter` declarations leave out the
   *   `on` and `off` its plugin base provides at run time, so it is accepted as is.
   */
  constructor(
    cc: WebexContactCenter | ContactCenter,
    private readonly options: WebexDialerOptions = {},
  ) {
    this.cc = cc as WebexContactCenter;
    this.now = options.now ?? Date.now;
    this.extras = {
      wrapUpCodes: (options.profile?.wrapupCodes ?? []).map(({id, name}) => ({code: id, label: name})),
      browser: options.profile?.deviceType === BROWSER,
    };
    this.capabilities = {enforcesTimeout: true, actions: this.supportedActions()};
    this.events$ = this.events.events$;
    this.ccListeners = [
      [WEBEX_EVENTS.reservation, this.guard((task: WebexTask) => this.onReservation(task))],
      [WEBEX_EVENTS.hydrate, this.guard((task: WebexTask) => this.onResumed(task))],
      [WEBEX_EVENTS.incoming, this.guard((task: WebexTask) => this.onIncoming(task))],
      [WEBEX_EVENTS.agentState, this.guard((data: {subStatus?: unknown; auxCodeId?: unknown}) => this.onAgentState(data))],
      [WEBEX_EVENTS.raw.contactUpdated, this.guard((data: Partial<TaskData>) => this.onContactUpdated(this.find(data), data))],
      [WEBEX_EVENTS.raw.acceptFailed, this.guard((data: Partial<TaskData>) => this.onPreviewFailed(this.find(data), 'accept', data))],
    ];
    for (const [name, listener] of this.ccListeners) this.cc.on(name, listener);
    for (const task of options.hydrated ?? []) this.guard((t: WebexTask) => this.onResumed(t))(task);
  }

  /**
   * A listener that never throws into the SDK (it calls listeners inside its
   * own message handling): a task it cannot read becomes a visible error.
   */
  private guard<A extends unknown[]>(listener: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      try {
        listener(...args);
      } catch (error) {
        const reason = excerpt(describeError(error, 'no reason given').message, MAX_REASON);
        this.emit({type: 'stream-error', code: 'webex-bad-task', message: `A Webex event could not be read (${reason}).`});
      }
    };
  }

  send(command: DialerCommand): Observable<void> {
    switch (command.type) {
      case 'accept':
        return this.preview('accept', command.offerId, this.cc.acceptPreviewContact);
      case 'skip':
        return this.preview('skip', command.offerId, this.cc.skipPreviewContact);
      case 'remove':
        return this.preview('remove', command.offerId, this.cc.removePreviewContact);
      case 'cancel-call':
        return this.cancel(command);
      case 'end-call':
        return this.endCall(command);
      case 'set-disposition':
        return this.wrapUp(command);
      case 'set-agent-state':
        return this.setAgentState(command);
      default:
        return refuse('unsupported', `Webex Contact Center cannot ${command.type}.`);
    }
  }

  /** Stops listening to the SDK and ends the event stream. */
  dispose(): void {
    for (const [name, listener] of this.ccListeners) this.cc.off(name, listener);
    for (const tracked of this.tracked.values()) this.forget(tracked);
    this.events.complete();
  }

  private supportedActions(): DialerCommandType[] {
    const has = (method: unknown) => typeof method === 'function';
    const actions: DialerCommandType[] = ['accept'];
    if (has(this.cc.skipPreviewContact)) actions.push('skip');
    if (has(this.cc.removePreviewContact)) actions.push('remove');
    if (this.extras.browser) actions.push('cancel-call');
    if (this.canEndCalls) actions.push('end-call');
    if (this.extras.wrapUpCodes.length > 0) actions.push('set-disposition');
    if (has(this.cc.setAgentState)) actions.push('set-agent-state');
    return actions;
  }

  private emit(event: DialerEvent): void {
    this.events.emit(event);
  }

  /** The whole desk as one snapshot; before the store subscribed, it replaces any earlier one. */
  private emitDesk(): void {
    this.events.emitReplacing(deskSnapshot(this.tracked.values()), (event) => event.type === 'snapshot');
  }

  // --- SDK events -----------------------------------------------------------

  private onReservation(task: WebexTask): void {
    const data = task.data;
    const key = data?.interactionId;
    if (typeof key !== 'string') {
      this.emit({type: 'stream-error', code: 'webex-bad-task', message: 'A Webex campaign reservation has no interaction id.'});
      return;
    }
    if (previewModeOf(data) === null) return; // another kind of campaign's call: the host desktop's
    const previous = this.tracked.get(key);
    if (previous) return; // a repeated reservation: its updates come as CampaignContactUpdated
    const tracked = this.track(key, task, 'offer', startedAt(data, this.now()));
    if (!tracked) return;
    if (this.supersedes(tracked)) this.emit(tracked.offer);
  }

  /**
   * Only the newest preview is shown (as Webex's widgets do): a newer one
   * withdraws the one on show; an older one is dropped unseen.
   */
  private supersedes(tracked: Tracked): boolean {
    for (const other of this.tracked.values()) {
      if (other === tracked || other.phase !== 'offer' || other.pending?.action === 'accept') continue;
      if (other.offer.offeredAt > tracked.offer.offeredAt) {
        this.forget(tracked);
        return false;
      }
      this.forget(other);
      this.emit({type: 'offer-withdrawn', offerId: other.offerId, reason: 'withdrawn'});
    }
    return true;
  }

  /** A task the SDK brought back on (re)connecting: a reload mid-preview or mid-call resumes from it. */
  private onResumed(task: WebexTask): void {
    const data = task.data;
    if (!data || previewModeOf(data) === null) return; // not a preview's task
    if (isReservation(data)) {
      this.onReservation(task);
      return;
    }
    const key = data.reservationInteractionId ?? data.interactionId;
    if (typeof key !== 'string' || this.tracked.has(key) || this.find(data)) return;
    const phase = isPendingPreview(data) ? 'offer' : inWrapUp(data) ? 'wrap-up' : 'call';
    if (this.track(key, task, phase, startedAt(data, this.now()))) this.emitDesk();
  }

  /**
   * `task:incoming`: after a reload, a pending preview comes back this way (an
   * `AgentContact` in state `new`); for a preview being accepted, it is the
   * agent's browser line ringing with the preview call.
   */
  private onIncoming(task: WebexTask): void {
    const tracked = this.byTask(task);
    if (!tracked) {
      if (task.data && isPendingPreview(task.data)) this.onResumed(task);
      return;
    }
    if (tracked.phase !== 'offer' || tracked.pending?.action !== 'accept') return;
    tracked.phase = 'ringing';
    this.emit({type: 'call-progress', offerId: tracked.offerId, callId: tracked.offerId, phase: 'ringing'});
  }

  /** Available, or Not ready with the name of the agent's idle code. */
  private onAgentState(data: {subStatus?: unknown; auxCodeId?: unknown}): void {
    const state = typeof data?.subStatus === 'string' ? data.subStatus : null;
    if (state === null) return;
    if (state === AVAILABLE) {
      this.emit({type: 'agent-state', state: 'available'});
      return;
    }
    const idle = this.options.profile?.idleCodes?.find((code) => code.id === data.auxCodeId);
    this.emit({type: 'agent-state', state: 'not-ready', reason: idle?.name ?? state});
  }

  /** Starts following a task; a task without a campaign is a visible error. */
  private track(key: string, task: WebexTask, phase: TaskPhase, offeredAt: number): Tracked | null {
    const settings = readSettings(task.data, null);
    if (!settings) {
      this.emit({type: 'stream-error', code: 'webex-bad-task', message: `Webex task ${key} names no campaign.`});
      return null;
    }
    const contact = readContact(task.data, null);
    const tracked: Tracked = {
      key,
      task,
      offerId: key,
      contacts: 1,
      settings,
      contact,
      offer: contactOffered(key, contact, settings, offeredAt, this.extras),
      phase,
      pending: null,
      reported: null,
      listeners: [],
    };
    const on = (name: string, listener: Listener) => {
      const guarded = this.guard(listener);
      tracked.listeners.push([name, guarded]);
      task.on(name, guarded);
    };
    on(WEBEX_EVENTS.assigned, () => this.connected(tracked));
    on(WEBEX_EVENTS.outdialFailed, (reason: unknown) => this.failed(tracked, reason, this.wrapUpDue(tracked)));
    // The SDK drops a rejected task itself (it sends no task:end).
    on(WEBEX_EVENTS.rejected, (reason: unknown) => {
      if (tracked.phase === 'offer' && tracked.pending?.action !== 'accept') this.withdrawn(tracked);
      else this.failed(tracked, reason, false);
    });
    on(WEBEX_EVENTS.end, () => this.ended(tracked));
    on(WEBEX_EVENTS.wrappedUp, () => this.forget(tracked));
    // Newer SDKs pass the task, already updated.
    on(WEBEX_EVENTS.contactUpdated, (updated: {data?: Partial<TaskData>} | undefined) => this.onContactUpdated(tracked, updated?.data));
    for (const [action, name] of Object.entries(WEBEX_EVENTS.failed) as Array<[PreviewAction, string]>) {
      on(name, (payload: unknown) => this.onPreviewFailed(tracked, action, payload));
    }
    this.tracked.set(key, tracked);
    return tracked;
  }

  /** The followed task a dialer message is about (a call is re-keyed under a new interaction id). */
  private find(data: Partial<TaskData> | undefined): Tracked | undefined {
    const id = data?.interactionId;
    if (typeof id !== 'string') return undefined;
    return this.tracked.get(id) ?? [...this.tracked.values()].find((t) => t.task.data?.interactionId === id);
  }

  private byTask(task: WebexTask): Tracked | undefined {
    return [...this.tracked.values()].find((t) => t.task === task) ?? this.find(task.data);
  }

  private byOffer(offerId: string): Tracked | undefined {
    return [...this.tracked.values()].find((t) => t.offerId === offerId);
  }

  /**
   * An update of the task's preview. Webex's sources read it two ways: the
   * 3.12.0 SDK calls it an intermediate update during an accept; newer SDKs
   * and Webex's widgets bring the next contact with it, after a skip or a
   * remove or the dialer's own auto-skip at the offer timeout. So: during an
   * accept (or once accepted) it updates the same contact; otherwise it is the
   * next contact when a skip or remove was carried, the offer's timeout
   * changed (what the widgets watch) or another customer is named.
   */
  private onContactUpdated(tracked: Tracked | undefined, data: Partial<TaskData> | undefined): void {
    if (!tracked || !data) return;
    const settings = readSettings(data, tracked.settings) ?? tracked.settings;
    const waiting = tracked.phase === 'offer' || tracked.phase === 'between';
    const carried = tracked.phase === 'between' || (tracked.pending !== null && tracked.pending.action !== 'accept');
    const next =
      waiting &&
      tracked.pending?.action !== 'accept' &&
      (carried || settings.expiresAt !== tracked.settings.expiresAt || isOtherCustomer(tracked.contact, data));
    if (!next) {
      tracked.settings = settings;
      tracked.contact = readContact(data, tracked.contact);
      this.refresh(tracked);
      return;
    }
    if (tracked.phase === 'offer') this.emit(this.withdrawal(tracked));
    tracked.contacts += 1;
    tracked.offerId = `${tracked.key}#${tracked.contacts}`;
    tracked.settings = settings;
    tracked.contact = nextContact(data, tracked.contact);
    tracked.offer = contactOffered(tracked.offerId, tracked.contact, settings, this.now(), this.extras);
    tracked.phase = 'offer';
    tracked.pending = null;
    this.emit(tracked.offer);
  }

  /** The contact on show, with what an update added: the kit gets the desk again when what the agent sees changed. */
  private refresh(tracked: Tracked): void {
    const offer = contactOffered(tracked.offerId, tracked.contact, tracked.settings, tracked.offer.offeredAt, this.extras);
    const shown = JSON.stringify(tracked.offer.contact);
    tracked.offer = offer;
    if (tracked.phase === 'offer' && JSON.stringify(offer.contact) !== shown) this.emitDesk();
  }

  private onPreviewFailed(tracked: Tracked | undefined, action: PreviewAction, payload: unknown): void {
    // While the SDK call is pending, its rejection reports the failure; this is for the rest.
    if (!tracked || tracked.pending?.action === action) return;
    const code = failureReason(payload) ?? 'webex-failed';
    const key = `${action} ${tracked.offerId} ${code}`;
    if (tracked.reported === key) return;
    tracked.reported = key;
    queueMicrotask(() => (tracked.reported = null));
    this.emit({type: 'action-failed', action, offerId: tracked.offerId, code, message: failureMessage(action, code)});
  }

  private forget(tracked: Tracked): void {
    for (const [name, listener] of tracked.listeners) tracked.task.off(name, listener);
    tracked.listeners.length = 0;
    if (this.tracked.get(tracked.key) === tracked) this.tracked.delete(tracked.key);
  }

  /** The accepted contact's call is up (or the dialer accepted at expiry by itself). */
  private connected(tracked: Tracked): void {
    // The SDK's accept also resolves when the contact ended instead (the offer is gone then).
    if ((tracked.phase !== 'offer' && tracked.phase !== 'ringing') || !this.follows(tracked)) return;
    tracked.phase = 'call';
    // Webex assigns the call when it is up: no separate ringing phase for the customer.
    this.emit({type: 'call-progress', offerId: tracked.offerId, callId: tracked.offerId, phase: 'connected'});
  }

  private follows(tracked: Tracked): boolean {
    return this.tracked.get(tracked.key) === tracked;
  }

  /** Whether the agent owes Webex a wrap-up for this task, and the kit can give one. */
  private wrapUpDue(tracked: Tracked): boolean {
    return tracked.task.data?.wrapUpRequired === true && this.extras.wrapUpCodes.length > 0;
  }

  /** The call could not be placed or was dropped; a wrap-up follows only when Webex wants one. */
  private failed(tracked: Tracked, reason: unknown, wrapUp: boolean): void {
    if (tracked.phase === 'wrap-up' || tracked.phase === 'between') return;
    if (tracked.phase === 'offer') {
      this.emit({type: 'call-progress', offerId: tracked.offerId, callId: tracked.offerId, phase: 'dialing'});
    }
    tracked.phase = 'call';
    const text = typeof reason === 'string' && reason !== '' ? reason : 'UNKNOWN_REASON';
    this.emit({type: 'call-failed', callId: tracked.offerId, reason: text, wrapUp});
    this.afterCall(tracked, wrapUp);
  }

  private ended(tracked: Tracked): void {
    if (tracked.phase === 'offer') {
      this.forget(tracked);
      this.emit(this.withdrawal(tracked));
      return;
    }
    if (tracked.phase === 'between') {
      this.forget(tracked); // the campaign had no next contact
      return;
    }
    if (tracked.phase === 'wrap-up') return;
    const wrapUp = this.wrapUpDue(tracked);
    this.emit({type: 'call-ended', callId: tracked.offerId, at: this.now(), wrapUp});
    this.afterCall(tracked, wrapUp);
  }

  /** Keeps the task for its wrap-up (until task:wrappedup), or lets it go. */
  private afterCall(tracked: Tracked, wrapUp: boolean): void {
    if (wrapUp) tracked.phase = 'wrap-up';
    else this.forget(tracked);
  }

  /** Why the contact on show left: the agent's skip or remove, the dialer's auto action at the expiry, or the dialer's own reasons. */
  private withdrawal(tracked: Tracked): DialerEventOf<'offer-withdrawn'> {
    const offerId = tracked.offerId;
    const action = tracked.pending?.offerId === offerId ? tracked.pending.action : null;
    if (action === 'skip' || action === 'remove')
      return {type: 'offer-withdrawn', offerId, reason: action === 'skip' ? 'skipped' : 'removed'};
    const {expiresAt, autoAction} = tracked.settings;
    if (expiresAt === null || this.now() < expiresAt) return {type: 'offer-withdrawn', offerId, reason: 'withdrawn'};
    return autoAction === 'skip' || autoAction === 'remove'
      ? {type: 'offer-withdrawn', offerId, reason: 'expired', autoAction}
      : {type: 'offer-withdrawn', offerId, reason: 'expired'};
  }

  /** The dialer took the preview back (the SDK rejected the task). */
  private withdrawn(tracked: Tracked): void {
    this.forget(tracked);
    this.emit({type: 'offer-withdrawn', offerId: tracked.offerId, reason: 'withdrawn'});
  }

  // --- Commands -------------------------------------------------------------

  private preview(action: PreviewAction, offerId: string, method: PreviewCall | undefined): Observable<void> {
    if (typeof method !== 'function') return refuse('unsupported', `This Webex SDK cannot ${action} a preview contact.`);
    const tracked = this.byOffer(offerId);
    if (!tracked || tracked.phase !== 'offer') return refuse('unknown-task', `Webex has no preview ${offerId}.`);
    const pending = {action, offerId};
    const current = () => tracked.pending === pending;
    return settle(
      () => {
        tracked.pending = pending;
        const payload = {interactionId: tracked.task.data?.interactionId ?? tracked.key, campaignId: tracked.settings.campaignId};
        return method.call(this.cc, payload).then(
          () => {
            if (!current()) return; // the next contact came first, or the call went on
            tracked.pending = null;
            if (action === 'accept') this.connected(tracked);
            else if (this.follows(tracked) && tracked.offerId === offerId) this.between(tracked, action);
          },
          (error: unknown) => {
            if (current()) tracked.pending = null;
            // The contact it was for is gone (a next contact came, or the call went on): nothing left to decide again.
            if (tracked.offerId !== offerId || tracked.phase !== 'offer' || !this.follows(tracked)) return;
            throw toDialerError(error, failureMessage(action, errorCode(error)));
          },
        );
      },
      (error) => toDialerError(error, failureMessage(action, errorCode(error))),
    );
  }

  /** The agent's skip or remove was carried out: the contact leaves, and the task waits for the next one. */
  private between(tracked: Tracked, action: 'skip' | 'remove'): void {
    tracked.phase = 'between';
    this.emit({type: 'offer-withdrawn', offerId: tracked.offerId, reason: action === 'skip' ? 'skipped' : 'removed'});
  }

  /** Ends a ringing preview call, as Webex's widgets do when the agent's telephony is the browser. */
  private cancel(command: DialerCommandOf<'cancel-call'>): Observable<void> {
    if (!this.extras.browser)
      return refuse('unsupported', "Webex ends a preview call from the kit only when the agent's telephony is the browser.");
    return this.onTask(command.callId, 'ringing', (tracked) => tracked.task.end());
  }

  /**
   * Webex's own call controls offer End on a telephony task in browser
   * telephony, and with a desk phone or an extension when the tenant allows
   * it (the profile's `isEndCallEnabled`).
   */
  private get canEndCalls(): boolean {
    return this.extras.browser || this.options.profile?.isEndCallEnabled === true;
  }

  /** Hangs up the connected call (protocol 1.2): Webex then sends the wrap-up (or the contact's end), which ends it here. */
  private endCall(command: DialerCommandOf<'end-call'>): Observable<void> {
    if (!this.canEndCalls)
      return refuse('unsupported', 'Webex ends a call from the kit only in browser telephony or when the tenant allows ending calls.');
    return this.onTask(command.callId, 'call', (tracked) => {
      // The SDK rejects without the dialer's reason: it is read from the raw failure, which comes first.
      let reason: string | null = null;
      const failed = this.guard((data: Partial<TaskData>) => {
        if (typeof data?.interactionId !== 'string' || this.find(data) === tracked) reason = failureReason(data);
      });
      this.cc.on(WEBEX_EVENTS.raw.endFailed, failed);
      return tracked.task.end().then(
        () => void this.cc.off(WEBEX_EVENTS.raw.endFailed, failed),
        (error: unknown) => {
          this.cc.off(WEBEX_EVENTS.raw.endFailed, failed);
          // The call ended anyway (the customer hung up first): nothing is left to end, and nothing to report.
          if (tracked.phase !== 'call' || !this.follows(tracked)) return;
          throw reason === null ? error : new DialerError(reason, `Webex could not end the call (${reason}).`);
        },
      );
    });
  }

  private wrapUp(command: DialerCommandOf<'set-disposition'>): Observable<void> {
    const code = this.extras.wrapUpCodes.find((c) => c.code === command.code);
    if (!code) return refuse('unknown-code', `Webex has no wrap-up code ${command.code}.`);
    return this.onTask(command.callId, 'wrap-up', (tracked) =>
      tracked.task.wrapup({auxCodeId: code.code, wrapUpReason: code.label}).then(() => this.forget(tracked)),
    );
  }

  private setAgentState(command: DialerCommandOf<'set-agent-state'>): Observable<void> {
    const setState = this.cc.setAgentState;
    if (typeof setState !== 'function') return refuse('unsupported', 'This Webex SDK cannot change the agent state.');
    let payload: AgentStatePayload;
    if (command.state === 'available') {
      payload = {state: AVAILABLE, auxCodeId: '0'};
    } else {
      const codes = this.options.profile?.idleCodes ?? [];
      const idle = codes.find((c) => c.name === command.reason) ?? codes.find((c) => c.isDefault) ?? codes[0];
      if (!idle) return refuse('no-idle-code', 'The agent profile has no idle code for Not ready.');
      payload = {state: 'Idle', auxCodeId: idle.id};
    }
    return settle(
      () => setState.call(this.cc, payload),
      (error) => toDialerError(error, `Webex did not change the agent state (${errorCode(error)}).`),
    );
  }

  /** Runs an SDK call for a call the adapter follows, in the phase the command needs. */
  private onTask(callId: string, phase: TaskPhase, call: (tracked: Tracked) => Promise<unknown>): Observable<void> {
    const tracked = this.byOffer(callId);
    if (!tracked || tracked.phase !== phase)
      return refuse('unknown-task', `Webex has no ${phase === 'ringing' ? 'ringing ' : ''}call ${callId}.`);
    return settle(
      () => call(tracked),
      (error) => toDialerError(error, `Webex refused the request (${errorCode(error)}).`),
    );
  }
}

function failureMessage(action: PreviewAction, code: string): string {
  return `Webex could not ${action} the contact (${code}).`;
}
