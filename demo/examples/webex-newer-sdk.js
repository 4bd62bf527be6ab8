/**
 * Skip and remove as newer Webex SDKs have them (webex-js-sdk PR #4808, in no
 * npm release up to 3.12.0), layered onto 3.12.0's `webex.cc` so the page
 * shows what the kit offers on such an SDK. Each call posts to the dialer and
 * settles on the dialer's answer over the WebSocket, as the SDK's own
 * `acceptPreviewContact` does.
 */
const DIALER_API = '/v1/dialer';
/** The SDK waits this long for the dialer's answer to a preview call (its TIMEOUT_PREVIEW_ACCEPT). */
const ANSWER_TIMEOUT_MS = 80_000;
const ACTIONS = {
  skip: {method: 'skipPreviewContact', failed: 'CampaignPreviewSkipFailed'},
  remove: {method: 'removePreviewContact', failed: 'CampaignPreviewRemoveFailed'},
};

/** Adds `skipPreviewContact` and `removePreviewContact` to `webex.cc`; call it before the adapter is made (it looks for them then). */
export function addSkipAndRemove(webex) {
  const cc = webex.cc;
  /** The call waiting for the dialer's answer, by interaction id. */
  const waiting = new Map();

  const settle = (interactionId, action, outcome) => {
    const call = waiting.get(interactionId);
    if (!call || (action && call.action !== action)) return;
    waiting.delete(interactionId);
    clearTimeout(call.timer);
    if (outcome instanceof Error) call.reject(outcome);
    else call.resolve(outcome);
  };

  // `webex.cc` re-emits each frame's `data.type` before the SDK's TaskManager
  // merges the frame into the task, so the task is read a microtask later.
  cc.on('CampaignContactUpdated', (data) =>
    queueMicrotask(() => {
      const task = cc.taskManager.getTask(data.interactionId);
      task?.emit('task:campaignContactUpdated', task);
      settle(data.interactionId, null, data);
    }),
  );
  cc.on('ContactEnded', (data) => queueMicrotask(() => settle(data.interactionId, null, data)));

  for (const [action, {method, failed}] of Object.entries(ACTIONS)) {
    const failure = (reason) => new Error(reason ?? `Error while performing ${method}`);
    cc.on(failed, (data) => settle(data.interactionId, action, failure(data.reason)));
    Object.defineProperty(cc, method, {
      configurable: true,
      value: ({interactionId, campaignId}) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => settle(interactionId, action, failure('Service.aqm.reqs.Timeout')), ANSWER_TIMEOUT_MS);
          waiting.set(interactionId, {action, resolve, reject, timer});
          const resource = `${DIALER_API}/campaign/${encodeURIComponent(campaignId)}/preview-task/${interactionId}/${action}`;
          webex
            .request({service: 'wcc-api-gateway', resource, method: 'POST', body: {}})
            .catch((error) => settle(interactionId, action, failure(error?.message)));
        }),
    });
  }
}
