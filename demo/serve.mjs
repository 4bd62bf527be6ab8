/**
 * Serves the demo agent desktop at http://localhost:8000/ (PORT overrides),
 * using the built kit from dist/ the way a host page would.
 */
import {startDevServer} from '@web/dev-server';

const port = Number(process.env.PORT ?? 8000);
const root = new URL('..', import.meta.url).pathname;

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
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`Demo agent desktop: http://localhost:${port}/   (try http://localhost:${port}/?mode=preview)`);
