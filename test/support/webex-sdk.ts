/**
 * The real Webex Contact Center SDK (`@webex/contact-center`, unmodified),
 * bundled with esbuild and run offline in Node. Only its edges are replaced:
 * HTTP (`webex.request`), the frames its WebSocket would deliver (emitted on
 * its own WebSocketManager, as its socket handler does), log upload, and the
 * few browser globals it reads at load (window, navigator, document, location,
 * Worker). Everything between (TaskManager, Task, the AQM request/notification
 * matching, `acceptPreviewContact`, `task.wrapup`, agent state) is the SDK's code.
 *
 * The SDK keeps singletons, so one instance serves a whole test file: tests
 * use distinct interaction ids.
 */
import {build, type BuildOptions} from 'esbuild';
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

export const SDK_VERSION: string = JSON.parse(readFileSync(join(root, 'node_modules/@webex/contact-center/package.json'), 'utf8')).version;

/** What a test sees of the SDK: its plugin and enums, and the network edges. */
export interface OfflineWebex {
  /** `webex.cc`, the SDK's ContactCenter plugin. */
  // The SDK's own objects, driven as a host would.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly cc: any;
  /** The SDK's `TASK_EVENTS`, `CC_EVENTS` and `AGENT_EVENTS`, from the package. */
  readonly enums: {
    readonly TASK_EVENTS: Record<string, string>;
    readonly CC_EVENTS: Record<string, string>;
    readonly AGENT_EVENTS: Record<string, string>;
  };
  /** The SDK's AQM request layer and its helpers, as its dialer service uses them. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly aqm: any;
  /** Every HTTP request the SDK made, in order. */
  readonly requests: Array<{method: string; resource: string; body: unknown}>;
  /** Delivers a frame as the SDK's WebSocket would. */
  frame(message: object): void;
  readonly agentId: string;
  readonly orgId: string;
}

async function bundle(): Promise<string> {
  const options: BuildOptions = {
    stdin: {
      // The package exports only its default (Webex with the cc plugin); the
      // enums are read from its dist entry, by path, inside the bundle.
      // The SDK's own request machinery (AQM) comes too, to layer a newer SDK's preview calls on it.
      contents: `
        const {TASK_EVENTS, CC_EVENTS, AGENT_EVENTS} = require('./node_modules/@webex/contact-center/dist/index.js');
        const AqmReqs = require('./node_modules/@webex/contact-center/dist/services/core/aqm-reqs.js').default;
        const {createErrDetailsObject, getErrorDetails} = require('./node_modules/@webex/contact-center/dist/services/core/Utils.js');
        const {WCC_API_GATEWAY} = require('./node_modules/@webex/contact-center/dist/services/constants.js');
        module.exports = {
          Webex: require('@webex/contact-center').default, TASK_EVENTS, CC_EVENTS, AGENT_EVENTS,
          aqm: {AqmReqs, createErrDetailsObject, getErrorDetails, WCC_API_GATEWAY},
        };`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    // The SDK's own timers (such as its 80 s accept timeout, left running after
    // success) must not keep the test process alive.
    banner: {js: 'const __cpkUnrefTimeout = (...args) => { const timer = setTimeout(...args); timer.unref?.(); return timer; };'},
    define: {setTimeout: '__cpkUnrefTimeout', 'window.setTimeout': '__cpkUnrefTimeout'},
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  };
  // Built once per SDK version and build recipe.
  const recipe = createHash('sha256').update(JSON.stringify(options)).digest('hex').slice(0, 12);
  const dir = join(root, 'node_modules/.cache/campaign-preview-kit');
  const file = join(dir, `webex-contact-center-${SDK_VERSION}-${recipe}.cjs`);
  if (existsSync(file)) return file;
  mkdirSync(dir, {recursive: true});
  await build({...options, outfile: file});
  return file;
}

/** The browser globals the SDK reads while loading and reporting metrics. */
function browserGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  g.window ??= globalThis;
  g.navigator ??= {userAgent: 'Node.js'};
  g.location ??= new URL('http://localhost/');
  g.document ??= {hidden: false, visibilityState: 'visible', addEventListener() {}, removeEventListener() {}};
  // The SDK's keep-alive worker; keep-alives are off offline.
  g.Worker ??= class {
    onmessage = null;
    postMessage() {}
    terminate() {}
    addEventListener() {}
    removeEventListener() {}
  };
}

let started: Promise<OfflineWebex> | null = null;

/** Starts the SDK once per process. */
export function offlineWebex(): Promise<OfflineWebex> {
  started ??= start();
  return started;
}

async function start(): Promise<OfflineWebex> {
  browserGlobals();
  const sdk = require(await bundle());
  const webex = sdk.Webex.init({credentials: {access_token: 'offline'}});
  await new Promise<void>((resolve) => webex.once('ready', () => resolve()));
  const agentId = 'agent-1';
  const orgId = 'org-1';
  const requests: OfflineWebex['requests'] = [];
  Object.defineProperty(webex, 'request', {
    value: (options: {method?: string; uri?: string; resource?: string; body?: unknown}) => {
      requests.push({method: options.method ?? 'GET', resource: options.resource ?? options.uri ?? '', body: options.body});
      const response = Promise.resolve({statusCode: 202, body: {trackingId: `tracking-${requests.length}`}, headers: {}, options});
      return Object.assign(response, {on: () => response});
    },
  });
  webex.credentials.getOrgId = () => orgId;
  webex.internal.support.submitLogs = async () => ({});
  const cc = webex.cc;
  cc.apiAIAssistant?.setAIFeatureFlags?.({realtimeTranscripts: {enable: false}});
  // What register() would have set from the agent's profile.
  cc.taskManager.setAgentId(agentId);
  cc.agentConfig = {agentId, teams: []};
  const sockets = cc.services.webSocketManager;
  return {
    cc,
    enums: {TASK_EVENTS: sdk.TASK_EVENTS, CC_EVENTS: sdk.CC_EVENTS, AGENT_EVENTS: sdk.AGENT_EVENTS},
    aqm: sdk.aqm,
    requests,
    frame: (message) => sockets.emit('message', JSON.stringify(message)),
    agentId,
    orgId,
  };
}
