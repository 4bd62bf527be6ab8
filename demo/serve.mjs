/**
 * Serves the demo agent desktop at http://localhost:8000/ (PORT overrides),
 * using the built kit from dist/ the way a host page would, and the reference
 * dialer server beside it on the next port (DIALER_PORT overrides) for
 * `?dialer=ws`. Run with `node --import tsx` (the server is TypeScript).
 */
import {startDevServer} from '@web/dev-server';
import {demoCampaign} from '../src/adapters/simulated/demo-campaign.ts';
import {startReferenceDialer} from '../server/reference-dialer.ts';

const port = Number(process.env.PORT ?? 8000);
const dialerPort = Number(process.env.DIALER_PORT ?? port + 1);
const root = new URL('..', import.meta.url).pathname;

const dialer = await startReferenceDialer((query) => demoCampaign(query).script, {port: dialerPort, host: 'localhost'});

await startDevServer({
  config: {
    rootDir: root,
    port,
    hostname: 'localhost',
    nodeResolve: {exportConditions: ['production']},
    middleware: [
      // The desktop is the site's home page; its query string configures the simulated campaign.
      function home(context, next) {
        if (context.path === '/' || context.path === '/index.html') context.path = '/demo/index.html';
        return next();
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
console.log(`Demo agent desktop: http://localhost:${port}/   (try http://localhost:${port}/?mode=preview)`);
console.log(`Reference dialer server: ${dialer.url}   (the demo uses it with ?dialer=ws)`);
