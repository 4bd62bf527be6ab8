/**
 * campaign-preview-kit: everything, with the elements registered.
 * For the DOM-free part only, import `campaign-preview-kit/headless`.
 */
import './define.js';

export * from './headless.js';
export {CampaignPreview} from './elements/campaign-preview/campaign-preview.js';
export {CampaignTaskCard} from './elements/campaign-task-card/campaign-task-card.js';
export {CallTimer} from './elements/call-timer/call-timer.js';
export {CampaignProvider, provideCampaignStore} from './elements/campaign-provider/campaign-provider.js';
export {campaignStoreContext} from './context/store-context.js';
export {registerCampaignStore, watchCampaignStore} from './context/store-registry.js';
export {SharedTicker, sharedTicker, type TickSource} from './controllers/shared-ticker.js';
export * from './events/index.js';
export {
  registerMessages,
  messagesFor,
  loadMessages,
  formatDuration,
  isolate,
  type Isolated,
  type Messages,
  type MessageOverrides,
} from './i18n/index.js';
export {alertInBackground, alertsFromTokens, type BackgroundAlertOptions} from './attention/background-alerts.js';
export {requestAlertPermission} from './attention/desktop-notification.js';
export {focusStoreElement, type FocusRole} from './controllers/focus-handoff-controller.js';
export type {ProvideOptions} from './elements/campaign-provider/campaign-provider.js';
