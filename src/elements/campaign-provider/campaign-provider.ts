import {ContextProvider} from '@lit/context';
import {LitElement, html, css, type PropertyValues, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {campaignStoreContext} from '../../context/store-context.js';
import type {CampaignStore} from '../../core/store.js';

/**
 * @tag campaign-provider
 * @summary Hands a campaign store to every kit element inside it, through context.
 *
 * Make the store from any dialer adapter with `createCampaignStore(adapter)`
 * and set it as the `store` property. Hosts that have their own root element
 * can call `provideCampaignStore(element, store)` instead.
 *
 * @slot - The host's desktop content, with kit elements anywhere inside.
 */
export class CampaignProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The campaign store to provide. */
  @property({attribute: false}) store: CampaignStore | undefined = undefined;

  private readonly provider = new ContextProvider(this, {context: campaignStoreContext});

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.provider.setValue(this.store);
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

/**
 * Provides `store` to the kit elements inside any element of the host's
 * (a desktop's root, say), without a `<campaign-provider>`.
 * Returns a function that swaps the provided store.
 */
export function provideCampaignStore(host: HTMLElement, store: CampaignStore): (next: CampaignStore | undefined) => void {
  const provider = new ContextProvider(host, {context: campaignStoreContext, initialValue: store});
  return (next) => provider.setValue(next);
}

declare global {
  interface HTMLElementTagNameMap {
    'campaign-provider': CampaignProvider;
  }
}
