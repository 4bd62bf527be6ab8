import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {extname, join, normalize} from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/**
 * Serves the files under `root` on a free loopback port (the story tests and
 * the benchmarks); `mounts` serves other directories under a path prefix
 * (`{'/fonts/': dir}`).
 */
export async function serveStatic(root, mounts = {}) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const file = path === '/' ? 'index.html' : path;
      const mount = Object.keys(mounts).find((prefix) => file.startsWith(prefix));
      const body = await readFile(mount ? join(mounts[mount], file.slice(mount.length)) : join(root, file));
      response.writeHead(200, {'content-type': TYPES[extname(file)] ?? 'application/octet-stream'});
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close()};
}
