/**
 * Production entry of the site: the front server (page cache, purge endpoint, static
 * files) listens on HOST:PORT and, on a cache miss, calls Astro's request handler in
 * this same process (the Node adapter in middleware mode). Node 24 runs this
 * TypeScript file as it is.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readConfig, type FrontConfig } from './config.ts';
import { createFrontHandler } from './front.ts';
import { PageCache } from './page-cache.ts';
import { render, type AstroHandler } from './render.ts';
import { loadStaticFiles } from './static-files.ts';

let config: FrontConfig;
try {
  config = readConfig(process.env);
} catch (error) {
  // A wrong setting stops the site at start, with the variable's name.
  console.error(`[site] ${(error as Error).message}`);
  process.exit(1);
}
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

process.env['ASTRO_NODE_LOGGING'] = 'disabled';
const astro = (await import(pathToFileURL(path.join(dist, 'server', 'entry.mjs')).href)) as { handler: AstroHandler };

const log = (line: string) => console.error(line);
const handler = createFrontHandler({
  config,
  cache: new PageCache(config.maxBytes, config.maxEntries),
  render: (target, headers) => render(astro.handler, target, headers),
  staticFiles: loadStaticFiles(path.join(dist, 'client'), Date.now()),
  // The contest's private pages: the request as it came (cookies, form body), answered per visitor.
  passThrough: async (req, res) => {
    await astro.handler(req, res);
  },
  now: Date.now,
  log,
});
const server = http.createServer({ keepAlive: true }, (req, res) => void handler(req, res));
server.keepAliveTimeout = 65_000;
server.listen(config.port, config.host, () => {
  const pageCache = config.pageCache ? `page cache ${config.maxBytes / 1024 / 1024} MB` : 'page cache off (Varnish in front)';
  log(`[site] listening on http://${config.host}:${config.port} (${pageCache}, purge ${config.purgeSecret ? 'on' : 'off'})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
