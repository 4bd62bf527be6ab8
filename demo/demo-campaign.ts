/**
 * A ready-made simulated campaign, configured from URL-style parameters
 * (the demo desktop's query string). Unknown or malformed values fall back to
 * the defaults and are reported, never thrown.
 */
import type {Campaign, CampaignMode, TimeoutAction} from '../src/protocol/index.js';
import {localTime} from '../src/core/calling-window.js';
import type {SimulatedCampaignScript, SimulatedContact, SimulatedOutcome} from '../src/adapters/simulated/simulated-dialer.js';

export const SAMPLE_CONTACTS: readonly SimulatedContact[] = [
  {
    id: 'c-1001',
    name: 'Maria Oliveira',
    phoneNumbers: [{number: '+55 11 91234-5678', label: 'Mobile'}],
    details: [
      {label: 'Account', value: 'ACC-88213'},
      {label: 'Plan', value: 'Fibra 500'},
      {label: 'Reason', value: 'Contract renewal'},
    ],
  },
  {
    id: 'c-1002',
    name: 'John Carter',
    phoneNumbers: [{number: '+1 415 555 0142', label: 'Work'}],
    details: [
      {label: 'Account', value: 'ACC-10477'},
      {label: 'Plan', value: 'Business 1G'},
      {label: 'Reason', value: 'Upgrade offer'},
    ],
  },
  {
    id: 'c-1003',
    name: 'Ana Souza',
    phoneNumbers: [{number: '+55 21 99876-5432', label: 'Mobile'}],
    details: [
      {label: 'Account', value: 'ACC-55120'},
      {label: 'Plan', value: 'Fibra 300'},
      {label: 'Reason', value: 'Overdue invoice'},
    ],
  },
  {
    id: 'c-1004',
    name: 'Peter Schmidt',
    phoneNumbers: [{number: '+49 30 5550 1234', label: 'Home'}],
    details: [
      {label: 'Account', value: 'ACC-20931'},
      {label: 'Plan', value: 'Mobile Plus'},
      {label: 'Reason', value: 'Satisfaction survey'},
    ],
  },
];

/**
 * The options beyond the source text (number types, skip reasons, do-not-call,
 * calling window, attempt history), as the demo's default campaign has them.
 */
export const BEYOND_OPTIONS: Pick<Campaign, 'skipReasons' | 'allowDoNotCall' | 'callingWindow' | 'wrapUp' | 'callbacks'> = {
  skipReasons: {
    required: true,
    reasons: [
      {code: 'bad-time', label: 'Bad time to call'},
      {code: 'recently-contacted', label: 'Contacted recently'},
      {code: 'wrong-contact', label: 'Wrong contact details'},
    ],
  },
  allowDoNotCall: true,
  callbacks: {allowOtherNumber: true, allowBackToMe: true},
  callingWindow: {start: '08:00', end: '21:00', enforce: true},
  wrapUp: {
    codes: [
      {code: 'sale', label: 'Renewed'},
      {code: 'callback', label: 'Call back later'},
      {code: 'not-interested', label: 'Not interested'},
      {code: 'voicemail', label: 'Voicemail left'},
      {code: 'no-contact', label: 'No contact'},
    ],
    allowNote: true,
    timeoutMs: 60_000,
  },
};

/** Real zones around the world, so that at any moment some have daytime and some night. */
const ZONES = [
  'America/Sao_Paulo',
  'America/New_York',
  'America/Los_Angeles',
  'America/Mexico_City',
  'Europe/London',
  'Europe/Berlin',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Pacific/Honolulu',
];

