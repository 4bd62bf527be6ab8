/**
 * A ready-made simulated campaign, configured from URL-style parameters
 * (the demo desktop's query string). Unknown or malformed values fall back to
 * the defaults and are reported, never thrown.
 */
import type {Campaign, CampaignMode, TimeoutAction} from '../../protocol/index.js';
import type {SimulatedCampaignScript, SimulatedContact, SimulatedOutcome} from './simulated-dialer.js';

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

const MODES: readonly CampaignMode[] = ['preview', 'standard', 'direct'];
const ACTIONS: readonly TimeoutAction[] = ['skip', 'accept', 'remove'];
const OUTCOMES: readonly SimulatedOutcome[] = ['answer', 'no-answer', 'busy', 'machine', 'fax', 'invalid-number', 'fail'];

export interface DemoCampaign {
  readonly script: SimulatedCampaignScript;
  /** Parameters that were present but not understood. */
  readonly ignored: readonly string[];
}

/** Builds the demo's campaign from a query string such as `?mode=direct&timeout=10`. */
export function demoCampaign(params: URLSearchParams): DemoCampaign {
  const ignored: string[] = [];
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = params.get(name);
    if (raw === null) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    ignored.push(name);
    return fallback;
  };
  const flag = (name: string, fallback: boolean): boolean =>
    pick(name, ['true', 'false'], fallback ? 'true' : 'false') === 'true';
  const count = (name: string, fallback: number | undefined): number | undefined => {
    const raw = params.get(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (raw.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= 86_400) return value;
    ignored.push(name);
    return fallback;
  };

  const mode = pick('mode', MODES, 'standard');
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
  };
  const script: SimulatedCampaignScript = {
    campaign,
    contacts: SAMPLE_CONTACTS,
    outcome: pick('outcome', OUTCOMES, 'answer'),
    ringMs: (count('ringSeconds', 3) ?? 3) * 1000,
    concurrentCallLimit: count('limit', undefined),
    agentAvailable: flag('autoAvailable', false),
  };
  return {script, ignored};
}
