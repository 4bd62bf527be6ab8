import {ContextProvider} from '@lit/context';
import {LitElement, html, css, unsafeCSS, type PropertyValues, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {campaignStoreContext} from '../../context/store-context.js';
import type {CampaignStore} from '../../core/store.js';
import {watchCampaignStore} from '../../context/store-registry.js';
import {THEME_NAMES, themeDeclarations, type ThemeName} from '../../themes/palettes.js';

/** `:host([theme=dark]) { --cpk-...: ... }` for each theme: the elements inside inherit the tokens. */
const themeRules = THEME_NAMES.map(
  (name) => `:host([theme='${name}'])${name === 'dark' ? ", :host([dark-mode]:not([theme]))" : ''} {\n${themeDeclarations(name)}\n}`,
).join('\n');

/**
 * @tag campaign-provider
 * @summary Hands a campaign store to every kit element inside it, through context.
 *
 * Make the store from any dialer adapter with `createCampaignStore(adapter)`
 * and set it as the `store` property. Hosts that have their own root element
 * can call `provideCampaignStore(element, store)` instead. It can also theme
 * the elements inside it, with no stylesheet to load: `theme="dark"`, or
 * `dark-mode` (for hosts that hold a dark-mode flag, such as Webex Desktop's
 * `$STORE.app.darkMode`).
 *
 * @slot - The host's desktop content, with kit elements anywhere inside.
 */
export class CampaignProvider extends LitElement {
  static override styles = [
    css`
      :host {
        display: contents;
      }
    `,
    unsafeCSS(themeRules),
  ];

  /** One of the kit's themes (`light`, `dark`, `high-contrast`) for the elements inside; unset leaves the page's. */
  @property({reflect: true}) theme: ThemeName | undefined = undefined;

  /** Dark theme for the elements inside, unless `theme` says otherwise. */
  @property({type: Boolean, reflect: true, attribute: 'dark-mode'}) darkMode = false;

  /** The campaign store to provide. */
  @property({attribute: false}) store: CampaignStore | undefined = undefined;

  /**
   * Provide the store registered under this name with `registerCampaignStore`
   * instead (when `store` is not set), following it as it is replaced.
   */
  @property({attribute: 'store-name'}) storeName: string | undefined = undefined;

  private registered: CampaignStore | undefined = undefined;
  private unwatch: (() => void) | null = null;

  private readonly provider = new ContextProvider(this, {context: campaignStoreContext});

  override connectedCallback(): void {
    super.connectedCallback();
    this.watch(this.storeName);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watch(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Set after connecting (as React does): follow the new name.
    if (changed.has('storeName') && this.isConnected) this.watch(this.storeName);
    this.provider.setValue(this.store ?? this.registered);
  }

  private watch(name: string | undefined): void {
    this.unwatch?.();
    this.unwatch = null;
    this.registered = undefined;
    if (name === undefined || !this.isConnected) return;
    this.unwatch = watchCampaignStore(name, (store) => {
      this.registered = store;
      this.requestUpdate();
    });
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
