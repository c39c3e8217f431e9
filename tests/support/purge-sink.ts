/**
 * An HTTP server that takes every request as a cache would take a purge (200) and writes it
 * down, one JSON line per request, in a file the tests read: the CMS lists it beside Varnish
 * in VARNISH_URLS, so a test counts the purges a change sent.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import type net from 'node:net';

/** One request the sink received. */
export interface ReceivedPurge {
  /** When it arrived (ms since the epoch). */
  at: number;
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** Starts the sink on a free loopback port; `close()` stops it. */
export async function startPurgeSink(file: string): Promise<{ url: string; close: () => Promise<void> }> {
  await fs.writeFile(file, '');
  const server = http.createServer((req, res) => {
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value ?? '')]));
    const line: ReceivedPurge = { at: Date.now(), method: req.method ?? '', url: req.url ?? '', headers };
    req.resume();
    req.on('end', () => {
      void fs.appendFile(file, `${JSON.stringify(line)}\n`).then(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('purged\n'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The requests the sink has received so far. */
export async function readPurges(file: string): Promise<ReceivedPurge[]> {
  const text = await fs.readFile(file, 'utf8');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as ReceivedPurge);
}
