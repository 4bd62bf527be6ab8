import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {createCampaignStore} from '../src/store/create-campaign-store.js';
import {SimulatedDialer} from '../src/adapters/simulated/simulated-dialer.js';
import {demoCampaign} from '../demo/demo-campaign.js';
import {requestAlertPermission} from '../src/attention/desktop-notification.js';

type Args = {mode: 'preview' | 'standard' | 'direct'; outcome: string; timeout: number; timeoutAction: string; limit: string};

/** A store on the simulated dialer, configured like the demo desktop's query string. */
function simulatedStore(args: Args) {
  const params = new URLSearchParams({...args, timeout: String(args.timeout), autoAvailable: 'true'});
  if (!args.limit) params.delete('limit');
  return createCampaignStore(new SimulatedDialer(demoCampaign(params).script));
}

const meta: Meta<Args> = {
  title: 'Interactive/Simulated campaign',
  argTypes: {
    mode: {control: 'inline-radio', options: ['preview', 'standard', 'direct']},
    outcome: {control: 'select', options: ['answer', 'no-answer', 'busy', 'machine', 'fax', 'invalid-number', 'fail']},
    timeoutAction: {control: 'inline-radio', options: ['skip', 'accept', 'remove']},
    timeout: {control: {type: 'number', min: 0}},
    limit: {control: 'text'},
  },
  args: {mode: 'standard', outcome: 'answer', timeout: 30, timeoutAction: 'skip', limit: ''},
  // The simulated dialer runs in real time: no fixed clock (`.storybook/fixed-clock.ts`), no visual baseline.
  tags: ['real-time'],
  render: (args) => {
    const store = simulatedStore(args);
    return html`<campaign-provider .store=${store}>
      <p>The simulated dialer runs a ${args.mode} campaign; the agent is Available.</p>
      <div style="display: grid; grid-template-columns: 22rem 1fr; gap: 1rem; align-items: start">
        <campaign-task-card></campaign-task-card>
        <campaign-preview></campaign-preview>
      </div>
    </campaign-provider>`;
  },
};
export default meta;

export const WholeCampaign: StoryObj<Args> = {name: 'A whole campaign, simulated dialer'};

export const BrandExample: StoryObj<Args> = {
  name: 'White-label brand example (one stylesheet)',
  globals: {theme: 'brand'},
};

export const ProviderDarkMode: StoryObj<Args> = {
  name: 'Dark mode from the provider (dark-mode attribute)',
  render: (args) => {
    const store = simulatedStore(args);
    return html`<campaign-provider dark-mode .store=${store}>
      <div style="display: grid; grid-template-columns: 22rem 1fr; gap: 1rem; align-items: start; padding: 1rem; background: var(--cpk-color-surface-raised); color: var(--cpk-color-text)">
        <p style="grid-column: 1 / -1; margin: 0">The provider's dark-mode themes everything inside it.</p>
        <campaign-task-card></campaign-task-card>
        <campaign-preview></campaign-preview>
      </div>
    </campaign-provider>`;
  },
};

export const BackgroundAlerts: StoryObj<Args> = {
  name: 'Background alerts: switch to another tab when a contact comes',
  render: (args) => {
    const store = simulatedStore(args);
    return html`<campaign-provider alerts="title ring notification" .store=${store}>
      <p>
        Go to another tab or window: a reservation call or a contact that arrives meanwhile is said in this
        tab's title, rings, and (once allowed) shows a desktop notification; coming back stops them.
        <button type="button" @click=${() => requestAlertPermission()}>Allow desktop notifications</button>
      </p>
      <div style="display: grid; grid-template-columns: 22rem 1fr; gap: 1rem; align-items: start">
        <campaign-task-card></campaign-task-card>
        <campaign-preview></campaign-preview>
      </div>
    </campaign-provider>`;
  },
};
