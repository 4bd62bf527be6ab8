/**
 * Builders for the agent data Amazon Connect's CCP sends down in `agent::update`: the CTI
 * service's GetAgentSnapshot response plus the agent's configuration. Timestamps are `Date`s,
 * as the AWS SDK in the CCP's worker parses them (postMessage keeps them `Date`s); the library
 * calls `getTime()` on them. The stand-in CCP adds what that worker adds on top (`skew`,
 * `localTimestamp`, id aliases), so these builders give only what the service sends.
 */

export const REGION = 'us-east-1';
const INSTANCE_ARN = `arn:aws:connect:${REGION}:123456789012:instance/0b7e3c1a-5d2f-4e8a-9c61-3f4b2a7d8e90`;
const OUTBOUND_QUEUE = {queueARN: `${INSTANCE_ARN}/queue/5c1e7a2b-0d94-4f3e-8b6a-2e9d1c4f7a35`, name: 'Spring Renewals Outbound'};

export type AgentStateType = 'init' | 'routable' | 'not_routable' | 'offline' | 'system' | 'error';
/** Streams' `connect.AgentErrorStates`: the system states an agent falls into, e.g. after a missed contact. */
export type AgentErrorStateName =
  | 'Error'
  | 'AgentHungUp'
  | 'BadAddressAgent'
  | 'BadAddressCustomer'
  | 'Default'
  | 'FailedConnectAgent'
  | 'FailedConnectCustomer'
  | 'LineEngagedAgent'
  | 'LineEngagedCustomer'
  | 'MissedCallAgent'
  | 'MissedCallCustomer'
  | 'RealtimeCommunicationError';
export type ContactStateType =
  'init' | 'incoming' | 'pending' | 'connecting' | 'connected' | 'missed' | 'error' | 'ended' | 'rejected' | 'paused';
export type ConnectionStateType = 'init' | 'connecting' | 'connected' | 'hold' | 'disconnected' | 'silent_monitor' | 'barge';

/** One of the agent's configured states, as `agent.getAgentStates()` lists them and `agent.setState()` takes them. */
export interface AgentStateDefinition {
  readonly agentStateARN: string | null;
  readonly name: string;
  readonly type: AgentStateType;
}

export interface AgentState extends AgentStateDefinition {
  readonly startTimestamp: Date;
}

/** What the agent is actually doing (`Busy` on a contact while the chosen state is still `Available`). */
export interface AgentAvailabilityState {
  readonly state: string;
  readonly type: AgentStateType;
  readonly timeStamp: Date;
}

export interface Endpoint {
  readonly endpointARN: string | null;
  readonly type: 'agent' | 'phone_number' | 'queue';
  readonly name: string | null;
  readonly phoneNumber: string | null;
  readonly agentLogin: string | null;
  readonly queue: string | null;
}

export interface ConnectionData {
  readonly connectionId: string;
  readonly endpoint: Endpoint;
  readonly state: {readonly type: ConnectionStateType; readonly timestamp: Date};
  readonly type: 'agent' | 'inbound' | 'outbound' | 'monitoring';
  /** The leg the contact started with: `contact.getInitialConnection()` (and `isInbound()`) look for it. */
  readonly initial: boolean;
}

export interface ContactData {
  readonly contactId: string;
  readonly initialContactId: string;
  readonly type: 'voice';
  readonly initiationMethod: string;
  readonly state: {readonly type: ContactStateType; readonly timestamp: Date};
  /** Never null for a routed contact: the CCP's worker reads `queue.queueARN` of every contact. */
  readonly queue: {readonly queueARN: string; readonly name: string};
  readonly queueTimestamp: Date;
  readonly attributes: Readonly<Record<string, {readonly name: string; readonly value: string}>>;
  readonly connections: readonly ConnectionData[];
}

export interface AgentSnapshot {
  readonly state: AgentState;
  readonly agentAvailabilityState: AgentAvailabilityState;
  /** A state the agent chose to enter once the current contact ends (`enqueueNextState`). */
  readonly nextState: AgentState | null;
  readonly contacts: readonly ContactData[];
  /** The service's clock when it took the snapshot: the CCP derives the clock skew from it. */
  readonly snapshotTimestamp: Date;
}

