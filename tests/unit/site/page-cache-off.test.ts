/**
 * The front server with its page cache off (SITE_PAGE_CACHE=off, Varnish in front): every
 * request is rendered, within the render budget, with the headers Varnish stores pages by;
 * purges still answer, and /_health answers without rendering. Real HTTP; only the render
 * is a stand-in.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { PURGE_PATH, PURGE_SIGNATURE_HEADER, PURGE_TIMESTAMP_HEADER, SITE_HEALTH_PATH, XKEY_HEADER } from '../../../shared/src/index.js';
import { signPurge } from '../../../shared/src/node/index.js';
import { readConfig } from '../../../site/server/config.ts';
import { createFrontHandler, sharedCacheControl } from '../../../site/server/front.ts';
import { PageCache } from '../../../site/server/page-cache.ts';
import type { Rendered } from '../../../site/server/render.ts';

describe('SITE_PAGE_CACHE', () => {
  test.each([
    [undefined, true],
    ['', true],
    ['on', true],
    ['off', false],
  ])('%j → page cache %s', (value, expected) => {
    expect(readConfig({ SITE_PAGE_CACHE: value }).pageCache).toBe(expected);
  });

  test.each(['true', 'OFF', '0', 'no'])('%j stops the site with a message naming the variable', (value) => {
    expect(() => readConfig({ SITE_PAGE_CACHE: value })).toThrow('SITE_PAGE_CACHE');
  });
});

const SECRET = 'bi-mat-xoa-bo-nho-dem';
const BODY = Buffer.from(`<!doctype html><p>${'Cải cách hành chính. '.repeat(400)}</p>`);
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A front server with its page cache off; `answer` is what the stand-in render gives for a path. */
async function front(env: Record<string, string> = {}, answer: (path: string) => Rendered = () => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=60', 'cache-tag': 'article:mot-cua latest taxonomy' },
  body: BODY,
})) {
  const renders: string[] = [];
  const cache = new PageCache(8 * 1024 * 1024, 100);
  const handler = createFrontHandler({
    config: readConfig({ SITE_PAGE_CACHE: 'off', PURGE_SECRET: SECRET, CACHE_FRESH_SECONDS: '45', ...env }),
    cache,
    render: async (path) => {
      renders.push(path);
      return answer(path);
    },
    now: Date.now,
    log: () => {},
  });
  const server = http.createServer((req, res) => void handler(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const request = (path: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  return { request, renders, cache };
}

describe('with the page cache off', () => {
  test('every request is rendered, and nothing is kept', async () => {
    const site = await front();
    for (let i = 0; i < 3; i++) expect((await site.request('/bai-viet/mot-cua')).status).toBe(200);
    expect(site.renders).toEqual(['/bai-viet/mot-cua', '/bai-viet/mot-cua', '/bai-viet/mot-cua']);
    expect(site.cache.stats().pages).toBe(0);
  });

  test('a public page carries its tags in xkey, s-maxage from CACHE_FRESH_SECONDS, an ETag and the security headers', async () => {
    const { headers } = await (await front()).request('/bai-viet/mot-cua?utm_source=zalo');
    expect(headers[XKEY_HEADER]).toBe('article:mot-cua latest taxonomy');
    expect(headers['cache-tag']).toBe('article:mot-cua latest taxonomy');
    expect(headers['cache-control']).toBe(sharedCacheControl(45));
    expect(headers['cache-control']).toContain('s-maxage=45');
    expect(headers['vary']).toBe('Accept-Encoding');
    expect(headers['etag']).toMatch(/^"[\w-]+"$/);
    expect(headers['content-security-policy']).toContain("script-src 'self'");
  });

  test('the render sees the normalised URL, as Varnish keys it', async () => {
    const site = await front();
    await site.request('/linh-vuc/the-che?utm_source=zalo&trang=2&fbclid=x');
    expect(site.renders).toEqual(['/linh-vuc/the-che?trang=2']);
  });

  test.each([
    ['gzip', (b: Buffer) => gunzipSync(b)],
    ['br', (b: Buffer) => brotliDecompressSync(b)],
    ['identity', (b: Buffer) => b],
  ])('a client taking %s gets the page in it', async (encoding, decode) => {
    const res = await (await front()).request('/', { headers: { 'accept-encoding': encoding } });
    expect(res.headers['content-encoding']).toBe(encoding === 'identity' ? undefined : encoding);
    expect(decode(res.body).equals(BODY)).toBe(true);
  });

  test('If-None-Match with the page\'s ETag answers 304 (Varnish revalidates kept copies so)', async () => {
    const site = await front();
    const { headers } = await site.request('/');
    const again = await site.request('/', { headers: { 'if-none-match': String(headers['etag']) } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  test('an answer that is not public carries no xkey and no shared-cache freshness', async () => {
    const site = await front({}, () => ({ status: 404, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: Buffer.from('<p>Không tìm thấy trang</p>') }));
    const res = await site.request('/bai-viet/khong-co');
    expect(res.status).toBe(404);
    expect(res.headers[XKEY_HEADER]).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  test('the render budget still holds: past it, a 429 in Vietnamese without a render', async () => {
    const site = await front({ SITE_RENDERS_PER_MINUTE: '2' });
    expect((await site.request('/a')).status).toBe(200);
    expect((await site.request('/b')).status).toBe(200);
    const refused = await site.request('/a');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.body.toString('utf8')).toContain('Vui lòng thử lại sau');
    expect(site.renders).toEqual(['/a', '/b']);
  });

  test('a signed purge answers 200, purging nothing; an unsigned one is still refused', async () => {
    const site = await front();
    const body = JSON.stringify({ tags: ['latest'] });
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = await site.request(PURGE_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PURGE_TIMESTAMP_HEADER]: String(timestamp), [PURGE_SIGNATURE_HEADER]: signPurge(SECRET, timestamp, body) },
      body,
    });
    expect(signed.status).toBe(200);
    expect(JSON.parse(signed.body.toString('utf8'))).toEqual({ purged: 0 });
    const unsigned = await site.request(PURGE_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
  });

  test('/_health answers on any host without a render', async () => {
    const site = await front();
    const res = await site.request(SITE_HEALTH_PATH, { headers: { host: 'may-chu-noi-bo:4321' } });
    expect(res.status).toBe(200);
    expect(res.body.toString('utf8')).toBe('ok');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(site.renders).toEqual([]);
  });
});
