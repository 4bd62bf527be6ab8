/**
 * Which part may import which (see STYLE.md): protocol <- core <- adapters,
 * none of them touching the DOM; elements never import a concrete dialer.
 */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {describe, it} from 'node:test';
import {spawnSync} from 'node:child_process';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

function sources(): string[] {
  return readdirSync(src, {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(src, join(e.parentPath, e.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(src, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]/g)].map((m) => {
    const spec = m[1] ?? m[2];
    return spec.startsWith('.') ? relative(src, resolve(dirname(join(src, file)), spec)).replace(/\.js$/, '.ts') : spec;
  });
}

const allowed: Record<string, RegExp> = {
  // The JSON Schema export uses valibot's own converter (build time only).
  protocol: /^(protocol\/|valibot$|@valibot\/to-json-schema$)/,
  core: /^(protocol\/|core\/|rxjs$)/,
  // The Webex adapter reads the SDK's declarations (types only, checked below);
  // the simulated dialer's stored journal is checked with valibot, like the protocol.
  adapters: /^(protocol\/|core\/|adapters\/|rxjs$|valibot$|@webex\/contact-center$)/,
  // The store runs the machine for any adapter: it sees the adapter contract only.
  store: /^(protocol\/|core\/|store\/|adapters\/dialer-adapter\.ts$|rxjs$)/,
  // Background alerts follow the store's state (what needs attention is the core's) in the agent's language.
  attention: /^(attention\/|core\/attention\.ts$|store\/campaign-store\.ts$|controllers\/focus-handoff-controller\.ts$|i18n\/|rxjs$)/,
};

/** Each import of `file`, with whether it brings types only. */
function importStatements(file: string): {spec: string; typeOnly: boolean}[] {
  const text = readFileSync(join(src, file), 'utf8');
  return [...text.matchAll(/^(?:(import|export)(\s+type)?\b[^'";]*?from\s*|import\s*)['"]([^'"]+)['"]/gm)].map((m) => {
    const spec = m[3];
    const resolved = spec.startsWith('.') ? relative(src, resolve(dirname(join(src, file)), spec)).replace(/\.js$/, '.ts') : spec;
    return {spec: resolved, typeOnly: Boolean(m[2])};
  });
}

describe('layering', () => {
  for (const [layer, rule] of Object.entries(allowed)) {
    it(`${layer}/ imports only ${rule.source}`, () => {
      for (const file of sources().filter((f) => f.startsWith(`${layer}/`))) {
        for (const dep of importsOf(file)) assert.match(dep, rule, `${file} imports ${dep}`);
      }
    });
  }

  it('elements import no rule: from the core only types and the view helpers, from the store only its type', () => {
    const viewLayer = sources().filter((f) => /^(elements|controllers|context|events|i18n|themes)\//.test(f));
    assert.ok(viewLayer.length > 10);
    for (const file of viewLayer) {
      for (const {spec, typeOnly} of importStatements(file)) {
        if (spec.startsWith('core/')) assert.ok(typeOnly || spec === 'core/views.ts', `${file} imports a rule from ${spec}`);
        if (spec.startsWith('store/')) assert.ok(typeOnly, `${file} imports the store's code from ${spec}`);
      }
    }
  });

  it('the view helpers elements may use are not rules: core/views.ts exports selectors and remainingMs only', async () => {
    const views = await import('../../src/core/views.js');
    assert.deepEqual(Object.keys(views).sort(), ['remainingMs', 'selectPreview', 'selectTask']);
  });

  it('elements never import an adapter', () => {
    for (const file of sources().filter((f) => /^(elements|controllers|context|events)\//.test(f))) {
      for (const dep of importsOf(file)) assert.doesNotMatch(dep, /^adapters\//, `${file} imports ${dep}`);
    }
  });

  it('the Webex SDK is imported for its types only, by the Webex adapter only', () => {
    for (const file of sources()) {
      const text = readFileSync(join(src, file), 'utf8');
      for (const m of text.matchAll(/^(import|export)(.*)from '@webex\/[^']+';$/gm)) {
        assert.match(file, /^adapters\/webex\//, `${file} imports the Webex SDK`);
        assert.match(m[2], /^ type /, `${file}: ${m[0]}`);
      }
    }
  });

  it('the headless entry point imports in Node without a DOM', () => {
    const script =
      "const m = await import('./src/headless.ts'); if (typeof m.createCampaignStore !== 'function') process.exit(3); if (typeof document !== 'undefined') process.exit(4);";
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {cwd: root, encoding: 'utf8'});
    assert.equal(result.status, 0, result.stderr);
  });
});
