/**
 * React components for the kit's elements, made with @lit/react (an optional
 * peer dependency: a React host installs it): properties are passed as
 * properties and the kit's events as typed `on...` props.
 *
 *   import {CampaignPreview} from 'campaign-preview-kit/react';
 *   <CampaignPreview onAccept={(e) => console.log(e.detail.offerId)} />
 *
 * The events come from the elements' `@fires` tags, through custom-elements.json,
 * into ./events.generated.ts (`npm run analyze`): every documented event is a
 * prop, named without the `campaign-` prefix (`campaign-cancel-call` is
 * `onCancelCall`) unless React has a DOM event of that name (`onCampaignError`).
 */
import {createComponent} from '@lit/react';
import * as React from 'react';
import '../define.js';
import {CallTimer as CallTimerElement} from '../elements/call-timer/call-timer.js';
import {CampaignPreview as CampaignPreviewElement} from '../elements/campaign-preview/campaign-preview.js';
import {CampaignProvider as CampaignProviderElement} from '../elements/campaign-provider/campaign-provider.js';
import {CampaignTaskCard as CampaignTaskCardElement} from '../elements/campaign-task-card/campaign-task-card.js';
import {reactEvents} from './events.generated.js';

export const CampaignPreview = createComponent({
  react: React,
  tagName: 'campaign-preview',
  elementClass: CampaignPreviewElement,
  events: reactEvents['campaign-preview'],
});

export const CampaignTaskCard = createComponent({
  react: React,
  tagName: 'campaign-task-card',
  elementClass: CampaignTaskCardElement,
  events: reactEvents['campaign-task-card'],
});

export const CallTimer = createComponent({
  react: React,
  tagName: 'call-timer',
  elementClass: CallTimerElement,
  events: reactEvents['call-timer'],
});

/**
 * The store's own events come from the provider: errors, and the timeout
 * intents (`detail.source` `timeout`). `onAccept`, `onSkip` and `onRemove`
 * also hear the agent's own decisions bubbling up from the elements inside.
 */
export const CampaignProvider = createComponent({
  react: React,
  tagName: 'campaign-provider',
  elementClass: CampaignProviderElement,
  events: reactEvents['campaign-provider'],
});
