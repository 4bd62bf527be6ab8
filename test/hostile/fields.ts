/**
 * Every field of every dialer event that carries text, a phone number, a time
 * or a duration, each with the events that put a value there where the agent
 * sees it. They are sent while the offer `good-1` is on show (see
 * corpus.ts); none leaves a call active, even when the protocol refuses the
 * value, so the next offer can be decided.
 *
 * The corpus crosses this table with hostile values of each kind; the
 * element tests also use it to check what the agent sees of a value.
 */
import {campaign, contact} from '../core/fixtures.js';

export const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

export type FieldKind = 'text' | 'id' | 'number' | 'time' | 'duration';

/** Where the agent sees the field: in the Campaign contact dialog, on the task card, or nowhere. */
export type Shown = 'preview' | 'card' | null;

export interface Field {
  /** The event type and the path inside it, e.g. `contact-offered contact.name`. */
  readonly name: string;
  readonly kind: FieldKind;
  readonly shown: Shown;
  readonly events: (value: unknown) => unknown[];
}

type Json = Record<string, unknown>;

/** An offer `f-1`, as valid as `good-1`, with some parts replaced. */
export function offer(parts: {offer?: Json; campaign?: Json; contact?: Json} = {}): Json {
  return {
    type: 'contact-offered',
    offerId: 'f-1',
    campaign: {...campaign(), ...parts.campaign},
    contact: {...contact(), ...parts.contact},
    offeredAt: NOW,
    deadline: NOW + 30_000,
    ...parts.offer,
  };
}

/** Offer `f-1`, then its call `c-f`, dialing. */
const calling = (parts: Parameters<typeof offer>[0] = {}) => [
  offer(parts),
  {type: 'call-progress', offerId: 'f-1', callId: 'c-f', phase: 'dialing'},
];

/** A reservation shows once the offer on show is gone. */
const WITHDRAWN = {type: 'offer-withdrawn', offerId: 'good-1', reason: 'withdrawn'};

/** Ends call `c-f` whatever the event before did, so no call stays active after a refused event. */
const END = {type: 'call-ended', callId: 'c-f', wrapUp: false};

const WRAP_UP = {codes: [{code: 'sale', label: 'Sale'}], allowNote: true, timeoutMs: 60_000};

const field = (name: string, kind: FieldKind, shown: Shown, events: (value: unknown) => unknown[]): Field => ({name, kind, shown, events});

