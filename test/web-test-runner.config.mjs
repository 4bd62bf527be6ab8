import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter, summaryReporter} from '@web/test-runner';
import {a11ySnapshotPlugin} from '@web/test-runner-commands/plugins';
import {axTreePlugin} from './support/ax-tree-plugin.mjs';
import {tabsPlugin} from './support/tabs-plugin.mjs';
import {attentionPlugin} from './support/attention-plugin.mjs';
import {amazonConnectStandIn} from './support/amazon-connect/stand-in-plugin.mjs';
import {CHROMIUM_ARGS, ensureChromium} from './support/chromium.mjs';
import {firefoxLauncher, webkitLauncher} from './support/browsers.mjs';
import {countReporter} from './support/count-reporter.mjs';
import {tsImport} from 'tsx/esm/api';

const {startReferenceDialer} = await tsImport('../server/reference-dialer.ts', import.meta.url);
const {demoCampaign} = await tsImport('../demo/demo-campaign.ts', import.meta.url);

/** The reference dialer server for the demo's `?dialer=ws`, as `npm start` runs it. */
function referenceDialer() {
  let dialer;
  return {
    name: 'reference-dialer',
    async serverStart() {
      dialer = await startReferenceDialer((query) => demoCampaign(query).script);
    },
    serve(context) {
      if (context.path === '/demo/config.json') return {body: JSON.stringify({dialerUrl: dialer.url}), type: 'json'};
    },
    async serverStop() {
      await dialer?.close();
    },
  };
}

/**
 * CPK_BROWSERS picks the browsers (default `chromium`). Chromium runs the
 * element, demo and Amazon Connect tests; Firefox and WebKit run the element tests.
 */
const names = (process.env.CPK_BROWSERS ?? 'chromium').split(',');
const LAUNCHERS = {
  chromium: () => chromeLauncher({launchOptions: {executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS}}),
  firefox: firefoxLauncher,
  webkit: webkitLauncher,
};
const unknown = names.filter((name) => !LAUNCHERS[name]);
if (unknown.length) throw new Error(`CPK_BROWSERS: unknown ${unknown.join(', ')} (use ${Object.keys(LAUNCHERS).join(', ')})`);

export default {
  rootDir: '.',
  files: names.includes('chromium')
    ? ['test/elements/**/*.test.ts', 'test/demo/**/*.test.ts', 'test/amazon-connect/**/*.test.ts']
    : ['test/elements/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: {config: {timeout: 10000}},
  plugins: [
    a11ySnapshotPlugin(),
    axTreePlugin(),
    tabsPlugin(),
    attentionPlugin(),
    referenceDialer(),
    amazonConnectStandIn(),
    esbuildPlugin({ts: true, tsconfig: 'tsconfig.json', target: 'es2022'}),
  ],
  browsers: await Promise.all(names.map((name) => LAUNCHERS[name]())),
  reporters: [defaultReporter(), summaryReporter({flatten: false}), countReporter(process.env.CPK_COUNT_FILE)],
};
