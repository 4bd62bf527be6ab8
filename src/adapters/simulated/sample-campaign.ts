/**
 * A ready-made campaign for the simulated dialer, from a few typed options:
 * run the kit with no dialer at all.
 *
 *   const store = createCampaignStore(new SimulatedDialer(simulatedCampaign({mode: 'preview'})));
 *   store.dispatch({type: 'set-agent-state', state: 'available'});
 *
 * Every option has a default; a value the kit could not run with throws at
 * once (a `TypeError` for the wrong kind of value or an unknown option, a
 * `RangeError` for a value out of range), rather than failing later in the
 * dialer. The result is a plain `SimulatedCampaignScript`: spread it to set
 * what the options leave out (`{...simulatedCampaign(), enforcesTimeout: true}`).
 */
import {CampaignModeSchema, CampaignSchema, ContactSchema, TimeoutActionSchema, type Campaign} from '../../protocol/events.js';
import {checkInput} from '../../protocol/check.js';
import {MAX_DURATION_MS, MAX_ID, MAX_TEXT} from '../../protocol/limits.js';
import type {SimulatedCampaignScript, SimulatedContact, SimulatedOutcome} from './simulated-dialer.js';

/** The campaign features beyond the basic preview, passed on to the campaign as they are (absent: off). */
type CampaignFeatures = Pick<Campaign, 'forceNumber' | 'skipReasons' | 'allowDoNotCall' | 'callingWindow' | 'callbacks' | 'wrapUp'>;

/** How the simulated campaign runs. Every field is optional; durations are in milliseconds. */
export interface SimulatedCampaignOptions extends Partial<CampaignFeatures> {
  /**
   * How contacts reach the agent: `preview` (the agent asks for one with
   * Campaign), `standard` (a reservation call first, then the contact),
   * `direct` (the reservation call, then the contact on the same line).
   * Default `preview`.
   */
  readonly mode?: Campaign['mode'];
  /** The campaign's id. Default `sample-<mode>`. */
  readonly id?: string;
  /** The campaign's name, as the agent sees it. Default `Sample campaign`. */
  readonly name?: string;
  /** How long the agent has to decide on a contact; 0 for no limit. Default 30 000. */
  readonly timeoutMs?: number;
  /** What happens when that time is up. Default `skip`. */
  readonly timeoutAction?: Campaign['timeoutAction'];
  /** Whether Skip is offered. Default true. */
  readonly allowSkip?: boolean;
  /** Whether Remove is offered. Default true. */
  readonly allowRemove?: boolean;
  /** Whether a ringing call can be cancelled and a connected one ended from the card. Default true. */
  readonly allowEndCall?: boolean;
  /** Whether call progress analysis runs (an answering machine is told from a person). Default true. */
  readonly cpa?: boolean;
  /** The contacts, offered in order. Default `SAMPLE_CONTACTS` (four). */
  readonly contacts?: readonly SimulatedContact[];
  /** What the customers do when called, unless a contact says otherwise. Default `answer`. */
  readonly outcome?: SimulatedOutcome;
  /** How long a call rings before its outcome. Default 3000. */
  readonly ringMs?: number;
  /** How long a connected call lasts before the customer hangs up. Default 8000. */
  readonly talkMs?: number;
  /** The most calls at once (0 shows the limit at once). Default: no limit. */
  readonly concurrentCallLimit?: number;
  /** The agent starts Available. Default false: the host dispatches `set-agent-state`. */
  readonly agentAvailable?: boolean;
}

/** Four sample contacts, each with one number and a few detail fields. */
export const SAMPLE_CONTACTS: readonly SimulatedContact[] = deepFreeze([
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
]);

const OUTCOMES: readonly SimulatedOutcome[] = ['answer', 'no-answer', 'busy', 'machine', 'fax', 'invalid-number', 'fail'];
const FEATURES: readonly (keyof CampaignFeatures)[] = [
  'forceNumber',
  'skipReasons',
  'allowDoNotCall',
  'callingWindow',
  'callbacks',
  'wrapUp',
];
const OPTIONS: ReadonlySet<string> = new Set<keyof SimulatedCampaignOptions>([
  'mode',
  'id',
  'name',
  'timeoutMs',
  'timeoutAction',
  'allowSkip',
  'allowRemove',
  'allowEndCall',
  'cpa',
  'contacts',
  'outcome',
  'ringMs',
  'talkMs',
  'concurrentCallLimit',
  'agentAvailable',
  ...FEATURES,
]);

