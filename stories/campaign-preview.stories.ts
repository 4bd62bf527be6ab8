import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import type {PreviewView} from '../src/core/views.js';
import {BEYOND_OPTIONS, zoneAtNight} from '../demo/demo-campaign.js';
import {ALL, STANDARD, accepted, available, campaign, elsewhere, later, offer, onCall, preview, scenario} from './scenarios.js';

type Args = {view: PreviewView};

const meta: Meta<Args> = {
  title: 'Elements/campaign-preview',
  component: 'campaign-preview',
  render: ({view}) => html`<campaign-preview .view=${view}></campaign-preview>`,
};
export default meta;

type Story = StoryObj<Args>;
const standard = {enforcesTimeout: false, actions: STANDARD};

export const CampaignButton: Story = {
  name: 'R-M1 Campaign button, agent Available',
  args: {view: preview(scenario([available]))},
};
export const CampaignButtonNotReady: Story = {
  name: 'R-A1 Campaign button, agent Not ready',
  args: {view: preview(scenario([{type: 'agent-state', state: 'not-ready', reason: 'Break'}]))},
};
export const Requesting: Story = {
  name: 'R-M1 Waiting for the requested contact',
  args: {view: preview(scenario([available, {type: 'request-contact'}]))},
};
export const PreviewOffer: Story = {
  name: 'R-M1 Preview: accept or skip',
  args: {view: preview(scenario([available, offer({mode: 'preview', allowRemove: false})]))},
};
export const Reservation: Story = {
  name: 'R-M2 Reservation call to answer',
  args: {
    view: preview(
      scenario([available, {type: 'reservation-offered', reservationId: 'r1', campaign: campaign(), at: Date.now()}], standard),
    ),
  },
};
export const ReservationDirect: Story = {
  name: 'R-M3 Direct preview reservation call',
  args: {
    view: preview(
      scenario(
        [available, {type: 'reservation-offered', reservationId: 'r1', campaign: campaign({mode: 'direct'}), at: Date.now()}],
        standard,
      ),
    ),
  },
};
export const WaitingForContact: Story = {
  name: 'R-A2 Reservation answered, contact on its way',
  args: {
    view: preview(
      scenario(
        [
          available,
          {type: 'reservation-offered', reservationId: 'r1', campaign: campaign(), at: Date.now()},
          {type: 'reservation-answered', reservationId: 'r1'},
        ],
        standard,
      ),
    ),
  },
};
export const ReservationMissed: Story = {
  name: 'R-A2 Reservation call missed (protocol 1.1)',
  args: {
    view: preview(
      scenario(
        [
          available,
          {type: 'reservation-offered', reservationId: 'r1', campaign: campaign(), at: Date.now()},
          {type: 'reservation-withdrawn', reservationId: 'r1', reason: 'missed'},
          {type: 'agent-state', state: 'not-ready', reason: 'Missed reservation'},
        ],
        standard,
      ),
    ),
  },
};
export const StandardOffer: Story = {
  name: 'R-U1 R-M2 Contact with Accept, Skip, Remove, Leave',
  args: {view: preview(scenario([available, offer()], standard))},
};
export const DirectOffer: Story = {
  name: 'R-M3 Direct preview contact',
  args: {view: preview(scenario([available, offer({mode: 'direct', cpa: false})], standard))},
};
export const TimeoutAccept: Story = {
  name: 'R-C1 Countdown to automatic accept',
  args: {view: preview(scenario([available, offer({timeoutAction: 'accept', timeoutMs: 15_000})], standard))},
};
export const TimeoutRemove: Story = {
  name: 'R-C1 Countdown to automatic remove',
  args: {view: preview(scenario([available, offer({timeoutAction: 'remove', timeoutMs: 90_000})], standard))},
};
export const NoTimeout: Story = {
  name: 'R-C1 No timeout',
  args: {view: preview(scenario([available, offer({timeoutMs: 0})], standard))},
};
export const SkipRemoveDisabled: Story = {
  name: 'R-C2 Skip and Remove disabled',
  args: {view: preview(scenario([available, offer({allowSkip: false, allowRemove: false})], standard))},
};
export const SeveralNumbers: Story = {
  name: 'R-U1 Several phone numbers to choose from',
  args: {
    view: preview(
      scenario(
        [
          available,
          offer(
            {},
            {
              phoneNumbers: [
                {number: '+55 11 91234-5678', label: 'Mobile'},
                {number: '+55 11 3333-4444', label: 'Home'},
                {number: '+55 11 2222-1111', label: 'Work'},
              ],
            },
          ),
        ],
        standard,
      ),
    ),
  },
};
export const Connecting: Story = {
  name: 'R-U2 Connecting after Accept, before the call starts',
  args: {view: preview(accepted())},
};
export const ConnectingAfterTimeout: Story = {
  name: 'R-C1 Connecting after the timeout accepted',
  args: {view: preview(later(scenario([available, offer({timeoutAction: 'accept', timeoutMs: 10_000})]), 10_000))},
};
export const DialerSlow: Story = {
  name: 'R-U2 Connecting: the dialer is slow to start the call',
  args: {view: preview(later(accepted(), 10_000))},
};
export const ElsewhereOffer: Story = {
  name: 'Another tab in charge: the contact shown read-only, Use here',
  args: {view: preview(elsewhere(scenario([available, offer()], standard)))},
};
export const ElsewhereIdle: Story = {
  name: 'Another tab in charge: Campaign button held, Use here',
  args: {view: preview(elsewhere(scenario([available])))},
};
export const CallInProgress: Story = {
  name: 'R-U2 Campaign button disabled during a call',
  args: {view: preview(onCall({mode: 'preview'}))},
};
export const HeldForWrapUp: Story = {
  name: 'R-U2 Campaign button held until the wrap-up is given',
  args: {
    view: preview(
      onCall({mode: 'preview', wrapUp: {codes: [{code: 'sale', label: 'Renewed'}], allowNote: false, timeoutMs: 60_000}}, [
        {type: 'call-progress', offerId: 'o1', callId: 'call-1', phase: 'connected'},
        {type: 'call-ended', callId: 'call-1'},
      ]),
    ),
  },
};
export const HeldByLimit: Story = {
  name: 'R-L1 Campaign button held by the concurrent-call limit',
  args: {
    view: preview(
      scenario([
        available,
        {
          type: 'limit-reached',
          scope: 'tenant',
          code: 'MAX_CONCURRENT_CALLS',
          message: 'The tenant reached its maximum of 250 concurrent calls.',
        },
      ]),
    ),
  },
};
export const AttemptFailedPreview: Story = {
  name: 'R-U5 Attempt failed, next contact (preview)',
  args: {view: preview(onCall({mode: 'preview'}, [{type: 'cpa-result', callId: 'call-1', result: 'busy'}]))},
};
export const AttemptFailedStandard: Story = {
  name: 'R-U5 Attempt failed, next contact offered (standard)',
  args: {
    view: preview(
      scenario(
        [
          available,
          offer(),
          {type: 'accept', offerId: 'o1'},
          {type: 'call-progress', offerId: 'o1', callId: 'call-1', phase: 'ringing'},
          {type: 'cpa-result', callId: 'call-1', result: 'no-answer'},
          offer({}, {name: 'John Carter', id: 'c-1002'}, 'o2'),
        ],
        standard,
      ),
    ),
  },
};
export const LimitReached: Story = {
  name: 'R-L1 Concurrent-call limit reached',
  args: {
    view: preview(
      scenario(
        [
          available,
          {
            type: 'limit-reached',
            scope: 'tenant',
            code: 'MAX_CONCURRENT_CALLS',
            message: 'The tenant reached its maximum of 250 concurrent calls.',
          },
          offer(),
        ],
        standard,
      ),
    ),
  },
};
export const ActionError: Story = {
  name: 'Error: a refused action',
  args: {
    view: preview(
      scenario(
        [
          available,
          offer(),
          {type: 'skip', offerId: 'o1'},
          {
            type: 'action-failed',
            action: 'skip',
            offerId: 'o1',
            code: 'SKIP_FAILED',
            message: 'The dialer could not skip this contact. Try again.',
          },
        ],
        standard,
      ),
    ),
  },
};
export const Disconnected: Story = {
  name: 'Error: dialer disconnected',
  args: {
    view: preview(
      scenario(
        [available, {type: 'stream-error', code: 'disconnected', message: 'The connection to the dialer was lost. Reconnecting…'}],
        ALL,
      ),
    ),
  },
};
export const Offline: Story = {
  name: 'Error: dialer connection down, reconnecting',
  args: {view: preview(scenario([available, offer(), {type: 'connection-state', state: 'offline'}], standard))},
};

