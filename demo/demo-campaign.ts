/**
 * The demo desktop's campaign, configured from URL-style parameters (its
 * query string): a thin parser over the kit's typed `simulatedCampaign()`.
 * Unknown or malformed values fall back to the defaults and are reported,
 * never thrown.
 */
import type {Campaign, CampaignMode, TimeoutAction} from '../src/protocol/index.js';
import {localTime} from '../src/core/calling-window.js';
import {SAMPLE_CONTACTS, simulatedCampaign} from '../src/adapters/simulated/sample-campaign.js';
import type {SimulatedCampaignScript, SimulatedContact, SimulatedOutcome} from '../src/adapters/simulated/simulated-dialer.js';

export {SAMPLE_CONTACTS};

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
 * Builds the demo's campaign from a query string such as `?mode=direct&timeout=10`
 * (durations in whole seconds). `beyond=false` turns off the options beyond the source text.
 */
export function demoCampaign(params: URLSearchParams, now: number = Date.now()): DemoCampaign {
  const ignored: string[] = [];
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const raw = params.get(name);
    if (raw === null) return undefined;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    ignored.push(name);
    return undefined;
  };
  const flag = (name: string): boolean | undefined => {
    const value = pick(name, ['true', 'false']);
    return value === undefined ? undefined : value === 'true';
  };
  const count = (name: string): number | undefined => {
    const raw = params.get(name);
    if (raw === null) return undefined;
    const value = Number(raw);
    if (raw.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= 86_400) return value;
    ignored.push(name);
    return undefined;
  };
  const ms = (seconds: number | undefined) => (seconds === undefined ? undefined : seconds * 1000);

  // The demo's defaults where they differ from the kit's: standard mode, and the options beyond the source text.
  const mode = pick('mode', MODES) ?? 'standard';
  const beyond = flag('beyond') ?? true;
  const script = simulatedCampaign({
    mode,
    id: `demo-${mode}`,
    name: {preview: 'Renewals (preview)', standard: 'Renewals (standard preview)', direct: 'Renewals (direct preview)'}[mode],
    timeoutMs: ms(count('timeout')),
    timeoutAction: pick('timeoutAction', ACTIONS),
    allowSkip: flag('allowSkip'),
    allowRemove: flag('allowRemove'),
    allowEndCall: flag('endCall'),
    cpa: flag('cpa'),
    ...(beyond ? BEYOND_OPTIONS : {}),
    contacts: beyond ? beyondContacts(now) : SAMPLE_CONTACTS,
    outcome: pick('outcome', OUTCOMES),
    ringMs: ms(count('ringSeconds')),
    talkMs: ms(count('talkSeconds')),
    concurrentCallLimit: count('limit'),
    agentAvailable: flag('autoAvailable'),
  });
  return {script, ignored};
}
