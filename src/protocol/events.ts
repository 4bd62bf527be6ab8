/**
 * Events in: everything a dialer tells the kit.
 *
 * Each event is a plain JSON object with a `type` discriminator. The schemas
 * below are the single source of truth: the static types are inferred from
 * them, and every event that crosses an adapter is parsed with them at run
 * time (see `parseDialerEvent`).
 *
 * Every value has bounds within which the kit can show it (limits.ts): times
 * up to the end of the year 9999, durations up to 24 hours, an offer's
 * deadline within 24 hours after it was offered, phone numbers with nothing
 * invisible or reordering in them. A fix within version 1: values beyond them
 * used to be accepted and could not be shown (a time beyond what `Date`
 * represents crashed the dialog; a number with a bidi override was shown
 * reversed).
 */
import * as v from 'valibot';
import {DurationMs, EpochMs, Id, PhoneNumberText, Text} from './fields.js';
import {MAX_DURATION_MS} from './limits.js';
import {PROTOCOL_VERSION} from './version.js';

/** Events may say which protocol version they follow; only this one is understood. */
const Version = v.optional(v.literal(PROTOCOL_VERSION));

export const CampaignModeSchema = v.picklist(['preview', 'standard', 'direct']);
export const TimeoutActionSchema = v.picklist(['skip', 'accept', 'remove']);

/** `HH:MM`, 24-hour clock. */
const ClockTime = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time as HH:MM'));

/** An IANA time zone the platform knows, such as `America/Sao_Paulo`. */
const TimeZone = v.pipe(
  v.string(),
  v.maxLength(64),
  v.check((zone) => {
    try {
      new Intl.DateTimeFormat('en', {timeZone: zone});
      return true;
    } catch {
      return false;
    }
  }, 'Expected an IANA time zone'),
);

/** A code and the words the agent sees for it (skip reasons, dispositions). */
export const ReasonSchema = v.object({code: Id, label: Text});

/** Optional campaign features beyond the source text; absent means off. */
export const CampaignOptions = {
  /** The agent cannot choose a number: the contact's first number is dialed. */
  forceNumber: v.optional(v.boolean()),
  /** Reasons offered when skipping; `required` means Skip needs one. */
  skipReasons: v.optional(v.object({required: v.boolean(), reasons: v.pipe(v.array(ReasonSchema), v.minLength(1), v.maxLength(50))})),
  /** Remove can also add the contact to the do-not-call list. */
  allowDoNotCall: v.optional(v.boolean()),
  /** The hours (in the contact's time zone) when calls are allowed; `enforce` blocks Accept outside them. */
  callingWindow: v.optional(v.object({start: ClockTime, end: ClockTime, enforce: v.boolean()})),
  /** The agent may schedule a callback, from the preview or the wrap-up. */
  callbacks: v.optional(v.object({allowOtherNumber: v.boolean(), allowBackToMe: v.boolean()})),
  /**
   * After a campaign call, the agent gives a disposition code (and a note when
   * allowed) within `timeoutMs` (0: no limit); the dialer holds the next preview until then.
   */
  wrapUp: v.optional(
    v.object({
      codes: v.pipe(v.array(ReasonSchema), v.minLength(1), v.maxLength(100)),
      allowNote: v.boolean(),
      timeoutMs: DurationMs,
    }),
  ),
};

/** A campaign's configuration as far as the preview needs it (R-C1, R-C2, R-C3). */
export const CampaignSchema = v.object({
  id: Id,
  name: Text,
  mode: CampaignModeSchema,
  /** How long the agent has to decide, in ms; 0 means no timeout (R-C1). */
  timeoutMs: DurationMs,
  /** What happens when the timeout passes (R-C1). */
  timeoutAction: TimeoutActionSchema,
  /** Whether Skip is offered (R-C2). */
  allowSkip: v.boolean(),
  /** Whether Remove is offered (R-C2). */
  allowRemove: v.boolean(),
  /** Whether a ringing call may be cancelled from the task card (R-C3). */
  allowEndCall: v.boolean(),
  /** Whether call progress analysis decides what happens after Accept (R-M2). */
  cpa: v.boolean(),
  ...CampaignOptions,
});

