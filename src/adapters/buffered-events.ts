/**
 * An adapter's event stream that keeps what it emitted before anyone
 * subscribed (what a library raised while the adapter was being made, such as
 * the tasks or the snapshot a reload resumes) and gives it to the first
 * subscriber, the store, before the live events.
 */
import {Observable, Subject} from 'rxjs';

export class BufferedEvents<T> {
  readonly events$: Observable<T>;
  private readonly live = new Subject<T>();
  private early: T[] | null = [];

  constructor() {
    this.events$ = new Observable<T>((subscriber) => {
      const subscription = this.live.subscribe(subscriber);
      const early = this.early;
      this.early = null;
      early?.forEach((event) => subscriber.next(event));
      return subscription;
    });
  }

  emit(event: T): void {
    if (this.early) this.early.push(event);
    else this.live.next(event);
  }

  /** Emits `event`; before the first subscriber, it replaces the buffered events `replaced` matches (an older snapshot). */
  emitReplacing(event: T, replaced: (buffered: T) => boolean): void {
    if (this.early) this.early = this.early.filter((buffered) => !replaced(buffered));
    this.emit(event);
  }

  complete(): void {
    this.live.complete();
  }
}
