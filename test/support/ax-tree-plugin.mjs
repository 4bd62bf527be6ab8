/**
 * A web-test-runner server command, `ax-tree`, that reads Chromium's full
 * accessibility tree over the DevTools protocol (`Accessibility.getFullAXTree`,
 * top frame), which, unlike the DOM, reaches into shadow roots. Browser side:
 * test/elements/ax-tree.ts.
 *
 * The command answers `{available: true, nodes}` with the nodes that are not
 * ignored, in document order; ignored nodes are skipped and their children
 * handed to the nearest kept ancestor. Where there is no CDP (WebDriver
 * sessions, Firefox over WebDriver BiDi) it answers
 * `{available: false, reason}`: web-test-runner takes a `null` result as
 * "command not handled", so the plugin cannot answer `null` itself.
 */

export const AX_TREE_COMMAND = 'ax-tree';

/** Where a session has a puppeteer page speaking CDP, that page; otherwise a reason why not. */
function cdpPage(session) {
  if (session.browser.type !== 'puppeteer') return {reason: `no CDP for browser type ${session.browser.type}`};
  const page = session.browser.getPage(session.id);
  const protocol = page.browser?.().protocol ?? 'cdp';
  if (protocol !== 'cdp') return {reason: `no CDP for ${session.browser.name} over ${protocol}`};
  return {page};
}

/**
 * A property's value as JSON. Relations (`describedby`, `labelledby`,
 * `controls`...) come as `relatedNodes` with an empty `value` (also when set
 * through element reflection such as `ariaDescribedByElements`): they become
 * the targets' ids, or their backend DOM node ids when they have no id.
 */
function propertyValue(value) {
  if (!value) return null;
  if (Array.isArray(value.relatedNodes)) {
    return value.relatedNodes.map((related) => related.idref || related.backendDOMNodeId || null);
  }
  return value.value ?? null;
}

/**
 * A name or description as a screen reader says it: the bidi isolates the kit
 * puts around dialer text (U+2066 to U+2069) are formatting, not speech.
 */
function text(value) {
  const raw = value?.value;
  return raw === undefined || raw === null ? '' : String(raw).replace(/[\u2066-\u2069]/g, '');
}

/** The CDP nodes reduced to the compact shape of test/elements/ax-tree.ts (`AxNode`). */
export function compactTree(rawNodes) {
  const byId = new Map(rawNodes.map((node) => [node.nodeId, node]));
  // InlineTextBox nodes (one per line box) repeat their StaticText parent's text.
  const kept = (node) => node && !node.ignored && node.role?.value !== 'InlineTextBox';
  /** The kept nodes under `node`, looking through ignored ones. */
  const keptChildren = (node, out = []) => {
    for (const childId of node.childIds ?? []) {
      const child = byId.get(childId);
      if (!child) continue;
      if (kept(child)) out.push(child.nodeId);
      else keptChildren(child, out);
    }
    return out;
  };
  const nodes = [];
  // Walk from the root so the list is in document (tree) order.
  const root = rawNodes.find((node) => !node.parentId || !byId.has(node.parentId)) ?? rawNodes[0];
  const seen = new Set();
  const visit = (node, keptParent) => {
    if (!node || seen.has(node.nodeId)) return;
    seen.add(node.nodeId);
    let parentForChildren = keptParent;
    if (kept(node)) {
      const properties = {};
      for (const property of node.properties ?? []) properties[property.name] = propertyValue(property.value);
      const compact = {
        id: node.nodeId,
        role: text(node.role),
        name: text(node.name),
        description: text(node.description),
        focused: properties.focused === true,
        childIds: keptChildren(node),
        properties,
      };
      if (node.chromeRole?.value !== undefined) compact.chromeRole = node.chromeRole.value;
      if (keptParent) compact.parentId = keptParent;
      if (node.value?.value !== undefined) compact.value = text(node.value);
      if (typeof properties.live === 'string') compact.live = properties.live;
      if (properties.hidden === true) compact.hidden = true;
      if (properties.disabled === true) compact.disabled = true;
      if (properties.focusable === true) compact.focusable = true;
      if (node.backendDOMNodeId !== undefined) compact.backendDOMNodeId = node.backendDOMNodeId;
      nodes.push(compact);
      parentForChildren = node.nodeId;
    }
    for (const childId of node.childIds ?? []) visit(byId.get(childId), parentForChildren);
  };
  visit(root, undefined);
  // Nodes not reachable from the root (rare: detached or owned elsewhere) go last.
  for (const node of rawNodes) visit(node, undefined);
  return nodes;
}

/** Reads the full AX tree of the session's page, or says why it cannot. */
export async function readAxTree(session, {raw = false} = {}) {
  const {page, reason} = cdpPage(session);
  if (!page) return {available: false, reason};
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('Accessibility.enable');
    const {nodes} = await cdp.send('Accessibility.getFullAXTree');
    return raw ? {available: true, nodes, raw: true} : {available: true, nodes: compactTree(nodes)};
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The plugin: `executeServerCommand('ax-tree')`, payload `{raw: true}` for the untouched CDP nodes. */
export function axTreePlugin() {
  return {
    name: 'ax-tree-command',
    async executeCommand({command, payload, session}) {
      if (command !== AX_TREE_COMMAND) return undefined;
      try {
        return await readAxTree(session, {raw: Boolean(payload?.raw)});
      } catch (error) {
        // A browser without the Accessibility domain: unavailable, not a failure.
        if (/not supported|not implemented|'Accessibility\.[a-zA-Z]+' wasn't found/i.test(String(error?.message))) {
          return {available: false, reason: error.message};
        }
        throw error;
      }
    },
  };
}
