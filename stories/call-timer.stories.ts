import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html, nothing} from 'lit';
import {LANG_ARG_TYPE, THEME_ARG_TYPE, type StoryLang, type StoryTheme} from './args.js';

type Args = {
  /** Counts up from this many seconds ago (sets `since`). */
  elapsedSeconds?: number;
  /** Counts down to this many seconds from now (sets `until`). */
  remainingSeconds?: number;
  label: string;
  lang: StoryLang;
  theme: StoryTheme;
};

const meta: Meta<Args> = {
  title: 'Elements/call-timer',
  component: 'call-timer',
  args: {lang: '', theme: ''},
  argTypes: {
    elapsedSeconds: {control: {type: 'number', min: 0, step: 1}, description: 'Seconds since the start (`since` = now − this).'},
    remainingSeconds: {control: {type: 'number', min: 0, step: 1}, description: 'Seconds left (`until` = now + this).'},
    label: {control: 'text', description: "The timer's accessible name."},
    lang: LANG_ARG_TYPE,
    theme: THEME_ARG_TYPE,
  },
  parameters: {storyArgs: ['elapsedSeconds', 'remainingSeconds', 'label', 'lang', 'theme']},
  // `now` is the fixed clock's instant (`.storybook/fixed-clock.ts`), read when the story renders.
  render: ({elapsedSeconds, remainingSeconds, label, lang}) => {
    const now = Date.now();
    const since = elapsedSeconds == null ? undefined : now - elapsedSeconds * 1000;
    const until = remainingSeconds == null ? undefined : now + remainingSeconds * 1000;
    return html`<call-timer .since=${since} .until=${until} label=${label} lang=${lang || nothing}></call-timer>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Elapsed: Story = {
  name: 'R-U3 Elapsed since the preview started',
  args: {elapsedSeconds: 65, label: 'Time since the preview started'},
};
export const Hours: Story = {name: 'R-U3 Elapsed over an hour (h:mm:ss)', args: {elapsedSeconds: 3_725, label: 'Elapsed'}};
export const Countdown: Story = {name: 'R-C1 Countdown', args: {remainingSeconds: 30, label: 'Time left'}};
