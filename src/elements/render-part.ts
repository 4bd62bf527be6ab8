import {html, nothing, type TemplateResult} from 'lit';

/**
 * Renders one optional part of an element (the history, the calling window,
 * a form). Should it throw (a value the platform cannot format, from a host
 * that drives the element with a view of its own, say), the part is replaced
 * by `unavailable` and the rest of the element, its actions included, still
 * renders. The error goes to the console for the integrator.
 */
export function renderPart(render: () => TemplateResult | typeof nothing, unavailable: string): TemplateResult | typeof nothing {
  try {
    return render();
  } catch (error) {
    console.error('campaign-preview-kit: a part could not be rendered', error);
    return html`<p>${unavailable}</p>`;
  }
}
