/**
 * Registers a tag unless it already is (two bundles of the kit on one page,
 * or a module evaluated twice, must not throw).
 */
export function defineOnce(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
