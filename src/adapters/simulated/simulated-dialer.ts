/**
 * A scriptable dialer that runs a whole preview campaign: reservations,
 * contacts, calls with ringing, CPA and outcomes, a concurrent-call limit and
 * agent-state changes. It runs on real time in the demo and on virtual time in
 * tests (inject the scheduler).
 */
import {Observable, Subject, asyncScheduler, defer, of, concat, type SchedulerLike, type Subscription} from 'rxjs';
import type {Capabilities} from '../../core/state.js';
import {
  PROTOCOL_VERSION,
  type AgentState,
  type Campaign,
  type Contact,
  type DialerCommand,
  type DialerCommandType,
  type DialerEvent,
  type TimeoutAction,
} from '../../protocol/index.js';
import {DialerError, type DialerAdapter} from '../dialer-adapter.js';

/** What a simulated customer does when called. */
export type SimulatedOutcome = 'answer' | 'no-answer' | 'busy' | 'machine' | 'fax' | 'invalid-number' | 'fail';

export interface SimulatedContact extends Contact {
  /** Overrides the campaign-wide outcome for this contact. */
  readonly outcome?: SimulatedOutcome;
}

export interface SimulatedCampaignScript {
  readonly campaign: Campaign;
  readonly contacts: readonly SimulatedContact[];
  /** What customers do unless a contact says otherwise. Default `answer`. */
  readonly outcome?: SimulatedOutcome;
  /** How long a call rings before its outcome. Default 3000 ms. */
  readonly ringMs?: number;
  /** How long dialing takes before ringing. Default 500 ms. */
  readonly dialMs?: number;
  /** How long a connected call lasts before the customer hangs up. Default 8000 ms. */
  readonly talkMs?: number;
  /** The small pauses of a real dialer between steps. Default 400 ms. */
  readonly latencyMs?: number;
  /** The tenant's maximum of concurrent calls (R-L1). Default: no limit. */
  readonly concurrentCallLimit?: number;
  /** The agent starts Available. Default false. */
  readonly agentAvailable?: boolean;
  /** Agent-state changes the dialer makes on its own, at ms after start. */
  readonly agentStateChanges?: readonly {readonly atMs: number; readonly state: AgentState; readonly reason?: string}[];
  /** Whether this dialer applies the timeout action itself. Default false: the kit sends it. */
  readonly enforcesTimeout?: boolean;
}

interface LiveOffer {
  readonly offerId: string;
  readonly contact: SimulatedContact;
  readonly deadline: number | null;
  expiry: Subscription | null;
}

interface LiveCall {
  readonly callId: string;
  readonly contact: SimulatedContact;
  phase: 'dialing' | 'ringing' | 'connected' | 'machine';
  readonly timers: Subscription[];
}

/** What the simulated dialer can do for this script (also what a page needs to reach it over the reference server). */
export function simulatedCapabilities(script: Pick<SimulatedCampaignScript, 'campaign' | 'enforcesTimeout'>): Capabilities {
  const {campaign} = script;
  const actions: DialerCommandType[] = ['accept', 'skip', 'remove', 'leave-campaign', 'cancel-call', 'voicemail-left', 'set-agent-state'];
  actions.push(campaign.mode === 'preview' ? 'request-contact' : 'answer-reservation');
  if (campaign.wrapUp) actions.push('set-disposition');
  if (campaign.callbacks) actions.push('schedule-callback');
  return {enforcesTimeout: script.enforcesTimeout ?? false, actions};
}

export class SimulatedDialer implements DialerAdapter {
  readonly capabilities: Capabilities;
  readonly events$: Observable<unknown>;

  private readonly out = new Subject<DialerEvent>();
  private readonly scheduler: SchedulerLike;
  private readonly queue: SimulatedContact[];
  private readonly timers = new Set<Subscription>();
  private agent: AgentState;
  private reservationId: string | null = null;
  private offer: LiveOffer | null = null;
  private call: LiveCall | null = null;
  private serial = 0;
  /** Contacts removed with "add to do-not-call". */
  readonly doNotCall = new Set<string>();
  /** Callbacks scheduled, in order. */
  readonly callbacks: {contactId: string; at: number; phoneNumber: string; backToMe: boolean}[] = [];
  private lastCallContact: SimulatedContact | null = null;
  /** Disposition codes given, by call. */
  readonly dispositions = new Map<string, string>();
  private lastCallId: string | null = null;
  /** The call whose disposition the dialer waits for before the next preview. */
  private wrapUp: {readonly callId: string; readonly timer: Subscription | null} | null = null;

