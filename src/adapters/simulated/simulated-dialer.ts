/**
 * A scriptable dialer that runs a whole preview campaign: reservations,
 * contacts, calls with ringing, CPA and outcomes, a concurrent-call limit and
 * agent-state changes. It runs on real time in the demo and on virtual time in
 * tests (inject the scheduler).
 *
 * Its state is plain data (`state()`, see simulation-state.ts): every timer
 * is an entry of its agenda (when, and what it does), so a dialer built from
 * that data carries on exactly where another left off.
 */
import {Observable, Subject, asyncScheduler, defer, of, concat, type SchedulerLike} from 'rxjs';
import type {Capabilities} from '../../core/state.js';
import {
  PROTOCOL_VERSION,
  type AgentState,
  type Campaign,
  type Contact,
  type DialerCommand,
  type DialerCommandType,
  type DialerEvent,
} from '../../protocol/index.js';
import {Agenda} from './agenda.js';
import {ContactQueue} from './contact-queue.js';
import {
  RECORDS_KEPT,
  initialSimulationState,
  timings,
  type CallbackRecord,
  type SimulatedAction,
  type SimulationState,
} from './simulation-state.js';
import {DialerError, type DialerAdapter} from '../dialer-adapter.js';

export type {CallbackRecord, SimulatedAction, SimulatedCallPhase, SimulationState} from './simulation-state.js';
export {RECORDS_KEPT} from './simulation-state.js';

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
  /**
   * How long a reservation call rings before the agent has missed it: the
   * reservation is withdrawn (`missed`) and the agent made not ready. Default:
   * it rings until answered.
   */
  readonly reservationRingMs?: number;
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

/** What the simulated dialer can do for this script (also what a page needs to reach it over the reference server). */
export function simulatedCapabilities(script: Pick<SimulatedCampaignScript, 'campaign' | 'enforcesTimeout'>): Capabilities {
  const {campaign} = script;
  const actions: DialerCommandType[] = [
    'accept',
    'skip',
    'remove',
    'leave-campaign',
    'cancel-call',
    'end-call',
    'voicemail-left',
    'set-agent-state',
  ];
  actions.push(campaign.mode === 'preview' ? 'request-contact' : 'answer-reservation');
  if (campaign.wrapUp) actions.push('set-disposition');
  if (campaign.callbacks) actions.push('schedule-callback');
  return {enforcesTimeout: script.enforcesTimeout ?? false, actions};
}

/** How a simulated dialer runs: its clock, and where it carries on from. */
export interface SimulatedDialerOptions {
  /** The clock; a virtual one in tests. */
  readonly scheduler?: SchedulerLike;
  /**
   * Where to carry on from: the `state()` of a dialer of the same script, on
   * a clock at (or catching up from) the moment it was taken. Default: the
   * script's start, now.
   */
  readonly state?: SimulationState;
}

export class SimulatedDialer implements DialerAdapter {
  readonly capabilities: Capabilities;
  readonly events$: Observable<unknown>;
  /** Contacts removed with "add to do-not-call". */
  readonly doNotCall: Set<string>;
  /** The latest callbacks scheduled (up to `RECORDS_KEPT`), in order. */
  readonly callbacks: CallbackRecord[];
  /** Disposition codes given, by call (the latest `RECORDS_KEPT` calls). */
  readonly dispositions: Map<string, string>;

  private readonly out = new Subject<DialerEvent>();
  private readonly scheduler: SchedulerLike;
  private readonly agenda: Agenda<SimulatedAction>;
  private readonly queue: ContactQueue;
  private agent: AgentState;
  private reservationId: string | null;
  private offer: SimulationState['offer'];
  private call: Mutable<NonNullable<SimulationState['call']>> | null;
  private lastCall: SimulationState['lastCall'];
  private wrapUp: SimulationState['wrapUp'];
  private serial: number;

