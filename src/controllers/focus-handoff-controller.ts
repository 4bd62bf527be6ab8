import type {ReactiveController, ReactiveElement} from 'lit';
import type {CampaignStore} from '../store/campaign-store.js';

/** The two places an agent's focus moves between as a campaign call goes on. */
export type FocusRole = 'preview' | 'card';

/** Every connected kit element that takes part, whatever copy of the kit it comes from. */
const KEY = Symbol.for('campaign-preview-kit/focus-handoffs');
const holder = globalThis as unknown as Record<symbol, Set<FocusHandoffController> | undefined>;
const peers: Set<FocusHandoffController> = (holder[KEY] ??= new Set());

/**
 * Moves the agent's focus between the elements that follow one store, so the
 * next control is always one Tab away: after Accept, from the Campaign contact
 * dialog to the task card's call (Cancel, Voicemail left); when the call is
 * over, back to the Campaign button or the dialog. Focus is only moved when
 * it was lost (the pressed button went away) or is inside the element that
 * hands it over: never taken from other work.
 */
export class FocusHandoffController implements ReactiveController {
  constructor(
    private readonly host: ReactiveElement,
    readonly role: FocusRole,
    /** The store the host follows (null when a host drives it by hand: no handoff). */
    private readonly store: () => CampaignStore | undefined,
    /** Focuses the host's best target; returns whether something took focus. */
    private readonly receive: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    peers.add(this);
  }

  hostDisconnected(): void {
    peers.delete(this);
  }

  /** Focus was lost (on the page's body) or is inside the host. */
  get mayMove(): boolean {
    const active = document.activeElement;
    return active === null || active === document.body || active === this.host;
  }

  /** Hands focus to the first connected `role` element that follows the same store; whether one took it. */
  handTo(role: FocusRole): boolean {
    const store = this.store();
    if (!store) return false;
    for (const peer of peers) {
      if (peer !== this && peer.role === role && peer.store() === store && peer.host.isConnected && peer.receive()) return true;
    }
    return false;
  }
}
