/**
 * The preview surface of SDKs newer than 3.12.0, layered on the real 3.12.0
 * as Webex's newer sources have it (skip/remove APIs PR #4808, in no npm
 * release yet): `skipPreviewContact` and `removePreviewContact` made with the
 * SDK's own AQM request layer (so they reach its HTTP layer and wait for the
 * dialer's frames, exactly as its `acceptPreviewContact` does), and the task
 * events the newer TaskManager raises: `task:campaignContactUpdated` when the
 * next contact arrives on the task, `task:campaignPreview*Failed` with the Task
 * (its reason merged into `task.data.reason`).
 */
import type {OfflineWebex} from './webex-sdk.js';

const FAILURES = {
  CampaignPreviewAcceptFailed: 'task:campaignPreviewAcceptFailed',
  CampaignPreviewSkipFailed: 'task:campaignPreviewSkipFailed',
  CampaignPreviewRemoveFailed: 'task:campaignPreviewRemoveFailed',
} as const;

interface Payload {
  interactionId: string;
  campaignId: string;
}

/** What a newer SDK would be: `webex.cc` with the two calls, and its task events switched on until `off()`. */
export function newerSdk(sdk: OfflineWebex) {
  const {AqmReqs, createErrDetailsObject, getErrorDetails, WCC_API_GATEWAY} = sdk.aqm;
  const aqm = new AqmReqs(sdk.cc.services.webSocketManager);
  const previewCall = (action: 'skip' | 'remove', failure: string) => {
    const request = aqm.req((p: {data: Payload}) => ({
      url: `/v1/dialer/campaign/${encodeURIComponent(p.data.campaignId)}/preview-task/${p.data.interactionId}/${action}`,
      host: WCC_API_GATEWAY,
      data: {},
      method: 'POST',
      err: createErrDetailsObject,
      notifSuccess: {
        bind: {
          type: 'RoutingMessage',
          data: {
            type: ['CampaignContactUpdated', 'ContactEnded'],
            __typeMap: {
              typeField: 'type',
              conditions: {
                CampaignContactUpdated: {interactionId: p.data.interactionId},
                ContactEnded: {interactionId: p.data.interactionId},
              },
            },
          },
        },
        msg: {},
      },
      notifFail: {
        bind: {type: 'RoutingMessage', data: {type: failure, campaignId: p.data.campaignId}},
        errId: `Service.aqm.dialer.${action}PreviewContact`,
      },
    }));
    return async (payload: Payload) => {
      try {
        return await request({data: payload});
      } catch (error) {
        throw getErrorDetails(error, `${action}PreviewContact`, 'cc').error;
      }
    };
  };

  // Registered after the TaskManager's own listener: the task is already updated when these run.
  const onMessage = (raw: string) => {
    const data = JSON.parse(raw)?.data;
    const task = data?.interactionId ? sdk.cc.taskManager.getTask(data.interactionId) : undefined;
    if (!task) return;
    if (data.type === 'CampaignContactUpdated') task.emit('task:campaignContactUpdated', task);
    const failed = FAILURES[data.type as keyof typeof FAILURES];
    if (failed) {
      task.updateTaskData({...task.data, reason: data.reason});
      task.emit(failed, task);
    }
  };
  const sockets = sdk.cc.services.webSocketManager;
  sockets.on('message', onMessage);

  const cc = Object.create(sdk.cc, {
    skipPreviewContact: {value: previewCall('skip', 'CampaignPreviewSkipFailed')},
    removePreviewContact: {value: previewCall('remove', 'CampaignPreviewRemoveFailed')},
  });
  return {cc, off: () => sockets.off('message', onMessage)};
}
