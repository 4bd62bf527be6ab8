/** What a desktop notification says, and what clicking it does. */
export interface AlertNotification {
  readonly title: string;
  readonly body: string;
  /** One notification per tag: a second one with the same tag replaces the first. */
  readonly tag: string;
  /** The language of the text (BCP 47). */
  readonly lang: string;
  /** Called when the agent clicks the notification (it is closed after). */
  readonly onClick: () => void;
}

function notificationApi(): typeof Notification | undefined {
  return (globalThis as {Notification?: typeof Notification}).Notification;
}

/**
 * Asks the agent to allow the kit's desktop notifications; resolves with the
 * answer (`granted`, `denied`, or `default` when the agent closed the prompt).
 * Browsers only ask from a user gesture: call it from a click, e.g. of an
 * "Allow notifications" button of the host's. The kit never asks by itself.
 * Resolves `denied` where there are no notifications.
 */
export function requestAlertPermission(): Promise<NotificationPermission> {
  const api = notificationApi();
  if (!api) return Promise.resolve('denied');
  if (api.permission !== 'default') return Promise.resolve(api.permission);
  return new Promise((resolve) => {
    // Safari before 15.4 answers through the callback and returns nothing.
    const answer = api.requestPermission(resolve) as Promise<NotificationPermission> | undefined;
    answer?.then(resolve, () => resolve(api.permission));
  });
}

/**
 * Shows a desktop notification when the agent granted the permission (and
 * does nothing otherwise). It stays until the agent acts on it or the returned
 * function closes it: the caller closes it as soon as it no longer applies,
 * so that a notification never outlives its offer.
 */
export function showNotification(spec: AlertNotification): () => void {
  const api = notificationApi();
  if (api?.permission !== 'granted') return () => undefined;
  let notification: Notification;
  try {
    notification = new api(spec.title, {body: spec.body, tag: spec.tag, lang: spec.lang, dir: 'auto', requireInteraction: true});
  } catch {
    // Chrome for Android has no page notifications (only a service worker's).
    return () => undefined;
  }
  notification.addEventListener('click', () => {
    spec.onClick();
    notification.close();
  });
  return () => notification.close();
}