export const PhoneNumberSchema = v.object({
  /** Dialled as it is, and shown exactly so. */
  number: PhoneNumberText,
  label: v.optional(Text),
  /** What kind of line it is. */
  type: v.optional(v.picklist(['mobile', 'home', 'work', 'other'])),
  /** Whether this campaign already tried the number. */
  tried: v.optional(v.boolean()),
});

/** An earlier attempt to reach the contact. */
export const AttemptSchema = v.object({
  at: EpochMs,
  outcome: Text,
  disposition: v.optional(Text),
});

export const DetailFieldSchema = v.object({
  label: Text,
  value: Text,
});

export const ContactSchema = v.object({
  id: Id,
  name: Text,
  phoneNumbers: v.pipe(v.array(PhoneNumberSchema), v.minLength(1), v.maxLength(20)),
  details: v.pipe(v.array(DetailFieldSchema), v.maxLength(100)),
  /** The contact's time zone, for the calling window. */
  timeZone: v.optional(TimeZone),
  /** Earlier attempts, most recent first. */
  history: v.optional(v.pipe(v.array(AttemptSchema), v.maxLength(50))),
});

export const AgentStateSchema = v.picklist(['available', 'not-ready']);

export const CpaResultSchema = v.picklist(['live-voice', 'answering-machine', 'fax', 'busy', 'no-answer', 'invalid-number']);

export const ActionSchema = v.picklist([
  'request-contact',
  'answer-reservation',
  'accept',
  'skip',
  'remove',
  'leave-campaign',
  'cancel-call',
  'end-call',
  'voicemail-left',
  'set-disposition',
  'schedule-callback',
  'set-agent-state',
]);

const event = <T extends string, E extends v.ObjectEntries>(type: T, entries: E) =>
  v.object({type: v.literal(type), v: Version, ...entries});

/** The agent's state changed (R-A1). */
export const AgentStateEvent = event('agent-state', {
  state: AgentStateSchema,
  reason: v.optional(Text),
});

/** Standard or direct preview: the dialer reserves the agent with a reservation call (R-M2, R-M3). */
export const ReservationOfferedEvent = event('reservation-offered', {
  reservationId: Id,
  campaign: CampaignSchema,
  at: EpochMs,
});

/** The agent answered the reservation call; the contact follows (R-A2). */
export const ReservationAnsweredEvent = event('reservation-answered', {
  reservationId: Id,
});

/**
 * Protocol 1.1: the reservation is over before its contact came. `missed`:
 * the agent did not answer the reservation call while it rang (the dialer
 * may then have made the agent not ready, which its `agent-state` says);
 * `withdrawn`: the dialer took it back for its own reasons.
 */
export const ReservationWithdrawnEvent = event('reservation-withdrawn', {
  reservationId: Id,
  reason: v.picklist(['missed', 'withdrawn']),
});

/** Whether an offer's deadline, if any, falls within `MAX_DURATION_MS` after it was offered. */
const deadlineWithinADay = ({offeredAt, deadline}: {offeredAt: number; deadline: number | null}): boolean =>
  deadline === null || (deadline >= offeredAt && deadline - offeredAt <= MAX_DURATION_MS);

/** A customer contact to preview (R-U1). */
export const ContactOfferedEvent = v.pipe(
  event('contact-offered', {
    offerId: Id,
    campaign: CampaignSchema,
    contact: ContactSchema,
    /** When the preview started (the task card's timer counts from here, R-U3). */
    offeredAt: EpochMs,
    /** Absolute deadline for the agent's decision, or null when the campaign has no timeout. */
    deadline: v.pipe(v.nullable(EpochMs), v.description('At or after offeredAt, and at most 24 hours after it (86400000 ms).')),
  }),
  v.forward(
    v.check((offer) => deadlineWithinADay(offer), 'Expected a deadline within 24 hours after offeredAt'),
    ['deadline'],
  ),
);

