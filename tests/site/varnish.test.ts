/**
 * Varnish (deploy/varnish/cchc.vcl, started by scripts/lib/varnish.mjs) in front of the
 * real site and CMS: what it stores and under which key, what it never stores, who may
 * purge what, one stored copy for every encoding, and stale pages or a Vietnamese 503 when
 * the CMS or the site is down. SQLite only: Varnish sees the same pages on either database.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { startSite, stopProcess } from '../../scripts/lib/stack.mjs';
import { VARNISH_PURGE_METHOD, VARNISH_PURGE_SECRET_HEADER, XKEY_HEADER, XKEY_PURGE_HEADER } from '../../shared/src/index.js';
import { hostPolicyOf, normaliseRequest } from '../../site/server/cache-key.ts';
import { freePort } from '../support/ports.js';
import { purgeSiteCache } from '../support/site-cache.js';
import { COMMITTEE_HOST } from '../support/stack.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { raw, startTestVarnish, varnishCounter, type RawAnswer, type RawRequest, type TestVarnish } from '../support/varnish.js';

const SECRET = 'bi-mat-xoa-varnish_0123456789';
const sqliteOnly = inject('database') === 'sqlite';
const sitePort = () => Number(new URL(inject('siteUrl')).port);
const text = (answer: RawAnswer) => answer.body.toString('utf8');
const purge = (varnish: TestVarnish, tags: string, options: RawRequest = {}) =>
  raw(varnish.url, '/', { method: VARNISH_PURGE_METHOD, ...options, headers: { [XKEY_PURGE_HEADER]: tags, [VARNISH_PURGE_SECRET_HEADER]: SECRET, ...options.headers } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Requests `path` until Varnish answers it with `state` (a page past its freshness, a refresh done), within a bound. */
async function until(varnish: TestVarnish, path: string, state: string, timeoutMs = 10_000): Promise<RawAnswer> {
  const started = Date.now();
  let last: RawAnswer | null = null;
  while (Date.now() - started < timeoutMs) {
    last = await raw(varnish.url, path);
    if (last.headers['x-cache'] === state) return last;
    await sleep(100);
  }
  throw new Error(`${path} was still answered ${String(last?.headers['x-cache'])} (${last?.status}) after ${timeoutMs} ms`);
}

