/**
 * Commands out: everything the kit asks a dialer to do.
 */
import * as v from 'valibot';
import {AgentStateSchema} from './events.js';
import {EpochMs, Id, PhoneNumberText} from './fields.js';
import {PROTOCOL_VERSION} from './version.js';

/** Who made the decision: the agent, or the kit when the offer timed out (R-C1). */
const Source = v.picklist(['agent', 'timeout']);

const command = <T extends string, E extends v.ObjectEntries>(type: T, entries: E) =>
  v.object({type: v.literal(type), v: v.literal(PROTOCOL_VERSION), ...entries});

/** Preview mode: ask the dialer for a contact (R-M1). */
export const RequestContactCommand = command('request-contact', {});
/** Standard and direct preview: answer the reservation call (R-M2, R-A2). */
export const AnswerReservationCommand = command('answer-reservation', {reservationId: Id});
/** Dial the contact at the chosen number (R-M2). */
export const AcceptCommand = command('accept', {
  offerId: Id,
  phoneNumber: PhoneNumberText,
  source: Source,
});
/** Move on to another contact (R-M2), with the campaign's skip reason when it has them. */
export const SkipCommand = command('skip', {offerId: Id, source: Source, reason: v.optional(Id)});
/** Never call this contact again (R-M2); optionally add it to the do-not-call list. */
export const RemoveCommand = command('remove', {offerId: Id, source: Source, doNotCall: v.optional(v.boolean())});
/** Leave the campaign (R-M2 "Cancel"). */
export const LeaveCampaignCommand = command('leave-campaign', {offerId: v.optional(Id)});
/** Cancel a ringing call (R-U4). */
export const CancelCallCommand = command('cancel-call', {callId: Id});
/** Protocol 1.2: hang up a call that was answered (connected or on an answering machine). */
export const EndCallCommand = command('end-call', {callId: Id});
/** The agent left a voicemail by hand (R-U6). */
export const VoicemailLeftCommand = command('voicemail-left', {callId: Id});
/** The call's disposition code, and the agent's note when the campaign allows one. */
export const SetDispositionCommand = command('set-disposition', {
  callId: Id,
  code: Id,
  note: v.optional(v.pipe(v.string(), v.maxLength(2_000))),
});
/**
 * Call the contact back at `at` (epoch ms), from the preview (`offerId`) or the
 * wrap-up (`callId`); `backToMe` keeps the callback for this agent.
 */
export const ScheduleCallbackCommand = command('schedule-callback', {
  offerId: v.optional(Id),
  callId: v.optional(Id),
  at: EpochMs,
  phoneNumber: PhoneNumberText,
  backToMe: v.boolean(),
});
/** Change the agent's state (R-A1). */
export const SetAgentStateCommand = command('set-agent-state', {
  state: AgentStateSchema,
  reason: v.optional(v.string()),
});

export const DialerCommandSchema = v.variant('type', [
  RequestContactCommand,
  AnswerReservationCommand,
  AcceptCommand,
  SkipCommand,
  RemoveCommand,
  LeaveCampaignCommand,
  CancelCallCommand,
  EndCallCommand,
  VoicemailLeftCommand,
  SetDispositionCommand,
  ScheduleCallbackCommand,
  SetAgentStateCommand,
]);

export type DialerCommand = v.InferOutput<typeof DialerCommandSchema>;
export type DialerCommandType = DialerCommand['type'];
export type DialerCommandOf<T extends DialerCommandType> = Extract<DialerCommand, {type: T}>;
export type DecisionSource = v.InferOutput<typeof Source>;
