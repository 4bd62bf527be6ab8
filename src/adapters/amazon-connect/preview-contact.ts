/**
 * Reading an Amazon Connect campaign-preview contact as plain data: where it
 * stands for the kit, who the customer is, which campaign it belongs to. No
 * library code runs here but the contact's own getters.
 */
import type {Campaign, Contact} from '../../protocol/index.js';
import type {PreviewConfiguration, StreamsConnection, StreamsContact} from './streams-types.js';

/**
 * Where a preview contact stands:
 * - `ringing`: offered to the agent, ringing (incoming);
 * - `answering`: the agent accepted it, it is connecting;
 * - `previewing`: connected to the agent, the customer not dialled yet: the preview with its countdown;
 * - `ringing-customer` / `connected`: the customer's leg is connecting / up;
 * - `customer-gone`: the customer's leg is disconnected while the contact is still up;
 * - `missed`: it rang out (Streams then puts the agent in an error state such as `MissedCallAgent`);
 * - `failed`: the contact errored;
 * - `after-call`: ended, in after-call work until it is cleared;
 * - `rejected`.
 */
export type PreviewPhase =
  | 'ringing'
  | 'answering'
  | 'previewing'
  | 'ringing-customer'
  | 'connected'
  | 'customer-gone'
  | 'missed'
  | 'failed'
  | 'after-call'
  | 'rejected';

/** The agent's error states that say the customer's leg could not be reached. */
const CUSTOMER_ERRORS = new Set(['FailedConnectCustomer', 'BadAddressCustomer', 'LineEngagedCustomer', 'MissedCallCustomer']);
/** The agent's error state after a contact rang out unanswered. */
const MISSED_CALL_AGENT = 'MissedCallAgent';

/** What the host may say about a contact, in place of the attributes the adapter reads by default. */
export interface ContactDescription {
  readonly name?: string;
  readonly phoneNumber?: string;
  readonly campaignName?: string;
  readonly details?: ReadonlyArray<{readonly label: string; readonly value: string}>;
}

/** Attributes the adapter reads by default (any other string attribute is a detail). */
export const READ_ATTRIBUTES = {
  name: ['customerName', 'firstName', 'lastName'],
  phoneNumber: ['phoneNumber', 'customerPhoneNumber'],
  campaign: ['campaignName', 'campaignId'],
} as const;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** The customer's leg: the initial connection that is not the agent's, else the first that is not. */
export function customerConnection(contact: StreamsContact): StreamsConnection | null {
  const legs = contact.getConnections().filter((connection) => connection.getType() !== 'agent');
  return legs.find((connection) => connection.isInitialConnection()) ?? legs[0] ?? null;
}

/** The contact's phase, from its state, its customer's leg, and the agent's state (for the error states Streams reports there). */
export function phaseOf(contact: StreamsContact, agentState: {readonly type: string; readonly name: string}): PreviewPhase {
  const state = contact.getState().type;
  const agentError = errorName(agentState);
  switch (state) {
    case 'incoming':
      return missedCall(agentState) ? 'missed' : 'ringing';
    case 'connecting':
    case 'pending':
      return 'answering';
    case 'missed':
      return 'missed';
    case 'rejected':
      return 'rejected';
    case 'error':
      return 'failed';
    case 'ended':
      return 'after-call';
    case 'connected': {
      const leg = customerConnection(contact)?.getState().type ?? 'init';
      if (leg === 'connecting') return agentError && CUSTOMER_ERRORS.has(agentError) ? 'customer-gone' : 'ringing-customer';
      if (leg === 'connected' || leg === 'hold') return 'connected';
      if (leg === 'disconnected') return 'customer-gone';
      return 'previewing';
    }
    default:
      return missedCall(agentState) ? 'missed' : 'ringing';
  }
}