  constructor(
    private readonly script: SimulatedCampaignScript,
    options: {readonly scheduler?: SchedulerLike} = {},
  ) {
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.queue = [...script.contacts];
    this.agent = script.agentAvailable ? 'available' : 'not-ready';
    this.capabilities = simulatedCapabilities(script);
    this.events$ = concat(
      defer(() => of<DialerEvent>({type: 'agent-state', state: this.agent})),
      this.out,
    );
    for (const change of script.agentStateChanges ?? []) {
      this.later(change.atMs, () => this.setAgent(change.state, change.reason));
    }
    if (this.agent === 'available') this.later(this.latency, () => this.reserveIfDue());
  }

  /** Contacts not yet called or removed. */
  get remainingContacts(): number {
    return this.queue.length + (this.offer ? 1 : 0);
  }

  send(command: DialerCommand): Observable<void> {
    return new Observable<void>((subscriber) => {
      try {
        this.handle(command);
        subscriber.complete();
      } catch (error) {
        subscriber.error(error);
      }
    });
  }

  /** Stops every pending timer; the dialer says nothing more. */
  dispose(): void {
    this.timers.forEach((t) => t.unsubscribe());
    this.timers.clear();
    this.out.complete();
  }

  private get latency(): number {
    return this.script.latencyMs ?? 400;
  }

  private get limitReached(): boolean {
    const limit = this.script.concurrentCallLimit;
    return limit !== undefined && (this.call ? 1 : 0) >= limit;
  }

  private handle(command: DialerCommand): void {
    switch (command.type) {
      case 'set-agent-state':
        this.setAgent(command.state, command.reason);
        return;
      case 'request-contact':
        this.requireAvailable();
        if (this.offer || this.call || this.wrapUp) {
          throw new DialerError('agent-busy', 'A contact, a call or its wrap-up is in progress.');
        }
        if (this.reportLimit()) return;
        this.later(this.latency, () => this.offerNext());
        return;
      case 'answer-reservation':
        if (command.reservationId !== this.reservationId) throw stale('reservation');
        this.emit({type: 'reservation-answered', reservationId: command.reservationId});
        this.later(this.latency, () => this.offerNext());
        return;
      case 'accept': {
        const offer = this.takeOffer(command.offerId);
        if (this.limitReached) {
          this.offer = offer;
          this.reportLimit();
          throw new DialerError('concurrent-call-limit', 'No more calls can be made: the concurrent-call limit is reached.');
        }
        this.dial(offer.contact, offer.offerId);
        return;
      }
      case 'skip':
        this.requireSkipReason(command.reason, command.source);
        this.queue.push(this.takeOffer(command.offerId).contact);
        this.emit({type: 'offer-withdrawn', offerId: command.offerId, reason: 'skipped'});
        this.pushNext();
        return;
      case 'remove': {
        const {contact} = this.takeOffer(command.offerId);
        if (command.doNotCall) this.doNotCall.add(contact.id);
        this.emit({type: 'offer-withdrawn', offerId: command.offerId, reason: 'removed'});
        this.pushNext();
        return;
      }
      case 'leave-campaign':
        if (command.offerId) {
          this.queue.unshift(this.takeOffer(command.offerId).contact);
          this.emit({type: 'offer-withdrawn', offerId: command.offerId, reason: 'left'});
        }
        this.reservationId = null;
        this.setAgent('not-ready', 'Left the campaign');
        return;
      case 'cancel-call':
        if (this.call?.callId !== command.callId || this.call.phase !== 'ringing') throw stale('call');
        this.endCall('cancelled');
        this.afterCall();
        return;
      case 'voicemail-left':
        if (this.call?.callId !== command.callId || this.call.phase !== 'machine') throw stale('call');
        this.endCall('voicemail-left');
        this.afterCall();
        return;
      case 'schedule-callback': {
        const contact = command.offerId !== undefined ? this.offer?.contact : this.lastCallContact;
        if (!contact || (command.offerId !== undefined && this.offer?.offerId !== command.offerId)) throw stale('contact');
        if (command.at <= this.now()) throw new DialerError('callback-in-past', 'A callback must be in the future.');
        this.callbacks.push({contactId: contact.id, at: command.at, phoneNumber: command.phoneNumber, backToMe: command.backToMe});
        return;
      }
      case 'set-disposition': {
        const wrapUp = this.wrapUp;
        if (wrapUp?.callId !== command.callId) throw stale('call');
        if (!this.script.campaign.wrapUp?.codes.some((c) => c.code === command.code)) {
          throw new DialerError('unknown-disposition', 'That disposition is not one of this campaign\'s.');
        }
        this.dispositions.set(command.callId, command.code);
        wrapUp.timer?.unsubscribe();
        this.wrapUp = null;
        this.nextAfterCall();
        return;
      }
    }
  }

