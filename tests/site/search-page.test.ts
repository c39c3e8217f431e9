/** The search page, over HTTP, against the seeded CMS. */
import { describe, expect, inject, test } from 'vitest';
import { SearchArticles } from '../../shared/src/index.js';
import { getJson } from '../support/api.js';
import { getPage } from '../support/html.js';

const site = (path: string) => `${inject('siteUrl')}${path}`;

async function apiSearch(q: string): Promise<SearchArticles.Response> {
  return SearchArticles.ResponseSchema.parse((await getJson(`${inject('cmsUrl')}/api/cchc/search?q=${encodeURIComponent(q)}&pageSize=10`)).body);
}

describe('/tim-kiem', () => {
  test('without a keyword shows the form', async () => {
    const { status, html } = await getPage(site('/tim-kiem'));
    expect(status).toBe(200);
    expect(html).toContain('name="q"');
    expect(html).not.toContain('search-result');
  });

  test('lists the API results in the same order, with the matches marked', async () => {
    const api = await apiSearch('cai cach thu tuc');
    const { status, html, raw } = await getPage(site('/tim-kiem?q=cai+cach+thu+tuc'));
    expect(status).toBe(200);
    expect(html).toContain(`${api.meta.pagination.total} kết quả`);
    const positions = api.data.map((hit) => html.indexOf(hit.title));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(raw).toMatch(/<mark>[^<]+<\/mark>/);
  });

  test('says so when nothing matches', async () => {
    const { status, html } = await getPage(site('/tim-kiem?q=zzkhongcozz'));
    expect(status).toBe(200);
    expect(html).toContain('Không tìm thấy bài viết nào');
  });

  test('shows markup typed in the keyword as text, never as markup', async () => {
    const { status, raw } = await getPage(site(`/tim-kiem?q=${encodeURIComponent('<script>alert(1)</script>')}`));
    expect(status).toBe(200);
    // Inside attribute values (the form field, og:title) "<" is inert text; elsewhere it must be escaped.
    expect(raw.replace(/="[^"]*"/g, '=""')).not.toContain('<script>alert(1)');
    expect(raw).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test.each(['?q=x&nam=abc', '?q=x&quy=3', '?q=x&hinh-thuc=podcast'])('%s answers 400 with the reason, and the form', async (qs) => {
    const { status, html } = await getPage(site(`/tim-kiem${qs}`));
    expect(status).toBe(400);
    expect(html).toContain('Yêu cầu tìm kiếm chưa hợp lệ');
    expect(html).toContain('name="q"');
  });

  test('a page past the last one is the 404 page', async () => {
    const api = await apiSearch('mot cua');
    const { status } = await getPage(site(`/tim-kiem?q=mot+cua&trang=${api.meta.pagination.pageCount + 1}`));
    expect(status).toBe(404);
  });
});
