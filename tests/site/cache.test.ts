/** The page cache in front of Astro: hits, signed purges, edits shown within 2 s, and the CMS going down. */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { PURGE_PATH, slugify } from '../../shared/src/index.js';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { startSite, stopProcess } from '../../scripts/lib/stack.mjs';
import { contentManager, transitionArticle } from '../support/api.js';
import { getPage } from '../support/html.js';
import { freePort } from '../support/ports.js';
import { seed } from '../support/seed.js';
import { purge, purgeSiteCache, warmPage } from '../support/site-cache.js';
import { startTcpProxy } from '../support/tcp-proxy.js';

const site = (path: string) => `${inject('siteUrl')}${path}`;


describe('cached pages', () => {
  test('are rendered once, then served from memory, compressed, with an ETag', async () => {
    const path = '/';
    await purgeSiteCache();
    const first = await fetch(site(path), { headers: { 'accept-encoding': 'br' } });
    expect(first.headers.get('x-cache')).toBe('MISS');
    const second = await fetch(site(path), { headers: { 'accept-encoding': 'br' } });
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(await second.text()).toBe(await first.text());
    const etag = second.headers.get('etag')!;
    const revalidated = await fetch(site(path), { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(second.headers.get('cache-control')).toMatch(/public, max-age=60.*stale-if-error/);
  });

  test('an article page weighs at most 60 KB transferred with its one script, without images, and works without it', async () => {
    const article = seed.articles.find((a) => a.format === 'bai-viet')!;
    const res = await fetch(site(`/bai-viet/${slugify(article.title)}`), { headers: { 'accept-encoding': 'br, gzip' } });
    const html = await res.text();
    const transferred = Number(res.headers.get('content-length'));
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(transferred).toBeGreaterThan(0);
    // The one script is the site's own small file (print button, share field); no inline script (the CSP allows none).
    const scripts = [...html.matchAll(/<script(?![^>]*application\/ld\+json)([^>]*)>/g)].map((m) => m[1]!.match(/src="([^"]+)"/)?.[1] ?? 'inline');
    expect(scripts).toEqual(['/js/page.js']);
    const script = await fetch(site('/js/page.js'));
    expect(script.status).toBe(200);
    expect(transferred + (await script.arrayBuffer()).byteLength).toBeLessThanOrEqual(60 * 1024);
    // Without it, the print button stays hidden and the page reads the same.
    expect(html).toMatch(/data-print hidden/);
  });
});

describe('every answer of the site', () => {
  test.each(['/', '/bai-viet/khong-co-bai-nay', '/rss.xml'])('%s carries the security headers: a CSP without inline script, nosniff, referrer policy, no framing', async (path) => {
    const res = await fetch(site(path));
    const csp = res.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    // HSTS only over HTTPS (here through a proxy's X-Forwarded-Proto).
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const overTls = await fetch(site(path), { headers: { 'x-forwarded-proto': 'https' } });
    expect(overTls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  test('a host the site does not serve is answered 421, and nothing is stored for it', async () => {
    const url = new URL(site('/'));
    const status = await new Promise<number>((resolve, reject) => {
      http.get({ host: url.hostname, port: url.port, path: '/', headers: { host: 'khong-phai-trang-nay.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(status).toBe(421);
  });
});

describe('the purge endpoint', () => {
  test.each([
    ['no signature', () => purge('{"all":true}', { sign: false }), 401],
    ['a wrong secret', () => purge('{"all":true}', { secret: 'not-the-secret' }), 401],
    ['an old timestamp', () => purge('{"all":true}', { timestamp: Math.floor(Date.now() / 1000) - 3600 }), 401],
    ['a body that is not JSON', () => purge('tags=all'), 400],
    ['a body without tags', () => purge('{"tags":[]}'), 400],
  ])('refuses %s', async (_name, call, status) => {
    const res = await call();
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error.length).toBeGreaterThan(5);
  });

  test('a signed purge marks the tagged pages for rendering again', async () => {
    const path = '/linh-vuc/the-che';
    await warmPage(site(path));
    const res = await purge(JSON.stringify({ tags: ['area:the-che'] }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { purged: number }).purged).toBeGreaterThanOrEqual(1);
    expect((await fetch(site(path))).headers.get('x-cache')).toBe('MISS');
  });

  test('is refused for other methods', async () => {
    expect((await fetch(site(PURGE_PATH))).status).toBe(405);
  });
});

describe('an edit published in the admin panel', () => {
  // The newest article shows on the home page and on the first page of its area.
  const source = [...seed.articles].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0]!;
  const slug = slugify(source.title);
  let articles: ReturnType<typeof contentManager>;
  let documentId = '';

  beforeAll(async () => {
    const token = inject('adminTokens').admin;
    articles = contentManager(inject('cmsUrl'), token, 'plugin::cchc.article');
    const found = await articles.list(`&filters[slug][$eq]=${slug}`);
    documentId = found.body.results[0].documentId;
  });

  const publishUpdate = (note: string) =>
    transitionArticle(inject('cmsUrl'), inject('adminTokens').admin, documentId, 'publish-update', { note, publicNote: false });

  afterAll(async () => {
    await articles.update(documentId, { title: source.title });
    await publishUpdate('Trả lại tiêu đề cũ sau kiểm thử');
  });

  test('shows on the article and its area page within 2 seconds', async () => {
    const pages = [`/bai-viet/${slug}`, `/linh-vuc/${source.areas[0]}`, '/'];
    for (const path of pages) {
      await warmPage(site(path));
    }
    const newTitle = `${source.title} (đã cập nhật ${Date.now()})`;
    expect((await articles.update(documentId, { title: newTitle })).status).toBe(200);
    expect((await publishUpdate('Sửa tiêu đề')).status).toBe(200);
    const published = Date.now();
    for (const path of pages) {
      let html = '';
      while (Date.now() - published < 2000) {
        html = (await getPage(site(path))).html;
        if (html.includes(newTitle)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(html, path).toContain(newTitle);
    }
  });
});

describe('a public change note', () => {
  test('shows on the article page within 2 seconds, as "Cập nhật ngày …"', async () => {
    const source = seed.articles[5]!;
    const path = `/bai-viet/${slugify(source.title)}`;
    await warmPage(site(path));
    const articles = contentManager(inject('cmsUrl'), inject('adminTokens').admin, 'plugin::cchc.article');
    const articleId: string = (await articles.list(`&filters[slug][$eq]=${slugify(source.title)}`)).body.results[0].documentId;
    const notes = contentManager(inject('cmsUrl'), inject('adminTokens').admin, 'plugin::cchc.change-note');
    const note = `Đính chính số liệu ${Date.now()}.`;
    const created = await notes.create({ articleDocumentId: articleId, note, public: true, notedAt: '2024-12-20T02:00:00.000Z' });
    expect(created.status).toBe(201);
    const started = Date.now();
    let html = '';
    while (Date.now() - started < 2000 && !html.includes(note)) html = (await getPage(site(path))).html;
    expect(html).toContain(note);
    expect(html).toContain('Cập nhật ngày');
    expect(html).toContain('20/12/2024');
    await notes.remove(created.body.data.documentId);
  });
});

describe('when the CMS stops answering', () => {
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let cut: { child: unknown; url: string };
  const lines: string[] = [];
  const article = seed.articles[3]!;

  beforeAll(async () => {
    proxy = await startTcpProxy(new URL(inject('cmsUrl')));
    // Pages go stale at once, so every request tries to refresh from the CMS.
    cut = await startSite({ port: await freePort(), host: '127.0.0.1', cmsUrl: proxy.url, env: { CACHE_FRESH_SECONDS: '0' }, log: (l: string) => lines.push(l) });
    expect((await fetch(`${cut.url}/bai-viet/${slugify(article.title)}`)).status).toBe(200);
    await proxy.close();
  });

  afterAll(async () => {
    await stopProcess(cut?.child);
  });

  test('a cached page is still served, stale, with a line in the log', async () => {
    const { status, headers, html } = await getPage(`${cut.url}/bai-viet/${slugify(article.title)}`);
    expect(status).toBe(200);
    expect(headers.get('x-cache')).toBe('STALE');
    expect(html).toContain(article.title);
    await expect.poll(() => lines.some((l) => l.includes('serving the stale copy of /bai-viet/'))).toBe(true);
  });

  test('a page never cached answers 503 in Vietnamese', async () => {
    const { status, html } = await getPage(`${cut.url}/linh-vuc/tai-chinh-cong`);
    expect(status).toBe(503);
    expect(html).toContain('gián đoạn');
  });
});
