/**
 * The story args a designer edits in the Controls panel: the contact and the
 * campaign that a story's scenario (its sequence of dialer events) runs with.
 * Each story keeps its own scenario; the args only change who is called and
 * how the campaign is set up. The state is built from them when the story
 * renders, by the real machine (`scenarios.ts`).
 */
import type {ArgTypes} from '@storybook/web-components-vite';
import type {Campaign, CampaignMode, Contact, DetailField, PhoneNumber, TimeoutAction} from '../src/protocol/index.js';
import {campaign, contact} from './scenarios.js';

/** The language of the element itself; `''` follows the page (the Language toolbar). */
export type StoryLang = '' | 'en' | 'pt-BR' | 'ar';
/** The page's theme for this story; `''` follows the Theme toolbar (`.storybook/preview.ts` applies it). */
export type StoryTheme = '' | 'light' | 'dark' | 'high-contrast' | 'brand';

export type ContactArgs = {
  contactName: string;
  phoneNumbers: PhoneNumber[];
  details: DetailField[];
  campaignName: string;
  mode: CampaignMode;
  /** 0: no timeout. */
  timeoutSeconds: number;
  timeoutAction: TimeoutAction;
  allowSkip: boolean;
  allowRemove: boolean;
  allowEndCall: boolean;
  lang: StoryLang;
  theme: StoryTheme;
};

const sample = contact();
const sampleCampaign = campaign();

export const CONTACT_ARGS: ContactArgs = {
  contactName: sample.name,
  phoneNumbers: [...sample.phoneNumbers],
  details: [...(sample.details ?? [])],
  campaignName: sampleCampaign.name,
  mode: sampleCampaign.mode,
  timeoutSeconds: sampleCampaign.timeoutMs / 1000,
  timeoutAction: sampleCampaign.timeoutAction,
  allowSkip: sampleCampaign.allowSkip,
  allowRemove: sampleCampaign.allowRemove,
  allowEndCall: sampleCampaign.allowEndCall,
  lang: '',
  theme: '',
};

/** The `lang` control, for every element story. */
export const LANG_ARG_TYPE = {
  control: {type: 'select', labels: {'': 'Page (Language toolbar)', en: 'English', 'pt-BR': 'Português (Brasil)', ar: 'العربية'}},
  options: ['', 'en', 'pt-BR', 'ar'],
  description: "The element's own `lang`; empty follows the page.",
  table: {category: 'Element'},
} as const;

/** The `theme` control, for every element story. */
export const THEME_ARG_TYPE = {
  control: {
    type: 'select',
    labels: {
      '': 'Page (Theme toolbar)',
      light: 'Light',
      dark: 'Dark',
      'high-contrast': 'High contrast',
      brand: 'Brand example (white label)',
    },
  },
  options: ['', 'light', 'dark', 'high-contrast', 'brand'],
  description: "The page's theme stylesheet for this story; empty follows the Theme toolbar.",
  table: {category: 'Element'},
} as const;

const contactRow = {category: 'Contact'};
const campaignRow = {category: 'Campaign'};

export const CONTACT_ARG_TYPES: ArgTypes<ContactArgs> = {
  contactName: {control: 'text', description: "The contact's name, as the dialer sends it.", table: contactRow},
  phoneNumbers: {
    control: 'object',
    description: 'The numbers to dial, at least one: `{number, label?, type?: mobile | home | work | other, tried?}`.',
    table: contactRow,
  },
  details: {control: 'object', description: 'The detail fields shown under the name: `{label, value}`.', table: contactRow},
  campaignName: {control: 'text', description: "The campaign's name.", table: campaignRow},
  mode: {control: 'inline-radio', options: ['preview', 'standard', 'direct'], description: 'The campaign mode.', table: campaignRow},
  timeoutSeconds: {
    control: {type: 'number', min: 0, max: 86_400, step: 1},
    description: 'Seconds the agent has to decide (0: no timeout).',
    table: campaignRow,
  },
  timeoutAction: {
    control: 'inline-radio',
    options: ['skip', 'accept', 'remove'],
    description: 'What happens when the time is up.',
    table: campaignRow,
  },
  allowSkip: {control: 'boolean', description: 'The campaign allows Skip.', table: campaignRow},
  allowRemove: {control: 'boolean', description: 'The campaign allows Remove.', table: campaignRow},
  allowEndCall: {control: 'boolean', description: 'The campaign allows ending (or cancelling) the call.', table: campaignRow},
  lang: LANG_ARG_TYPE,
  theme: THEME_ARG_TYPE,
};

/**
 * The names of the args above. Given as `parameters.storyArgs`, they come first
 * in the Controls panel; the element's API read from custom-elements.json stays
 * below them, for reference, without controls (`.storybook/preview.ts`).
 */
export const CONTACT_ARG_NAMES = Object.keys(CONTACT_ARGS);

/** For a story with no contact on screen (the Campaign button, a reservation call): the contact's controls are off. */
export const NO_CONTACT_ARG_TYPES: Partial<ArgTypes<ContactArgs>> = {
  contactName: {control: false},
  phoneNumbers: {control: false},
  details: {control: false},
};

/** The campaign overrides the args make. */
export function campaignOf(args: ContactArgs): Partial<Campaign> {
  return {
    name: args.campaignName,
    mode: args.mode,
    timeoutMs: Math.round((args.timeoutSeconds || 0) * 1000),
    timeoutAction: args.timeoutAction,
    allowSkip: args.allowSkip,
    allowRemove: args.allowRemove,
    allowEndCall: args.allowEndCall,
  };
}

/** The contact overrides the args make. */
export function contactOf(args: ContactArgs): Partial<Contact> {
  return {name: args.contactName, phoneNumbers: args.phoneNumbers, details: args.details};
}
