import {interval, type SchedulerLike} from 'rxjs';

/** How often the title changes between the alert and the page's own. */
export const TITLE_FLASH_MS = 1_000;

export interface TitleAlertOptions {
  readonly scheduler: SchedulerLike;
  /** Checked at every change: while true the alert text stays, without flashing (reduced motion). */
  readonly still: () => boolean;
}

/** The agent asked for less motion (`prefers-reduced-motion: reduce`). */
export function prefersReducedMotion(doc: Document = document): boolean {
  return doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * Shows `text` as the document's title, flashing between it and the page's
 * own title once a second (or keeping it still while `still()`). Returns a
 * function that puts the page's title back. A title the page sets meanwhile
 * is the one put back, and is never overwritten once the alert is over.
 */
export function flashTitle(doc: Document, text: string, options: TitleAlertOptions): () => void {
  let original = doc.title;
  let written = '';
  const write = (title: string) => {
    doc.title = title;
    // As the page reads it back (whitespace collapsed), to tell our title from one the page set.
    written = doc.title;
  };
  write(text);
  let alerting = true;
  const flashing = interval(TITLE_FLASH_MS, options.scheduler).subscribe(() => {
    if (doc.title !== written) original = doc.title;
    alerting = options.still() || !alerting;
    write(alerting ? text : original);
  });
  return () => {
    flashing.unsubscribe();
    if (doc.title === written) doc.title = original;
  };
}