describe.runIf(sqliteOnly)('Varnish in front of the site', () => {
  let varnish: TestVarnish;
  /** Two article paths linked from the home page. */
  let articles: [string, string];

  beforeAll(async () => {
    // The site's own copies are rendered again: their Age (which Varnish subtracts from their freshness) starts at 0.
    await purgeSiteCache();
    varnish = await startTestVarnish([{ host: '127.0.0.1', port: sitePort() }], SECRET, { COMMITTEE_HOSTS: COMMITTEE_HOST });
    const home = await (await fetch(`${inject('siteUrl')}/`)).text();
    const linked = [...new Set([...home.matchAll(/href="(\/bai-viet\/[a-z0-9-]+)"/g)].map((m) => m[1]!))];
    expect(linked.length).toBeGreaterThanOrEqual(2);
    articles = [linked[0]!, linked[1]!];
  });

  afterAll(async () => {
    await varnish?.stop();
  });

  test('a second GET is a HIT with the same bytes, without the internal headers', async () => {
    const first = await raw(varnish.url, '/co-quan');
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await raw(varnish.url, '/co-quan');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body.equals(first.body)).toBe(true);
    for (const answer of [first, second]) {
      expect(answer.headers[XKEY_HEADER]).toBeUndefined();
      expect(answer.headers['cache-tag']).toBeUndefined();
      expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  test('the same query parameters in another order hit the same object', async () => {
    const first = await raw(varnish.url, '/ban-chi-dao/van-ban?trang=1&q=ke-hoach');
    expect(first.status).toBe(200);
    const reordered = await raw(varnish.url, '/ban-chi-dao/van-ban?q=ke-hoach&trang=1');
    expect(reordered.headers['x-cache']).toBe('HIT');
    expect(reordered.body.equals(first.body)).toBe(true);
  });

  test('tracking parameters and junk do not split the cache', async () => {
    const plain = await raw(varnish.url, '/linh-vuc/the-che');
    expect(plain.status).toBe(200);
    for (const variant of ['/linh-vuc/the-che?utm_source=zalo&utm_medium=social', '/linh-vuc/the-che?fbclid=abc123', '/linh-vuc/the-che?x=1&y=2']) {
      const answer = await raw(varnish.url, variant);
      expect(answer.headers['x-cache'], variant).toBe('HIT');
      expect(answer.body.equals(plain.body)).toBe(true);
    }
    // A parameter the route reads is part of the key.
    expect((await raw(varnish.url, '/linh-vuc/the-che?trang=2&utm_source=zalo')).headers['x-cache']).toBe('MISS');
  });

  test('a cookie neither splits nor bypasses the cache of a public page', async () => {
    await raw(varnish.url, '/video');
    const withCookie = await raw(varnish.url, '/video', { headers: { cookie: 'cchc_entry_x=abc' } });
    expect(withCookie.headers['x-cache']).toBe('HIT');
  });

  test.each([
    ['the search', '/tim-kiem?q=cai+cach'],
    ['a draft\'s preview', '/xem-truoc/khong-phai-ma-that'],
    ['a preview spelled with an escape', '/%78em-truoc/khong-phai-ma-that'],
    ['an entrant\'s attempt', '/cuoc-thi/bai-thi/abcdef0123456789'],
    ['the contest\'s challenge', '/cuoc-thi/bai-thi/xac-minh'],
    ['a question\'s lookup', '/hoi-dap/tra-cuu?ma=PAKN.20240101.0001'],
    ['a question\'s lookup with a trailing slash', '/hoi-dap/tra-cuu/'],
  ])('%s is never stored (%s)', async (_, path) => {
    const before = varnishCounter(varnish.workDir, 'MAIN.n_object');
    for (let i = 0; i < 2; i++) {
      const answer = await raw(varnish.url, path);
      expect(answer.headers['x-cache'], `${path}: ${answer.status}`).toBe('PASS');
    }
    expect(varnishCounter(varnish.workDir, 'MAIN.n_object')).toBe(before);
  });

  test.each([
    ['a question sent', '/hoi-dap/gui'],
    ['a contest registration', '/cuoc-thi/khong-co-cuoc-thi'],
    ['a form to a public page', '/'],
  ])('POST of %s goes to the site every time', async (_, path) => {
    for (let i = 0; i < 2; i++) {
      const answer = await raw(varnish.url, path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
      expect(answer.headers['x-cache']).toBe('PASS');
      expect(answer.status).not.toBe(200);
    }
  });

  test('the contest\'s public pages are stored like the site stores them', async () => {
    const first = await raw(varnish.url, '/cuoc-thi');
    expect(first.status).toBe(200);
    expect((await raw(varnish.url, '/cuoc-thi')).headers['x-cache']).toBe('HIT');
  });

  test('hosts: a committee host keys its own entries; a host the site does not serve is refused (421) without asking it', async () => {
    const committee = await raw(varnish.url, '/', { headers: { host: COMMITTEE_HOST } });
    const column = await raw(varnish.url, '/');
    expect(committee.status).toBe(200);
    expect(column.status).toBe(200);
    expect(committee.body.equals(column.body)).toBe(false);
    expect((await raw(varnish.url, '/', { headers: { host: COMMITTEE_HOST } })).headers['x-cache']).toBe('HIT');
    const forged = await raw(varnish.url, '/', { headers: { host: 'evil.example' } });
    expect(forged.status).toBe(421);
    expect(text(forged)).toBe('Trang này không phục vụ tên miền đã yêu cầu.');
  });

  test('gzip and identity clients get the same page from one stored object; Accept-Encoding variants add none', async () => {
    const path = articles[1];
    const before = varnishCounter(varnish.workDir, 'MAIN.n_object');
    const gzip = await raw(varnish.url, path, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.status).toBe(200);
    expect(gzip.headers['x-cache']).toBe('MISS');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['vary']).toBe('Accept-Encoding');
    const variants = ['', 'identity', 'gzip, deflate, br', 'br', 'deflate', 'gzip;q=1.0, br;q=0.9', 'GZIP'];
    for (const acceptEncoding of variants) {
      const answer = await raw(varnish.url, path, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
      expect(answer.headers['x-cache'], acceptEncoding).toBe('HIT');
      const body = answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body;
      expect(answer.headers['content-encoding'] ?? 'identity', acceptEncoding).toMatch(/^(gzip|identity)$/);
      expect(body.equals(gunzipSync(gzip.body)), acceptEncoding).toBe(true);
    }
    // A client without gzip gets the plain page, the very bytes the site sends for that host
    // (without SITE_URL, pages build their absolute URLs from the Host).
    const plain = await raw(varnish.url, path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const fromSite = await raw(inject('siteUrl'), path, { headers: { host: new URL(varnish.url).host } });
    expect(fromSite.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(fromSite.body)).toBe(true);
    expect(varnishCounter(varnish.workDir, 'MAIN.n_object')).toBe(before + 1);
  });

  test('a PURGE without the secret, with a wrong one, from outside the ACL, or without tags is refused and purges nothing', async () => {
    const [article] = articles;
    await raw(varnish.url, article);
    expect((await raw(varnish.url, article)).headers['x-cache']).toBe('HIT');
    const tag = `article:${article.split('/').pop()}`;
    const refusals: Array<[RawRequest, number]> = [
      [{ headers: { [VARNISH_PURGE_SECRET_HEADER]: '' } }, 403],
      [{ headers: { [VARNISH_PURGE_SECRET_HEADER]: `${SECRET}x` } }, 403],
      [{ headers: { [VARNISH_PURGE_SECRET_HEADER]: SECRET.slice(0, -1) } }, 403],
      // 127.0.0.2 is this machine too, but not an address of the ACL.
      [{ localAddress: '127.0.0.2' }, 403],
    ];
    for (const [options, status] of refusals) {
      const answer = await purge(varnish, tag, options);
      expect(answer.status, JSON.stringify(options)).toBe(status);
      expect(text(answer)).toBe('Không được phép xóa bộ nhớ đệm.');
    }
    const noTags = await raw(varnish.url, '/', { method: VARNISH_PURGE_METHOD, headers: { [VARNISH_PURGE_SECRET_HEADER]: SECRET } });
    expect(noTags.status).toBe(400);
    expect((await raw(varnish.url, article)).headers['x-cache']).toBe('HIT');
  });

  test('a PURGE with the secret and a tag purges exactly the pages carrying it', async () => {
    // Every page carries `taxonomy`: this empties the cache of pages, so that the count below is exact.
    expect((await purge(varnish, 'taxonomy')).status).toBe(200);
    const pages = ['/', '/co-quan', '/linh-vuc/the-che', '/video', ...articles];
    for (const page of pages) {
      await raw(varnish.url, page);
      expect((await raw(varnish.url, page)).headers['x-cache'], page).toBe('HIT');
    }
    // The tags as the site sends them (Varnish keeps them to itself).
    const tagsOf = new Map<string, string[]>();
    for (const page of pages) tagsOf.set(page, String((await raw(inject('siteUrl'), page)).headers['cache-tag'] ?? '').split(' '));
    const tag = `article:${articles[0].split('/').pop()}`;
    const carrying = pages.filter((page) => tagsOf.get(page)!.includes(tag));
    expect(carrying).toContain(articles[0]);
    expect(carrying.length).toBeLessThan(pages.length);

    const answer = await purge(varnish, `${tag} tag-khong-ton-tai`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(text(answer))).toEqual({ purged: carrying.length });
    for (const page of pages) {
      expect((await raw(varnish.url, page)).headers['x-cache'], page).toBe(carrying.includes(page) ? 'MISS' : 'HIT');
    }
  });

  test('Varnish answers its own /_health', async () => {
    const answer = await raw(varnish.url, '/_health');
    expect(answer.status).toBe(200);
    expect(text(answer)).toBe('ok');
  });
});

describe.runIf(sqliteOnly)('the cache key, as the site\'s', () => {
  let varnish: TestVarnish;
  let backend: http.Server;

  beforeAll(async () => {
    // A backend that names the URL and the forwarding headers it was sent: a stored object keeps them.
    backend = http.createServer((req, res) => {
      res.writeHead(200, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'public, max-age=60',
        'x-backend-url': req.url ?? '',
        'x-backend-for': String(req.headers['x-forwarded-for'] ?? ''),
        'x-backend-proto': String(req.headers['x-forwarded-proto'] ?? ''),
      });
      res.end(req.url);
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    varnish = await startTestVarnish([{ host: '127.0.0.1', port: (backend.address() as AddressInfo).port }], SECRET, {});
  });

  afterAll(async () => {
    await varnish?.stop();
    await new Promise((resolve) => backend?.close(resolve));
  });

  const policy = hostPolicyOf(undefined, [], []);
  test.each([
    '/',
    '/?utm_source=zalo',
    '/bai-viet/mot-cua?trang=2',
    '/linh-vuc/the-che?trang=2&utm_campaign=x',
    '/linh-vuc/the-che/?trang=3',
    '/chu-de/chi-so?trang=2&trang=5',
    '/co-quan/so-tu-phap?q=x&trang=4',
    '/video?trang=2&fbclid=1',
    '/phat-thanh/?gclid=2',
    '/infographic?trang=',
    '/ban-chi-dao/van-ban?trang=2&linh-vuc=the-che&z=9&co-quan-ban-hanh=ubnd&nam=2024&loai=quyet-dinh&q=ke+hoach',
    '/van-ban?loai=chi-thi&loai=quyet-dinh',
    '/hoi-dap?trang=2&co-quan=so-noi-vu&q=ho+so&linh-vuc=the-che&utm_source=x',
    '/hoi-dap/PAKN.20240101.0001?x=1',
    '/rss.xml?utm_source=feedly',
  ])('%s is fetched and stored as the site would key it', async (target) => {
    const answer = await raw(varnish.url, target);
    expect(answer.status).toBe(200);
    const expected = normaliseRequest(target, '127.0.0.1', policy);
    expect(expected.misdirected).toBe(false);
    expect(answer.headers['x-backend-url']).toBe(expected.url);
  });

  test('the site is told one client address, which a client cannot forge, and https only by a trusted proxy', async () => {
    const forwarded = { 'x-forwarded-for': '203.0.113.9, 198.51.100.7', 'x-forwarded-proto': 'https' };
    // A client (127.0.0.2 is not in the proxies' ACL): its own headers are dropped.
    const client = await raw(varnish.url, '/tim-kiem?q=mot', { localAddress: '127.0.0.2', headers: forwarded });
    expect(client.headers['x-backend-for']).toBe('127.0.0.2');
    expect(client.headers['x-backend-proto']).toBe('');
    expect(client.headers['strict-transport-security']).toBeUndefined();
    // A TLS terminator on loopback: the client it names last, and the scheme it says.
    const proxied = await raw(varnish.url, '/tim-kiem?q=hai', { headers: forwarded });
    expect(proxied.headers['x-backend-for']).toBe('198.51.100.7');
    expect(proxied.headers['x-backend-proto']).toBe('https');
    expect(proxied.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // A stored page fetched over https serves http readers without HSTS, and https ones with it.
    await raw(varnish.url, '/bai-viet/hsts', { headers: forwarded });
    expect((await raw(varnish.url, '/bai-viet/hsts')).headers['strict-transport-security']).toBeUndefined();
    expect((await raw(varnish.url, '/bai-viet/hsts', { headers: forwarded })).headers['strict-transport-security']).toBeDefined();
  });
});

describe.runIf(sqliteOnly)('when the CMS or the site goes down', () => {
  let varnish: TestVarnish;
  let cmsLink: Awaited<ReturnType<typeof startTcpProxy>>;
  let site: { child: unknown; url: string } | null = null;

  beforeAll(async () => {
    // A site of its own, with no page cache (Varnish keeps the pages), fresh for one second,
    // reaching the shared CMS through a link the test can cut.
    cmsLink = await startTcpProxy(new URL(inject('cmsUrl')));
    const port = await freePort();
    site = await startSite({
      port,
      host: '127.0.0.1',
      cmsUrl: cmsLink.url,
      cmsPublicUrl: inject('cmsUrl'),
      env: { SITE_PAGE_CACHE: 'off', CACHE_FRESH_SECONDS: '1', SITE_API_KEY: inject('siteApiKey'), SITE_RENDERS_PER_MINUTE: '1000000' },
      log: false,
    });
    varnish = await startTestVarnish([{ host: '127.0.0.1', port }], SECRET, {});
  });

  afterAll(async () => {
    await varnish?.stop();
    await stopProcess(site?.child);
    await cmsLink?.close();
  });

  test('a page past its freshness is served stale while it is refreshed in the background', async () => {
    const first = await raw(varnish.url, '/co-quan');
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(first.headers['cache-control']).toContain('s-maxage=1');
    // A second later it is past its freshness: served at once, then refreshed.
    await until(varnish, '/co-quan', 'STALE');
    await until(varnish, '/co-quan', 'HIT');
  });

  test('with the CMS unreachable, stored pages are served stale and others get the Vietnamese 503', async () => {
    const warm = await raw(varnish.url, '/ban-chi-dao');
    expect(warm.status).toBe(200);
    await cmsLink.close();
    const stale = await until(varnish, '/ban-chi-dao', 'STALE');
    expect(stale.status).toBe(200);
    expect(stale.body.equals(warm.body)).toBe(true);
    // The background refresh failed (the site answered 503): the copy stays in service.
    for (let i = 0; i < 3; i++) {
      await sleep(400);
      const again = await raw(varnish.url, '/ban-chi-dao');
      expect(again.status).toBe(200);
      expect(again.headers['x-cache']).toBe('STALE');
    }
    await expectVietnamese503(await raw(varnish.url, '/linh-vuc/cong-vu'));
  });

  test('with the site stopped, stored pages are still served and others get the Vietnamese 503', async () => {
    await stopProcess(site?.child);
    site = null;
    const stale = await raw(varnish.url, '/ban-chi-dao');
    expect(stale.status).toBe(200);
    expect(stale.headers['x-cache']).toBe('STALE');
    await expectVietnamese503(await raw(varnish.url, '/chu-de/khong-co-trong-bo-nho'));
    await expectVietnamese503(await raw(varnish.url, '/hoi-dap/gui', { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    expect((await raw(varnish.url, '/_health')).status).toBe(200);
  });
});

/** Varnish's own 503: small, Vietnamese (NFC), Retry-After, never "Guru Meditation". */
async function expectVietnamese503(answer: RawAnswer): Promise<void> {
  expect(answer.status).toBe(503);
  expect(answer.headers['retry-after']).toBe('60');
  expect(answer.headers['cache-control']).toBe('no-store');
  expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
  const html = text(answer);
  expect(html).toContain('<html lang="vi">');
  expect(html).toContain('Hệ thống đang tạm gián đoạn');
  expect(html).toBe(html.normalize('NFC'));
  expect(html).not.toMatch(/Guru Meditation|Varnish|XID/i);
  expect(answer.body.length).toBeLessThan(2048);
}
