/**
 * What the package ships (run after `npm run build`, as `npm test` does):
 * every export resolves to a built file, and the IDE data covers every element.
 */
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, it} from 'node:test';
import nodeResolve from '@rollup/plugin-node-resolve';
import {rollup} from 'rollup';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const TAGS = ['campaign-preview', 'campaign-task-card', 'call-timer', 'campaign-provider'];

describe('package', () => {
  it('every export points at a built file', () => {
    const targets = Object.values(pkg.exports as Record<string, string | Record<string, string>>).flatMap((t) =>
      typeof t === 'string' ? [t] : Object.values(t),
    );
    for (const target of targets.filter((t) => !t.includes('*'))) {
      assert.ok(existsSync(join(root, target)), `${target} is missing (run npm run build)`);
    }
    for (const theme of ['light', 'dark', 'high-contrast', 'brand-example']) {
      assert.ok(existsSync(join(root, `dist/themes/${theme}.css`)), theme);
    }
  });

  it("a host's bundler keeps the element registrations (package sideEffects)", async () => {
    const entry = "import {createCampaignStore} from './dist/index.js'; console.log(createCampaignStore);";
    const bundle = await rollup({
      input: 'host-entry',
      plugins: [
        {name: 'host-entry', resolveId: (id) => (id === 'host-entry' ? id : null), load: (id) => (id === 'host-entry' ? entry : null)},
        nodeResolve({rootDir: root}),
      ],
      onwarn: () => {},
    });
    const {output} = await bundle.generate({format: 'es'});
    for (const tag of TAGS) assert.ok(output[0].code.includes(`'${tag}'`), `${tag} is registered`);
  });

  it('the Webex adapter is its own entry: the main entry never loads it, and it loads nothing of the SDK', () => {
    const webex = readFileSync(join(root, 'dist/webex.js'), 'utf8');
    assert.doesNotMatch(webex, /from '@webex\//);
    assert.match(readFileSync(join(root, 'dist/webex.d.ts'), 'utf8'), /webex-dialer/);
    for (const entry of ['dist/index.js', 'dist/headless.js', 'dist/campaign-preview-kit.bundle.js']) {
      assert.doesNotMatch(readFileSync(join(root, entry), 'utf8'), /webex/i, entry);
    }
  });

  it('the Amazon Connect adapter is its own entry: the main entry never loads it, and it imports nothing of Streams', () => {
    const files = [
      'dist/amazon-connect.js',
      'dist/adapters/amazon-connect/amazon-connect-dialer.js',
      'dist/adapters/amazon-connect/preview-contact.js',
    ];
    for (const file of files)
      assert.doesNotMatch(readFileSync(join(root, file), 'utf8'), /from 'amazon-connect-streams'|import\('amazon-connect/, file);
    assert.match(readFileSync(join(root, 'dist/amazon-connect.d.ts'), 'utf8'), /amazon-connect-dialer/);
    for (const entry of ['dist/index.js', 'dist/headless.js', 'dist/campaign-preview-kit.bundle.js']) {
      assert.doesNotMatch(readFileSync(join(root, entry), 'utf8'), /amazon-connect|AmazonConnect/, entry);
    }
  });

  it('VS Code custom data and JSX types describe every element', () => {
    const html = JSON.parse(readFileSync(join(root, 'dist/ide/vscode.html-custom-data.json'), 'utf8'));
    assert.deepEqual(html.tags.map((t: {name: string}) => t.name).sort(), [...TAGS].sort());
    const preview = html.tags.find((t: {name: string}) => t.name === 'campaign-preview');
    assert.ok(preview.attributes.some((a: {name: string}) => a.name === 'no-shortcuts'));
    const jsx = readFileSync(join(root, 'dist/ide/jsx.d.ts'), 'utf8');
    for (const tag of TAGS) assert.match(jsx, new RegExp(`"${tag}"`));
  });
});
