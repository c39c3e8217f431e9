/** Vietnamese search over the seeded articles, through the public API. */
import { describe, expect, inject, test } from 'vitest';
import { SearchArticles, foldDiacritics, markdownToText, searchTokens } from '../../shared/src/index.js';
import { contentManager, getJson, referenceIds, removeArticle, transitionArticle } from '../support/api.js';
import { seed, type SeedArticle } from '../support/seed.js';

const api = (query: string) => `${inject('cmsUrl')}/api/cchc/search?${query}`;

async function search(query: string): Promise<SearchArticles.Response> {
  const { status, body } = await getJson(api(query));
  expect(status, query).toBe(200);
  return SearchArticles.ResponseSchema.parse(body);
}

/** Seed articles that contain every word of the query, diacritics ignored (what the API must count). */
function expectedMatches(query: string, articles: readonly SeedArticle[] = seed.articles): SeedArticle[] {
  const words = [...new Set(searchTokens(query).folded)];
  return articles.filter((a) => {
    const have = new Set(searchTokens(`${a.title} ${a.summary} ${markdownToText(a.body)}`).folded);
    return words.every((w) => have.has(w));
  });
}

describe('search', () => {
  test.each(['cải cách thủ tục', 'cai cach thu tuc', 'một cửa', 'VNeID', 'chữ ký số'])('"%s" finds every seeded article holding all its words', async (q) => {
    const expected = expectedMatches(q);
    expect(expected.length).toBeGreaterThan(0);
    const first = await search(`q=${encodeURIComponent(q)}&pageSize=50`);
    expect(first.meta.pagination.total).toBe(expected.length);
    const titles = first.data.map((a) => a.title);
    for (let page = 2; page <= first.meta.pagination.pageCount; page++) {
      titles.push(...(await search(`q=${encodeURIComponent(q)}&pageSize=50&page=${page}`)).data.map((a) => a.title));
    }
    expect(titles.sort()).toEqual(expected.map((a) => a.title).sort());
  });

  test('with and without diacritics find the same articles', async () => {
    const withMarks = await search('q=thủ tục hành chính&pageSize=50');
    const without = await search('q=thu tuc hanh chinh&pageSize=50');
    expect(without.data.map((a) => a.slug).sort()).toEqual(withMarks.data.map((a) => a.slug).sort());
  });

  test('puts the exact-diacritic matches first', async () => {
    const result = await search('q=cải cách&pageSize=50');
    const flags = result.data.map((a) => a.exact);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect(flags[0]).toBe(true);
  });

  test('highlights the matched words in a snippet', async () => {
    const result = await search('q=mot cua&pageSize=5');
    for (const hit of result.data) {
      const marked = hit.snippet.filter((p) => p.match).map((p) => foldDiacritics(p.text.toLowerCase()));
      if (marked.length > 0) expect(marked.every((w) => ['mot', 'cua'].includes(w))).toBe(true);
    }
    expect(result.data.some((hit) => hit.snippet.some((p) => p.match))).toBe(true);
  });

  test('filters by area and format', async () => {
    const q = 'cai cach';
    const inArea = expectedMatches(q).filter((a) => a.areas.includes('chinh-quyen-so'));
    const result = await search(`q=${q}&area=chinh-quyen-so&pageSize=50`);
    expect(result.meta.pagination.total).toBe(inArea.length);
    expect(result.data.every((a) => a.areas.some((r) => r.code === 'chinh-quyen-so'))).toBe(true);
    const infographics = await search(`q=${q}&format=infographic&pageSize=50`);
    expect(infographics.data.every((a) => a.format === 'infographic')).toBe(true);
  });

  test.each([
    ['', 'q'],
    ['q=', 'q'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['q=x&page=200&pageSize=50', 'kết quả'],
    ['q=x&quarter=2', 'quarter'],
  ])('%s is refused with a 400 naming %s', async (query, word) => {
    const res = await getJson<{ error: { message: string } }>(api(query));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(word);
  });

  test('a newly published article is found at once, and an unpublished one no more', async () => {
    const token = inject('adminTokens').admin;
    const articles = contentManager(inject('cmsUrl'), token, 'plugin::cchc.article');
    const areas = await contentManager(inject('cmsUrl'), token, 'plugin::cchc.reform-area').list();
    const marker = `Xylophone${Date.now()}`;
    const created = await articles.create({ title: `Tin kiểm thử ${marker}`, body: 'Nội dung đặc biệt.', format: 'tin-ngan', areas: { connect: [{ documentId: areas.body.results[0].documentId }] }, agency: { connect: [{ documentId: (await referenceIds(inject('cmsUrl'), token)).agencyId }] } });
    const { documentId } = created.body.data;
    expect((await search(`q=${marker}`)).meta.pagination.total).toBe(0);
    expect((await transitionArticle(inject('cmsUrl'), token, documentId, 'publish-directly', { note: 'Kiểm thử tìm kiếm' })).status).toBe(200);
    expect((await search(`q=${marker.toLowerCase()}`)).data.map((a) => a.title)).toEqual([`Tin kiểm thử ${marker}`]);
    expect(await removeArticle(inject('cmsUrl'), inject('adminTokens').admin, documentId)).toBe(200);
    expect((await search(`q=${marker}`)).meta.pagination.total).toBe(0);
  });
});
