/**
 * The page cache's key and bounds: junk query strings and forged hosts add no
 * entries, and however many distinct pages come, the cache stays within its bounds.
 * Driven through the real front handler over real HTTP; only the render is a stand-in.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { hostPolicyOf, normaliseRequest } from '../../../site/server/cache-key.ts';
import { readConfig } from '../../../site/server/config.ts';
import { createFrontHandler } from '../../../site/server/front.ts';
import { PageCache } from '../../../site/server/page-cache.ts';
import { parseSearchParams } from '../../../site/src/lib/search.ts';
import { parseDocumentParams } from '../../../site/src/lib/committee/documents.ts';

const WITH_SITE_URL = hostPolicyOf('https://cchc.example.vn', ['bcd.example.vn'], []);
const WITHOUT = hostPolicyOf(undefined, ['bcd.example.vn'], []);

describe('normaliseRequest', () => {
  test.each([
    ['/', 'cchc.example.vn', 'cchc.example.vn/', '/'],
    ['/?utm_source=x&junk=1', 'cchc.example.vn', 'cchc.example.vn/', '/'],
    ['/tim-kiem?trang=2&x=1&q=mot+cua', 'CCHC.example.vn:443', 'cchc.example.vn/tim-kiem?q=mot+cua&trang=2', '/tim-kiem?q=mot+cua&trang=2'],
    ['/linh-vuc/the-che?trang=3&q=x', 'cchc.example.vn', 'cchc.example.vn/linh-vuc/the-che?trang=3', '/linh-vuc/the-che?trang=3'],
    ['/van-ban?loai=quyet-dinh&z=1', 'bcd.example.vn', 'bcd.example.vn/van-ban?loai=quyet-dinh', '/van-ban?loai=quyet-dinh'],
    ['/bai-viet/a/../b', 'cchc.example.vn', 'cchc.example.vn/bai-viet/b', '/bai-viet/b'],
    // With SITE_URL set, pages do not depend on the Host: any other host shares the canonical entries.
    ['/', 'evil.example', 'cchc.example.vn/', '/'],
    ['/', undefined, 'cchc.example.vn/', '/'],
    ['/', '127.0.0.1:4321', '127.0.0.1/', '/'],
  ])('with SITE_URL: %s on %s → %s', (url, host, key, rendered) => {
    expect(normaliseRequest(url, host, WITH_SITE_URL)).toMatchObject({ misdirected: false, key, url: rendered });
  });

  test('without SITE_URL, pages build absolute URLs from the Host: its port is in the key, and other hosts are misdirected', () => {
    expect(normaliseRequest('/', '127.0.0.1:4321', WITHOUT)).toEqual({ misdirected: false, key: '127.0.0.1:4321/', url: '/', host: '127.0.0.1:4321' });
    expect(normaliseRequest('/', '127.0.0.1:1', WITHOUT)).toMatchObject({ key: '127.0.0.1:1/' });
    expect(normaliseRequest('/', 'evil.example', WITHOUT)).toEqual({ misdirected: true, url: '/' });
  });

  test('the parameters kept for search and the library are the ones their parsers read', () => {
    const search = parseSearchParams(new URLSearchParams('q=a&linh-vuc=b&co-quan=c&hinh-thuc=d&nam=2024&quy=1'));
    expect(Object.values(search.form).every((v) => v !== '')).toBe(true);
    const kept = new URL(`http://x${normaliseRequest('/tim-kiem?q=a&linh-vuc=b&co-quan=c&hinh-thuc=d&nam=2024&quy=1&trang=2', 'x', WITHOUT).url}`).searchParams;
    expect([...kept.keys()]).toEqual(['q', 'linh-vuc', 'co-quan', 'hinh-thuc', 'nam', 'quy', 'trang']);
    const documents = parseDocumentParams(new URLSearchParams('q=a&loai=b&nam=2024&co-quan-ban-hanh=c&linh-vuc=d'));
    expect(Object.values(documents.form).every((v) => v !== '')).toBe(true);
    const keptDocs = new URL(`http://x${normaliseRequest('/ban-chi-dao/van-ban?q=a&loai=b&nam=2024&co-quan-ban-hanh=c&linh-vuc=d', 'x', WITHOUT).url}`).searchParams;
    expect([...keptDocs.keys()].sort()).toEqual(['co-quan-ban-hanh', 'linh-vuc', 'loai', 'nam', 'q']);
  });
});

/** A front server whose render answers a 30 KB cacheable page for any path. */
async function frontServer(maxBytes: number, maxEntries: number, rendersPerMinute = 1_000_000) {
  const cache = new PageCache(maxBytes, maxEntries);
  const body = Buffer.from(`<!doctype html><p>${'Cải cách hành chính. '.repeat(1500)}</p>`);
  const handler = createFrontHandler({
    config: { ...readConfig({ SITE_URL: 'http://127.0.0.1' }), maxBytes, maxEntries, rendersPerMinute },
    cache,
    render: async (path) => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=60', 'cache-tag': `p:${path}` }, body }),
    now: Date.now,
    log: () => {},
  });
  const server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const get = (path: string, host = '127.0.0.1') =>
    new Promise<number>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path, agent, headers: { host } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      }).on('error', reject);
    });
  return { cache, get, close: () => new Promise((r) => { agent.destroy(); server.close(r); }) };
}

