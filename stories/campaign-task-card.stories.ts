import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import type {TaskView} from '../src/core/views.js';
import {BEYOND_OPTIONS} from '../demo/demo-campaign.js';
import {ALL, accepted, available, campaign, elsewhere, offer, onCall, scenario, task} from './scenarios.js';

type Args = {task: TaskView | null};

const meta: Meta<Args> = {
  title: 'Elements/campaign-task-card',
  component: 'campaign-task-card',
  render: ({task}) => html`<campaign-task-card style="max-width: 22rem" .task=${task}></campaign-task-card>`,
};
export default meta;

type Story = StoryObj<Args>;
const ringing = {type: 'call-progress', offerId: 'o1', callId: 'call-1', phase: 'ringing'} as const;

export const Reserved: Story = {
  name: 'R-U3 Reserved (reservation call)',
  args: {
    task: task(scenario([available, {type: 'reservation-offered', reservationId: 'r1', campaign: campaign(), at: Date.now() - 3_000}])),
  },
};
export const Previewing: Story = {
  name: 'R-U3 Previewing with details and timer',
  args: {task: task(scenario([available, offer()]))},
};
export const Connecting: Story = {
  name: 'R-U2 Connecting (accepted, before the first call progress)',
  args: {task: task(accepted())},
};
export const Dialing: Story = {
  name: 'R-U2 Dialing',
  args: {task: task(onCall())},
};
export const RingingWithCancel: Story = {
  name: 'R-U4 Ringing with Cancel',
  args: {task: task(onCall({}, [ringing]))},
};
export const RingingNoCancel: Story = {
  name: 'R-C3 Ringing, end call disabled',
  args: {task: task(onCall({allowEndCall: false}, [ringing]))},
};
export const Connected: Story = {
  name: 'R-M2 Connected (CPA live voice), with End call',
  args: {task: task(onCall({}, [ringing, {type: 'cpa-result', callId: 'call-1', result: 'live-voice'}]))},
};
export const ConnectedNoEndCall: Story = {
  name: 'Connected, on a dialer that cannot hang up (no End call)',
  args: {
    task: task(
      scenario(
        [available, offer(), {type: 'accept', offerId: 'o1'}, ringing, {type: 'cpa-result', callId: 'call-1', result: 'live-voice'}],
        {enforcesTimeout: false, actions: ALL.actions.filter((a) => a !== 'end-call')},
      ),
    ),
  },
};
export const EndingCall: Story = {
  name: 'End call pressed, the dialer is hanging up',
  args: {
    task: task(onCall({}, [ringing, {type: 'cpa-result', callId: 'call-1', result: 'live-voice'}, {type: 'end-call', callId: 'call-1'}])),
  },
};
export const ConnectedElsewhere: Story = {
  name: 'Another tab in charge: the call shown read-only, Use here',
  args: {task: task(elsewhere(onCall({}, [ringing, {type: 'cpa-result', callId: 'call-1', result: 'live-voice'}])))},
};
export const WrapUpElsewhere: Story = {
  name: 'Another tab in charge: the disposition owed there',
  args: {
    task: task(
      elsewhere(
        onCall({wrapUp: BEYOND_OPTIONS.wrapUp}, [
          ringing,
          {type: 'cpa-result', callId: 'call-1', result: 'live-voice'},
          {type: 'call-ended', callId: 'call-1'},
        ]),
      ),
    ),
  },
};
export const DirectConnected: Story = {
  name: 'R-M3 Connected (direct preview)',
  args: {
    task: task(
      onCall({mode: 'direct', cpa: false}, [ringing, {type: 'call-progress', offerId: 'o1', callId: 'call-1', phase: 'connected'}]),
    ),
  },
};
export const AnsweringMachine: Story = {
  name: 'R-U6 Answering machine: leave a voicemail',
  args: {task: task(onCall({}, [ringing, {type: 'cpa-result', callId: 'call-1', result: 'answering-machine'}]))},
};
export const VoicemailLeft: Story = {
  name: 'R-U6 Voicemail marked as left',
  args: {
    task: task(
      onCall({}, [
        ringing,
        {type: 'cpa-result', callId: 'call-1', result: 'answering-machine'},
        {type: 'voicemail-left', callId: 'call-1'},
      ]),
    ),
  },
};
export const Failed: Story = {
  name: 'R-U5 Failed: busy',
  args: {task: task(onCall({}, [ringing, {type: 'cpa-result', callId: 'call-1', result: 'busy'}]))},
};
export const Ended: Story = {
  name: 'R-U3 Ended',
  args: {
    task: task(onCall({}, [ringing, {type: 'cpa-result', callId: 'call-1', result: 'live-voice'}, {type: 'call-ended', callId: 'call-1'}])),
  },
};
export const RightToLeft: Story = {
  name: 'Right-to-left page',
  args: {task: task(onCall({}, [ringing]))},
  render: ({task}) => html`<div dir="rtl" style="max-width: 22rem"><campaign-task-card .task=${task}></campaign-task-card></div>`,
};

const wrapUp = BEYOND_OPTIONS.wrapUp;

export const BeyondWrapUp: Story = {
  name: 'Beyond: wrap-up, disposition asked',
  args: {
    task: task(
      onCall({wrapUp}, [ringing, {type: 'cpa-result', callId: 'call-1', result: 'live-voice'}, {type: 'call-ended', callId: 'call-1'}]),
    ),
  },
};

export const BeyondWrapUpSaved: Story = {
  name: 'Beyond: wrap-up, disposition saved',
  args: {
    task: task(
      onCall({wrapUp}, [
        ringing,
        {type: 'cpa-result', callId: 'call-1', result: 'live-voice'},
        {type: 'call-ended', callId: 'call-1'},
        {type: 'set-disposition', callId: 'call-1', code: 'sale'},
      ]),
    ),
  },
};

export const BeyondWrapUpCallback: Story = {
  name: 'Beyond: wrap-up with Schedule callback',
  args: {
    task: task(
      onCall({wrapUp, callbacks: BEYOND_OPTIONS.callbacks}, [
        ringing,
        {type: 'cpa-result', callId: 'call-1', result: 'no-answer'},
        {type: 'call-ended', callId: 'call-1'},
      ]),
    ),
  },
};
export const SpoofedAndUnbrokenText: Story = {
  name: "Failed, with dialer text that tries to reverse the kit's words and a reason with no spaces",
  args: {
    task: task(
      scenario([
        available,
        offer({}, {name: '\u202EEve Souza', details: [{label: 'D'.repeat(200), value: 'V'.repeat(600)}]}),
        {type: 'accept', offerId: 'o1'},
        {type: 'call-progress', offerId: 'o1', callId: 'call-1', phase: 'dialing'},
        {type: 'call-failed', callId: 'call-1', reason: 'F'.repeat(600)},
      ]),
    ),
  },
};
