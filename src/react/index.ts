/**
 * React components for the kit's elements, made with @lit/react: properties
 * are passed as properties and the kit's events as typed `on...` props.
 *
 *   import {CampaignPreview} from 'campaign-preview-kit/react';
 *   <CampaignPreview onAccept={(e) => console.log(e.detail.offerId)} />
 */
import {createComponent, type EventName} from '@lit/react';
import * as React from 'react';
import '../define.js';
import {CallTimer as CallTimerElement} from '../elements/call-timer/call-timer.js';
import {CampaignPreview as CampaignPreviewElement} from '../elements/campaign-preview/campaign-preview.js';
import {CampaignProvider as CampaignProviderElement} from '../elements/campaign-provider/campaign-provider.js';
import {CampaignTaskCard as CampaignTaskCardElement} from '../elements/campaign-task-card/campaign-task-card.js';
import type {CampaignErrorEvent} from '../events/error-event.js';
import type {CampaignPreviewChangeEvent, CampaignTaskChangeEvent} from '../events/change-event.js';
import type {CampaignIntentEvent, ElementIntent} from '../events/intent-event.js';

type Intent<T extends ElementIntent['type']> = EventName<CampaignIntentEvent<Extract<ElementIntent, {type: T}>>>;

export const CampaignPreview = createComponent({
  react: React,
  tagName: 'campaign-preview',
  elementClass: CampaignPreviewElement,
  events: {
    onRequestContact: 'campaign-request-contact' as Intent<'request-contact'>,
    onAnswerReservation: 'campaign-answer-reservation' as Intent<'answer-reservation'>,
    onAccept: 'campaign-accept' as Intent<'accept'>,
    onSkip: 'campaign-skip' as Intent<'skip'>,
    onRemove: 'campaign-remove' as Intent<'remove'>,
    onLeave: 'campaign-leave' as Intent<'leave'>,
    onScheduleCallback: 'campaign-schedule-callback' as Intent<'schedule-callback'>,
    onTakeControl: 'campaign-take-control' as Intent<'take-control'>,
    onPreviewChange: 'campaign-preview-change' as EventName<CampaignPreviewChangeEvent>,
  },
});

export const CampaignTaskCard = createComponent({
  react: React,
  tagName: 'campaign-task-card',
  elementClass: CampaignTaskCardElement,
  events: {
    onCancelCall: 'campaign-cancel-call' as Intent<'cancel-call'>,
    onEndCall: 'campaign-end-call' as Intent<'end-call'>,
    onVoicemailLeft: 'campaign-voicemail-left' as Intent<'voicemail-left'>,
    onSetDisposition: 'campaign-set-disposition' as Intent<'set-disposition'>,
    onScheduleCallback: 'campaign-schedule-callback' as Intent<'schedule-callback'>,
    onTakeControl: 'campaign-take-control' as Intent<'take-control'>,
    onTaskChange: 'campaign-task-change' as EventName<CampaignTaskChangeEvent>,
  },
});

export const CallTimer = createComponent({react: React, tagName: 'call-timer', elementClass: CallTimerElement});

/**
 * The store's own events come from the provider: errors, and the timeout
 * intents (`detail.source` `timeout`). `onAccept`, `onSkip` and `onRemove`
 * also hear the agent's own decisions bubbling up from the elements inside.
 */
export const CampaignProvider = createComponent({
  react: React,
  tagName: 'campaign-provider',
  elementClass: CampaignProviderElement,
  events: {
    onCampaignError: 'campaign-error' as EventName<CampaignErrorEvent>,
    onAccept: 'campaign-accept' as Intent<'accept'>,
    onSkip: 'campaign-skip' as Intent<'skip'>,
    onRemove: 'campaign-remove' as Intent<'remove'>,
  },
});
