import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, nothing, type TemplateResult} from 'lit';
import type {CampaignState} from '../src/core/state.js';
import type {TaskView} from '../src/core/views.js';
import type {Campaign, Contact} from '../src/protocol/index.js';
import {BEYOND_OPTIONS} from '../demo/demo-campaign.js';
import {CONTACT_ARGS, CONTACT_ARG_NAMES, CONTACT_ARG_TYPES, NO_CONTACT_ARG_TYPES, campaignOf, contactOf, type ContactArgs} from './args.js';
import {ALL, accepted, available, campaign, elsewhere, offer, onCall, scenario, task} from './scenarios.js';

type Args = ContactArgs;
/** A story's sequence of events, run with the campaign and contact overrides the args make. */
type Scene = (campaign: Partial<Campaign>, contact: Partial<Contact>) => CampaignState;
type Template = (task: TaskView | null, args: Args) => TemplateResult;

const plain: Template = (view, {lang}) =>
  html`<campaign-task-card style="max-width: 22rem" lang=${lang || nothing} .task=${view}></campaign-task-card>`;

/** The story's render: runs `scene` from the args when the story renders (at the fixed clock's "now"). */
const shows =
  (scene: Scene, template: Template = plain) =>
  (args: Args) =>
    template(task(scene(campaignOf(args), contactOf(args))), args);

const meta: Meta<Args> = {
  title: 'Elements/campaign-task-card',
  component: 'campaign-task-card',
  args: CONTACT_ARGS,
  argTypes: CONTACT_ARG_TYPES,
  parameters: {storyArgs: CONTACT_ARG_NAMES},
};
export default meta;

type Story = StoryObj<Args>;
const ringing = {type: 'call-progress', offerId: 'o1', callId: 'call-1', phase: 'ringing'} as const;
const liveVoice = {type: 'cpa-result', callId: 'call-1', result: 'live-voice'} as const;
const ended = {type: 'call-ended', callId: 'call-1'} as const;

export const Reserved: Story = {
  name: 'R-U3 Reserved (reservation call)',
  argTypes: NO_CONTACT_ARG_TYPES,
  render: shows((c) =>
    scenario([available, {type: 'reservation-offered', reservationId: 'r1', campaign: campaign(c), at: Date.now() - 3_000}]),
  ),
};
export const Previewing: Story = {
  name: 'R-U3 Previewing with details and timer',
  render: shows((c, k) => scenario([available, offer(c, k)])),
};
export const Connecting: Story = {
  name: 'R-U2 Connecting (accepted, before the first call progress)',
  render: shows((c, k) => accepted(c, k)),
};
export const Dialing: Story = {
  name: 'R-U2 Dialing',
  render: shows((c, k) => onCall(c, [], k)),
};
export const RingingWithCancel: Story = {
  name: 'R-U4 Ringing with Cancel',
  render: shows((c, k) => onCall(c, [ringing], k)),
};
export const RingingNoCancel: Story = {
  name: 'R-C3 Ringing, end call disabled',
  args: {allowEndCall: false},
  render: shows((c, k) => onCall(c, [ringing], k)),
};
export const Connected: Story = {
  name: 'R-M2 Connected (CPA live voice), with End call',
  render: shows((c, k) => onCall(c, [ringing, liveVoice], k)),
};
export const ConnectedNoEndCall: Story = {
  name: 'Connected, on a dialer that cannot hang up (no End call)',
  render: shows((c, k) =>
    scenario([available, offer(c, k), {type: 'accept', offerId: 'o1'}, ringing, liveVoice], {
      enforcesTimeout: false,
      actions: ALL.actions.filter((a) => a !== 'end-call'),
    }),
  ),
};
export const EndingCall: Story = {
  name: 'End call pressed, the dialer is hanging up',
  render: shows((c, k) => onCall(c, [ringing, liveVoice, {type: 'end-call', callId: 'call-1'}], k)),
};
export const ConnectedElsewhere: Story = {
  name: 'Another tab in charge: the call shown read-only, Use here',
  render: shows((c, k) => elsewhere(onCall(c, [ringing, liveVoice], k))),
};
export const WrapUpElsewhere: Story = {
  name: 'Another tab in charge: the disposition owed there',
  render: shows((c, k) => elsewhere(onCall({...c, wrapUp: BEYOND_OPTIONS.wrapUp}, [ringing, liveVoice, ended], k))),
};
export const DirectConnected: Story = {
  name: 'R-M3 Connected (direct preview)',
  args: {mode: 'direct'},
  render: shows((c, k) =>
    onCall({...c, cpa: false}, [ringing, {type: 'call-progress', offerId: 'o1', callId: 'call-1', phase: 'connected'}], k),
  ),
};
export const AnsweringMachine: Story = {
  name: 'R-U6 Answering machine: leave a voicemail',
  render: shows((c, k) => onCall(c, [ringing, {type: 'cpa-result', callId: 'call-1', result: 'answering-machine'}], k)),
};
export const VoicemailLeft: Story = {
  name: 'R-U6 Voicemail marked as left',
  render: shows((c, k) =>
    onCall(
      c,
      [ringing, {type: 'cpa-result', callId: 'call-1', result: 'answering-machine'}, {type: 'voicemail-left', callId: 'call-1'}],
      k,
    ),
  ),
};
export const Failed: Story = {
  name: 'R-U5 Failed: busy',
  render: shows((c, k) => onCall(c, [ringing, {type: 'cpa-result', callId: 'call-1', result: 'busy'}], k)),
};
export const Ended: Story = {
  name: 'R-U3 Ended',
  render: shows((c, k) => onCall(c, [ringing, liveVoice, ended], k)),
};
export const RightToLeft: Story = {
  name: 'Right-to-left page',
  render: shows(
    (c, k) => onCall(c, [ringing], k),
    (view, {lang}) =>
      html`<div dir="rtl" style="max-width: 22rem"><campaign-task-card lang=${lang || nothing} .task=${view}></campaign-task-card></div>`,
  ),
};

const wrapUp = BEYOND_OPTIONS.wrapUp;

export const BeyondWrapUp: Story = {
  name: 'Beyond: wrap-up, disposition asked',
  render: shows((c, k) => onCall({...c, wrapUp}, [ringing, liveVoice, ended], k)),
};

export const BeyondWrapUpSaved: Story = {
  name: 'Beyond: wrap-up, disposition saved',
  render: shows((c, k) =>
    onCall({...c, wrapUp}, [ringing, liveVoice, ended, {type: 'set-disposition', callId: 'call-1', code: 'sale'}], k),
  ),
};

export const BeyondWrapUpCallback: Story = {
  name: 'Beyond: wrap-up with Schedule callback',
  render: shows((c, k) =>
    onCall(
      {...c, wrapUp, callbacks: BEYOND_OPTIONS.callbacks},
      [ringing, {type: 'cpa-result', callId: 'call-1', result: 'no-answer'}, ended],
      k,
    ),
  ),
};
export const SpoofedAndUnbrokenText: Story = {
  name: "Failed, with dialer text that tries to reverse the kit's words and a reason with no spaces",
  args: {contactName: '\u202EEve Souza', details: [{label: 'D'.repeat(200), value: 'V'.repeat(600)}]},
  render: shows((c, k) =>
    scenario([
      available,
      offer(c, k),
      {type: 'accept', offerId: 'o1'},
      {type: 'call-progress', offerId: 'o1', callId: 'call-1', phase: 'dialing'},
      {type: 'call-failed', callId: 'call-1', reason: 'F'.repeat(600)},
    ]),
  ),
};
