import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, nothing, type TemplateResult} from 'lit';
import type {CampaignState} from '../src/core/state.js';
import type {PreviewView} from '../src/core/views.js';
import type {Campaign, Contact} from '../src/protocol/index.js';
import {BEYOND_OPTIONS, zoneAtNight} from '../demo/demo-campaign.js';
import {CONTACT_ARGS, CONTACT_ARG_NAMES, CONTACT_ARG_TYPES, NO_CONTACT_ARG_TYPES, campaignOf, contactOf, type ContactArgs} from './args.js';
import {ALL, STANDARD, accepted, available, campaign, elsewhere, later, offer, onCall, preview, scenario} from './scenarios.js';

type Args = ContactArgs;
/** A story's sequence of events, run with the campaign and contact overrides the args make. */
type Scene = (campaign: Partial<Campaign>, contact: Partial<Contact>) => CampaignState;
type Template = (view: PreviewView, args: Args) => TemplateResult;

const plain: Template = (view, {lang}) => html`<campaign-preview lang=${lang || nothing} .view=${view}></campaign-preview>`;

/** The story's render: runs `scene` from the args when the story renders (at the fixed clock's "now"). */
const shows =
  (scene: Scene, template: Template = plain) =>
  (args: Args) =>
    template(preview(scene(campaignOf(args), contactOf(args))), args);

const meta: Meta<Args> = {
  title: 'Elements/campaign-preview',
  component: 'campaign-preview',
  args: CONTACT_ARGS,
  argTypes: CONTACT_ARG_TYPES,
  parameters: {storyArgs: CONTACT_ARG_NAMES},
};
export default meta;

type Story = StoryObj<Args>;
const standard = {enforcesTimeout: false, actions: STANDARD};