  private requireSkipReason(reason: string | undefined, source: 'agent' | 'timeout'): void {
    const config = this.script.campaign.skipReasons;
    if (!config) return;
    if (reason === undefined ? config.required && source === 'agent' : !config.reasons.some((r) => r.code === reason)) {
      throw new DialerError('skip-reason', 'This campaign needs one of its skip reasons.');
    }
  }

  private requireAvailable(): void {
    if (this.agent !== 'available') {
      throw new DialerError('agent-not-available', 'The agent must be Available to receive a contact.');
    }
  }

  private reportLimit(): boolean {
    if (!this.limitReached) return false;
    this.emit({
      type: 'limit-reached',
      scope: 'tenant',
      code: 'MAX_CONCURRENT_CALLS',
      message: 'The tenant reached its maximum of concurrent calls.',
    });
    return true;
  }

  private setAgent(state: AgentState, reason?: string): void {
    this.agent = state;
    this.emit(reason === undefined ? {type: 'agent-state', state} : {type: 'agent-state', state, reason});
    if (state === 'available') {
      this.later(this.latency, () => this.reserveIfDue());
      return;
    }
    this.reservationId = null;
    if (this.offer) {
      const {offerId} = this.offer;
      this.queue.unshift(this.dropOffer().contact);
      this.emit({type: 'offer-withdrawn', offerId, reason: 'withdrawn'});
    }
  }

  /** Standard and direct preview: reserve an Available agent (R-M2, R-A2). */
  private reserveIfDue(): void {
    const {campaign} = this.script;
    if (campaign.mode === 'preview' || this.agent !== 'available') return;
    if (this.reservationId || this.offer || this.call || this.wrapUp || this.queue.length === 0) return;
    if (this.reportLimit()) return;
    this.reservationId = this.id('reservation');
    this.emit({type: 'reservation-offered', reservationId: this.reservationId, campaign, at: this.now()});
  }

  private offerNext(): void {
    if (this.agent !== 'available' || this.offer || this.call) return;
    const contact = this.queue.shift();
    if (!contact) {
      this.reservationId = null;
      this.emit({type: 'action-failed', action: 'request-contact', code: 'campaign-complete', message: 'Every contact of this campaign has been worked.'});
      return;
    }
    const {campaign} = this.script;
    const now = this.now();
    const deadline = campaign.timeoutMs > 0 ? now + campaign.timeoutMs : null;
    const offer: LiveOffer = {offerId: this.id('offer'), contact, deadline, expiry: null};
    this.offer = offer;
    const {outcome: _outcome, ...publicContact} = contact;
    this.emit({type: 'contact-offered', offerId: offer.offerId, campaign, contact: publicContact, offeredAt: now, deadline});
    if (deadline !== null && this.capabilities.enforcesTimeout) {
      offer.expiry = this.later(campaign.timeoutMs, () => this.expire(offer, campaign.timeoutAction));
    }
  }

  /** A dialer that enforces timeouts acts on its own (R-C1). */
  private expire(offer: LiveOffer, action: TimeoutAction): void {
    if (this.offer !== offer) return;
    this.dropOffer();
    this.emit({type: 'offer-withdrawn', offerId: offer.offerId, reason: 'expired', autoAction: action});
    if (action === 'accept') {
      this.dial(offer.contact, offer.offerId);
      return;
    }
    if (action === 'skip') this.queue.push(offer.contact);
    this.pushNext();
  }

  /** Standard and direct preview push the next contact (R-A2); in preview mode the agent asks (R-M1). */
  private pushNext(): void {
    if (this.script.campaign.mode !== 'preview') this.later(this.latency, () => this.offerNext());
  }

