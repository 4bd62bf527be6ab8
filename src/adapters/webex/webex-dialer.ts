/**
 * The kit on the Webex Contact Center JS SDK (`@webex/contact-center`, an
 * optional peer dependency): its campaign preview reservations become the
 * kit's offers, the kit's commands become SDK calls, and the task's events
 * become call progress.
 *
 * The SDK's own dialer applies a campaign's auto action at the offer's expiry,
 * so this adapter declares `enforcesTimeout` and the kit only shows the
 * countdown. Skip and remove exist only in newer SDKs: they are offered when
 * the installed SDK has them.
 */
import {Observable, Subject, from} from 'rxjs';
import type {ContactCenter, ITask, Profile, TaskData} from '@webex/contact-center';
import type {Capabilities} from '../../core/state.js';
import {
  MAX_NOTICE_CODE,
  clipText,
  describeError,
  excerpt,
  type DialerCommand,
  type DialerCommandOf,
  type DialerCommandType,
  type DialerEvent,
} from '../../protocol/index.js';
import {DialerError, type DialerAdapter} from '../dialer-adapter.js';
import {
  campaignIdOf,
  contactOffered,
  hydratedCall,
  isReservation,
  readSettings,
  startedAt,
  type CampaignExtras,
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
export type WebexTask = Pick<ITask, 'on' | 'off' | 'wrapup'> & {readonly data: TaskData};

export interface WebexDialerOptions {
  /**
   * The agent's profile, as `webex.cc.register()` returns it: its wrap-up
   * codes become the campaign's dispositions, and its idle codes the reasons
   * for Not ready.
   */
  readonly profile?: Pick<Profile, 'wrapupCodes' | 'idleCodes'>;
  /**
   * Tasks the SDK hydrated (`task:hydrate`) before the adapter existed, such as
   * during `register()` after a reload: the kit resumes them.
   */
  readonly hydrated?: Iterable<WebexTask>;
  /** The clock, for tests. */
  readonly now?: () => number;
}

/** The SDK's event names the adapter listens to (from the SDK's `TASK_EVENTS`, `AGENT_EVENTS` and `CC_EVENTS`). */
export const WEBEX_EVENTS = {
  reservation: 'task:campaignPreviewReservation',
  hydrate: 'task:hydrate',
  agentState: 'agent:stateChange',
  assigned: 'task:assigned',
  outdialFailed: 'task:outdialFailed',
  rejected: 'task:rejected',
  end: 'task:end',
  wrappedUp: 'task:wrappedup',
  /** Raw dialer messages `webex.cc` re-emits under their own type. */
  raw: {contactUpdated: 'CampaignContactUpdated', acceptFailed: 'CampaignPreviewAcceptFailed'},
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
  readonly offerId: string;
  readonly task: WebexTask;
  settings: PreviewSettings;
  /** offer: waiting for the agent; call: placed (or being placed); wrap-up: ended, disposition due. */
  phase: 'offer' | 'call' | 'wrap-up';
  /** The preview action on its way to the SDK. */
  pending: PreviewAction | null;
  readonly listeners: Array<readonly [string, Listener]>;
}

const AVAILABLE = 'Available';
/** The most of an SDK error a stream error quotes, in code points. */
const MAX_REASON = 200;

/** Connects the kit to `webex.cc`. Call `dispose()` when the host is done with it. */
export class WebexDialer implements DialerAdapter {
  readonly capabilities: Capabilities;
  readonly events$: Observable<unknown>;

  private readonly events = new Subject<unknown>();
  /** Events raised before the store subscribed (the hydrated tasks), delivered to the first subscriber. */
  private early: unknown[] | null = [];
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
    };
    this.capabilities = {enforcesTimeout: true, actions: this.supportedActions()};
    this.events$ = new Observable<unknown>((subscriber) => {
      const subscription = this.events.subscribe(subscriber);
      const early = this.early;
      this.early = null;
      early?.forEach((event) => subscriber.next(event));
      return subscription;
    });
    this.ccListeners = [
      [WEBEX_EVENTS.reservation, this.guard((task: WebexTask) => this.onReservation(task))],
      [WEBEX_EVENTS.hydrate, this.guard((task: WebexTask) => this.onHydrate(task))],
      [WEBEX_EVENTS.agentState, this.guard((data: {subStatus?: unknown; auxCodeId?: unknown}) => this.onAgentState(data))],
      [WEBEX_EVENTS.raw.contactUpdated, this.guard((data: Partial<TaskData>) => this.onContactUpdated(this.find(data), data))],
      [WEBEX_EVENTS.raw.acceptFailed, this.guard((data: Partial<TaskData>) => this.onPreviewFailed(this.find(data), 'accept', data))],
    ];
    for (const [name, listener] of this.ccListeners) this.cc.on(name, listener);
    for (const task of options.hydrated ?? []) this.guard((t: WebexTask) => this.onHydrate(t))(task);
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
    // No cancel-call: Webex reports no ringing phase for a preview call (see `connected`).
    const actions: DialerCommandType[] = ['accept'];
    if (has(this.cc.skipPreviewContact)) actions.push('skip');
    if (has(this.cc.removePreviewContact)) actions.push('remove');
    if (this.extras.wrapUpCodes.length > 0) actions.push('set-disposition');
    if (has(this.cc.setAgentState)) actions.push('set-agent-state');
    return actions;
  }

  private emit(event: DialerEvent): void {
    if (this.early) this.early.push(event);
    else this.events.next(event);
  }

  // --- SDK events -----------------------------------------------------------

  private onReservation(task: WebexTask): void {
    const offerId = task.data?.interactionId;
    if (typeof offerId !== 'string') {
      this.emit({type: 'stream-error', code: 'webex-bad-task', message: 'A Webex campaign reservation has no interaction id.'});
      return;
    }
    const previous = this.tracked.get(offerId);
    if (previous && previous.phase !== 'offer') return; // a late copy of a reservation already accepted
    const settings = readSettings(task.data, previous?.settings ?? null);
    if (!settings) {
      this.emit({type: 'stream-error', code: 'webex-bad-task', message: `Webex reservation ${offerId} names no campaign.`});
      return;
    }
    const tracked = previous ?? this.track(offerId, task, settings, 'offer');
    tracked.settings = settings;
    const offeredAt = typeof task.data.eventTime === 'number' ? task.data.eventTime : this.now();
    this.emit(contactOffered(offerId, task.data, settings, offeredAt, this.extras));
  }

  /** A task the SDK found on (re)connecting: a reload mid-preview or mid-call resumes from it. */
  private onHydrate(task: WebexTask): void {
    const data = task.data;
    if (!data || !campaignIdOf(data)) return; // not a campaign's task
    if (isReservation(data)) {
      this.onReservation(task);
      return;
    }
    const offerId = data.reservationInteractionId ?? data.interactionId;
    const settings = readSettings(data, null);
    if (!settings || this.tracked.has(offerId)) return;
    const ended = data.wrapUpRequired === true || data.interaction?.state === 'wrapUp';
    this.track(offerId, task, settings, ended ? 'wrap-up' : 'call');
    this.emit(hydratedCall(contactOffered(offerId, data, settings, startedAt(data, this.now()), this.extras), ended));
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

  private track(offerId: string, task: WebexTask, settings: PreviewSettings, phase: Tracked['phase']): Tracked {
    const tracked: Tracked = {offerId, task, settings, phase, pending: null, listeners: []};
    const on = (name: string, listener: Listener) => {
      const guarded = this.guard(listener);
      tracked.listeners.push([name, guarded]);
      task.on(name, guarded);
    };
    on(WEBEX_EVENTS.assigned, () => this.connected(tracked));
    on(WEBEX_EVENTS.outdialFailed, (reason: unknown) => this.failed(tracked, reason, this.wrapUpDue(tracked)));
    // The SDK drops a rejected task itself (it sends no task:end).
    on(WEBEX_EVENTS.rejected, (reason: unknown) => {
      if (tracked.phase === 'offer' && tracked.pending !== 'accept') this.withdrawn(tracked, 'withdrawn');
      else this.failed(tracked, reason, false);
    });
    on(WEBEX_EVENTS.end, () => this.ended(tracked));
    on(WEBEX_EVENTS.wrappedUp, () => this.forget(tracked));
    on(WEBEX_EVENTS.contactUpdated, (payload: Partial<TaskData>) => this.onContactUpdated(tracked, payload));
    for (const [action, name] of Object.entries(WEBEX_EVENTS.failed) as Array<[PreviewAction, string]>) {
      on(name, (payload: {reason?: unknown}) => this.onPreviewFailed(tracked, action, payload));
    }
    this.tracked.set(offerId, tracked);
    return tracked;
  }

  /** The followed task a dialer message is about (a call is re-keyed under a new interaction id). */
  private find(data: Partial<TaskData> | undefined): Tracked | undefined {
    const id = data?.interactionId;
    if (typeof id !== 'string') return undefined;
    return this.tracked.get(id) ?? [...this.tracked.values()].find((t) => t.task.data?.interactionId === id);
  }

  /** An update during the preview; it may leave out the preview fields, which then keep their values. */
  private onContactUpdated(tracked: Tracked | undefined, data: Partial<TaskData> | undefined): void {
    if (tracked && data) tracked.settings = readSettings(data, tracked.settings) ?? tracked.settings;
  }

  private onPreviewFailed(tracked: Tracked | undefined, action: PreviewAction, payload: {reason?: unknown} | undefined): void {
    // While the SDK call is pending, its rejection reports the failure; this is for the rest.
    if (!tracked || tracked.pending === action) return;
    const code = typeof payload?.reason === 'string' ? payload.reason : 'webex-failed';
    this.emit({type: 'action-failed', action, offerId: tracked.offerId, code, message: failureMessage(action, code)});
  }

  private forget(tracked: Tracked): void {
    for (const [name, listener] of tracked.listeners) tracked.task.off(name, listener);
    this.tracked.delete(tracked.offerId);
  }

  /** The accepted contact's call is up (or the dialer accepted at expiry by itself). */
  private connected(tracked: Tracked): void {
    // The SDK's accept also resolves when the contact ended instead (the offer is gone then).
    if (tracked.phase !== 'offer' || !this.follows(tracked)) return;
    tracked.phase = 'call';
    // Webex assigns the call to the agent with no separate ringing phase for the customer.
    this.emit({type: 'call-progress', offerId: tracked.offerId, callId: tracked.offerId, phase: 'connected'});
  }

  private follows(tracked: Tracked): boolean {
    return this.tracked.get(tracked.offerId) === tracked;
  }

  /** Whether the agent owes Webex a wrap-up for this task, and the kit can give one. */
  private wrapUpDue(tracked: Tracked): boolean {
    return tracked.task.data?.wrapUpRequired === true && this.extras.wrapUpCodes.length > 0;
  }

  /** The call could not be placed or was dropped; a wrap-up follows only when Webex wants one. */
  private failed(tracked: Tracked, reason: unknown, wrapUp: boolean): void {
    if (tracked.phase === 'wrap-up') return;
    if (tracked.phase === 'offer') {
      tracked.phase = 'call';
      this.emit({type: 'call-progress', offerId: tracked.offerId, callId: tracked.offerId, phase: 'dialing'});
    }
    const text = typeof reason === 'string' && reason !== '' ? reason : 'UNKNOWN_REASON';
    this.emit({type: 'call-failed', callId: tracked.offerId, reason: text, wrapUp});
    this.afterCall(tracked, wrapUp);
  }

  private ended(tracked: Tracked): void {
    if (tracked.phase === 'offer') {
      const expired = tracked.settings.expiresAt !== null && this.now() >= tracked.settings.expiresAt;
      // A skip or remove of ours that the dialer carried out before the SDK said so.
      const reason = tracked.pending === 'skip' ? 'skipped' : tracked.pending === 'remove' ? 'removed' : expired ? 'expired' : 'withdrawn';
      this.withdrawn(tracked, reason);
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

  private withdrawn(tracked: Tracked, reason: 'withdrawn' | 'expired' | 'skipped' | 'removed'): void {
    this.forget(tracked);
    const autoAction = tracked.settings.autoAction;
    this.emit(
      reason === 'expired' && autoAction && autoAction !== 'accept'
        ? {type: 'offer-withdrawn', offerId: tracked.offerId, reason, autoAction}
        : {type: 'offer-withdrawn', offerId: tracked.offerId, reason},
    );
  }

  // --- Commands -------------------------------------------------------------

  private preview(action: PreviewAction, offerId: string, method: PreviewCall | undefined): Observable<void> {
    if (typeof method !== 'function') return refuse('unsupported', `This Webex SDK cannot ${action} a preview contact.`);
    return this.onTask(offerId, 'offer', (tracked) => {
      tracked.pending = action;
      const payload = {interactionId: offerId, campaignId: tracked.settings.campaignId};
      return method.call(this.cc, payload).then(
        () => {
          tracked.pending = null;
          if (action === 'accept') this.connected(tracked);
          else if (this.follows(tracked)) this.withdrawn(tracked, action === 'skip' ? 'skipped' : 'removed');
        },
        (error: unknown) => {
          tracked.pending = null;
          throw toDialerError(error, failureMessage(action, errorCode(error)));
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
    return settle(() => setState.call(this.cc, payload), (error) => toDialerError(error, `Webex did not change the agent state (${errorCode(error)}).`));
  }

  /** Runs an SDK call for a task the adapter follows, in the phase the command needs. */
  private onTask(id: string, phase: Tracked['phase'], call: (tracked: Tracked) => Promise<unknown>): Observable<void> {
    const tracked = this.tracked.get(id);
    if (!tracked || tracked.phase !== phase) return refuse('unknown-task', `Webex has no ${phase === 'offer' ? 'preview' : 'call'} ${id}.`);
    return settle(() => call(tracked), (error) => toDialerError(error, `Webex refused the request (${errorCode(error)}).`));
  }
}

function settle(call: () => Promise<unknown>, wrap: (error: unknown) => Error): Observable<void> {
  return new Observable<void>((subscriber) => {
    let promise: Promise<unknown>;
    try {
      promise = call();
    } catch (error) {
      subscriber.error(wrap(error));
      return;
    }
    return from(promise).subscribe({
      next: () => undefined,
      error: (error: unknown) => subscriber.error(wrap(error)),
      complete: () => subscriber.complete(),
    });
  });
}

function refuse(code: string, message: string): Observable<void> {
  return new Observable<void>((subscriber) => subscriber.error(new DialerError(code, message)));
}

/** The SDK rejects with an `Error` whose message is the dialer's reason code; whatever else it rejects with gives `webex-error`. */
function errorCode(error: unknown): string {
  return clipText(describeError(error, 'webex-error').message, MAX_NOTICE_CODE);
}

/** A refusal of the adapter's own as it is; anything the SDK threw or rejected with (however hostile) as a `DialerError`. */
function toDialerError(error: unknown, message: string): DialerError {
  return isDialerError(error) ? error : new DialerError(errorCode(error), message);
}

/** `instanceof` without its risk: a proxy's `getPrototypeOf` trap may throw. */
function isDialerError(error: unknown): error is DialerError {
  try {
    return error instanceof DialerError;
  } catch {
    return false;
  }
}

function failureMessage(action: PreviewAction, code: string): string {
  return `Webex could not ${action} the contact (${code}).`;
}