/** The agent's error state, if it is in one: Streams knows them by name (its `AgentErrorStates`), with type `error`. */
function errorName(agentState: {readonly type: string; readonly name: string}): string | null {
  const name = text(agentState.name);
  return name && (agentState.type === 'error' || name === MISSED_CALL_AGENT || CUSTOMER_ERRORS.has(name)) ? name : null;
}

/** Whether the agent is in Streams' state after a contact rang out unanswered. */
export function missedCall(agentState: {readonly type: string; readonly name: string}): boolean {
  return errorName(agentState) === MISSED_CALL_AGENT;
}

/** Why the customer could not be reached: the agent's error state, else a plain code. */
export function failureOf(agentState: {readonly type: string; readonly name: string}): string {
  return errorName(agentState) ?? 'customer-not-reached';
}

/** When the contact entered its current state, on the page's clock (Streams' timestamps are the service's; skew = service - page). */
export function stateSince(contact: StreamsContact, skew: number, now: number): number {
  const at = contact.getState().timestamp;
  const ms = at instanceof Date ? at.getTime() : Number.NaN;
  return Number.isFinite(ms) ? ms - skew : now;
}

function attributesOf(contact: StreamsContact): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, attribute] of Object.entries(contact.getAttributes() ?? {})) {
    const value = text(attribute?.value);
    if (value !== null) values.set(key, value);
  }
  return values;
}

/** The kit's campaign for the contact: its name from the host's description, the attributes, else the queue's. */
export function campaignOf(
  contact: StreamsContact,
  description: ContactDescription,
  discard: {readonly skip: boolean; readonly remove: boolean},
  wrapUpCodes: Campaign['wrapUp'],
): Campaign {
  const attributes = attributesOf(contact);
  const queue = contact.getQueue();
  const name = text(description.campaignName) ?? attributes.get('campaignName') ?? text(queue?.name) ?? 'Outbound campaign';
  return {
    id: attributes.get('campaignId') ?? text(queue?.queueARN) ?? name,
    name,
    // The agent answers the preview contact (a reservation call), then sees the customer (R-M2).
    mode: 'standard',
    timeoutMs: 0,
    // At the end of the countdown Amazon Connect dials by itself.
    timeoutAction: 'accept',
    // Amazon Connect's discard, where the campaign allows it, is the kit's Skip or Remove (the host's choice).
    allowSkip: discard.skip,
    allowRemove: discard.remove,
    allowEndCall: true,
    cpa: false,
    forceNumber: true,
    ...(wrapUpCodes ? {wrapUp: wrapUpCodes} : {}),
  };
}

/** The customer: the host's description first, then the attributes, the number also from the customer's leg. */
export function customerOf(contact: StreamsContact, description: ContactDescription): Contact {
  const attributes = attributesOf(contact);
  const fullName = [attributes.get('firstName'), attributes.get('lastName')].filter(Boolean).join(' ');
  const number =
    text(description.phoneNumber) ??
    text(customerConnection(contact)?.getEndpoint()?.phoneNumber) ??
    attributes.get('phoneNumber') ??
    attributes.get('customerPhoneNumber') ??
    '';
  const read = new Set<string>([...READ_ATTRIBUTES.name, ...READ_ATTRIBUTES.phoneNumber, ...READ_ATTRIBUTES.campaign]);
  const details = description.details ?? [...attributes].filter(([key]) => !read.has(key)).map(([label, value]) => ({label, value}));
  return {
    id: contact.getContactId(),
    name: text(description.name) ?? attributes.get('customerName') ?? (fullName || number),
    phoneNumbers: [{number}],
    details: details.map(({label, value}) => ({label, value})),
  };
}

/** The countdown's end: `autoDialTimeout` seconds after the preview began (the agent's accept). */
export function deadlineOf(previewSince: number, configuration: PreviewConfiguration): number | null {
  const seconds = Number(configuration.autoDialTimeout);
  return Number.isFinite(seconds) && seconds > 0 ? previewSince + Math.round(seconds * 1000) : null;
}