export const CampaignButton: Story = {
  name: 'R-M1 Campaign button, agent Available',
  argTypes: NO_CONTACT_ARG_TYPES,
  render: shows(() => scenario([available])),
};
export const CampaignButtonNotReady: Story = {
  name: 'R-A1 Campaign button, agent Not ready',
  argTypes: NO_CONTACT_ARG_TYPES,
  render: shows(() => scenario([{type: 'agent-state', state: 'not-ready', reason: 'Break'}])),
};
export const Requesting: Story = {
  name: 'R-M1 Waiting for the requested contact',
  argTypes: NO_CONTACT_ARG_TYPES,
  render: shows(() => scenario([available, {type: 'request-contact'}])),
};
export const PreviewOffer: Story = {
  name: 'R-M1 Preview: accept or skip',
  args: {mode: 'preview', allowRemove: false},
  render: shows((c, k) => scenario([available, offer(c, k)])),
};
export const Reservation: Story = {
  name: 'R-M2 Reservation call to answer',
  argTypes: NO_CONTACT_ARG_TYPES,
  render: shows((c) =>
    scenario([available, {type: 'reservation-offered', reservationId: 'r1', campaign: campaign(c), at: Date.now()}], standard),
  ),
};
export const ReservationDirect: Story = {
  name: 'R-M3 Direct preview reservation call',
  args: {mode: 'direct'},
  argTypes: NO_CONTACT_ARG_TYPES,
  render: shows((c) =>
    scenario([available, {type: 'reservation-offered', reservationId: 'r1', campaign: campaign(c), at: Date.now()}], standard),
  ),
};
export const WaitingForContact: Story = {
  name: 'R-A2 Reservation answered, contact on its way',
  argTypes: NO_CONTACT_ARG_TYPES,
  render: shows((c) =>
    scenario(
      [
        available,
        {type: 'reservation-offered', reservationId: 'r1', campaign: campaign(c), at: Date.now()},
        {type: 'reservation-answered', reservationId: 'r1'},
      ],
      standard,
    ),
  ),
};
export const ReservationMissed: Story = {
  name: 'R-A2 Reservation call missed (protocol 1.1)',
  argTypes: NO_CONTACT_ARG_TYPES,
  render: shows((c) =>
    scenario(
      [
        available,
        {type: 'reservation-offered', reservationId: 'r1', campaign: campaign(c), at: Date.now()},
        {type: 'reservation-withdrawn', reservationId: 'r1', reason: 'missed'},
        {type: 'agent-state', state: 'not-ready', reason: 'Missed reservation'},
      ],
      standard,
    ),
  ),
};
export const StandardOffer: Story = {
  name: 'R-U1 R-M2 Contact with Accept, Skip, Remove, Leave',
  render: shows((c, k) => scenario([available, offer(c, k)], standard)),
};
export const DirectOffer: Story = {
  name: 'R-M3 Direct preview contact',
  args: {mode: 'direct'},
  render: shows((c, k) => scenario([available, offer({...c, cpa: false}, k)], standard)),
};
export const TimeoutAccept: Story = {
  name: 'R-C1 Countdown to automatic accept',
  args: {timeoutAction: 'accept', timeoutSeconds: 15},
  render: shows((c, k) => scenario([available, offer(c, k)], standard)),
};
export const TimeoutRemove: Story = {
  name: 'R-C1 Countdown to automatic remove',
  args: {timeoutAction: 'remove', timeoutSeconds: 90},
  render: shows((c, k) => scenario([available, offer(c, k)], standard)),
};
export const NoTimeout: Story = {
  name: 'R-C1 No timeout',
  args: {timeoutSeconds: 0},
  render: shows((c, k) => scenario([available, offer(c, k)], standard)),
};
export const SkipRemoveDisabled: Story = {
  name: 'R-C2 Skip and Remove disabled',
  args: {allowSkip: false, allowRemove: false},
  render: shows((c, k) => scenario([available, offer(c, k)], standard)),
};
export const SeveralNumbers: Story = {
  name: 'R-U1 Several phone numbers to choose from',
  args: {
    phoneNumbers: [
      {number: '+55 11 91234-5678', label: 'Mobile'},
      {number: '+55 11 3333-4444', label: 'Home'},
      {number: '+55 11 2222-1111', label: 'Work'},
    ],
  },
  render: shows((c, k) => scenario([available, offer(c, k)], standard)),
};
export const Connecting: Story = {
  name: 'R-U2 Connecting after Accept, before the call starts',
  render: shows((c, k) => accepted(c, k)),
};
export const ConnectingAfterTimeout: Story = {
  name: 'R-C1 Connecting after the timeout accepted',
  args: {timeoutAction: 'accept', timeoutSeconds: 10},
  render: shows((c, k) => later(scenario([available, offer(c, k)]), (c.timeoutMs ?? 0) || 10_000)),
};
export const DialerSlow: Story = {
  name: 'R-U2 Connecting: the dialer is slow to start the call',
  render: shows((c, k) => later(accepted(c, k), 10_000)),
};
export const ElsewhereOffer: Story = {
  name: 'Another tab in charge: the contact shown read-only, Use here',
  render: shows((c, k) => elsewhere(scenario([available, offer(c, k)], standard))),
};
export const ElsewhereIdle: Story = {
  name: 'Another tab in charge: Campaign button held, Use here',
  argTypes: NO_CONTACT_ARG_TYPES,
  render: shows(() => elsewhere(scenario([available]))),
};
export const CallInProgress: Story = {
  name: 'R-U2 Campaign button disabled during a call',
  args: {mode: 'preview'},
  argTypes: NO_CONTACT_ARG_TYPES,
  render: shows((c, k) => onCall(c, [], k)),
};
export const HeldForWrapUp: Story = {
  name: 'R-U2 Campaign button held until the wrap-up is given',
  args: {mode: 'preview'},
  argTypes: NO_CONTACT_ARG_TYPES,
  render: shows((c, k) =>
    onCall(
      {...c, wrapUp: {codes: [{code: 'sale', label: 'Renewed'}], allowNote: false, timeoutMs: 60_000}},
      [
        {type: 'call-progress', offerId: 'o1', callId: 'call-1', phase: 'connected'},
        {type: 'call-ended', callId: 'call-1'},
      ],
      k,
    ),
  ),
};
const tenantLimit = {
  type: 'limit-reached',
  scope: 'tenant',
  code: 'MAX_CONCURRENT_CALLS',
  message: 'The tenant reached its maximum of 250 concurrent calls.',
} as const;
export const HeldByLimit: Story = {
  name: 'R-L1 Campaign button held by the concurrent-call limit',
  argTypes: NO_CONTACT_ARG_TYPES,
  render: shows(() => scenario([available, tenantLimit])),
};
export const AttemptFailedPreview: Story = {
  name: 'R-U5 Attempt failed, next contact (preview)',
  args: {mode: 'preview'},
  render: shows((c, k) => onCall(c, [{type: 'cpa-result', callId: 'call-1', result: 'busy'}], k)),
};
export const AttemptFailedStandard: Story = {
  name: 'R-U5 Attempt failed, next contact offered (standard)',
  // The args make the contact offered next; the one whose call failed is the sample contact.
  args: {contactName: 'John Carter'},
  render: shows((c, k) =>
    scenario(
      [
        available,
        offer(c),
        {type: 'accept', offerId: 'o1'},
        {type: 'call-progress', offerId: 'o1', callId: 'call-1', phase: 'ringing'},
        {type: 'cpa-result', callId: 'call-1', result: 'no-answer'},
        offer(c, {...k, id: 'c-1002'}, 'o2'),
      ],
      standard,
    ),
  ),
};
export const LimitReached: Story = {
  name: 'R-L1 Concurrent-call limit reached',
  render: shows((c, k) => scenario([available, tenantLimit, offer(c, k)], standard)),
};
export const ActionError: Story = {
  name: 'Error: a refused action',
  render: shows((c, k) =>
    scenario(
      [
        available,
        offer(c, k),
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
};
export const Disconnected: Story = {
  name: 'Error: dialer disconnected',
  argTypes: NO_CONTACT_ARG_TYPES,
  render: shows(() =>
    scenario(
      [available, {type: 'stream-error', code: 'disconnected', message: 'The connection to the dialer was lost. Reconnecting…'}],
      ALL,
    ),
  ),
};
export const Offline: Story = {
  name: 'Error: dialer connection down, reconnecting',
  render: shows((c, k) => scenario([available, offer(c, k), {type: 'connection-state', state: 'offline'}], standard)),
};

export const LongContent: Story = {
  name: 'Long names and many detail fields',
  args: {
    campaignName: 'Renovações de contratos empresariais — região Sudeste, segundo semestre',
    contactName: 'Maria Aparecida dos Santos Oliveira Pereira da Silva Albuquerque',
    details: Array.from({length: 14}, (_, i) => ({
      label: `Field ${i + 1}`,
      value: i % 3 ? `Value ${i + 1}` : 'A considerably longer value that has to wrap onto a second line',
    })),
  },
  render: shows((c, k) => scenario([available, offer(c, k)], standard)),
};
export const HostileText: Story = {
  name: 'Contact fields with HTML (shown as text)',
  args: {contactName: '<img src=x onerror=alert(1)>Eve', details: [{label: '<b>Note</b>', value: '<script>alert(1)</script>'}]},
  render: shows((c, k) => scenario([available, offer(c, k)], standard)),
};
/** An unbalanced right-to-left override, as a hostile dialer might send it. */
const RLO = '\u202E';
export const SpoofedAndUnbrokenText: Story = {
  name: "Dialer text that tries to reverse the kit's words, and text with no spaces",
  args: {
    campaignName: `${RLO}Renewals`,
    contactName: `${RLO}Eve Souza`,
    phoneNumbers: [
      {number: '+55 11 91234-5678', label: `${RLO}Mobile`, tried: true},
      {number: '+55 11 3333-4444', label: 'L'.repeat(300)},
    ],
    details: [{label: 'D'.repeat(200), value: 'V'.repeat(600)}],
  },
  render: shows((c, k) =>
    scenario(
      [
        available,
        offer(
          {...c, skipReasons: {required: false, reasons: [{code: 'long', label: 'R'.repeat(300)}]}},
          {...k, history: [{at: Date.now() - 86_400_000, outcome: 'O'.repeat(300), disposition: `${RLO}Callback`}]},
        ),
      ],
      standard,
    ),
  ),
};
export const PartUnavailable: Story = {
  name: "A part that cannot be shown: a host's own view with a date no platform can format",
  render: shows(
    (c, k) => scenario([available, offer(c, k)], standard),
    (view, args) =>
      plain({...view, offer: {...view.offer!, contact: {...view.offer!.contact, history: [{at: 1e20, outcome: 'busy'}]}}}, args),
  ),
};
export const RightToLeft: Story = {
  name: 'Right-to-left page',
  args: {contactName: 'مريم العلي'},
  render: shows(
    (c, k) => scenario([available, offer(c, k)], standard),
    (view, args) => html`<div dir="rtl">${plain(view, args)}</div>`,
  ),
};
export const Portuguese: Story = {
  name: 'Brazilian Portuguese',
  args: {lang: 'pt-BR'},
  // The language comes from an ancestor, as on a host page.
  render: shows(
    (c, k) => scenario([available, offer(c, k)], standard),
    (view, {lang}) => html`<div lang=${lang || nothing}><campaign-preview .view=${view}></campaign-preview></div>`,
  ),
};

export const HostSlots: Story = {
  name: 'Host content in slots (header, details, actions)',
  render: shows(
    (c, k) => scenario([available, offer(c, k)], standard),
    (view, {lang, contactName}) => html`<campaign-preview lang=${lang || nothing} .view=${view}>
      <div slot="contact-header"><strong>${contactName}</strong> · <a href="#crm">Open in CRM</a></div>
      <p slot="details">Last contact: 12 days ago, promised to call back.</p>
      <button slot="actions">Schedule callback</button>
    </campaign-preview>`,
  ),
};

const beyondNumbers = [
  {number: '+55 11 91234-5678', type: 'mobile' as const},
  {number: '+55 11 3333-4444', type: 'home' as const, tried: true},
  {number: '+55 11 2222-1111', type: 'work' as const},
];

export const BeyondNumbers: Story = {
  name: 'Beyond: choose among typed numbers (one already tried)',
  args: {phoneNumbers: beyondNumbers},
  render: shows((c, k) => scenario([available, offer(c, k)], standard)),
};

export const BeyondForcedNumber: Story = {
  name: 'Beyond: number forced by the campaign',
  args: {phoneNumbers: beyondNumbers},
  render: shows((c, k) => scenario([available, offer({...c, forceNumber: true}, k)], standard)),
};

export const BeyondSkipReasons: Story = {
  name: 'Beyond: skip reason required',
  render: shows((c, k) => scenario([available, offer({...c, skipReasons: BEYOND_OPTIONS.skipReasons}, k)], standard)),
};

export const BeyondDoNotCall: Story = {
  name: 'Beyond: remove and add to do-not-call',
  render: shows((c, k) => scenario([available, offer({...c, allowDoNotCall: true}, k)], standard)),
};

export const BeyondOutsideWindow: Story = {
  name: 'Beyond: outside the calling window, Accept blocked',
  render: shows((c, k) =>
    scenario([available, offer({...c, callingWindow: BEYOND_OPTIONS.callingWindow}, {...k, timeZone: zoneAtNight(Date.now())})], standard),
  ),
};

export const BeyondInsideWindow: Story = {
  name: "Beyond: contact's local time inside the calling window",
  render: shows((c, k) =>
    scenario(
      [available, offer({...c, callingWindow: {start: '00:00', end: '23:59', enforce: true}}, {...k, timeZone: 'America/Sao_Paulo'})],
      standard,
    ),
  ),
};

export const BeyondHistory: Story = {
  name: 'Beyond: earlier attempts',
  render: shows((c, k) =>
    scenario(
      [
        available,
        offer(c, {
          ...k,
          history: [
            {at: Date.now() - 2 * 86_400_000, outcome: 'no-answer'},
            {at: Date.now() - 5 * 86_400_000, outcome: 'busy', disposition: 'Call back later'},
            {at: Date.now() - 9 * 86_400_000, outcome: 'answering-machine', disposition: 'Voicemail left'},
          ],
        }),
      ],
      standard,
    ),
  ),
};

export const BeyondCallback: Story = {
  name: 'Beyond: schedule a callback (button opens the form)',
  render: shows((c, k) =>
    scenario([available, offer({...c, callbacks: BEYOND_OPTIONS.callbacks}, {...k, timeZone: 'America/Sao_Paulo'})], standard),
  ),
};

export const BeyondCallbackScheduled: Story = {
  name: 'Beyond: callback scheduled from the preview',
  render: shows((c, k) =>
    scenario(
      [
        available,
        offer({...c, callbacks: BEYOND_OPTIONS.callbacks}, {...k, timeZone: 'America/Sao_Paulo'}),
        {
          type: 'schedule-callback',
          offerId: 'o1',
          at: Date.now() + 86_400_000,
          phoneNumber: k.phoneNumbers?.[0]?.number ?? '+55 11 91234-5678',
          backToMe: true,
        },
      ],
      standard,
    ),
  ),
};