/** Runs `count` requests, `parallel` at a time. */
async function hammer(count: number, parallel: number, one: (i: number) => Promise<number>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < count) expect(await one(next++)).toBe(200);
  }));
}

describe('the cache under junk', () => {
  test('10,000 junk query strings and forged hosts add no entries, and memory stays flat', async () => {
    const front = await frontServer(64 * 1024 * 1024, 20_000);
    await front.get('/');
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    // With SITE_URL set, forged hosts render as the canonical one: one page in all.
    await hammer(10_000, 16, (i) => front.get(`/?junk=${i}&utm=${Math.random()}`, i % 2 ? '127.0.0.1' : `evil-${i}.example`));
    const stats = front.cache.stats();
    expect(stats.pages).toBe(1);
    global.gc?.();
    // 10,000 stored 30 KB pages would be 300 MB and more; one page and the server's own garbage is far less.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
    await front.close();
  }, 60_000);

  test('10,000 distinct real searches stay within the entry bound and the byte bound', async () => {
    const maxBytes = 8 * 1024 * 1024;
    const front = await frontServer(maxBytes, 200);
    await hammer(10_000, 16, (i) => front.get(`/tim-kiem?q=tu-khoa-${i}`));
    const stats = front.cache.stats();
    expect(stats.pages).toBeLessThanOrEqual(200);
    expect(stats.bytes).toBeLessThanOrEqual(maxBytes);
    // The tag index shrinks with the pages it points to.
    expect(stats.tags).toBeLessThanOrEqual(stats.pages);
    await front.close();
  }, 60_000);
});

describe('renders per client', () => {
  test('past its budget a client gets a 429 in Vietnamese for new renders, while cached pages are still served', async () => {
    const front = await frontServer(8 * 1024 * 1024, 1000, 5);
    for (let i = 0; i < 5; i++) expect(await front.get(`/tim-kiem?q=ngan-sach-${i}`)).toBe(200);
    expect(await front.get('/tim-kiem?q=ngan-sach-moi')).toBe(429);
    // Already cached: no render, no cost.
    expect(await front.get('/tim-kiem?q=ngan-sach-0')).toBe(200);
    await front.close();
  });

  test('a host the site does not serve is answered 421 when SITE_URL is unset', async () => {
    const cache = new PageCache(1024 * 1024, 100);
    const handler = createFrontHandler({ config: readConfig({}), cache, render: async () => { throw new Error('must not render'); }, now: Date.now, log: () => {} });
    const server = http.createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const status = await new Promise<number>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path: '/', headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(status).toBe(421);
    expect(cache.stats().pages).toBe(0);
    await new Promise((r) => server.close(r));
  });
});
