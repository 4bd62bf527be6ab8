/**
 * The reference dialer server as a process of its own:
 *
 *     node --import tsx server/run.ts [--port 8001] [--host localhost] [--state DIR]
 *
 * Each connection's query string is a demo campaign (the demo's URL
 * parameters, see README). With `--state`, campaigns survive a restart.
 */
import {parseArgs} from 'node:util';
import {demoCampaign} from '../demo/demo-campaign.js';
import {startReferenceDialer} from './reference-dialer.js';

const {values} = parseArgs({
  options: {
    port: {type: 'string', default: '8001'},
    host: {type: 'string', default: 'localhost'},
    state: {type: 'string'},
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}
const dialer = await startReferenceDialer((query) => demoCampaign(query).script, {port, host: values.host, stateDir: values.state});
console.log(`Reference dialer server: ${dialer.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void dialer.close().then(() => process.exit(0)));
}
