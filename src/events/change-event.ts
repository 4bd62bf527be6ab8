import type {PreviewStage, TaskStatus} from '../core/views.js';

/** `<campaign-preview>` moved to another stage (closed, reservation, offer...). Not cancelable. */
export class CampaignPreviewChangeEvent extends Event {
  constructor(readonly detail: {readonly stage: PreviewStage}) {
    super('campaign-preview-change', {bubbles: true, composed: true});
  }
}

/** `<campaign-task-card>`'s status changed (ringing, connected...). Not cancelable. */
export class CampaignTaskChangeEvent extends Event {
  constructor(readonly detail: {readonly status: TaskStatus | null}) {
    super('campaign-task-change', {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'campaign-preview-change': CampaignPreviewChangeEvent;
    'campaign-task-change': CampaignTaskChangeEvent;
  }
}
