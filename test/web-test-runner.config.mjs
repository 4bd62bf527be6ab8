import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter, summaryReporter} from '@web/test-runner';
import {a11ySnapshotPlugin} from '@web/test-runner-commands/plugins';
import {CHROMIUM_ARGS, ensureChromium} from './support/chromium.mjs';
import {countReporter} from './support/count-reporter.mjs';

export default {
  rootDir: '.',
  files: ['test/elements/**/*.test.ts', 'test/demo/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: {config: {timeout: 10000}},
  plugins: [a11ySnapshotPlugin(), esbuildPlugin({ts: true, tsconfig: 'tsconfig.json', target: 'es2022'})],
  browsers: [chromeLauncher({launchOptions: {executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS}})],
  reporters: [defaultReporter(), summaryReporter({flatten: false}), countReporter(process.env.CPK_COUNT_FILE)],
};
