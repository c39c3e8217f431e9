/** The public column, rendered by the built Astro site from a seeded Strapi, over HTTP. */
import { describe, expect, inject, test } from 'vitest';
import { formatDateLong, quarterOf, slugify } from '../../shared/src/index.js';
import { getPage } from '../support/html.js';
import { seed } from '../support/seed.js';

const site = (path: string) => `${inject('siteUrl')}${path}`;
const newestFirst = [...seed.articles].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
const PER_PAGE = 12;

describe('home', () => {
  test('is Vietnamese, lists the newest article and every reform area', async () => {
    const { status, headers, html } = await getPage(site('/'));
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain(newestFirst[0]!.title);
    for (const area of seed.taxonomy.reformAreas) expect(html).toContain(`href="/linh-vuc/${area.code}"`);
    expect(html).toContain('Bài minh họa');
  });
});

describe('reform area pages', () => {
  const code = 'thu-tuc-hanh-chinh';
  const inArea = newestFirst.filter((a) => a.areas.includes(code));
  const lastPage = Math.ceil(inArea.length / PER_PAGE);

  test('page 1 lists the newest articles of the area', async () => {
    const { status, html } = await getPage(site(`/linh-vuc/${code}`));
    expect(status).toBe(200);
    for (const article of inArea.slice(0, PER_PAGE)) expect(html).toContain(article.title);
    expect(html).not.toContain(inArea[PER_PAGE]!.title);
  });

  test('the last page lists the oldest articles', async () => {
    const { status, html } = await getPage(site(`/linh-vuc/${code}?trang=${lastPage}`));
    expect(status).toBe(200);
    expect(html).toContain(inArea.at(-1)!.title);
  });

  test.each([`?trang=${lastPage + 1}`, '?trang=0', '?trang=abc', '?trang=-2', '?trang=1.5', '?trang=99999999999'])('%s is the 404 page', async (query) => {
    const { status, html } = await getPage(site(`/linh-vuc/${code}${query}`));
    expect(status).toBe(404);
    expect(html).toContain('Không tìm thấy');
  });
});

describe('agency pages', () => {
  test('show the agency and its articles', async () => {
    const { status, html } = await getPage(site('/co-quan/so-tu-phap'));
    expect(status).toBe(200);
    expect(html).toContain(seed.agencies.find((a) => a.slug === 'so-tu-phap')!.name);
    const own = newestFirst.filter((a) => a.agency === 'so-tu-phap');
    expect(own.length).toBeGreaterThan(0);
    for (const article of own.slice(0, PER_PAGE)) expect(html).toContain(article.title);
  });
});

describe('article pages', () => {
  const infographic = seed.articles.find((a) => a.format === 'infographic' && a.coverAlt)!;

  test('show title, formal date, areas, agency and a sized cover image', async () => {
    const { status, html } = await getPage(site(`/bai-viet/${slugify(infographic.title)}`));
    expect(status).toBe(200);
    expect(html).toContain(`<h1`);
    expect(html).toContain(infographic.title);
    expect(html).toContain(formatDateLong(new Date(infographic.publishedAt)));
    for (const code of infographic.areas) expect(html).toContain(`href="/linh-vuc/${code}"`);
    expect(html).toContain(`href="/co-quan/${infographic.agency}"`);
    const img = html.match(/<img[^>]*alt="([^"]*)"[^>]*>/g)?.find((tag) => tag.includes(infographic.coverAlt!));
    expect(img, 'cover <img> with its alt text').toBeDefined();
    expect(img).toMatch(/width="\d+"/);
    expect(img).toMatch(/height="\d+"/);
    expect(img).toMatch(/srcset="/);
    expect(html).toMatch(/<source type="image\/avif" srcset="[^"]+\.avif \d+w/);
    expect(html).toMatch(/<source type="image\/webp" srcset="[^"]+\.webp \d+w/);
  });

  test('render the markdown body', async () => {
    const article = seed.articles.find((a) => a.format === 'bai-viet')!;
    const { status, raw } = await getPage(site(`/bai-viet/${slugify(article.title)}`));
    expect(status).toBe(200);
    expect(raw).toMatch(/<p>/);
    expect(raw).toContain('<em>Bài viết minh họa do dự án soạn');
  });

  test('the quarter of every seeded date is where the API puts it', () => {
    // Guards the fixture itself: the seed spreads over the four quarters.
    const quarters = new Set(seed.articles.map((a) => quarterOf(new Date(a.publishedAt)).quarter));
    expect([...quarters].sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('not found', () => {
  test.each(['/bai-viet/khong-ton-tai', '/bai-viet/C%E1%BA%A3i-c%C3%A1ch', '/linh-vuc/khong-co', '/co-quan/khong-co', '/khong/co/trang-nay', '/bai-viet/'])(
    '%s is the Vietnamese 404 page',
    async (path) => {
      const { status, html } = await getPage(site(path));
      expect(status).toBe(404);
      expect(html).toContain('<html lang="vi"');
      expect(html).toContain('Không tìm thấy');
      expect(html).not.toMatch(/at \w+ \(|Error:/);
    },
  );
});
