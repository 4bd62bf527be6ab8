/**
 * System tokens: the kit's shared design decisions. Every element reads its
 * colours, spacing and type from these `--cpk-*` custom properties (through
 * its own component tokens); the values after the commas are the defaults a
 * page gets without any theme stylesheet. No element names a colour itself.
 */
import {css} from 'lit';

export const color = {
  surface: css`var(--cpk-color-surface, #ffffff)`,
  surfaceRaised: css`var(--cpk-color-surface-raised, #f5f7fa)`,
  text: css`var(--cpk-color-text, #1b1f24)`,
  textMuted: css`var(--cpk-color-text-muted, #4f5660)`,
  border: css`var(--cpk-color-border, #c4cad3)`,
  accent: css`var(--cpk-color-accent, #0b5cad)`,
  onAccent: css`var(--cpk-color-on-accent, #ffffff)`,
  danger: css`var(--cpk-color-danger, #b3261e)`,
  warning: css`var(--cpk-color-warning-surface, #fff4d6)`,
  success: css`var(--cpk-color-success, #1e7b34)`,
  focus: css`var(--cpk-color-focus, #0b5cad)`,
};

export const space = {
  xs: css`var(--cpk-space-xs, 0.25rem)`,
  s: css`var(--cpk-space-s, 0.5rem)`,
  m: css`var(--cpk-space-m, 0.75rem)`,
  l: css`var(--cpk-space-l, 1rem)`,
};

export const shadow = css`var(--cpk-shadow, 0 0.5rem 1.5rem rgb(0 0 0 / 0.16))`;
export const radius = css`var(--cpk-radius, 0.5rem)`;
export const font = {
  family: css`var(--cpk-font-family, system-ui, sans-serif)`,
  size: css`var(--cpk-font-size, 0.9375rem)`,
  small: css`var(--cpk-font-size-small, 0.8125rem)`,
  title: css`var(--cpk-font-size-title, 1.0625rem)`,
};

/** Shared rules: visually hidden text, focus ring, buttons. */
export const base = css`
  :host {
    font-family: ${font.family};
    font-size: ${font.size};
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