/**
 * A whole simulated campaign (the campaign, its contacts, how the customers
 * behave and how long calls take) for `new SimulatedDialer(...)`.
 *
 * @throws {TypeError} an option of the wrong kind, an unknown option, or a contact or campaign feature the protocol refuses
 * @throws {RangeError} a mode, action or outcome that does not exist, a duration or limit out of range, a repeated contact id
 */
export function simulatedCampaign(options: SimulatedCampaignOptions = {}): SimulatedCampaignScript {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`simulatedCampaign: options must be an object (got ${shown(options)})`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTIONS.has(key)) throw new TypeError(`simulatedCampaign: unknown option ${shown(key)} (known: ${[...OPTIONS].join(', ')})`);
  }
  const mode = oneOf('mode', options.mode, CampaignModeSchema.options, 'preview');
  const campaign: Record<string, unknown> = {
    id: text('id', options.id, `sample-${mode}`, 1, MAX_ID),
    name: text('name', options.name, 'Sample campaign', 0, MAX_TEXT),
    mode,
    timeoutMs: duration('timeoutMs', options.timeoutMs, 30_000),
    timeoutAction: oneOf('timeoutAction', options.timeoutAction, TimeoutActionSchema.options, 'skip'),
    allowSkip: flag('allowSkip', options.allowSkip, true),
    allowRemove: flag('allowRemove', options.allowRemove, true),
    allowEndCall: flag('allowEndCall', options.allowEndCall, true),
    cpa: flag('cpa', options.cpa, true),
  };
  for (const feature of FEATURES) if (options[feature] !== undefined) campaign[feature] = options[feature];
  const checked = checkInput(CampaignSchema, campaign);
  if (!checked.ok) throw new TypeError(`simulatedCampaign: the campaign's features: ${checked.error}`);

  return {
    campaign: campaign as Campaign,
    contacts: contactList(options.contacts),
    outcome: oneOf('outcome', options.outcome, OUTCOMES, 'answer'),
    ringMs: duration('ringMs', options.ringMs, 3000),
    talkMs: duration('talkMs', options.talkMs, 8000),
    concurrentCallLimit: limit(options.concurrentCallLimit),
    agentAvailable: flag('agentAvailable', options.agentAvailable, false),
  };
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw new TypeError(`simulatedCampaign: ${name} must be a string (got ${shown(value)})`);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new RangeError(`simulatedCampaign: ${name} must be one of ${allowed.join(', ')} (got ${shown(value)})`);
  }
  return value as T;
}

function flag(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new TypeError(`simulatedCampaign: ${name} must be true or false (got ${shown(value)})`);
  return value;
}

function duration(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') throw new TypeError(`simulatedCampaign: ${name} must be a number of milliseconds (got ${shown(value)})`);
  if (!Number.isInteger(value) || value < 0 || value > MAX_DURATION_MS) {
    throw new RangeError(
      `simulatedCampaign: ${name} must be a whole number of milliseconds from 0 to ${MAX_DURATION_MS} (got ${shown(value)})`,
    );
  }
  return value;
}

function limit(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new TypeError(`simulatedCampaign: concurrentCallLimit must be a number (got ${shown(value)})`);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`simulatedCampaign: concurrentCallLimit must be a whole number, 0 or more (got ${shown(value)})`);
  }
  return value;
}

function text(name: string, value: unknown, fallback: string, min: number, max: number): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw new TypeError(`simulatedCampaign: ${name} must be a string (got ${shown(value)})`);
  if (value.length < min || value.length > max) {
    throw new RangeError(`simulatedCampaign: ${name} must have ${min} to ${max} characters (got ${value.length})`);
  }
  return value;
}

function contactList(value: unknown): readonly SimulatedContact[] {
  if (value === undefined) return [...SAMPLE_CONTACTS];
  if (!Array.isArray(value)) throw new TypeError(`simulatedCampaign: contacts must be an array (got ${shown(value)})`);
  const ids = new Set<string>();
  value.forEach((contact: unknown, index) => {
    const checked = checkInput(ContactSchema, contact);
    if (!checked.ok) throw new TypeError(`simulatedCampaign: contacts[${index}]: ${checked.error}`);
    oneOf(`contacts[${index}].outcome`, (contact as SimulatedContact).outcome, OUTCOMES, 'answer');
    if (ids.has(checked.value.id))
      throw new RangeError(`simulatedCampaign: contacts[${index}]: the id ${shown(checked.value.id)} is used twice`);
    ids.add(checked.value.id);
  });
  return [...(value as SimulatedContact[])];
}

/** A short, safe picture of a value for an error message. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