  constructor(
    private readonly script: SimulatedCampaignScript,
    options: SimulatedDialerOptions = {},
  ) {
    this.scheduler = options.scheduler ?? asyncScheduler;
    const state = options.state ?? initialSimulationState(script, this.now());
    this.queue = new ContactQueue(script.contacts.length, state.queue);
    this.agent = state.agent;
    this.reservationId = state.reservationId;
    this.offer = state.offer;
    this.call = state.call && {...state.call};
    this.lastCall = state.lastCall;
    this.wrapUp = state.wrapUp;
    this.serial = state.serial;
    this.doNotCall = new Set(state.doNotCall);
    this.callbacks = state.callbacks.map((c) => ({...c}));
    this.dispositions = new Map(state.dispositions.map((d) => [d.callId, d.code]));
    this.capabilities = simulatedCapabilities(script);
    this.events$ = concat(
      defer(() => of<DialerEvent>({type: 'agent-state', state: this.agent})),
      this.out,
    );
    this.agenda = new Agenda(this.scheduler, (action) => this.perform(action));
    for (const entry of state.agenda) this.agenda.plan(entry.at, entry.action);
  }

  /** Contacts not yet called or removed. */
  get remainingContacts(): number {
    return this.queue.size + (this.offer ? 1 : 0);
  }

  /** Everything needed to carry on from here (`options.state`), as plain data. */
  state(): SimulationState {
    return {
      agent: this.agent,
      queue: this.queue.state(),
      reservationId: this.reservationId,
      offer: this.offer,
      call: this.call && {...this.call},
      lastCall: this.lastCall,
      wrapUp: this.wrapUp,
      serial: this.serial,
      agenda: this.agenda.list(),
      doNotCall: [...this.doNotCall],
      callbacks: this.callbacks.map((c) => ({...c})),
      dispositions: [...this.dispositions].map(([callId, code]) => ({callId, code})),
    };
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
    this.agenda.dispose();
    this.out.complete();
  }

