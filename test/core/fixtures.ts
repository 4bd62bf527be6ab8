import {
  PROTOCOL_VERSION,
  type Campaign,
  type Contact,
  type DialerEvent,
} from '../../src/protocol/index.js';
import {initialState, type Capabilities, type CampaignState} from '../../src/core/state.js';
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
    phoneNumbers: [{number: '+55 11 91234-5678', label: 'Mobile'}, {number: '+55 11 3333-4444', label: 'Home'}],
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

  constructor(caps: Capabilities = capabilities()) {
    this.state = initialState(caps);
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
