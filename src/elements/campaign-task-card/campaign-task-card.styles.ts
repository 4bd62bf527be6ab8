import {css} from 'lit';
import {base, color, font, radius, space} from '../../themes/tokens.js';

export const styles = [
  base,
  css`
    :host {
      --_surface: var(--campaign-task-card-surface, ${color.surface});
      --_text: var(--campaign-task-card-text, ${color.text});
      --_muted: ${color.textMuted};
      --_border: var(--campaign-task-card-border, ${color.border});
      --_accent: var(--campaign-task-card-accent, ${color.accent});
      --_danger: var(--campaign-task-card-danger, ${color.danger});
      --_radius: var(--campaign-task-card-radius, ${radius});
      display: block;
      color: var(--_text);
    }
    .card {
      padding: ${space.m};
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_accent);
      border-radius: var(--_radius);
    }
    .card:focus-visible {
      outline: 2px solid ${color.focus};
      outline-offset: 2px;
    }
    .header {
      display: flex;
      align-items: center;
      gap: ${space.s};
    }
    .icon {
      display: inline-flex;
      color: var(--_accent);
    }
    .label {
      flex: 1;
      font-weight: 600;
    }
    call-timer {
      color: var(--_muted);
    }
    p {
      margin: ${space.xs} 0;
    }
    .contact {
      font-weight: 600;
    }
    .details {
      display: grid;
      gap: 2px;
      margin: ${space.s} 0;
      font-size: ${font.small};
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
    .status {
      font-weight: 600;
    }
    :host([status='failed']) .status {
      color: var(--_danger);
    }
    :host([status='connected']) .status {
      color: ${color.success};
    }
    .status-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${space.s};
    }
    .cancel {
      color: var(--_danger);
      border-color: var(--_danger);
    }
    .voicemail {
      margin-top: ${space.s};
      padding: ${space.s};
      border-radius: calc(var(--_radius) / 2);
      background: ${color.warning};
    }
    .wrap-up {
      display: grid;
      /* Columns no wider than the card, however long a disposition's label. */
      grid-template-columns: minmax(0, 1fr);
      gap: ${space.s};
      margin-top: ${space.s};
      padding-top: ${space.s};
      border-top: 1px solid var(--_border);
    }
    .wrap-up.done {
      color: var(--_muted);
    }
    .field {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: ${space.xs};
    }
    .field select,
    .field textarea {
      max-width: 100%;
      font: inherit;
    }
    .hint {
      color: var(--_danger);
    }
    .countdown {
      font-variant-numeric: tabular-nums;
      color: var(--_muted);
    }
    .primary {
      background: var(--_accent);
      border-color: var(--_accent);
      color: ${color.onAccent};
    }
    @media (forced-colors: active) {
      .card {
        border-inline-start-width: 4px;
        border-color: CanvasText;
      }
      .voicemail {
        border: 1px solid CanvasText;
      }
    }
  `,
];
