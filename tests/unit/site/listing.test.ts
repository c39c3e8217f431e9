import { describe, expect, test } from 'vitest';
import { listAllArticles, listArticlesSince, type ArticleQuery } from '../../../site/src/lib/listing.js';
import { summary } from './fixtures.js';

/** 120 articles, one every 12 hours back from 2024-12-31, served page by page like the API. */
const column = Array.from({ length: 120 }, (_, i) =>
  summary({ slug: `bai-${i}`, publicationDate: new Date(Date.UTC(2024, 11, 31) - i * 12 * 3600 * 1000).toISOString() }),
);

function fakeList() {
  const asked: number[] = [];
  const list = async (query: ArticleQuery) => {
    const page = query.page ?? 1;
    const size = query.pageSize ?? 10;
    asked.push(page);
    return {
      data: column.slice((page - 1) * size, page * size),
      meta: { pagination: { page, pageSize: size, pageCount: Math.ceil(column.length / size), total: column.length } },
    };
  };
  return { list, asked };
}

describe('listAllArticles', () => {
  test('reads every page of 50, in order, once each', async () => {
    const { list, asked } = fakeList();
    const all = await listAllArticles({}, list);
    expect(all.map((a) => a.slug)).toEqual(column.map((a) => a.slug));
    expect(asked).toEqual([1, 2, 3]);
  });
});

describe('listArticlesSince', () => {
  test.each([
    // 2 days back from the newest article: itself and the 4 before it (12 hours apart).
    ['2024-12-29T00:00:00Z', 5, [1]],
    ['2024-11-30T00:00:00Z', 63, [1, 2]],
    ['2025-01-01T00:00:00Z', 0, [1]],
  ])('since %s: %d articles, pages %j read', async (since, count, pages) => {
    const { list, asked } = fakeList();
    const recent = await listArticlesSince(new Date(since), {}, list);
    expect(recent).toHaveLength(count);
    expect(asked).toEqual(pages);
  });
});
