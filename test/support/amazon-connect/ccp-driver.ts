/// <reference types="amazon-connect-streams" />
/**
 * Drives the real amazon-connect-streams library in a test page, with only the
 * network edge faked: the library runs unmodified and talks to the stand-in
 * CCP (ccp/stand-in-ccp.js) in its iframe, on another loopback origin.
 *
 * One CCP per test page: Streams initialises once per page (`initCCP` refuses a
 * second call, and `connect.agent` fires its init only once), and
 * web-test-runner gives each test file its own page. So `startConnect()` starts
 * it on the first call and gives the same CCP afterwards; call `ccp.reset()`
 * between tests.
 *
 * ```ts
 * const ccp = await startConnect();
 * const contact = new Promise<connect.Contact>((resolve) => ccp.track(connect.contact(resolve)));
 * await ccp.pushAgent(agentSnapshot({contacts: [previewContact({contactId: 'c-1', state: 'incoming', connections: [...]})]}));
 * (await contact).accept();
 * expect((await ccp.apiRequest('acceptContact')).params).to.deep.equal({contactId: 'c-1'});
 * ```
 */
import {REGION, agentConfiguration, agentSnapshot, agentState, OFFLINE, type AgentSnapshot} from './snapshots.js';

const LIBRARY_URL = '/node_modules/amazon-connect-streams/release/connect-streams.js';
/** Served by stand-in-plugin.mjs (STAND_IN_CONFIG_PATH). */
const STAND_IN_CONFIG_URL = '/__amazon-connect/stand-in.json';
/** Long enough for a slow machine, short enough to fail with a message before mocha's own timeout. */
const WAIT_MS = 3000;

/** A Streams API call that reached the CCP (`connect.ClientMethods`: acceptContact, putAgentState...). */
export interface ApiRequest {
  readonly requestId: string;
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A request of the bundled Amazon Connect SDK (namespace `aws.connect.contact`, command `contact/isPreviewMode`...). */
export interface SdkRequest {
  readonly requestId: string;
  readonly namespace: string;
  readonly command: string;
  readonly data: unknown;
}

/** Success with `data`, or a CTI failure such as `{type: 'InvalidStateException', message: '...'}`. */
export type ApiAnswer = {
  readonly data?: unknown;
  readonly error?: {readonly type: string; readonly message: string; readonly statusCode?: number};
};
/** Success with `data`, or an SDK error response. */
export type SdkAnswer =
  | {readonly data: unknown; readonly error?: undefined}
  | {
      readonly data?: undefined;
      readonly error: {readonly errorKey: string; readonly reason: string; readonly details?: Record<string, unknown>};
    };
/** How to answer: an answer, `'hold'` to leave the request pending (answer it later with `respond...`), or a function of the request. */
export type Rule<Request, Answer> = Answer | 'hold' | ((request: Request) => Answer | 'hold');

/** Contact methods of Streams 2.22+ that its own type declarations do not list. */
export interface CampaignPreviewContact {
  isCampaignPreview(): boolean;
  isPreviewMode(): Promise<boolean>;
  getPreviewConfiguration(): Promise<{autoDialTimeout: number; canDiscardPreview: boolean}>;
  engagePreviewContact(): Promise<{participantId: string}>;
}
export const preview = (contact: connect.Contact) => contact as connect.Contact & CampaignPreviewContact;

type FromStandIn =
  | {kind: 'ready'}
  | {kind: 'api_request'; request: ApiRequest}
  | {kind: 'sdk_request'; request: SdkRequest}
  | {kind: 'upstream'; event: string; data: unknown}
  | {kind: 'resources'; urls: string[]};

export class StandInCcp {
  /** Every api_request since the last reset, in order. */
  readonly apiRequests: ApiRequest[] = [];
  /** Every SDK request since the last reset, in order. */
  readonly sdkRequests: SdkRequest[] = [];
  /** Every other message the library sent up (broadcast, configure, logs...) since the last reset. */
  readonly upstream: {event: string; data: unknown}[] = [];
  /** The agent configuration sent with each snapshot. */
  configuration = agentConfiguration();

