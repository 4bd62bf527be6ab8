/**
 * What a screen-reader user hears: Chromium's full accessibility tree, read
 * over the DevTools protocol by the `ax-tree` server command
 * (test/support/ax-tree-plugin.mjs). Unlike `a11ySnapshot`, it reaches into
 * shadow roots and keeps descriptions, focus and live-region properties.
 *
 * Only Chromium has it: elsewhere `AX_TREE_AVAILABLE` is false, `axTree()`
 * gives null and the finders give null or `[]`, so tests call `this.skip()`.
 *
 * Each helper takes an optional snapshot from `axTree()`; without one it
 * reads a fresh tree (one round trip to the test runner).
 */
import {executeServerCommand} from '@web/test-runner-commands';

const COMMAND = 'ax-tree';

/** A property's value: relations (`describedby`, `controls`...) are the targets' ids, or backend DOM ids without one. */
export type AxPropertyValue = string | number | boolean | null | Array<string | number | null>;

/** One node of the accessibility tree that Chromium does not ignore. */
export interface AxNode {
  /** The AX node id, unique within one snapshot. */
  id: string;
  /** The computed role: ARIA names (`button`, `status`, `generic`...) or Chromium's (`StaticText`, `RootWebArea`...). */
  role: string;
  /** The accessible name ('' when none). */
  name: string;
  /** The accessible description, from aria-describedby, aria-description or title ('' when none). */
  description: string;
  /** Chromium marks the focused element, and the root web area while the document has focus. */
  focused: boolean;
  focusable?: true;
  /** The politeness of a live region (`polite`, `assertive`, `off`), implicit ones (status, alert, log) included. */
  live?: string;
  hidden?: true;
  disabled?: true;
  /** A control's value (a textbox's text, a slider's number...). */
  value?: string;
  /** The nearest kept ancestor (ignored nodes are skipped). */
  parentId?: string;
  /** The kept children, in order; ignored nodes in between are looked through. */
  childIds: string[];
  /** Every AX property by name: `atomic`, `relevant`, `expanded`, `checked`, `level`, `describedby`... */
  properties: Record<string, AxPropertyValue>;
  /** Chromium's internal role number. */
  chromeRole?: number;
  backendDOMNodeId?: number;
}

/** A tree read at one moment: the nodes in document order, and lookups. */
export interface AxSnapshot {
  nodes: AxNode[];
  /** The RootWebArea. */
  root: AxNode;
  byId: Map<string, AxNode>;
}

/** A live region as announced: its node, politeness and the text of its subtree. */
export interface AxLiveRegion {
  node: AxNode;
  role: string;
  /** `polite`, `assertive` or `off` (a timer has no implicit politeness: `off`). */
  live: string;
  atomic: boolean;
  relevant: string;
  busy: boolean;
  text: string;
}

type AxResponse = {available: true; nodes: AxNode[]} | {available: false; reason: string};

const snapshotOf = new WeakMap<AxNode, AxSnapshot>();

async function read(): Promise<AxResponse> {
  try {
    return await executeServerCommand<AxResponse, undefined>(COMMAND);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/Unknown command/.test(message)) throw error;
    throw new Error(`${message} Add axTreePlugin() from test/support/ax-tree-plugin.mjs to the test runner's plugins.`);
  }
}

const probe = await read();

/** Whether the browser exposes its accessibility tree (Chromium over CDP). */
export const AX_TREE_AVAILABLE: boolean = probe.available;

/** Why the tree is not available ('' when it is). */
export const AX_TREE_UNAVAILABLE_REASON: string = probe.available ? '' : probe.reason;

/** Reads the full accessibility tree of the page, or null outside Chromium. */
export async function axTree(): Promise<AxSnapshot | null> {
  if (!AX_TREE_AVAILABLE) return null;
  const response = await read();
  if (!response.available) return null;
  const byId = new Map(response.nodes.map((node) => [node.id, node]));
  const root = response.nodes.find((node) => node.role === 'RootWebArea') ?? response.nodes[0];
  const snapshot: AxSnapshot = {nodes: response.nodes, root, byId};
  for (const node of response.nodes) snapshotOf.set(node, snapshot);
  return snapshot;
}

async function given(snapshot?: AxSnapshot | null): Promise<AxSnapshot | null> {
  return snapshot ?? axTree();
}

function snapshotFor(node: AxNode): AxSnapshot {
  const snapshot = snapshotOf.get(node);
  if (!snapshot) throw new Error(`AX node ${node.id} (${node.role}) does not come from axTree()`);
  return snapshot;
}

function matches(text: string, expected: string | RegExp | undefined): boolean {
  if (expected === undefined) return true;
  return typeof expected === 'string' ? text === expected : expected.test(text);
}

