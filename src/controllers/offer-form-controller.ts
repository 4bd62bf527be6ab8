import type {ReactiveController, ReactiveControllerHost} from 'lit';

/**
 * What the agent has set on the offer shown, before deciding: the number to
 * dial, the skip reason, do-not-call. Starts afresh when the offer changes
 * (`key`), so nothing chosen for one contact is sent for the next.
 */
export class OfferFormController implements ReactiveController {
  /** The number chosen, or null for the contact's first. */
  number: string | null = null;
  skipReason: string | null = null;
  doNotCall = false;
  /** The agent tried to skip without the reason the campaign requires. */
  needsReason = false;
  private followed: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly key: () => string | null,
  ) {
    host.addController(this);
  }

  /** Changes the form and re-renders its host. */
  set(change: Partial<Pick<OfferFormController, 'number' | 'skipReason' | 'doNotCall' | 'needsReason'>>): void {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const key = this.key();
    if (key === this.followed) return;
    this.followed = key;
    this.number = null;
    this.skipReason = null;
    this.doNotCall = false;
    this.needsReason = false;
  }
}
