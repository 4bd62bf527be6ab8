import {css} from 'lit';
import {base, color, font, radius, shadow, space} from '../../themes/tokens.js';

export const styles = [
  base,
  css`
    :host {
      --_surface: var(--campaign-preview-surface, ${color.surface});
      --_text: var(--campaign-preview-text, ${color.text});
      --_muted: ${color.textMuted};
      --_border: var(--campaign-preview-border, ${color.border});
      --_accent: var(--campaign-preview-accent, ${color.accent});
      --_danger: var(--campaign-preview-danger, ${color.danger});
      --_radius: var(--campaign-preview-radius, ${radius});
      display: inline-block;
      color: var(--_text);
    }
    .campaign-button {
      display: inline-flex;
      align-items: center;
      gap: ${space.xs};
    }
    .dialog {
      box-sizing: border-box;
      width: var(--campaign-preview-width, 24rem);
      max-width: 100%;
      margin-top: ${space.s};
      padding: ${space.l};
      background: var(--_surface);
      color: var(--_text);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: var(--campaign-preview-shadow, ${shadow});
    }
    .dialog:focus-visible {
      outline: 2px solid ${color.focus};
      outline-offset: 2px;
    }
    h2 {
      margin: 0 0 ${space.m};
      font-size: ${font.title};
    }
    p {
      margin: ${space.xs} 0;
    }
    .contact {
      display: flex;
      gap: ${space.s};
      align-items: center;
    }
    .avatar {
      display: inline-grid;
      place-items: center;
      width: 2.25rem;
      height: 2.25rem;
      border-radius: 50%;
      background: ${color.surfaceRaised};
      color: var(--_accent);
      flex: none;
    }
    .contact > div {
      min-width: 0;
    }
    .name {
      font-weight: 600;
    }
    .campaign,
    .hint,
    .waiting,
    .number {
      color: var(--_muted);
      font-size: ${font.small};
    }
    .details {
      display: grid;
      gap: ${space.xs};
      margin: ${space.m} 0;
    }
    .details div {
      display: grid;
      grid-template-columns: fit-content(40%) minmax(0, 1fr);
      gap: ${space.s};
    }
    dt {
      color: var(--_muted);
    }
    dd {
      margin: 0;
    }
    .numbers {
      min-inline-size: 0;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) / 2);
      margin: ${space.s} 0;
    }
    .numbers label {
      display: block;
      padding: ${space.xs} 0;
    }
    .tried {
      color: var(--_muted);
      font-style: italic;
    }
    .local-time {
      font-size: ${font.small};
      color: var(--_muted);
    }
    .local-time.outside {
      padding: ${space.xs} ${space.s};
      border-inline-start: 4px solid var(--_danger);
      background: ${color.warning};
      color: var(--_text);
    }
    .history {
      margin: ${space.s} 0;
      font-size: ${font.small};
    }
    .history summary {
      cursor: pointer;
    }
    .history ol {
      margin: ${space.xs} 0 0;
      padding-inline-start: ${space.l};
    }
    .field {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${space.s};
      margin-top: ${space.s};
    }
    .field select {
      max-width: 100%;
      font: inherit;
      min-height: 2rem;
    }
    .countdown {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      color: var(--_accent);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${space.s};
      margin-top: ${space.m};
    }
    .primary {
      background: var(--_accent);
      border-color: var(--_accent);
      color: ${color.onAccent};
    }
    .danger {
      color: var(--_danger);
      border-color: var(--_danger);
    }
    .quiet {
      border-color: transparent;
      background: transparent;
    }
    .limit,
    .notice,
    .failure {
      margin: 0 0 ${space.m};
      padding: ${space.s} ${space.m};
      border-radius: calc(var(--_radius) / 2);
      border-inline-start: 4px solid var(--_danger);
      background: ${color.warning};
    }
    .limit {
      display: grid;
      gap: ${space.xs};
    }
    .code {
      font-family: ${font.mono};
      font-size: ${font.small};
    }
    @media (forced-colors: active) {
      .primary {
        forced-color-adjust: none;
        background: ButtonText;
        color: ButtonFace;
      }
      .limit,
      .notice,
      .failure {
        border: 1px solid CanvasText;
      }
    }
  `,
];