/** The node's kept children. */
export function axChildren(node: AxNode): AxNode[] {
  const {byId} = snapshotFor(node);
  return node.childIds.map((id) => byId.get(id)).filter((child): child is AxNode => Boolean(child));
}

/** The node's kept descendants in document order, not the node itself. */
export function axDescendants(node: AxNode): AxNode[] {
  const out: AxNode[] = [];
  const walk = (parent: AxNode) => {
    for (const child of axChildren(parent)) {
      out.push(child);
      walk(child);
    }
  };
  walk(node);
  return out;
}

/** The node's kept ancestors, nearest first. */
export function axAncestors(node: AxNode): AxNode[] {
  const {byId} = snapshotFor(node);
  const out: AxNode[] = [];
  for (
    let parent = node.parentId ? byId.get(node.parentId) : undefined;
    parent;
    parent = parent.parentId ? byId.get(parent.parentId) : undefined
  ) {
    out.push(parent);
  }
  return out;
}

/** Every node with `role` whose name equals `name` (or matches it); any name when `name` is left out. */
export async function axFindAll(role: string, name?: string | RegExp, snapshot?: AxSnapshot | null): Promise<AxNode[]> {
  const tree = await given(snapshot);
  return tree ? tree.nodes.filter((node) => node.role === role && matches(node.name, name)) : [];
}

/** The first node with `role` and `name` (exact or RegExp), or null (also outside Chromium). */
export async function axFind(role: string, name?: string | RegExp, snapshot?: AxSnapshot | null): Promise<AxNode | null> {
  return (await axFindAll(role, name, snapshot))[0] ?? null;
}

/**
 * The focused node: the deepest one Chromium marks focused, inside shadow
 * roots too (where `document.activeElement` is only the host). The root web
 * area while nothing else has focus; null outside Chromium.
 */
export async function axFocused(snapshot?: AxSnapshot | null): Promise<AxNode | null> {
  const tree = await given(snapshot);
  if (!tree) return null;
  const focused = tree.nodes.filter((node) => node.focused);
  return focused.filter((node) => node.role !== 'RootWebArea').at(-1) ?? focused[0] ?? null;
}

/**
 * The text a screen reader reads for a subtree: the names of its StaticText
 * nodes (and of images, which have no text children), in order. Text under
 * the same parent runs together as on screen; text under different parents
 * (paragraphs, links, list items) is parted by a space. Whitespace collapsed.
 */
export function axText(node: AxNode): string {
  let text = '';
  let lastParent: string | undefined;
  for (const each of [node, ...axDescendants(node)]) {
    const leafName = each.role === 'StaticText' || (each.role === 'image' && each.childIds.length === 0);
    if (!leafName || !each.name) continue;
    if (text && each.parentId !== lastParent) text += ' ';
    text += each.name;
    lastParent = each.parentId;
  }
  return text.replace(/\s+/g, ' ').trim();
}

const LIVE_ROLES = new Set(['status', 'alert', 'log', 'timer', 'marquee']);

/**
 * The live regions, in document order: nodes whose `live` is polite or
 * assertive, and the status, alert, log, timer and marquee roles. A region
 * inside another is listed too, and its text is part of the outer one's.
 * `[]` outside Chromium.
 */
export async function axLiveRegions(snapshot?: AxSnapshot | null): Promise<AxLiveRegion[]> {
  const tree = await given(snapshot);
  if (!tree) return [];
  const isRegion = (node: AxNode) => node.live === 'polite' || node.live === 'assertive' || LIVE_ROLES.has(node.role);
  return tree.nodes.filter(isRegion).map((node) => ({
    node,
    role: node.role,
    live: node.live ?? 'off',
    atomic: node.properties.atomic === true,
    relevant: typeof node.properties.relevant === 'string' ? node.properties.relevant : 'additions text',
    busy: node.properties.busy === true,
    text: axText(node),
  }));
}

/** The tree as indented `role "name"` lines, for failure messages and debugging. */
export function axOutline(node: AxNode): string {
  const lines: string[] = [];
  const walk = (each: AxNode, depth: number) => {
    const extras = [
      each.description && `description="${each.description}"`,
      each.value !== undefined && `value="${each.value}"`,
      each.live && `live=${each.live}`,
      each.focused && 'focused',
      each.disabled && 'disabled',
    ].filter(Boolean);
    lines.push(`${'  '.repeat(depth)}${each.role}${each.name ? ` "${each.name}"` : ''}${extras.length ? ` (${extras.join(', ')})` : ''}`);
    for (const child of axChildren(each)) walk(child, depth + 1);
  };
  walk(node, 0);
  return lines.join('\n');
}
