import { describe, expect, test } from 'vitest';
import { articleSitemapEntry, buildNewsSitemap, buildSitemap, isRecent, robotsTxt, sitemapPaths } from '../../../site/src/lib/sitemap.js';

const ORIGIN = 'https://cchc.example.gov.vn';

describe('sitemapPaths', () => {
  test('lists home, agencies, media pages, then areas, topics and agencies', () => {
    expect(sitemapPaths([{ code: 'the-che' }], [{ slug: 'chi-so' }], [{ slug: 'so-tu-phap' }])).toEqual([
      '/',
      '/co-quan',
      '/infographic',
      '/video',
      '/phat-thanh',
      '/linh-vuc/the-che',
      '/chu-de/chi-so',
      '/co-quan/so-tu-phap',
    ]);
  });
});

describe('buildSitemap', () => {
  test('writes one escaped <url> per entry in the sitemaps.org namespace', () => {
    const xml = buildSitemap([{ loc: `${ORIGIN}/` }, articleSitemapEntry({ slug: 'a' }, ORIGIN), { loc: `${ORIGIN}/x?a=1&b=2`, lastmod: '2024-03-14' }]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    expect(xml.match(/<url>/g)).toHaveLength(3);
    expect(xml).toContain(`<url><loc>${ORIGIN}/bai-viet/a</loc></url>`);
    expect(xml).toContain(`<loc>${ORIGIN}/x?a=1&amp;b=2</loc><lastmod>2024-03-14</lastmod>`);
  });
});

describe('buildNewsSitemap', () => {
  test('names the publication, language, date and escaped title of each article', () => {
    const xml = buildNewsSitemap(
      [{ loc: `${ORIGIN}/bai-viet/a`, title: 'Hỏi & đáp <CCHC>', publicationDate: '2024-03-14T01:00:00.000Z' }],
      { name: 'Chuyên mục CCHC', language: 'vi' },
    );
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(xml).toContain('<news:name>Chuyên mục CCHC</news:name><news:language>vi</news:language>');
    expect(xml).toContain('<news:publication_date>2024-03-14T01:00:00.000Z</news:publication_date>');
    expect(xml).toContain('<news:title>Hỏi &amp; đáp &lt;CCHC&gt;</news:title>');
  });

  test('is an empty urlset when nothing is recent', () => {
    expect(buildNewsSitemap([], { name: 'X', language: 'vi' })).not.toContain('<url>');
  });
});

describe('isRecent', () => {
  const now = new Date('2024-03-15T00:00:00Z');
  test.each([
    ['2024-03-14T00:00:00Z', true],
    ['2024-03-13T00:00:00Z', true],
    ['2024-03-12T23:59:59Z', false],
    ['2024-03-15T00:00:01Z', false],
    ['không phải ngày', false],
  ])('%s → %s', (date, expected) => {
    expect(isRecent(date, now)).toBe(expected);
  });
});

describe('robotsTxt', () => {
  test('allows crawling and names both sitemaps with absolute URLs', () => {
    const text = robotsTxt(ORIGIN);
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap-news.xml`);
    expect(text).not.toMatch(/^Disallow: \/$/m);
  });
});