/** The offer is gone: withdrawn by the dialer, or expired and handled by the dialer's auto action. */
export const OfferWithdrawnEvent = event('offer-withdrawn', {
  offerId: Id,
  reason: v.picklist(['withdrawn', 'expired', 'skipped', 'removed', 'left']),
  /** When the dialer enforced the timeout itself: the action it took. */
  autoAction: v.optional(TimeoutActionSchema),
});

/** The call placed for an accepted offer moved on (R-U2, R-U4). */
export const CallProgressEvent = event('call-progress', {
  offerId: Id,
  callId: Id,
  phase: v.picklist(['dialing', 'ringing', 'connected']),
});

/** The call progress analysis result (R-M2, R-U6). */
export const CpaResultEvent = event('cpa-result', {
  callId: Id,
  result: CpaResultSchema,
});

/** The call could not be completed (R-U5). */
export const CallFailedEvent = event('call-failed', {
  callId: Id,
  reason: Text,
  /** False when the dialer wants no disposition for this call; absent, the campaign's `wrapUp` decides. */
  wrapUp: v.optional(v.boolean()),
});

/** The call ended. */
export const CallEndedEvent = event('call-ended', {
  callId: Id,
  reason: v.optional(Text),
  /** When it ended; the wrap-up time counts from here. */
  at: v.optional(EpochMs),
  /** False when the dialer wants no disposition for this call; absent, the campaign's `wrapUp` decides. */
  wrapUp: v.optional(v.boolean()),
});

/** A command was refused by the dialer. */
export const ActionFailedEvent = event('action-failed', {
  action: ActionSchema,
  offerId: v.optional(Id),
  code: Text,
  message: Text,
});

/** The tenant or data centre reached its maximum of concurrent calls (R-L1). */
export const LimitReachedEvent = event('limit-reached', {
  scope: v.picklist(['tenant', 'datacenter']),
  code: Text,
  message: Text,
});

/** Calls can be made again. */
export const LimitClearedEvent = event('limit-cleared', {});

/** The connection to the dialer went down (nothing can be sent) or came back. */
export const ConnectionStateEvent = event('connection-state', {
  state: v.picklist(['online', 'offline']),
});

/** The stream itself has a problem (connection lost, protocol mismatch...). */
export const StreamErrorEvent = event('stream-error', {
  code: Text,
  message: Text,
});

/** A decision the dialer received for the offer and has not yet carried out. */
export const PendingDecisionSchema = v.object({
  action: v.picklist(['accept', 'skip', 'remove', 'leave']),
  source: v.picklist(['agent', 'timeout']),
  /** The number an accept dials. */
  phoneNumber: v.optional(PhoneNumberText),
});

/**
 * Protocol 1.1: the complete situation now, replacing whatever the kit knew
 * (on connect, on reconnect, after a reload, or at any time to correct drift).
 * A snapshot never undoes what the agent did: a decision the kit sent stays
 * sent, a disposition given stays given (see the core's `applySnapshot`).
 */
