import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';

type Args = {since?: number; until?: number; label: string};

const meta: Meta<Args> = {
  title: 'Elements/call-timer',
  component: 'call-timer',
  render: ({since, until, label}) => html`<call-timer .since=${since} .until=${until} label=${label}></call-timer>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Elapsed: Story = {
  name: 'R-U3 Elapsed since the preview started',
  args: {since: Date.now() - 65_000, label: 'Time since the preview started'},
};
export const Hours: Story = {name: 'R-U3 Elapsed over an hour (h:mm:ss)', args: {since: Date.now() - 3_725_000, label: 'Elapsed'}};
export const Countdown: Story = {name: 'R-C1 Countdown', args: {until: Date.now() + 30_000, label: 'Time left'}};
