/**
 * The purge sender against real HTTP servers on loopback (standing for a site and a
 * Varnish): what each receives, in which order, split how, and what is retried or logged.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { PURGE_PATH, PURGE_SIGNATURE_HEADER, PURGE_TIMESTAMP_HEADER, VARNISH_PURGE_SECRET_HEADER, XKEY_PURGE_HEADER, XKEY_PURGE_MAX_BYTES } from '../../../shared/src/index.js';
import { signPurge } from '../../../shared/src/node/index.js';
import { createSitePurgeService } from '../../../cms/src/plugins/cchc/server/src/services/site-purge.js';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

let clock = 0;
/** A server that records each request and answers with the statuses given, in turn (the last one repeats). */
async function recorder(statuses: number[] = [200]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: clock++ });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"purged":1}' : '{"error":"khong"}');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const VARNISH_SECRET = 'bi-mat-cua-varnish-0123456789';
const SITE_SECRET = 'bi-mat-cua-trang';

function logs() {
  const lines: string[] = [];
  return { lines, log: { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) } };
}

describe('the purge sender', () => {
  test('sends the signed POST to each site, then PURGE with the tags and the secret to each Varnish', async () => {
    const site = await recorder();
    const varnishA = await recorder();
    const varnishB = await recorder();
    const { lines, log } = logs();
    const service = createSitePurgeService({ siteUrls: [site.url], secret: SITE_SECRET, varnishUrls: [varnishA.url, `${varnishB.url}/`], varnishSecret: VARNISH_SECRET, log, retryDelays: [0] });
    expect(service.enabled).toBe(true);
    await service.purge(['article:mot-cua', 'latest', 'article:mot-cua', 'area:the-che']);

    expect(site.received).toHaveLength(1);
    const [post] = site.received;
    expect(post!.method).toBe('POST');
    expect(post!.url).toBe(PURGE_PATH);
    expect(JSON.parse(post!.body)).toEqual({ tags: ['article:mot-cua', 'latest', 'area:the-che'] });
    expect(post!.headers[PURGE_SIGNATURE_HEADER]).toBe(signPurge(SITE_SECRET, Number(post!.headers[PURGE_TIMESTAMP_HEADER]), post!.body));

    for (const varnish of [varnishA, varnishB]) {
      expect(varnish.received).toHaveLength(1);
      const [purge] = varnish.received;
      expect(purge!.method).toBe('PURGE');
      expect(purge!.url).toBe('/');
      expect(purge!.headers[XKEY_PURGE_HEADER]).toBe('article:mot-cua latest area:the-che');
      expect(purge!.headers[VARNISH_PURGE_SECRET_HEADER]).toBe(VARNISH_SECRET);
      expect(purge!.body).toBe('');
      // Varnish is purged after the site: a Varnish miss then fetches a page the site has purged too.
      expect(purge!.at).toBeGreaterThan(post!.at);
    }
    expect(lines).toEqual([]);
  });

  test('many tags go in several PURGE requests, each header within the bound, every tag once', async () => {
    const varnish = await recorder();
    const service = createSitePurgeService({ siteUrls: [], secret: '', varnishUrls: [varnish.url], varnishSecret: VARNISH_SECRET, log: logs().log, retryDelays: [0] });
    const tags = Array.from({ length: 600 }, (_, i) => `article:bai-viet-so-${i}-ve-cai-cach-hanh-chinh`);
    await service.purge(tags);
    expect(varnish.received.length).toBeGreaterThan(1);
    for (const { headers } of varnish.received) expect(Buffer.byteLength(String(headers[XKEY_PURGE_HEADER]))).toBeLessThanOrEqual(XKEY_PURGE_MAX_BYTES);
    const sent = varnish.received.flatMap(({ headers }) => String(headers[XKEY_PURGE_HEADER]).split(' '));
    expect(sent.sort()).toEqual([...tags].sort());
  });

  test('a Varnish answering 5xx is tried again; one refusing (403) is logged at once and not retried', async () => {
    const flaky = await recorder([503, 200]);
    const refusing = await recorder([403]);
    const { lines, log } = logs();
    const service = createSitePurgeService({ siteUrls: [], secret: '', varnishUrls: [flaky.url, refusing.url], varnishSecret: VARNISH_SECRET, log, retryDelays: [0, 10, 10] });
    await service.purge(['latest']);
    expect(flaky.received).toHaveLength(2);
    expect(refusing.received).toHaveLength(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Varnish ${refusing.url} refused the purge (403)`);
  });

  test('a Varnish that cannot be reached is logged once, after every attempt', async () => {
    const gone = await recorder();
    const url = gone.url;
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const { lines, log } = logs();
    const service = createSitePurgeService({ siteUrls: [], secret: '', varnishUrls: [url], varnishSecret: VARNISH_SECRET, log, retryDelays: [0, 10] });
    await service.purge(['latest']);
    expect(lines.some((line) => line.includes(`Varnish ${url} unreachable for purge`))).toBe(true);
    expect(lines.at(-1)).toContain('failed after 2 attempts');
  });

  test.each([
    ['no Varnish URL', [], VARNISH_SECRET],
    ['no Varnish secret', ['http://127.0.0.1:9'], ''],
  ])('with %s and no site, purging is off and sends nothing', async (_, varnishUrls, varnishSecret) => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return new Response('{"purged":0}');
    };
    const service = createSitePurgeService({ siteUrls: [], secret: '', varnishUrls, varnishSecret, log: logs().log, fetch });
    expect(service.enabled).toBe(false);
    await service.purge(['latest']);
    expect(calls).toBe(0);
  });
});
