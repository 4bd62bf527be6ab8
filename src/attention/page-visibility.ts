import {Observable, distinctUntilChanged} from 'rxjs';

/** The agent is not looking at the page: it is hidden (another tab, minimised) or another window has the focus. */
export function isPageAway(doc: Document = document): boolean {
  return doc.visibilityState === 'hidden' || !doc.hasFocus();
}

/**
 * Whether the page is away (`isPageAway`), now and on every change: on
 * `visibilitychange`, and on the window's `focus` and `blur`. Each change is
 * read a microtask after its event, when the focus has settled: Firefox, for
 * one, says the document has no focus during the `blur` that moves focus into
 * one of the page's own frames (where it stays in the page).
 */
export function pageAway$(doc: Document = document): Observable<boolean> {
  return new Observable<boolean>((subscriber) => {
    const win = doc.defaultView;
    let queued = false;
    const check = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        if (!subscriber.closed) subscriber.next(isPageAway(doc));
      });
    };
    subscriber.next(isPageAway(doc));
    doc.addEventListener('visibilitychange', check);
    win?.addEventListener('focus', check);
    win?.addEventListener('blur', check);
    return () => {
      doc.removeEventListener('visibilitychange', check);
      win?.removeEventListener('focus', check);
      win?.removeEventListener('blur', check);
    };
  }).pipe(distinctUntilChanged());
}
