import type {ReactiveController, ReactiveElement} from 'lit';
import type {CampaignStore} from '../store/campaign-store.js';

/** The two places an agent's focus moves between as a campaign call goes on. */
export type FocusRole = 'preview' | 'card';

/** Every connected kit element that takes part, whatever copy of the kit it comes from. */
const KEY = Symbol.for('campaign-preview-kit/focus-handoffs');
const holder = globalThis as unknown as Record<symbol, Set<FocusHandoffController> | undefined>;
const peers: Set<FocusHandoffController> = (holder[KEY] ??= new Set());

/** The focused elements from the document down through open shadow roots, outermost first. */
function activeChain(): Element[] {
  const chain: Element[] = [];
  for (let active = document.activeElement; active; active = active.shadowRoot?.activeElement ?? null) chain.push(active);
  return chain;
}

/**
 * Moves the agent's focus between the elements that follow one store, so the
 * next control is always one Tab away: after Accept, from the Campaign contact
 * dialog to the task card's call (Cancel, Voicemail left); when the call is
 * over, back to the Campaign button or the dialog. Focus is only moved when it
 * was lost (the control just pressed went away, leaving focus on the page) or
 * rests on one of the host's own landing places (`resting`: the dialog, the
 * card, the Campaign button); never from a field or a control the agent is on.
 */
export class FocusHandoffController implements ReactiveController {
  constructor(
    private readonly host: ReactiveElement,
    readonly role: FocusRole,
    /** The store the host follows (undefined when a host drives it by hand: no handoff). */
    private readonly store: () => CampaignStore | undefined,
    /** Focuses the host's best target; returns whether something took focus. */
    private readonly receive: () => boolean,
    /** Selector of the host's own landing places, inside its shadow root. */
    private readonly resting: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    peers.add(this);
  }

  hostDisconnected(): void {
    peers.delete(this);
  }

  /**
   * Focus is lost, or rests on a landing place of the host or of another
   * element of the same store (or on one of them, with nothing inside focused).
   */
  get mayMove(): boolean {
    const chain = activeChain();
    const last = chain.at(-1);
    if (!last || last === document.body || last === document.documentElement) return true;
    const store = this.store();
    const owners = store ? [...peers].filter((peer) => peer === this || peer.store() === store) : [this];
    return owners.some((owner) => {
      const index = chain.indexOf(owner.host);
      if (index < 0) return false;
      const inside = chain[index + 1];
      return inside === undefined || inside.matches(owner.resting);
    });
  }

  /** Whether a connected `role` element that follows the same store is shown. */
  hasVisiblePeer(role: FocusRole): boolean {
    return this.peersOf(role).some((peer) => peer.host.getClientRects().length > 0);
  }

  /** Hands focus to the first connected `role` element that follows the same store; whether one took it. */
  handTo(role: FocusRole): boolean {
    return this.peersOf(role).some((peer) => peer.receive());
  }

  /** Focuses the first connected `role` element that follows `store` and can take focus (or has it); whether one did. */
  static focusFor(store: CampaignStore, role: FocusRole): boolean {
    const candidates = [...peers].filter((peer) => peer.role === role && peer.store() === store && peer.host.isConnected);
    return candidates.some((peer) => peer.receive() || activeChain().includes(peer.host));
  }

  private peersOf(role: FocusRole): FocusHandoffController[] {
    const store = this.store();
    if (!store) return [];
    return [...peers].filter((peer) => peer !== this && peer.role === role && peer.store() === store && peer.host.isConnected);
  }
}

/**
 * Moves the agent's focus into the `role` element that follows `store`: the
 * Campaign contact dialog (or the Campaign button) for `preview`, the task
 * card for `card`. For a way back to the kit from outside the page, such as a
 * click on the kit's desktop notification. Whether an element took focus.
 */
export function focusStoreElement(store: CampaignStore, role: FocusRole): boolean {
  return FocusHandoffController.focusFor(store, role);
}
