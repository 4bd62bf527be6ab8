/** Types of ./cem-events.mjs, for the tests that use it (test/core/react-events.test.ts). */
type Manifest = {modules: {declarations?: object[]}[]};
type Plugin = {name: string; packageLinkPhase(params: {customElementsManifest: Manifest}): void};

export const REACT_EVENTS_FILE: string;
export function elementsOf(manifest: Manifest): {tagName: string; name: string; events?: {name: string; type?: {text?: string}}[]}[];
export function requireEventTypes(manifest: Manifest): void;
export function reactPropName(eventName: string): string;
export function typeNames(typeText: string): string[];
export function reactEventsSource(manifest: Manifest): string;
export function reactEventsPlugin(): Plugin;
export function jsxTypesPlugin(options: {kitTypes: string; outdir: string; fileName: string} & Record<string, unknown>): Plugin;
export function vsCodePlugin(options: Record<string, unknown>): Plugin;
