/**
 * System tokens as element styles read them: `var(--cpk-..., <light value>)`,
 * so an element looks right with no theme stylesheet at all. No element
 * names a colour itself; the values live in palettes.ts.
 */
import {css, unsafeCSS, type CSSResult} from 'lit';
import {PALETTES} from './palettes.js';

const token = (name: `--cpk-${string}`): CSSResult => unsafeCSS(`var(${name}, ${PALETTES.light[name]})`);

export const color = {
  surface: token('--cpk-color-surface'),
  surfaceRaised: token('--cpk-color-surface-raised'),
  text: token('--cpk-color-text'),
  textMuted: token('--cpk-color-text-muted'),
  border: token('--cpk-color-border'),
  accent: token('--cpk-color-accent'),
  onAccent: token('--cpk-color-on-accent'),
  danger: token('--cpk-color-danger'),
  warning: token('--cpk-color-warning-surface'),
  success: token('--cpk-color-success'),
  focus: token('--cpk-color-focus'),
};

export const space = {
  xs: token('--cpk-space-xs'),
  s: token('--cpk-space-s'),
  m: token('--cpk-space-m'),
  l: token('--cpk-space-l'),
};

export const shadow = token('--cpk-shadow');
export const radius = token('--cpk-radius');
export const font = {
  family: token('--cpk-font-family'),
  mono: token('--cpk-font-family-mono'),
  size: token('--cpk-font-size'),
  small: token('--cpk-font-size-small'),
  title: token('--cpk-font-size-title'),
};

/** Shared rules: visually hidden text, focus ring, buttons, the callback form, the line of a tab not in charge. */
export const base = css`
  :host {
    font-family: ${font.family};
    font-size: ${font.size};
    /* Dialer text may have no spaces at all: it wraps anywhere rather than spill out. */
    overflow-wrap: anywhere;
  }
  /* A phone number: drawn left to right in the order it is dialled, apart from the text around it. */
  bdo {
    unicode-bidi: isolate-override;
  }
  :host([hidden]) {
    display: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(${radius} / 2);
    padding: ${space.xs} ${space.m};
    min-height: 2.25rem;
    border: 1px solid ${color.border};
    background: ${color.surface};
    color: ${color.text};
  }
  button:focus-visible {
    outline: 2px solid ${color.focus};
    outline-offset: 2px;
  }
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .callback {
    display: grid;
    gap: ${space.s};
    margin: ${space.s} 0;
    border: 1px solid ${color.border};
    border-radius: calc(${radius} / 2);
  }
  .callback.done {
    border: none;
    color: ${color.textMuted};
  }
  .callback input,
  .callback select {
    font: inherit;
  }
  .callback .problem {
    color: ${color.danger};
  }
  .callback .agent-time {
    margin: 0;
    color: ${color.textMuted};
    font-size: ${font.small};
  }
  .callback .checkbox {
    display: flex;
    align-items: center;
    gap: ${space.s};
  }
  /* A tab not in charge: "Active in another tab", and Use here. */
  .elsewhere {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${space.s};
    margin: ${space.s} 0 0;
    color: ${color.textMuted};
    font-size: ${font.small};
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    button[aria-disabled='true'] {
      color: GrayText;
      opacity: 1;
    }
  }
`;
