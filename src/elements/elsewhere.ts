import {html, type TemplateResult} from 'lit';
import type {Messages} from '../i18n/index.js';

/**
 * "Active in another tab", with the Use here button that moves control of the
 * agent's dialer to this tab: shown by each element of a tab that is not in charge.
 */
export function renderElsewhere(msg: Messages, useHere: () => void): TemplateResult {
  return html`<p part="elsewhere" class="elsewhere">
    <span>${msg.elsewhere}</span>
    <button part="use-here-button" title=${msg.useHereHint} @click=${useHere}>
      ${msg.useHere}
    </button>
  </p>`;
}
