/**
 * The demo's web server: the site from the project root (the built kit in
 * dist/, the desktop at /), the reference dialer server beside it, the
 * Amazon Connect example's stand-in CCP on a second loopback port, and a
 * strict Content-Security-Policy on the desktop. Import with tsx (the dialer
 * server is TypeScript); `serve.mjs` runs it for `npm start`.
 */
import {startDevServer} from '@web/dev-server';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {demoCampaign} from './demo-campaign.ts';
import {startReferenceDialer} from '../server/reference-dialer.ts';
import {amazonConnectStandIn} from '../test/support/amazon-connect/stand-in-plugin.mjs';

/**
 * No inline script or style, no eval, and Trusted Types required for the
 * DOM's script sinks (Lit's own policy is the only one allowed).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** Pages served under the policy: the desktop, and the kit's CSP test page. */
const STRICT_PAGES = new Set(['/demo/index.html', '/test/csp/page.html']);

export async function startDemo({port = 8000, dialerPort = port + 1, host = 'localhost'} = {}) {
  const dialer = await startReferenceDialer((query) => demoCampaign(query).script, {port: dialerPort, host});
  const server = await startDevServer({
    config: {
      rootDir: new URL('..', import.meta.url).pathname,
      port,
      hostname: host,
      nodeResolve: {exportConditions: ['production']},
      plugins: [
        // The same stand-in CCP, on its own origin, as under web-test-runner: the example page asks
        // both servers for its URL at the same path (/__amazon-connect/stand-in.json).
        amazonConnectStandIn(),
        // The demo's own TypeScript (its sample campaign); the kit itself comes built from dist/.
        esbuildPlugin({ts: true, tsconfig: 'tsconfig.json', target: 'es2022'}),
      ],
      middleware: [
        // The desktop is the site's home page; its query string configures the simulated campaign.
        function home(context, next) {
          if (context.path === '/' || context.path === '/index.html') context.path = '/demo/index.html';
          return next();
        },
        async function policy(context, next) {
          const strict = STRICT_PAGES.has(context.path);
          await next();
          if (strict) context.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        },
        // Where the page finds the reference dialer server.
        function config(context, next) {
          if (context.path !== '/demo/config.json') return next();
          context.type = 'application/json';
          context.body = JSON.stringify({dialerUrl: dialer.url});
        },
      ],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  return {
    url: `http://${host}:${port}`,
    dialerUrl: dialer.url,
    close: async () => {
      await server.stop();
      await dialer.close();
    },
  };
}