export const LongContent: Story = {
  name: 'Long names and many detail fields',
  args: {
    view: preview(
      scenario(
        [
          available,
          offer(
            {name: 'Renovações de contratos empresariais — região Sudeste, segundo semestre'},
            {
              name: 'Maria Aparecida dos Santos Oliveira Pereira da Silva Albuquerque',
              details: Array.from({length: 14}, (_, i) => ({
                label: `Field ${i + 1}`,
                value: i % 3 ? `Value ${i + 1}` : 'A considerably longer value that has to wrap onto a second line',
              })),
            },
          ),
        ],
        standard,
      ),
    ),
  },
};
export const HostileText: Story = {
  name: 'Contact fields with HTML (shown as text)',
  args: {
    view: preview(
      scenario(
        [
          available,
          offer({}, {name: '<img src=x onerror=alert(1)>Eve', details: [{label: '<b>Note</b>', value: '<script>alert(1)</script>'}]}),
        ],
        standard,
      ),
    ),
  },
};
/** An unbalanced right-to-left override, as a hostile dialer might send it. */
const RLO = '\u202E';
export const SpoofedAndUnbrokenText: Story = {
  name: "Dialer text that tries to reverse the kit's words, and text with no spaces",
  args: {
    view: preview(
      scenario(
        [
          available,
          offer(
            {name: `${RLO}Renewals`, skipReasons: {required: false, reasons: [{code: 'long', label: 'R'.repeat(300)}]}},
            {
              name: `${RLO}Eve Souza`,
              phoneNumbers: [
                {number: '+55 11 91234-5678', label: `${RLO}Mobile`, tried: true},
                {number: '+55 11 3333-4444', label: 'L'.repeat(300)},
              ],
              details: [{label: 'D'.repeat(200), value: 'V'.repeat(600)}],
              history: [{at: Date.now() - 86_400_000, outcome: 'O'.repeat(300), disposition: `${RLO}Callback`}],
            },
          ),
        ],
        standard,
      ),
    ),
  },
};
const offered = preview(scenario([available, offer()], standard));
export const PartUnavailable: Story = {
  name: "A part that cannot be shown: a host's own view with a date no platform can format",
  args: {view: {...offered, offer: {...offered.offer!, contact: {...offered.offer!.contact, history: [{at: 1e20, outcome: 'busy'}]}}}},
};
export const RightToLeft: Story = {
  name: 'Right-to-left page',
  args: {view: preview(scenario([available, offer({}, {name: 'مريم العلي'})], standard))},
  render: ({view}) => html`<div dir="rtl"><campaign-preview .view=${view}></campaign-preview></div>`,
};
export const Portuguese: Story = {
  name: 'Brazilian Portuguese',
  args: {view: preview(scenario([available, offer()], standard))},
  render: ({view}) => html`<div lang="pt-BR"><campaign-preview .view=${view}></campaign-preview></div>`,
};