  private get timings() {
    return timings(this.script);
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
        this.later(this.timings.latencyMs, {do: 'offer-next'});
        return;
      case 'answer-reservation':
        if (command.reservationId !== this.reservationId) throw stale('reservation');
        this.agenda.cancel((a) => a.do === 'miss-reservation');
        this.emit({type: 'reservation-answered', reservationId: command.reservationId});
        this.later(this.timings.latencyMs, {do: 'offer-next'});
        return;
      case 'accept': {
        const offer = this.takeOffer(command.offerId);
        if (this.limitReached) {
          // The offer stays, without its expiry.
          this.offer = offer;
          this.reportLimit();
          throw new DialerError('concurrent-call-limit', 'No more calls can be made: the concurrent-call limit is reached.');
        }
        this.dial(offer.contact, offer.offerId);
        return;
      }
      case 'skip':
        this.requireSkipReason(command.reason, command.source);
        this.queue.putLast(this.takeOffer(command.offerId).contact);
        this.emit({type: 'offer-withdrawn', offerId: command.offerId, reason: 'skipped'});
        this.pushNext();
        return;
      case 'remove': {
        const {contact} = this.takeOffer(command.offerId);
        if (command.doNotCall) this.doNotCall.add(this.script.contacts[contact].id);
        this.emit({type: 'offer-withdrawn', offerId: command.offerId, reason: 'removed'});
        this.pushNext();
        return;
      }
      case 'leave-campaign':
        if (command.offerId) {
          this.queue.putFirst(this.takeOffer(command.offerId).contact);
          this.emit({type: 'offer-withdrawn', offerId: command.offerId, reason: 'left'});
        }
        this.dropReservation();
        this.setAgent('not-ready', 'Left the campaign');
        return;
      case 'cancel-call':
        if (this.call?.callId !== command.callId || this.call.phase !== 'ringing') throw stale('call');
        this.endCall('cancelled');
        this.afterCall();
        return;
      case 'end-call':
        // The agent hangs up an answered call (protocol 1.2): it ends as a customer's hang-up would.
        if (this.call?.callId !== command.callId) throw stale('call');
        if (this.call.phase !== 'connected' && this.call.phase !== 'machine') {
          throw new DialerError('not-connected', 'Only a call that was answered can be ended; cancel a ringing one.');
        }
        this.endCall('agent-hung-up');
        this.afterCall();
        return;
      case 'voicemail-left':
        if (this.call?.callId !== command.callId || this.call.phase !== 'machine') throw stale('call');
        this.endCall('voicemail-left');
        this.afterCall();
        return;
      case 'schedule-callback': {
        const index = command.offerId !== undefined ? this.offer?.contact : this.lastCall?.contact;
        if (index === undefined || (command.offerId !== undefined && this.offer?.offerId !== command.offerId)) throw stale('contact');
        if (command.at <= this.now()) throw new DialerError('callback-in-past', 'A callback must be in the future.');
        const contactId = this.script.contacts[index].id;
        this.callbacks.push({contactId, at: command.at, phoneNumber: command.phoneNumber, backToMe: command.backToMe});
        if (this.callbacks.length > RECORDS_KEPT) this.callbacks.shift();
        return;
      }
      case 'set-disposition': {
        const wrapUp = this.wrapUp;
        if (wrapUp?.callId !== command.callId) throw stale('call');
        if (!this.script.campaign.wrapUp?.codes.some((c) => c.code === command.code)) {
          throw new DialerError('unknown-disposition', "That disposition is not one of this campaign's.");
        }
        this.dispositions.set(command.callId, command.code);
        if (this.dispositions.size > RECORDS_KEPT) this.dispositions.delete(this.dispositions.keys().next().value!);
        this.agenda.cancel((a) => a.do === 'end-wrap-up' && a.callId === wrapUp.callId);
        this.wrapUp = null;
        this.nextAfterCall();
        return;
      }
    }
  }

  /** What falls due on the agenda. */
  private perform(action: SimulatedAction): void {
    switch (action.do) {
      case 'set-agent-state':
        this.setAgent(action.state, action.reason);
        return;
      case 'reserve':
        this.reserveIfDue();
        return;
      case 'miss-reservation':
        this.missReservation(action.reservationId);
        return;
      case 'offer-next':
        this.offerNext();
        return;
      case 'expire-offer':
        this.expire();
        return;
      case 'ring':
        this.call!.phase = 'ringing';
        this.progress('ringing');
        return;
      case 'conclude':
        this.conclude();
        return;
      case 'hang-up':
        this.endCall(action.reason);
        this.afterCall();
        return;
      case 'end-wrap-up':
        this.wrapUp = null;
        this.nextAfterCall();
        return;
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
      this.later(this.timings.latencyMs, {do: 'reserve'});
      return;
    }
    this.dropReservation();
    if (this.offer) {
      const {offerId} = this.offer;
      this.queue.putFirst(this.dropOffer().contact);
      this.emit({type: 'offer-withdrawn', offerId, reason: 'withdrawn'});
    }
  }

  /** Standard and direct preview: reserve an Available agent (R-M2, R-A2). */
  private reserveIfDue(): void {
    const {campaign} = this.script;
    if (campaign.mode === 'preview' || this.agent !== 'available') return;
    if (this.reservationId || this.offer || this.call || this.wrapUp || this.queue.size === 0) return;
    if (this.reportLimit()) return;
    this.reservationId = this.id('reservation');
    this.emit({type: 'reservation-offered', reservationId: this.reservationId, campaign, at: this.now()});
    const ringMs = this.script.reservationRingMs;
    if (ringMs !== undefined) this.later(ringMs, {do: 'miss-reservation', reservationId: this.reservationId});
  }

  /** The reservation is over (answered and followed by its contact, left, or given up): nothing is planned for it. */
  private dropReservation(): void {
    this.reservationId = null;
    this.agenda.cancel((a) => a.do === 'miss-reservation');
  }

  /** The reservation call rang out unanswered: the dialer takes it back and makes the agent not ready, as contact centers do. */
  private missReservation(reservationId: string): void {
    if (this.reservationId !== reservationId) return;
    this.emit({type: 'reservation-withdrawn', reservationId, reason: 'missed'});
    this.setAgent('not-ready', 'Missed reservation');
  }

  private offerNext(): void {
    if (this.agent !== 'available' || this.offer || this.call) return;
    const contact = this.queue.take();
    if (contact === undefined) {
      this.dropReservation();
      this.emit({
        type: 'action-failed',
        action: 'request-contact',
        code: 'campaign-complete',
        message: 'Every contact of this campaign has been worked.',
      });
      return;
    }
    const {campaign} = this.script;
    const now = this.now();
    const deadline = campaign.timeoutMs > 0 ? now + campaign.timeoutMs : null;
    const offerId = this.id('offer');
    this.offer = {offerId, contact};
    const {outcome: _outcome, ...publicContact} = this.script.contacts[contact];
    this.emit({type: 'contact-offered', offerId, campaign, contact: publicContact, offeredAt: now, deadline});
    if (deadline !== null && this.capabilities.enforcesTimeout) this.later(campaign.timeoutMs, {do: 'expire-offer', offerId});
  }

  /** A dialer that enforces timeouts acts on its own (R-C1). */
  private expire(): void {
    const action = this.script.campaign.timeoutAction;
    const offer = this.dropOffer();
    this.emit({type: 'offer-withdrawn', offerId: offer.offerId, reason: 'expired', autoAction: action});
    if (action === 'accept') {
      this.dial(offer.contact, offer.offerId);
      return;
    }
    if (action === 'skip') this.queue.putLast(offer.contact);
    this.pushNext();
  }

  /** Standard and direct preview push the next contact (R-A2); in preview mode the agent asks (R-M1). */
  private pushNext(): void {
    if (this.script.campaign.mode !== 'preview') this.later(this.timings.latencyMs, {do: 'offer-next'});
  }

  private takeOffer(offerId: string): NonNullable<SimulationState['offer']> {
    if (this.offer?.offerId !== offerId) throw stale('offer');
    return this.dropOffer();
  }

  private dropOffer(): NonNullable<SimulationState['offer']> {
    const offer = this.offer!;
    this.agenda.cancel((a) => a.do === 'expire-offer' && a.offerId === offer.offerId);
    this.offer = null;
    return offer;
  }

  private dial(contact: number, offerId: string): void {
    const callId = this.id('call');
    this.call = {callId, offerId, contact, phase: 'dialing'};
    this.dropReservation();
    this.progress('dialing');
    const {dialMs, ringMs} = this.timings;
    this.later(dialMs, {do: 'ring', callId});
    this.later(dialMs + ringMs, {do: 'conclude', callId});
  }

  private progress(phase: 'dialing' | 'ringing' | 'connected'): void {
    const {offerId, callId} = this.call!;
    this.emit({type: 'call-progress', offerId, callId, phase});
  }

  /** The call's outcome, as its contact (or the script) says the customer answers. */
  private conclude(): void {
    const call = this.call!;
    const outcome = this.script.contacts[call.contact].outcome ?? this.script.outcome ?? 'answer';
    const {cpa} = this.script.campaign;
    const failWith = (reason: 'busy' | 'no-answer' | 'fax' | 'invalid-number') => {
      if (cpa) this.emit({type: 'cpa-result', callId: call.callId, result: reason});
      else this.emit({type: 'call-failed', callId: call.callId, reason});
      this.endCall(reason);
      this.afterCall();
    };
    const hangUpLater = (reason: string) => this.later(this.timings.talkMs, {do: 'hang-up', callId: call.callId, reason});
    switch (outcome) {
      case 'answer':
        call.phase = 'connected';
        if (cpa) this.emit({type: 'cpa-result', callId: call.callId, result: 'live-voice'});
        else this.progress('connected');
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
          this.progress('connected');
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
    this.agenda.cancel((a) => (a.do === 'ring' || a.do === 'conclude' || a.do === 'hang-up') && a.callId === call.callId);
    this.call = null;
    this.lastCall = {callId: call.callId, contact: call.contact};
    this.emit({type: 'call-ended', callId: call.callId, reason, at: this.now()});
  }

  /** After a call: its wrap-up when the campaign has one, then the next reservation (R-A2). */
  private afterCall(): void {
    const config = this.script.campaign.wrapUp;
    if (config && this.lastCall) {
      const {callId} = this.lastCall;
      if (config.timeoutMs > 0) this.later(config.timeoutMs, {do: 'end-wrap-up', callId});
      this.wrapUp = {callId};
      return;
    }
    this.nextAfterCall();
  }

  /** The next reservation in standard and direct preview (R-A2). */
  private nextAfterCall(): void {
    this.later(this.timings.latencyMs * 2, {do: 'reserve'});
  }

  private emit(event: DialerEvent): void {
    this.out.next({...event, v: PROTOCOL_VERSION} as DialerEvent);
  }

  private later(delayMs: number, action: SimulatedAction): void {
    this.agenda.plan(this.now() + delayMs, action);
  }

  private now(): number {
    return Math.floor(this.scheduler.now());
  }

  private id(kind: string): string {
    this.serial += 1;
    return `${kind}-${this.serial}`;
  }
}

type Mutable<T> = {-readonly [K in keyof T]: T[K]};

function stale(what: string): DialerError {
  return new DialerError('stale-' + what, `That ${what} is no longer current.`);
}
