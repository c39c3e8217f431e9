/**
 * Production entry of the site: Astro's standalone server listens on a loopback
 * port of its own, and the front server (page cache, purge endpoint) listens on
 * HOST:PORT in front of it. Node 24 runs this TypeScript file as it is.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readConfig } from './config.ts';
import { createFrontHandler } from './front.ts';
import { PageCache } from './page-cache.ts';
import { render } from './upstream.ts';

const config = readConfig(process.env);
const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'server', 'entry.mjs');

// Astro reads HOST and PORT when its server starts: point it at a free loopback port.
process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
process.env['ASTRO_NODE_LOGGING'] = 'disabled';
process.env['HOST'] = '127.0.0.1';
process.env['PORT'] = '0';
const astro = (await import(pathToFileURL(entry).href)) as { startServer: () => { server: { server: http.Server } } };
const inner = astro.startServer().server.server;
if (!inner.listening) await new Promise((resolve) => inner.once('listening', resolve));
const { port: innerPort } = inner.address() as { port: number };
const origin = new URL(`http://127.0.0.1:${innerPort}`);

const log = (line: string) => console.error(line);
const handler = createFrontHandler({
  config,
  cache: new PageCache(config.maxBytes, config.maxEntries),
  render: (target, headers) => render(origin, target, headers),
  now: Date.now,
  log,
});
const server = http.createServer({ keepAlive: true }, (req, res) => void handler(req, res));
server.keepAliveTimeout = 65_000;
server.listen(config.port, config.host, () => {
  log(`[site] listening on http://${config.host}:${config.port} (page cache ${config.maxBytes / 1024 / 1024} MB, purge ${config.purgeSecret ? 'on' : 'off'})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    inner.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
