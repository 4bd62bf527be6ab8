/**
 * Stands in for Amazon Connect's hosted CCP inside the iframe that the real
 * amazon-connect-streams library creates in `connect.core.initCCP`. It is
 * served from a second loopback port (stand-in-plugin.mjs), so, as with the
 * real CCP, it is another origin than the page.
 *
 * It speaks the two protocols the library expects from that iframe:
 * 1. Streams' window protocol, `{event, data}` messages, which the CCP's
 *    shared worker answers in production: acknowledge, synchronize,
 *    broadcast, api_request -> api_response, agent::update.
 * 2. The Amazon Connect SDK's MessagePort protocol: cross-domain-adapter-init,
 *    cross-domain-site-ready, acknowledge, healthCheck, request -> response.
 *
 * It decides nothing itself: snapshots come from the test's driver
 * (ccp-driver.ts) and every request goes to it, over a control MessagePort
 * that the driver hands over in `{standInControl: true}`. The stand-in starts
 * speaking only then, so the driver sees every message from the beginning.
 */
'use strict';

/** The SDK health-checks its connection at this interval (it needs one of at least 1 s, or it floods or complains). */
const SDK_HEALTH_CHECK_INTERVAL_MS = 5000;

let control;
let parentOrigin;
let sdkPort;
let healthChecks = 0;
/** SDK requests waiting for the driver's answer: an error response repeats the command and data. */
const sdkRequests = new Map();

const toStreams = (event, data) => window.parent.postMessage({event, data}, parentOrigin);

window.addEventListener('message', (message) => {
  if (message.source !== window.parent) return;
  if (message.data?.standInControl) connectDriver(message);
  else if (control && typeof message.data?.event === 'string') fromStreams(message.data);
});

function connectDriver(message) {
  parentOrigin = message.origin;
  control = message.ports[0];
  control.onmessage = ({data}) => fromDriver(data);
  // The first message Streams waits for: it builds its API client on it and the library counts as initialised.
  toStreams('acknowledge', {id: 'stand-in-ccp'});
  const channel = new MessageChannel();
  sdkPort = channel.port1;
  sdkPort.onmessage = ({data}) => fromSdk(data);
  window.parent.postMessage({type: 'cross-domain-adapter-init'}, parentOrigin, [channel.port2]);
  control.postMessage({kind: 'ready'});
}

function fromStreams({event, data}) {
  if (event === 'synchronize') {
    // Streams' keep-alive, every second.
    toStreams('acknowledge');
    return;
  }
  if (event === 'api_request') {
    control.postMessage({kind: 'api_request', request: {requestId: data.requestId, method: data.method, params: data.params}});
    return;
  }
  // The worker sends each broadcast back down to every tab, the sender included (e.g. contact::accepted).
  if (event === 'broadcast') toStreams(data.event, data.data);
  control.postMessage({kind: 'upstream', event, data});
}

function fromSdk(message) {
  switch (message.type) {
    case 'cross-domain-site-ready':
      sdkPort.postMessage({
        type: 'acknowledge',
        connectionId: 'stand-in-ccp-sdk',
        status: {initialized: true, startTime: new Date()},
        healthCheckInterval: SDK_HEALTH_CHECK_INTERVAL_MS,
      });
      break;
    case 'healthCheck':
      sdkPort.postMessage({type: 'healthCheckResponse', time: Date.now(), counter: ++healthChecks});
      break;
    case 'request': {
      const {requestId, namespace, command, data} = message;
      sdkRequests.set(requestId, {namespace, command, data});
      control.postMessage({kind: 'sdk_request', request: {requestId, namespace, command, data}});
      break;
    }
    // subscribe, unsubscribe, log and metric messages want no answer.
  }
}

function fromDriver(message) {
  switch (message.kind) {
    case 'agent_update':
      toStreams('agent::update', asTheWorkerSendsIt(message.agent));
      break;
    case 'api_response':
      toStreams('api_response', {
        event: 'api_response',
        requestId: message.requestId,
        data: message.data ?? null,
        err: workerError(message.error),
      });
      break;
    case 'sdk_response':
      answerSdk(message);
      break;
    case 'resources':
      control.postMessage({kind: 'resources', urls: performance.getEntriesByType('resource').map((entry) => entry.name)});
      break;
  }
}

/** A failed CTI call as the worker reports it: the formatted AWS error, as a JSON string. */
function workerError(error) {
  if (!error) return null;
  return JSON.stringify({
    type: error.type,
    message: error.message,
    stack: [],
    retryStatus: 'none',
    ...(error.statusCode && {statusCode: error.statusCode}),
  });
}

function answerSdk({requestId, data, error}) {
  const {namespace, command, data: requestData} = sdkRequests.get(requestId);
  sdkRequests.delete(requestId);
  sdkPort.postMessage(
    error
      ? {
          type: 'response',
          namespace,
          requestId,
          isError: true,
          errorKey: error.errorKey,
          reason: error.reason,
          details: {command, requestData, ...error.details},
        }
      : {type: 'response', namespace, requestId, isError: false, data},
  );
}

/**
 * The agent data as the CCP's worker sends it down: it stamps its own clock on
 * each snapshot and derives the skew from the service's `snapshotTimestamp`
 * (the page only reads `skew`, in every `get...Duration()`), sorts contacts
 * oldest first and adds its aliases (`status`, `address`, `queueId`,
 * `routingProfileId`).
 */
function asTheWorkerSendsIt({snapshot, configuration}) {
  const localTimestamp = Date.now();
  const withQueueId = (queue) => ({...queue, queueId: queue.queueARN});
  const contacts = [...snapshot.contacts]
    .sort((a, b) => a.state.timestamp.getTime() - b.state.timestamp.getTime())
    .map((contact) => ({
      ...contact,
      status: contact.state,
      queue: withQueueId(contact.queue),
      connections: contact.connections.map((connection) => ({...connection, address: connection.endpoint})),
    }));
  const {routingProfile} = configuration;
  return {
    snapshot: {...snapshot, contacts, localTimestamp, skew: snapshot.snapshotTimestamp.getTime() - localTimestamp},
    configuration: {
      ...configuration,
      routingProfile: {
        ...routingProfile,
        routingProfileId: routingProfile.routingProfileARN,
        defaultOutboundQueue: withQueueId(routingProfile.defaultOutboundQueue),
        queues: routingProfile.queues.map(withQueueId),
      },
    },
  };
}
