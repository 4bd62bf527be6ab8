/** The contacts still to be offered, as data: each by its index in the script's contacts. */
export interface QueueState {
  /** Contacts put back at the head of the queue (withdrawn, left), first first. */
  readonly front: readonly number[];
  /** The script's own contacts from this index on come next, in their order. */
  readonly next: number;
  /** Contacts sent to the back of the queue (skipped), first first. */
  readonly back: readonly number[];
}

/**
 * A queue of a script's contacts: those put back at the front, then the
 * script's own not yet taken, then those sent to the back. It behaves as one
 * list would, and its data stays small however long the script.
 */
export class ContactQueue {
  private readonly front: number[];
  private next: number;
  private readonly back: number[];

  constructor(
    private readonly length: number,
    state: QueueState = {front: [], next: 0, back: []},
  ) {
    this.front = [...state.front];
    this.next = state.next;
    this.back = [...state.back];
  }

  get size(): number {
    return this.front.length + (this.length - this.next) + this.back.length;
  }

  /** The first contact of the queue, taken out of it. */
  take(): number | undefined {
    if (this.front.length > 0) return this.front.shift();
    if (this.next < this.length) return this.next++;
    return this.back.shift();
  }

  /** Puts a contact at the head: it comes next. */
  putFirst(contact: number): void {
    this.front.unshift(contact);
  }

  /** Puts a contact at the end: it comes after every other. */
  putLast(contact: number): void {
    this.back.push(contact);
  }

  state(): QueueState {
    return {front: [...this.front], next: this.next, back: [...this.back]};
  }
}
