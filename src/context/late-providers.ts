import {ContextEvent} from '@lit/context';
import {campaignStoreContext} from './store-context.js';

type Request = ContextEvent<typeof campaignStoreContext>;
type Callback = Request['callback'];

interface Waiting {
  readonly element: WeakRef<Element>;
  readonly callback: WeakRef<Callback>;
}

const KEY = Symbol.for('campaign-preview-kit/late-providers');

/**
 * Lets a store provided after the elements are in the page reach them: an
 * element's request for the store that no provider answered is kept, and
 * asked again when a provider of the store appears (a `<campaign-provider>`
 * connected later, or `provideCampaignStore` called later). Installed once
 * per page, by the first element, for every copy of the kit.
 */
export function answerLateProviders(): void {
  const holder = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (holder[KEY] || typeof document === 'undefined') return;
  holder[KEY] = true;
  let waiting: Waiting[] = [];
  document.addEventListener('context-request', (event) => {
    const request = event as Request;
    if (request.context !== campaignStoreContext || !request.subscribe) return;
    const element = (request.contextTarget ?? request.composedPath()[0]) as Element;
    if (waiting.some((each) => each.element.deref() === element && each.callback.deref() === request.callback)) return;
    waiting.push({element: new WeakRef(element), callback: new WeakRef(request.callback)});
  });
  document.addEventListener('context-provider', (event) => {
    if ((event as Event & {context?: unknown}).context !== campaignStoreContext) return;
    const asked = waiting;
    // Requests still unanswered reach the document again and wait once more.
    waiting = [];
    for (const each of asked) {
      const element = each.element.deref();
      const callback = each.callback.deref();
      if (element?.isConnected && callback) element.dispatchEvent(new ContextEvent(campaignStoreContext, element, callback, true));
    }
  });
}