export const AVAILABLE: AgentStateDefinition = {
  agentStateARN: `${INSTANCE_ARN}/agent-state/available`,
  name: 'Available',
  type: 'routable',
};
export const BREAK: AgentStateDefinition = {agentStateARN: `${INSTANCE_ARN}/agent-state/break`, name: 'Break', type: 'not_routable'};
export const OFFLINE: AgentStateDefinition = {agentStateARN: `${INSTANCE_ARN}/agent-state/offline`, name: 'Offline', type: 'offline'};

/** A configured state as the snapshot carries it, entered at `since`. */
export const agentState = (definition: AgentStateDefinition, since = new Date()): AgentState => ({...definition, startTimestamp: since});

/** A system error state: it has no ARN (the agent cannot choose it) and type `error`. */
export const errorState = (name: AgentErrorStateName, since = new Date()): AgentState => ({
  agentStateARN: null,
  name,
  type: 'error',
  startTimestamp: since,
});

/** An agent snapshot; the availability state follows the agent state unless given. */
export function agentSnapshot({
  state = agentState(AVAILABLE),
  availability = {state: state.name, type: state.type, timeStamp: state.startTimestamp},
  nextState = null,
  contacts = [],
  snapshotTimestamp = new Date(),
}: {
  state?: AgentState;
  availability?: AgentAvailabilityState;
  nextState?: AgentState | null;
  contacts?: readonly ContactData[];
  snapshotTimestamp?: Date;
} = {}): AgentSnapshot {
  return {state, agentAvailabilityState: availability, nextState, contacts, snapshotTimestamp};
}

const endpoint = (type: Endpoint['type'], fields: Partial<Endpoint>): Endpoint => ({
  endpointARN: null,
  type,
  name: null,
  phoneNumber: null,
  agentLogin: null,
  queue: null,
  ...fields,
});

/** The agent's own leg of a contact (`contact.getAgentConnection()`). */
export const agentLeg = (contactId: string, state: ConnectionStateType, since = new Date()): ConnectionData => ({
  connectionId: `${contactId}-agent`,
  endpoint: endpoint('agent', {name: 'Ana Agent', agentLogin: 'ana'}),
  state: {type: state, timestamp: since},
  type: 'agent',
  initial: false,
});

/** The customer's leg: an outbound call, the contact's initial connection. */
export const customerLeg = (contactId: string, state: ConnectionStateType, phoneNumber: string, since = new Date()): ConnectionData => ({
  connectionId: `${contactId}-customer`,
  endpoint: endpoint('phone_number', {phoneNumber}),
  state: {type: state, timestamp: since},
  type: 'outbound',
  initial: true,
});

/** Contact attributes as the snapshot carries them: each value under its own name. */
export const attributes = (values: Readonly<Record<string, string>>): ContactData['attributes'] =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, {name, value}]));

/** A voice contact of an outbound campaign in agent-first preview (initiation method `campaign_preview`). */
export function previewContact({
  contactId,
  state,
  connections,
  attributes: values = {},
  since = new Date(),
}: {
  contactId: string;
  state: ContactStateType;
  connections: readonly ConnectionData[];
  attributes?: Readonly<Record<string, string>>;
  since?: Date;
}): ContactData {
  return {
    contactId,
    initialContactId: contactId,
    type: 'voice',
    initiationMethod: 'campaign_preview',
    state: {type: state, timestamp: since},
    queue: OUTBOUND_QUEUE,
    queueTimestamp: since,
    attributes: attributes(values),
    connections,
  };
}

/** The agent's configuration (`agent.getConfiguration()`), the same for every snapshot of a session. */
export const agentConfiguration = () => ({
  name: 'Ana Agent',
  username: 'ana',
  agentARN: `${INSTANCE_ARN}/agent/8f2d6b1e-3a7c-4e95-b0d4-6c1a9e2f5b73`,
  agentStates: [AVAILABLE, BREAK, OFFLINE],
  routingProfile: {
    name: 'Outbound',
    routingProfileARN: `${INSTANCE_ARN}/routing-profile/2a9c4e7f-1b3d-4c8e-a5f6-7d0b2e9c1a48`,
    defaultOutboundQueue: OUTBOUND_QUEUE,
    queues: [OUTBOUND_QUEUE],
    channelConcurrencyMap: {VOICE: 1, CHAT: 0, TASK: 0},
  },
  softphoneEnabled: true,
  softphoneAutoAccept: false,
  permissions: ['outboundCall'],
  dialableCountries: ['us'],
  extension: '',
  agentPreferences: {locale: 'en_US'},
});
