/**
 * `npm start`: the demo agent desktop at http://localhost:8000/ (PORT
 * overrides), on the built kit from dist/ as a host page would use it, with the
 * reference dialer server on the next port (DIALER_PORT overrides) for
 * `?dialer=ws`, and the Amazon Connect example's stand-in CCP on a free
 * loopback port. Run with `node --import tsx` (the server is TypeScript).
 */
import {startDemo} from './server.mjs';

const port = Number(process.env.PORT ?? 8000);
const demo = await startDemo({port, dialerPort: Number(process.env.DIALER_PORT ?? port + 1)});
console.log(`Demo agent desktop: ${demo.url}/   (try ${demo.url}/?mode=preview)`);
console.log(`Reference dialer server: ${demo.dialerUrl}   (the demo uses it with ?dialer=ws)`);
console.log(
  `Amazon Connect example: ${demo.url}/demo/examples/amazon-connect.html   (offline, behind a stand-in CCP on another loopback port)`,
);