/** The first zone (from `preferred`, then the rest) whose local hour at `now` is in [from, to). */
export function zoneWithLocalHour(now: number, from: number, to: number, preferred: readonly string[] = []): string {
  const hourIn = (zone: string) => Math.floor(localTime(zone, now).minutes / 60);
  const found = [...preferred, ...ZONES].find((zone) => hourIn(zone) >= from && hourIn(zone) < to);
  if (found) return found;
  // Always exists: an Etc/GMT zone (their sign is inverted: Etc/GMT-5 is UTC+5).
  let offset = (from - new Date(now).getUTCHours() + 24) % 24;
  if (offset > 14) offset -= 24;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** A zone where it is the middle of the night at `now`: outside any usual calling window. */
export function zoneAtNight(now: number): string {
  return zoneWithLocalHour(now, 1, 5);
}

/** A zone where it is office hours at `now`, preferring the contact's own country. */
function zoneAtDay(now: number, preferred: string): string {
  return zoneWithLocalHour(now, 10, 17, [preferred]);
}

/** The sample contacts with several typed numbers, time zones and earlier attempts. */
export function beyondContacts(now: number): SimulatedContact[] {
  const day = 86_400_000;
  const [maria, john, ana, peter] = SAMPLE_CONTACTS;
  return [
    {
      ...maria,
      timeZone: zoneAtDay(now, 'America/Sao_Paulo'),
      phoneNumbers: [
        {number: '+55 11 91234-5678', type: 'mobile'},
        {number: '+55 11 3333-4444', type: 'home', tried: true},
        {number: '+55 11 2222-1111', type: 'work'},
      ],
      history: [
        {at: now - 2 * day, outcome: 'no-answer'},
        {at: now - 5 * day, outcome: 'busy', disposition: 'Call back later'},
      ],
    },
    {
      ...john,
      timeZone: zoneAtDay(now, 'America/Los_Angeles'),
      history: [{at: now - 9 * day, outcome: 'answering-machine', disposition: 'Voicemail left'}],
    },
    {...ana, timeZone: zoneAtNight(now), details: [...ana.details, {label: 'Note', value: 'Outside the calling window right now'}]},
    {
      ...peter,
      timeZone: zoneAtDay(now, 'Europe/Berlin'),
      phoneNumbers: [
        {number: '+49 30 5550 1234', type: 'home'},
        {number: '+49 151 5550 9876', type: 'mobile'},
      ],
    },
  ];
}

const MODES: readonly CampaignMode[] = ['preview', 'standard', 'direct'];
const ACTIONS: readonly TimeoutAction[] = ['skip', 'accept', 'remove'];
const OUTCOMES: readonly SimulatedOutcome[] = ['answer', 'no-answer', 'busy', 'machine', 'fax', 'invalid-number', 'fail'];

export interface DemoCampaign {
  readonly script: SimulatedCampaignScript;
  /** Parameters that were present but not understood. */
  readonly ignored: readonly string[];
}

/**
 * Builds the demo's campaign from a query string such as `?mode=direct&timeout=10`.
 * `beyond=false` turns off the options beyond the source text.
 */
export function demoCampaign(params: URLSearchParams, now: number = Date.now()): DemoCampaign {
  const ignored: string[] = [];
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = params.get(name);
    if (raw === null) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    ignored.push(name);
    return fallback;
  };
  const flag = (name: string, fallback: boolean): boolean => pick(name, ['true', 'false'], fallback ? 'true' : 'false') === 'true';
  const count = (name: string, fallback: number | undefined): number | undefined => {
    const raw = params.get(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (raw.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= 86_400) return value;
    ignored.push(name);
    return fallback;
  };

  const mode = pick('mode', MODES, 'standard');
  const beyond = flag('beyond', true);
  const campaign: Campaign = {
    id: `demo-${mode}`,
    name: {preview: 'Renewals (preview)', standard: 'Renewals (standard preview)', direct: 'Renewals (direct preview)'}[mode],
    mode,
    timeoutMs: (count('timeout', 30) ?? 30) * 1000,
    timeoutAction: pick('timeoutAction', ACTIONS, 'skip'),
    allowSkip: flag('allowSkip', true),
    allowRemove: flag('allowRemove', true),
    allowEndCall: flag('endCall', true),
    cpa: flag('cpa', true),
    ...(beyond ? BEYOND_OPTIONS : {}),
  };
  const script: SimulatedCampaignScript = {
    campaign,
    contacts: beyond ? beyondContacts(now) : SAMPLE_CONTACTS,
    outcome: pick('outcome', OUTCOMES, 'answer'),
    ringMs: (count('ringSeconds', 3) ?? 3) * 1000,
    talkMs: (count('talkSeconds', 8) ?? 8) * 1000,
    concurrentCallLimit: count('limit', undefined),
    agentAvailable: flag('autoAvailable', false),
  };
  return {script, ignored};
}