export const SnapshotEvent = event('snapshot', {
  /** The agent's state, or null when the dialer does not know it yet. */
  agent: v.nullable(v.object({state: AgentStateSchema, reason: v.nullable(Text)})),
  /** The agent asked for a contact and none has come yet. */
  requesting: v.boolean(),
  reservation: v.nullable(
    v.object({
      reservationId: Id,
      campaign: CampaignSchema,
      at: EpochMs,
      answered: v.boolean(),
      /** The dialer has the agent's answer and is connecting the reservation call. */
      answering: v.boolean(),
    }),
  ),
  offer: v.nullable(
    v.object({
      offerId: Id,
      campaign: CampaignSchema,
      contact: ContactSchema,
      /** When the preview started: the reservation call, or the offer (R-U3). */
      startedAt: EpochMs,
      deadline: v.nullable(EpochMs),
      decision: v.nullable(PendingDecisionSchema),
      /** The deadline was dealt with once (by the dialer, or by a timeout action a page sent, even one refused): no page acts on it again. */
      timedOut: v.boolean(),
      /** The dialer is carrying out the campaign's timeout action itself. */
      expired: v.boolean(),
      /** When a callback was scheduled from this preview. */
      callbackAt: v.nullable(EpochMs),
    }),
  ),
  call: v.nullable(
    v.object({
      callId: Id,
      offerId: Id,
      campaign: CampaignSchema,
      contact: ContactSchema,
      phoneNumber: PhoneNumberText,
      /** When its preview started (the task card's timer counts from here). */
      startedAt: EpochMs,
      phase: v.picklist(['dialing', 'ringing', 'connected', 'answering-machine', 'failed', 'ended']),
      cpa: v.nullable(CpaResultSchema),
      failReason: v.nullable(Text),
      /** The dialer has the agent's cancel and is ending the call. */
      cancelling: v.boolean(),
      /** Protocol 1.2: the dialer has the agent's end-call and is hanging up. */
      ending: v.optional(v.boolean()),
      voicemailLeft: v.boolean(),
      /** The disposition owed after the call, when the campaign asks for one. */
      wrapUp: v.nullable(v.object({deadline: v.nullable(EpochMs), disposition: v.nullable(Id)})),
      /** When a callback was scheduled from this call's wrap-up. */
      callbackAt: v.nullable(EpochMs),
    }),
  ),
  /** The last attempt that failed, while the agent has not had another contact (R-U5). */
  lastFailure: v.nullable(v.object({contactName: Text, reason: Text})),
  limit: v.nullable(v.object({scope: v.picklist(['tenant', 'datacenter']), code: Text, message: Text})),
});

export const DialerEventSchema = v.variant('type', [
  AgentStateEvent,
  ReservationOfferedEvent,
  ReservationAnsweredEvent,
  ReservationWithdrawnEvent,
  ContactOfferedEvent,
  OfferWithdrawnEvent,
  CallProgressEvent,
  CpaResultEvent,
  CallFailedEvent,
  CallEndedEvent,
  ActionFailedEvent,
  LimitReachedEvent,
  LimitClearedEvent,
  ConnectionStateEvent,
  StreamErrorEvent,
  SnapshotEvent,
]);

export type Campaign = v.InferOutput<typeof CampaignSchema>;
export type CampaignMode = v.InferOutput<typeof CampaignModeSchema>;
export type TimeoutAction = v.InferOutput<typeof TimeoutActionSchema>;
export type Contact = v.InferOutput<typeof ContactSchema>;
export type PhoneNumber = v.InferOutput<typeof PhoneNumberSchema>;
export type DetailField = v.InferOutput<typeof DetailFieldSchema>;
export type Attempt = v.InferOutput<typeof AttemptSchema>;
export type Reason = v.InferOutput<typeof ReasonSchema>;
export type CallingWindow = NonNullable<Campaign['callingWindow']>;
export type WrapUpConfig = NonNullable<Campaign['wrapUp']>;
export type AgentState = v.InferOutput<typeof AgentStateSchema>;
export type CpaResult = v.InferOutput<typeof CpaResultSchema>;
export type DialerAction = v.InferOutput<typeof ActionSchema>;
export type DialerEvent = v.InferOutput<typeof DialerEventSchema>;
export type DialerEventType = DialerEvent['type'];
export type DialerEventOf<T extends DialerEventType> = Extract<DialerEvent, {type: T}>;
export type Snapshot = DialerEventOf<'snapshot'>;