  private takeOffer(offerId: string): LiveOffer {
    if (this.offer?.offerId !== offerId) throw stale('offer');
    return this.dropOffer();
  }

  private dropOffer(): LiveOffer {
    const offer = this.offer!;
    offer.expiry?.unsubscribe();
    this.offer = null;
    return offer;
  }

  private dial(contact: SimulatedContact, offerId: string): void {
    const outcome = contact.outcome ?? this.script.outcome ?? 'answer';
    const {cpa} = this.script.campaign;
    const call: LiveCall = {callId: this.id('call'), contact, phase: 'dialing', timers: []};
    this.call = call;
    this.reservationId = null;
    const progress = (phase: 'dialing' | 'ringing' | 'connected') =>
      this.emit({type: 'call-progress', offerId, callId: call.callId, phase});
    progress('dialing');
    const ringAt = this.script.dialMs ?? 500;
    const outcomeAt = ringAt + (this.script.ringMs ?? 3000);
    call.timers.push(
      this.later(ringAt, () => {
        call.phase = 'ringing';
        progress('ringing');
      }),
      this.later(outcomeAt, () => this.conclude(call, outcome, cpa, progress)),
    );
  }

  private conclude(
    call: LiveCall,
    outcome: SimulatedOutcome,
    cpa: boolean,
    progress: (phase: 'connected') => void,
  ): void {
    const failWith = (reason: 'busy' | 'no-answer' | 'fax' | 'invalid-number') => {
      if (cpa) this.emit({type: 'cpa-result', callId: call.callId, result: reason});
      else this.emit({type: 'call-failed', callId: call.callId, reason});
      this.endCall(reason);
      this.afterCall();
    };
    const hangUpLater = (reason: string) =>
      call.timers.push(this.later(this.script.talkMs ?? 8000, () => {
        this.endCall(reason);
        this.afterCall();
      }));
    switch (outcome) {
      case 'answer':
        call.phase = 'connected';
        if (cpa) this.emit({type: 'cpa-result', callId: call.callId, result: 'live-voice'});
        else progress('connected');
        hangUpLater('customer-hung-up');
        return;
      case 'machine':
        if (cpa) {
          // The agent leaves a voicemail and says so (R-U6).
          call.phase = 'machine';
          this.emit({type: 'cpa-result', callId: call.callId, result: 'answering-machine'});
        } else {
          // Without CPA the agent simply hears the machine on a connected call, until it hangs up.
          call.phase = 'connected';
          progress('connected');
          hangUpLater('machine-hung-up');
        }
        return;
      case 'fail':
        this.emit({type: 'call-failed', callId: call.callId, reason: 'network-error'});
        this.endCall('network-error');
        this.afterCall();
        return;
      default:
        failWith(outcome);
    }
  }

  private endCall(reason: string): void {
    const call = this.call;
    if (!call) return;
    call.timers.forEach((t) => t.unsubscribe());
    this.call = null;
    this.lastCallId = call.callId;
    this.lastCallContact = call.contact;
    this.emit({type: 'call-ended', callId: call.callId, reason, at: this.now()});
  }

  /** After a call: its wrap-up when the campaign has one, then the next reservation (R-A2). */
  private afterCall(): void {
    const config = this.script.campaign.wrapUp;
    if (config && this.lastCallId) {
      const callId = this.lastCallId;
      const timer = config.timeoutMs > 0 ? this.later(config.timeoutMs, () => {
        this.wrapUp = null;
        this.nextAfterCall();
      }) : null;
      this.wrapUp = {callId, timer};
      return;
    }
    this.nextAfterCall();
  }

  /** The next reservation in standard and direct preview (R-A2). */
  private nextAfterCall(): void {
    this.later(this.latency * 2, () => this.reserveIfDue());
  }

  private emit(event: DialerEvent): void {
    this.out.next({...event, v: PROTOCOL_VERSION} as DialerEvent);
  }

  private later(delayMs: number, work: () => void): Subscription {
    const sub = this.scheduler.schedule(() => {
      this.timers.delete(sub);
      work();
    }, delayMs);
    this.timers.add(sub);
    return sub;
  }

  private now(): number {
    return Math.floor(this.scheduler.now());
  }

  private id(kind: string): string {
    this.serial += 1;
    return `${kind}-${this.serial}`;
  }
}

function stale(what: string): DialerError {
  return new DialerError('stale-' + what, `That ${what} is no longer current.`);
}