  private readonly apiRules = new Map<string, Rule<ApiRequest, ApiAnswer>>();
  private readonly sdkRules = new Map<string, Rule<SdkRequest, SdkAnswer>>();
  private readonly tracked: connect.Subscription[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly updates: (() => void)[] = [];
  private resourcesReply?: (urls: string[]) => void;
  private readyReply?: () => void;
  /** Resolves once the stand-in has acknowledged Streams and opened the SDK's port. */
  readonly ready = new Promise<void>((resolve) => (this.readyReply = resolve));

  /** The stand-in's origin: another loopback port than the page's. */
  readonly origin: string;

  constructor(
    private readonly control: MessagePort,
    ccpUrl: string,
  ) {
    this.origin = new URL(ccpUrl).origin;
    control.onmessage = ({data}: MessageEvent<FromStandIn>) => this.receive(data);
    // Fires after the library has handled a snapshot: its own agent::update handler runs first.
    connect.core.getEventBus().subscribe(connect.AgentEvents.UPDATE, () => this.updates.shift()?.());
  }

  /** Sends an agent snapshot down as `agent::update`; resolves once the library has fired its events for it. */
  pushAgent(snapshot: AgentSnapshot): Promise<void> {
    const handled = new Promise<void>((resolve) => this.updates.push(resolve));
    this.control.postMessage({kind: 'agent_update', agent: {snapshot, configuration: this.configuration}});
    return handled;
  }

  /** How to answer the api_requests of `method` from now on (default: success with `{}`). */
  answerApi(method: string, rule: Rule<ApiRequest, ApiAnswer>): void {
    this.apiRules.set(method, rule);
  }

  /** How to answer the SDK requests of `command` from now on (default: an error naming the command). */
  answerSdk(command: string, rule: Rule<SdkRequest, SdkAnswer>): void {
    this.sdkRules.set(command, rule);
  }

  respondApi({requestId}: ApiRequest, {data = {}, error}: ApiAnswer): void {
    this.control.postMessage({kind: 'api_response', requestId, data, error});
  }

  respondSdk({requestId}: SdkRequest, answer: SdkAnswer): void {
    this.control.postMessage({kind: 'sdk_response', requestId, ...answer});
  }

  /** The `index`-th api_request of `method` since the last reset, as soon as it has arrived. */
  apiRequest(method: string, index = 0): Promise<ApiRequest> {
    return this.until(`api_request ${method} #${index}`, () => this.apiRequests.filter((request) => request.method === method)[index]);
  }

  /** The `index`-th SDK request of `command` since the last reset, as soon as it has arrived. */
  sdkRequest(command: string, index = 0): Promise<SdkRequest> {
    return this.until(`SDK request ${command} #${index}`, () => this.sdkRequests.filter((request) => request.command === command)[index]);
  }

  /** Keeps a subscription of the test's, to end at the next reset: the library's event bus outlives tests. */
  track<T extends connect.Subscription>(subscription: T): T {
    this.tracked.push(subscription);
    return subscription;
  }

  /** The URLs the stand-in page itself loaded (its performance entries: the page cannot read a cross-origin frame's). */
  frameResources(): Promise<string[]> {
    const reply = new Promise<string[]>((resolve) => (this.resourcesReply = resolve));
    this.control.postMessage({kind: 'resources'});
    return reply;
  }

  /**
   * Ends the tracked subscriptions, forgets the rules and the records, and
   * pushes `snapshot` (by default an Offline agent with no contacts, so the
   * library ends and destroys the previous test's contacts).
   */
  async reset(snapshot = agentSnapshot({state: agentState(OFFLINE)})): Promise<void> {
    for (const subscription of this.tracked.splice(0)) subscription.unsubscribe();
    this.apiRules.clear();
    this.sdkRules.clear();
    this.configuration = agentConfiguration();
    await this.pushAgent(snapshot);
    this.apiRequests.length = 0;
    this.sdkRequests.length = 0;
    this.upstream.length = 0;
  }

  private receive(message: FromStandIn): void {
    switch (message.kind) {
      case 'ready':
        this.readyReply?.();
        break;
      case 'api_request':
        this.apiRequests.push(message.request);
        this.answer(message.request, this.apiRules.get(message.request.method) ?? {}, (answer) => this.respondApi(message.request, answer));
        break;
      case 'sdk_request':
        this.sdkRequests.push(message.request);
        this.answer(message.request, this.sdkRules.get(message.request.command) ?? noSdkAnswer(message.request), (answer) =>
          this.respondSdk(message.request, answer),
        );
        break;
      case 'upstream':
        this.upstream.push({event: message.event, data: message.data});
        break;
      case 'resources':
        this.resourcesReply?.(message.urls);
        break;
    }
    for (const waiter of this.waiters) waiter();
  }

  private answer<Request, Answer>(request: Request, rule: Rule<Request, Answer>, respond: (answer: Answer) => void): void {
    const answer = typeof rule === 'function' ? (rule as (request: Request) => Answer | 'hold')(request) : rule;
    if (answer !== 'hold') respond(answer);
  }

  private until<T>(what: string, find: () => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        const seen = [...this.apiRequests.map((r) => r.method), ...this.sdkRequests.map((r) => r.command)];
        reject(new Error(`No ${what} reached the stand-in CCP within ${WAIT_MS} ms (seen: ${seen.join(', ') || 'none'})`));
      }, WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }
}

/** Fails loudly rather than leave the SDK waiting 30 s for an answer the test forgot to give. */
const noSdkAnswer = ({command}: SdkRequest): SdkAnswer => ({
  error: {errorKey: 'standInNoAnswer', reason: `the test gave the stand-in CCP no answer for ${command}`},
});

let started: Promise<StandInCcp> | undefined;

/**
 * Loads the real `release/connect-streams.js` into the page as a classic
 * script and calls `connect.core.initCCP` with the stand-in's URL; resolves
 * once the library is initialised (`connect.core.onInitialized`). No agent
 * snapshot has been sent yet: push one to fire `connect.agent`.
 */
export function startConnect(): Promise<StandInCcp> {
  started ??= start();
  return started;
}

async function start(): Promise<StandInCcp> {
  const {ccpUrl} = (await (await fetch(STAND_IN_CONFIG_URL)).json()) as {ccpUrl: string};
  await loadScript(LIBRARY_URL);
  const container = document.createElement('div');
  container.style.cssText = 'position: fixed; inset: auto 0 0 auto; width: 320px; height: 240px;';
  document.body.append(container);
  connect.core.initCCP(container, {
    ccpUrl,
    loginPopup: false,
    region: REGION,
    softphone: {allowFramedSoftphone: false, disableRingtone: true},
  });
  // The event bus exists only once initCCP has run; the acknowledge that initialises comes later, from the stand-in.
  const initialised = new Promise<void>((resolve) => connect.core.onInitialized(() => resolve()));
  const iframe = container.querySelector('iframe')!;
  await new Promise((resolve) => iframe.addEventListener('load', resolve, {once: true}));
  const channel = new MessageChannel();
  const ccp = new StandInCcp(channel.port1, ccpUrl);
  iframe.contentWindow!.postMessage({standInControl: true}, ccp.origin, [channel.port2]);
  await Promise.all([ccp.ready, initialised]);
  return ccp;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.append(script);
  });
}
