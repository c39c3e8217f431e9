/** Hostile article content, and the CMS going away. */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { startSite, stopProcess } from '../../scripts/lib/stack.mjs';
import { publishTestArticle, type TestArticle } from '../support/api.js';
import { getPage } from '../support/html.js';
import { freePort } from '../support/ports.js';
import { purgeSiteCache } from '../support/site-cache.js';

const HOSTILE_BODY = [
  'Đoạn mở đầu an toàn.',
  '<script>window.__pwned = 1</script>',
  '<img src="/uploads/x.png" onerror="window.__pwned = 2">',
  '[Bấm vào đây](javascript:window.__pwned=3)',
  '<a href="jAvAsCrIpT:window.__pwned=4">liên kết</a>',
  '<iframe src="https://evil.example/embed"></iframe>',
  '<p onmouseover="window.__pwned=5">Di chuột</p>',
].join('\n\n');

describe('an article body with script payloads', () => {
  let article: TestArticle;

  beforeAll(async () => {
    article = await publishTestArticle(inject('cmsUrl'), inject('adminTokens').admin, {
      title: `Bài có mã độc ${inject('database')} ${Date.now()}`,
      summary: 'Tóm tắt <script>window.__pwned=6</script>',
      body: HOSTILE_BODY,
      format: 'bai-viet',
      // Dated now, so that it heads the column's feed.
      publicationDate: new Date().toISOString(),
    });
  });

  afterAll(async () => {
    await article?.remove();
  });

  test('renders the body without any of them', async () => {
    const { status, raw } = await getPage(`${inject('siteUrl')}/bai-viet/${article.slug}`);
    expect(status).toBe(200);
    const body = raw.match(/<div class="prose">([\s\S]*?)<\/div>/)?.[1] ?? '';
    expect(body).toContain('Đoạn mở đầu an toàn.');
    expect(body).not.toContain('__pwned');
    expect(body).not.toContain('evil.example');
    // Attribute values are inert text whatever "<" they hold; the JSON-LD type is kept to tell those scripts apart.
    const markup = raw.replace(/="[^"]*"/g, (value) => (value === '="application/ld+json"' ? value : '=""'));
    const SCRIPT = /<script([^>]*)>([\s\S]*?)<\/script>/gi;
    // The page's own scripts: JSON-LD data, which must hold no "<" or ">" (so no payload can
    // close it), and the site's one script file, empty inline (the CSP runs no inline script).
    expect(raw).toContain('<script src="/js/page.js" defer></script>');
    for (const [, attributes = '', content = ''] of markup.matchAll(SCRIPT)) {
      if (attributes.includes('application/ld+json')) {
        expect(content).not.toMatch(/[<>]/);
      } else {
        expect(attributes.trim()).toBe('src="" defer');
        expect(content).toBe('');
      }
    }
    // Anywhere else, no markup can run.
    expect(markup.replace(SCRIPT, '')).not.toMatch(/<script|<iframe|\son\w+=|javascript:/i);
  });

  test('the column feed carries them as text, escaped for readers that render HTML', async () => {
    // The page cache is purged first: the feed is rendered now.
    await purgeSiteCache();
    const res = await fetch(`${inject('siteUrl')}/rss.xml`);
    const xml = await res.text();
    expect(res.status).toBe(200);
    expect(xml).toContain(`/bai-viet/${article.slug}</link>`);
    expect(xml).not.toMatch(/<script|<img|<iframe/i);
    expect(xml).toContain('Tóm tắt &amp;lt;script&amp;gt;window.__pwned=6&amp;lt;/script&amp;gt;');
  });

  test('shows a summary with markup as plain text', async () => {
    const { raw } = await getPage(`${inject('siteUrl')}/bai-viet/${article.slug}`);
    expect(raw).toContain('Tóm tắt &lt;script&gt;window.__pwned=6&lt;/script&gt;');
  });
});

describe('when the CMS cannot be reached', () => {
  let down: { child: unknown; url: string };

  beforeAll(async () => {
    // A port nothing listens on stands for a CMS that is down.
    const deadCms = `http://127.0.0.1:${await freePort()}`;
    down = await startSite({ port: await freePort(), host: '127.0.0.1', cmsUrl: deadCms, log: false });
  });

  afterAll(async () => {
    await stopProcess(down?.child);
  });

  test.each(['/', '/linh-vuc/the-che', '/co-quan/so-tu-phap', '/bai-viet/bat-ky'])('%s answers 503 in Vietnamese, without a stack trace', async (path) => {
    const { status, html, headers } = await getPage(`${down.url}${path}`);
    expect(status).toBe(503);
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain('gián đoạn');
    expect(html).not.toMatch(/ECONNREFUSED|at \w+ \(|fetch failed/);
    expect(headers.get('cache-control')).toBe('no-store');
  });
});
