/**
 * A web-test-runner plugin that serves the stand-in CCP (ccp/) on a second
 * loopback port, so that the test page and the CCP iframe are different
 * origins, as with Amazon's hosted CCP. A test page learns the stand-in's URL
 * from STAND_IN_CONFIG_PATH on the test server (ccp-driver.ts reads it).
 */
import {fileURLToPath} from 'node:url';
import {serveStatic} from '../static-server.mjs';

export const STAND_IN_CONFIG_PATH = '/__amazon-connect/stand-in.json';

export function amazonConnectStandIn() {
  let server;
  return {
    name: 'amazon-connect-stand-in',
    async serverStart() {
      server = await serveStatic(fileURLToPath(new URL('./ccp/', import.meta.url)));
    },
    serve(context) {
      if (context.path === STAND_IN_CONFIG_PATH) return {body: JSON.stringify({ccpUrl: `${server.origin}/index.html`}), type: 'json'};
    },
    serverStop() {
      server?.close();
    },
  };
}
