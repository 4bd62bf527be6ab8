import {ContextConsumer} from '@lit/context';
import type {ReactiveController, ReactiveElement} from 'lit';
import type {Observable, Subscription} from 'rxjs';
import {answerLateProviders} from '../context/late-providers.js';
import {campaignStoreContext} from '../context/store-context.js';
import type {CampaignStore} from '../store/campaign-store.js';

/**
 * Finds the campaign store through context and keeps `value` up to date with
 * one of its streams: subscribes while the host is connected, unsubscribes
 * when it is not, and follows a provider that swaps its store or is
 * provided after the host is in the page.
 */
export class StoreController<T> implements ReactiveController {
  value: T | undefined = undefined;
  store: CampaignStore | undefined = undefined;
  private subscription: Subscription | null = null;
  private connected = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly select: (store: CampaignStore) => Observable<T>,
  ) {
    host.addController(this);
    answerLateProviders();
    new ContextConsumer(host, {
      context: campaignStoreContext,
      subscribe: true,
      callback: (store) => {
        this.store = store;
        this.resubscribe();
      },
    });
  }

  hostConnected(): void {
    this.connected = true;
    this.resubscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.resubscribe();
  }

  private resubscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (!this.connected || !this.store) {
      this.value = undefined;
      return;
    }
    this.subscription = this.select(this.store).subscribe((value) => {
      this.value = value;
      this.host.requestUpdate();
    });
  }
}