export const HostSlots: Story = {
  name: 'Host content in slots (header, details, actions)',
  args: {view: preview(scenario([available, offer()], standard))},
  render: ({view}) => html`<campaign-preview .view=${view}>
    <div slot="contact-header"><strong>Maria Oliveira</strong> · <a href="#crm">Open in CRM</a></div>
    <p slot="details">Last contact: 12 days ago, promised to call back.</p>
    <button slot="actions">Schedule callback</button>
  </campaign-preview>`,
};

const beyondNumbers = [
  {number: '+55 11 91234-5678', type: 'mobile' as const},
  {number: '+55 11 3333-4444', type: 'home' as const, tried: true},
  {number: '+55 11 2222-1111', type: 'work' as const},
];

export const BeyondNumbers: Story = {
  name: 'Beyond: choose among typed numbers (one already tried)',
  args: {view: preview(scenario([available, offer({}, {phoneNumbers: beyondNumbers})], standard))},
};

export const BeyondForcedNumber: Story = {
  name: 'Beyond: number forced by the campaign',
  args: {view: preview(scenario([available, offer({forceNumber: true}, {phoneNumbers: beyondNumbers})], standard))},
};

export const BeyondSkipReasons: Story = {
  name: 'Beyond: skip reason required',
  args: {view: preview(scenario([available, offer({skipReasons: BEYOND_OPTIONS.skipReasons})], standard))},
};

export const BeyondDoNotCall: Story = {
  name: 'Beyond: remove and add to do-not-call',
  args: {view: preview(scenario([available, offer({allowDoNotCall: true})], standard))},
};

export const BeyondOutsideWindow: Story = {
  name: 'Beyond: outside the calling window, Accept blocked',
  args: {
    view: preview(
      scenario([available, offer({callingWindow: BEYOND_OPTIONS.callingWindow}, {timeZone: zoneAtNight(Date.now())})], standard),
    ),
  },
};

export const BeyondInsideWindow: Story = {
  name: "Beyond: contact's local time inside the calling window",
  args: {
    view: preview(
      scenario(
        [available, offer({callingWindow: {start: '00:00', end: '23:59', enforce: true}}, {timeZone: 'America/Sao_Paulo'})],
        standard,
      ),
    ),
  },
};

export const BeyondHistory: Story = {
  name: 'Beyond: earlier attempts',
  args: {
    view: preview(
      scenario(
        [
          available,
          offer(
            {},
            {
              history: [
                {at: Date.now() - 2 * 86_400_000, outcome: 'no-answer'},
                {at: Date.now() - 5 * 86_400_000, outcome: 'busy', disposition: 'Call back later'},
                {at: Date.now() - 9 * 86_400_000, outcome: 'answering-machine', disposition: 'Voicemail left'},
              ],
            },
          ),
        ],
        standard,
      ),
    ),
  },
};

export const BeyondCallback: Story = {
  name: 'Beyond: schedule a callback (button opens the form)',
  args: {view: preview(scenario([available, offer({callbacks: BEYOND_OPTIONS.callbacks}, {timeZone: 'America/Sao_Paulo'})], standard))},
};

export const BeyondCallbackScheduled: Story = {
  name: 'Beyond: callback scheduled from the preview',
  args: {
    view: preview(
      scenario(
        [
          available,
          offer({callbacks: BEYOND_OPTIONS.callbacks}, {timeZone: 'America/Sao_Paulo'}),
          {type: 'schedule-callback', offerId: 'o1', at: Date.now() + 86_400_000, phoneNumber: '+55 11 91234-5678', backToMe: true},
        ],
        standard,
      ),
    ),
  },
};