export const FIELDS: readonly Field[] = [
  // agent-state
  field('agent-state reason', 'text', null, (reason) => [{type: 'agent-state', state: 'available', reason}]),
  // reservation-offered
  field('reservation-offered reservationId', 'id', null, (reservationId) => [
    {type: 'reservation-offered', reservationId, campaign: campaign(), at: NOW},
  ]),
  field('reservation-offered campaign.name', 'text', 'preview', (name) => [
    WITHDRAWN,
    {type: 'reservation-offered', reservationId: 'r-f', campaign: {...campaign(), name}, at: NOW},
  ]),
  field('reservation-offered at', 'time', 'card', (at) => [
    WITHDRAWN,
    {type: 'reservation-offered', reservationId: 'r-f', campaign: campaign(), at},
  ]),
  field('reservation-answered reservationId', 'id', null, (reservationId) => [{type: 'reservation-answered', reservationId}]),
  field('reservation-withdrawn reservationId', 'id', null, (reservationId) => [
    {type: 'reservation-withdrawn', reservationId, reason: 'missed'},
  ]),
  // contact-offered
  field('contact-offered offerId', 'id', null, (offerId) => [offer({offer: {offerId}})]),
  field('contact-offered offeredAt', 'time', 'card', (offeredAt) => [offer({offer: {offeredAt, deadline: null}})]),
  field('contact-offered deadline', 'time', 'preview', (deadline) => [offer({offer: {deadline}})]),
  field('contact-offered campaign.id', 'id', null, (id) => [offer({campaign: {id}})]),
  field('contact-offered campaign.name', 'text', 'preview', (name) => [offer({campaign: {name}})]),
  field('contact-offered campaign.timeoutMs', 'duration', 'preview', (timeoutMs) => [
    offer({campaign: {timeoutMs}, offer: {deadline: null}}),
  ]),
  field('contact-offered campaign.skipReasons code', 'id', null, (code) => [
    offer({campaign: {skipReasons: {required: false, reasons: [{code, label: 'Busy'}]}}}),
  ]),
  field('contact-offered campaign.skipReasons label', 'text', 'preview', (label) => [
    offer({campaign: {skipReasons: {required: false, reasons: [{code: 'busy', label}]}}}),
  ]),
  field('contact-offered campaign.wrapUp code', 'id', null, (code) => [
    ...calling({campaign: {wrapUp: {...WRAP_UP, codes: [{code, label: 'Sale'}]}}}),
    {type: 'call-ended', callId: 'c-f'},
  ]),
  field('contact-offered campaign.wrapUp label', 'text', 'card', (label) => [
    ...calling({campaign: {wrapUp: {...WRAP_UP, codes: [{code: 'sale', label}]}}}),
    {type: 'call-ended', callId: 'c-f'},
  ]),
  field('contact-offered campaign.wrapUp.timeoutMs', 'duration', 'card', (timeoutMs) => [
    ...calling({campaign: {wrapUp: {...WRAP_UP, timeoutMs}}}),
    {type: 'call-ended', callId: 'c-f'},
  ]),
  field('contact-offered contact.id', 'id', null, (id) => [offer({contact: {id}})]),
  field('contact-offered contact.name', 'text', 'preview', (name) => [offer({contact: {name}})]),
  field('contact-offered contact.phoneNumbers number', 'number', 'preview', (number) => [
    offer({contact: {phoneNumbers: [{number, label: 'Mobile'}, {number: '+55 11 3333-4444'}]}}),
  ]),
  field('contact-offered contact.phoneNumbers label', 'text', 'preview', (label) => [
    offer({contact: {phoneNumbers: [{number: '+55 11 91234-5678', label}, {number: '+55 11 3333-4444'}]}}),
  ]),
  field('contact-offered contact.details label', 'text', 'preview', (label) => [offer({contact: {details: [{label, value: 'ACC-1'}]}})]),
  field('contact-offered contact.details value', 'text', 'preview', (value) => [offer({contact: {details: [{label: 'Account', value}]}})]),
  field('contact-offered contact.history at', 'time', 'preview', (at) => [offer({contact: {history: [{at, outcome: 'busy'}]}})]),
  field('contact-offered contact.history outcome', 'text', 'preview', (outcome) => [
    offer({contact: {history: [{at: NOW - 86_400_000, outcome}]}}),
  ]),
  field('contact-offered contact.history disposition', 'text', 'preview', (disposition) => [
    offer({contact: {history: [{at: NOW - 86_400_000, outcome: 'busy', disposition}]}}),
  ]),
  // offer-withdrawn
  field('offer-withdrawn offerId', 'id', null, (offerId) => [{type: 'offer-withdrawn', offerId, reason: 'withdrawn'}]),
  // call-progress, cpa-result
  field('call-progress callId', 'id', null, (callId) => [
    offer(),
    {type: 'call-progress', offerId: 'f-1', callId, phase: 'dialing'},
    {type: 'call-failed', callId, reason: 'busy'},
  ]),
  field('cpa-result callId', 'id', null, (callId) => [{type: 'cpa-result', callId, result: 'live-voice'}]),
  // call-failed
  field('call-failed reason', 'text', 'card', (reason) => [...calling(), {type: 'call-failed', callId: 'c-f', reason}, END]),
  field('call-failed callId', 'id', null, (callId) => [{type: 'call-failed', callId, reason: 'busy'}]),
  // call-ended
  field('call-ended reason', 'text', null, (reason) => [...calling(), {type: 'call-ended', callId: 'c-f', reason}, END]),
  field('call-ended at', 'time', 'card', (at) => [...calling({campaign: {wrapUp: WRAP_UP}}), {type: 'call-ended', callId: 'c-f', at}, END]),
  // action-failed
  field('action-failed offerId', 'id', null, (offerId) => [{type: 'action-failed', action: 'accept', offerId, code: 'E1', message: 'No'}]),
  field('action-failed code', 'text', 'preview', (code) => [
    {type: 'action-failed', action: 'accept', offerId: 'good-1', code, message: 'Refused'},
  ]),
  field('action-failed message', 'text', 'preview', (message) => [
    {type: 'action-failed', action: 'accept', offerId: 'good-1', code: 'E1', message},
  ]),
  // limit-reached (cleared again by the corpus tests before the next offer)
  field('limit-reached code', 'text', 'preview', (code) => [{type: 'limit-reached', scope: 'tenant', code, message: 'Too many calls'}]),
  field('limit-reached message', 'text', 'preview', (message) => [{type: 'limit-reached', scope: 'tenant', code: 'LIMIT', message}]),
  // stream-error
  field('stream-error code', 'text', 'preview', (code) => [{type: 'stream-error', code, message: 'Lost'}]),
  field('stream-error message', 'text', 'preview', (message) => [{type: 'stream-error', code: 'E_STREAM', message}]),
];
