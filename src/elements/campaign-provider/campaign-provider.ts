import {ContextProvider} from '@lit/context';
import {LitElement, html, css, unsafeCSS, type PropertyValues, type TemplateResult} from 'lit';
import {property} from 'lit/decorators.js';
import {campaignStoreContext} from '../../context/store-context.js';
import type {CampaignStore} from '../../store/campaign-store.js';
import {bridgeStore, setBridgedAlerts} from '../../context/store-bridge.js';
import {alertsFromTokens, type BackgroundAlertOptions} from '../../attention/background-alerts.js';
import {watchCampaignStore} from '../../context/store-registry.js';
import {THEME_NAMES, themeDeclarations, type ThemeName} from '../../themes/palettes.js';

/** `:host([theme=dark]) { --cpk-...: ... }` for each theme: the elements inside inherit the tokens. */
const themeRules = THEME_NAMES.map(
  (name) => `:host([theme='${name}'])${name === 'dark' ? ', :host([dark-mode]:not([theme]))' : ''} {\n${themeDeclarations(name)}\n}`,
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
 * It is also where the store's own events reach the page, once per store
 * whatever elements are mounted: `campaign-error` for each notice, and the
 * timeout intent (`detail.source: 'timeout'`) before the kit's timeout action.
 *
 * And where a page in the background tells the agent that a reservation call
 * or a contact arrived, once per store (as the first connected provider of it
 * asks): while the page is hidden or not focused, the document title says it
 * (`alerts="title"`, the default: flashing once a second, still under
 * `prefers-reduced-motion: reduce`), a desktop notification
 * (`notification`: only once the agent granted the permission, asked for by
 * the host from a click with `requestAlertPermission()`; clicking it brings
 * the agent to the Campaign contact dialog) and a short ring (`ring`, made
 * with Web Audio; browsers play it only in a page the agent has clicked or
 * typed in before). All stop when the agent is back on the page, answers or
 * decides, or the offer goes. Nothing happens while the page is visible and
 * focused, nor for what arrived while it was, nor in a tab that mirrors
 * another tab in charge.
 *
 * @fires {CampaignErrorEvent} campaign-error - A command failed, the dialer sent something unreadable, or the connection was lost.
 * @fires {CampaignIntentEvent<IntentOf<'accept'>>} campaign-accept - Before the kit accepts at the offer's deadline (`detail.source` `timeout`). Cancelable: the host takes over.
 * @fires {CampaignIntentEvent<IntentOf<'skip'>>} campaign-skip - Before the kit skips at the offer's deadline (`detail.source` `timeout`). Cancelable: the host takes over.
 * @fires {CampaignIntentEvent<IntentOf<'remove'>>} campaign-remove - Before the kit removes at the offer's deadline (`detail.source` `timeout`). Cancelable: the host takes over.
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

  /**
   * How a page in the background tells the agent that a reservation call or a
   * contact arrived: space-separated `title`, `notification`, `ring`; `""` or
   * `none` for nothing. Default `title`.
   */
  @property() alerts: string | null = 'title';

  private registered: CampaignStore | undefined = undefined;
  private unwatch: (() => void) | null = null;
  private bridged: {store: CampaignStore; release: () => void} | null = null;

  private readonly provider = new ContextProvider(this, {context: campaignStoreContext});

  override connectedCallback(): void {
    super.connectedCallback();
    this.watch(this.storeName);
    this.bridge(this.store ?? this.registered);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watch(undefined);
    this.bridge(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Set after connecting (as React does): follow the new name.
    if (changed.has('storeName') && this.isConnected) this.watch(this.storeName);
    const provided = this.store ?? this.registered;
    this.provider.setValue(provided);
    if (this.isConnected) this.bridge(provided);
    if (changed.has('alerts') && this.bridged) setBridgedAlerts(this.bridged.store, this, this.alertOptions);
  }

  private get alertOptions(): BackgroundAlertOptions {
    return alertsFromTokens(this.alerts);
  }

  /** Dispatches the provided store's notices and timeout intents from this element. */
  private bridge(store: CampaignStore | undefined): void {
    if (this.bridged?.store === store) return;
    this.bridged?.release();
    this.bridged = store ? {store, release: bridgeStore(store, this, this.alertOptions)} : null;
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

/** Options of `provideCampaignStore`. */
export interface ProvideOptions {
  /**
   * The background alerts, as the `alerts` attribute of `<campaign-provider>`
   * (`'title notification ring'`, `'none'`) or as options of
   * `alertInBackground`. Default `'title'`.
   */
  readonly alerts?: string | BackgroundAlertOptions;
}

/**
 * Provides `store` to the kit elements inside any element of the host's
 * (a desktop's root, say), without a `<campaign-provider>`, whether they are
 * in the page already or come later; the store's
 * `campaign-error` and timeout intent events are dispatched from `host`, and
 * its background alerts run as `options.alerts` says (default `title`).
 * Returns a function that swaps the provided store (`undefined` withdraws it).
 */
export function provideCampaignStore(
  host: HTMLElement,
  store: CampaignStore,
  options: ProvideOptions = {},
): (next: CampaignStore | undefined) => void {
  const provider = new ContextProvider(host, {context: campaignStoreContext, initialValue: store});
  // Elements already inside the host asked for a store before there was one: they ask again now.
  provider.hostConnected();
  const alerts = typeof options.alerts === 'object' ? options.alerts : alertsFromTokens(options.alerts);
  let release = bridgeStore(store, host, alerts);
  return (next) => {
    release();
    release = next ? bridgeStore(next, host, alerts) : () => undefined;
    provider.setValue(next);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'campaign-provider': CampaignProvider;
  }
}
