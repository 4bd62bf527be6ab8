import {Observable, Subject} from 'rxjs';
import {PROTOCOL_VERSION, type Campaign, type Contact, type DialerEvent} from '../../src/protocol/index.js';
import {initialState, type Capabilities, type CampaignState, type Settings} from '../../src/core/state.js';
import type {DialerAdapter} from '../../src/adapters/dialer-adapter.js';
import {transition, type CoreInput} from '../../src/core/machine.js';
import type {Intent} from '../../src/core/intents.js';
import type {DialerCommand} from '../../src/protocol/index.js';

export const ALL_ACTIONS: Capabilities['actions'] = [
  'request-contact',
  'answer-reservation',
  'accept',
  'skip',
  'remove',
  'leave-campaign',
  'cancel-call',
  'voicemail-left',
  'set-disposition',
  'schedule-callback',
  'set-agent-state',
];

/** Every command of protocol 1.2: ALL_ACTIONS and `end-call`, which only some dialers can do. */
export const ACTIONS_1_2: Capabilities['actions'] = [...ALL_ACTIONS, 'end-call'];

export function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'camp-1',
    name: 'Renewals',
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
  return {
    id: 'contact-1',
    name: 'Maria Oliveira',
    phoneNumbers: [
      {number: '+55 11 91234-5678', label: 'Mobile'},
      {number: '+55 11 3333-4444', label: 'Home'},
    ],
    details: [{label: 'Account', value: 'ACC-1'}],
    ...overrides,
  };
}

export function offered(offerId = 'o1', overrides: Partial<Campaign> = {}, at = 1_000): DialerEvent {
  const c = campaign(overrides);
  return {
    type: 'contact-offered',
    v: PROTOCOL_VERSION,
    offerId,
    campaign: c,
    contact: contact(),
    offeredAt: at,
    deadline: c.timeoutMs > 0 ? at + c.timeoutMs : null,
  };
}

export function capabilities(overrides: Partial<Capabilities> = {}): Capabilities {
  return {enforcesTimeout: false, actions: ALL_ACTIONS, ...overrides};
}

/** Runs inputs through the machine at the given times, collecting the commands. */
export class Machine {
  state: CampaignState;
  readonly commands: DialerCommand[] = [];
  now = 1_000;

  constructor(caps: Capabilities = capabilities(), settings?: Settings) {
    this.state = initialState(caps, settings);
  }

  input(input: CoreInput, now = this.now): DialerCommand[] {
    this.now = now;
    const result = transition(this.state, input, now);
    this.state = result.state;
    this.commands.push(...result.commands);
    return [...result.commands];
  }

  event(event: DialerEvent, now?: number): DialerCommand[] {
    return this.input({kind: 'event', event}, now);
  }

  intent(intent: Intent, now?: number): DialerCommand[] {
    return this.input({kind: 'intent', intent}, now);
  }

  tick(now: number): DialerCommand[] {
    return this.input({kind: 'tick'}, now);
  }
}

/**
 * A dialer adapter the test drives: `emit` an event (with `v`), read what was
 * `sent`; `refuse` makes `send` fail for the commands it returns an error for.
 */
export function fakeDialer(options: {caps?: Capabilities; refuse?: (command: DialerCommand) => Error | null} = {}) {
  const events = new Subject<unknown>();
  const sent: DialerCommand[] = [];
  const adapter: DialerAdapter = {
    events$: events,
    capabilities: options.caps ?? capabilities(),
    send: (command) => {
      sent.push(command);
      const error = options.refuse?.(command) ?? null;
      return new Observable<void>((s) => (error ? s.error(error) : s.complete()));
    },
  };
  const emit = (event: Record<string, unknown>) => events.next({v: PROTOCOL_VERSION, ...event});
  return {adapter, events, sent, emit};
}
