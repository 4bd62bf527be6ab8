/**
 * Story states built by running the real state machine over a few dialer
 * events, so that every story shows what the kit really renders.
 */
import {transition, type CoreInput} from '../src/core/machine.js';
import {initialState, type Capabilities, type CampaignState} from '../src/core/state.js';
import {selectPreview, selectTask} from '../src/core/views.js';
import type {Intent} from '../src/core/intents.js';
import {DialerEventSchema, parseDialerEvent, type Campaign, type Contact, type DialerEvent} from '../src/protocol/index.js';
import {SAMPLE_CONTACTS} from '../demo/demo-campaign.js';

export const ALL: Capabilities = {
  enforcesTimeout: false,
  actions: [
    'request-contact',
    'answer-reservation',
    'accept',
    'skip',
    'remove',
    'leave-campaign',
    'cancel-call',
    'end-call',
    'voicemail-left',
    'set-disposition',
    'schedule-callback',
    'set-agent-state',
  ],
};

export const STANDARD = ALL.actions.filter((a) => a !== 'request-contact');

export function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'renewals',
    name: 'Renewals 2026',
    mode: 'standard',
    timeoutMs: 30_000,
    timeoutAction: 'skip',
    allowSkip: true,
    allowRemove: true,
    allowEndCall: true,
    cpa: true,
    ...overrides,
  };
}

export function contact(overrides: Partial<Contact> = {}): Contact {
  const {outcome: _outcome, ...sample} = SAMPLE_CONTACTS[0];
  return {...sample, ...overrides};
}

type Input = DialerEvent | Intent | 'tick';

/**
 * Runs events and intents through the machine, as if they happened just now
 * (in Storybook, "now" is the fixed instant of `.storybook/fixed-clock.ts`).
 * An event the protocol refuses (the Controls panel can make one, e.g. a
 * contact with no phone number) stops the story with the protocol's reason,
 * as the store would have refused it, rather than show an impossible state.
 */
export function scenario(inputs: readonly Input[], capabilities: Capabilities = ALL): CampaignState {
  const now = Date.now();
  let state = initialState(capabilities);
  for (const input of inputs) {
    if (input !== 'tick' && isEvent(input)) {
      const parsed = parseDialerEvent(input);
      if (!parsed.ok) throw new Error(`The story's ${input.type} event is not valid in the dialer protocol: ${parsed.error}`);
    }
    const coreInput: CoreInput =
      input === 'tick' ? {kind: 'tick'} : isEvent(input) ? {kind: 'event', event: input} : {kind: 'intent', intent: input};
    state = transition(state, coreInput, now).state;
  }
  return state;
}

/** Every event type of the protocol, read from its schema. */
const EVENT_TYPES: readonly string[] = DialerEventSchema.options.map((option) => option.entries.type.literal);

function isEvent(input: DialerEvent | Intent): input is DialerEvent {
  return EVENT_TYPES.includes(input.type);
}

export const available: DialerEvent = {type: 'agent-state', state: 'available'};

export function offer(campaignOverrides: Partial<Campaign> = {}, contactOverrides: Partial<Contact> = {}, offerId = 'o1'): DialerEvent {
  const c = campaign(campaignOverrides);
  const now = Date.now();
  return {
    type: 'contact-offered',
    offerId,
    campaign: c,
    contact: contact(contactOverrides),
    offeredAt: now - 4_000,
    deadline: c.timeoutMs ? now + c.timeoutMs : null,
  };
}

export function onCall(
  campaignOverrides: Partial<Campaign> = {},
  more: Input[] = [],
  contactOverrides: Partial<Contact> = {},
): CampaignState {
  return scenario([
    available,
    offer(campaignOverrides, contactOverrides),
    {type: 'accept', offerId: 'o1'},
    {type: 'call-progress', offerId: 'o1', callId: 'call-1', phase: 'dialing'},
    ...more,
  ]);
}

/** The state as a tab shows it while another tab of the same agent is in charge. */
export function elsewhere(state: CampaignState): CampaignState {
  return transition(state, {kind: 'control', inCharge: false}, Date.now()).state;
}

/** The state once `ms` more have passed with no event (a deadline, a dialer slow to start the call). */
export function later(state: CampaignState, ms: number): CampaignState {
  return transition(state, {kind: 'tick'}, Date.now() + ms).state;
}

/** Accepted, and the dialer has not started the call yet. */
export const accepted = (campaignOverrides: Partial<Campaign> = {}, contactOverrides: Partial<Contact> = {}): CampaignState =>
  scenario([available, offer(campaignOverrides, contactOverrides), {type: 'accept', offerId: 'o1'}]);

/** The views of a scenario's state, as the store would show them now. */
export const preview = (state: CampaignState, now = Date.now()) => selectPreview(state, now);
export const task = (state: CampaignState, now = Date.now()) => selectTask(state, now);
