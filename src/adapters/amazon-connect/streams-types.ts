/**
 * The narrow part of `amazon-connect-streams` (the global `connect`) the
 * adapter uses, declared here: the library is an optional peer the adapter
 * never imports, and its own declarations (`src/index.d.ts`) lack the three
 * preview methods of `Contact` (`isPreviewMode`, `getPreviewConfiguration`,
 * `engagePreviewContact`, in the library since 2.22).
 */

/** What every `on...` of the library returns. */
export interface StreamsSubscription {
  unsubscribe(): void;
}

/** The library's callbacks argument of its client calls (`accept`, `setState`, `destroy`, `clear`). */
export interface StreamsCallbacks {
  success?(data?: unknown): void;
  failure?(error?: unknown, data?: unknown): void;
}

export interface StreamsAgentState {
  readonly type: string;
  readonly name: string;
  readonly agentStateARN?: string | null;
}

export interface StreamsAgent {
  getState(): {readonly type: string; readonly name: string};
  getAgentStates(): readonly StreamsAgentState[];
  getContacts(type?: string): StreamsContact[];
  setState(state: StreamsAgentState, callbacks?: StreamsCallbacks, options?: {enqueueNextState?: boolean}): void;
  onRefresh(listener: (agent: StreamsAgent) => void): StreamsSubscription;
}

export interface StreamsConnection {
  getConnectionId(): string;
  getType(): string;
  isInitialConnection(): boolean;
  getState(): {readonly type: string; readonly timestamp?: Date};
  getEndpoint(): {readonly phoneNumber?: string} | null;
  destroy(callbacks?: StreamsCallbacks): void;
}

/** What the Amazon Connect SDK answers for a preview contact (seconds, and whether the agent may discard it). */
export interface PreviewConfiguration {
  readonly autoDialTimeout: number;
  readonly canDiscardPreview: boolean;
}

export interface StreamsContact {
  getContactId(): string;
  getType(): string;
  getInitiationMethod(): string;
  isCampaignPreview(): boolean;
  getState(): {readonly type: string; readonly timestamp?: Date};
  getQueue(): {readonly name?: string | null; readonly queueARN?: string | null} | null;
  getAttributes(): Readonly<Record<string, {readonly name: string; readonly value: string} | undefined>>;
  getConnections(): StreamsConnection[];
  getAgentConnection(): StreamsConnection | null;
  getInitialConnection(): StreamsConnection | null;
  accept(callbacks?: StreamsCallbacks): void;
  clear(callbacks?: StreamsCallbacks): void;
  isPreviewMode(): Promise<boolean>;
  getPreviewConfiguration(): Promise<PreviewConfiguration>;
  engagePreviewContact(): Promise<unknown>;
}

/** The global `connect` of `amazon-connect-streams`, after the host called `connect.core.initCCP(...)`. */
export interface StreamsConnect {
  agent(listener: (agent: StreamsAgent) => void): StreamsSubscription;
  contact(listener: (contact: StreamsContact) => void): StreamsSubscription;
  readonly core: {getSkew(): number};
}
