/**
 * The search store of the database the project runs on (SQLite FTS5 or PostgreSQL tsvector),
 * driven directly through knex with the ranking engine the plugin serves: matches with and
 * without diacritics, exact diacritics first, title next, then recency; filters; paging;
 * the total, capped. Each project runs it on its own database kind.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { MAX_SEARCH_RESULTS, documentTerms, facetTerms, queryTerms, type ArticleFacets, type ArticleFilter } from '../../shared/src/index.js';
import { searchPage } from '../../cms/src/plugins/cchc/server/src/search/engine.js';
import { createPostgresStore } from '../../cms/src/plugins/cchc/server/src/search/postgres-store.js';
import { createSqliteStore } from '../../cms/src/plugins/cchc/server/src/search/sqlite-store.js';
import type { SearchEntry, SearchStore } from '../../cms/src/plugins/cchc/server/src/search/store.js';
import { createDatabase } from '../support/postgres.js';

const database = inject('database');
let db: Knex;
let store: SearchStore;
let cleanup: () => Promise<void>;
let nextId = 1;

const FACETS: ArticleFacets = { areas: ['thu-tuc-hanh-chinh'], topics: [], agency: 'so-tu-phap', format: 'tin-ngan', featured: false };

/** A store entry as the plugin writes it. */
function entry(key: string, title: string, text: string, date: string, facets: Partial<ArticleFacets> = {}): SearchEntry {
  return { documentId: key, articleId: nextId++, time: Date.parse(date), terms: documentTerms(title, text), facets: facetTerms({ ...FACETS, ...facets }), text };
}

async function write(...entries: SearchEntry[]): Promise<void> {
  await db.transaction(async (trx) => {
    for (const e of entries) await store.write(trx, e);
  });
}

const search = (q: string, filter: ArticleFilter = {}, offset = 0, limit = 50) => searchPage(store, db, queryTerms(q), filter, offset, limit);
const keys = async (q: string, filter: ArticleFilter = {}) => (await search(q, filter)).hits.map((h) => h.documentId);

beforeAll(async () => {
  if (database === 'postgres') {
    const pg = await createDatabase('cchc_search_store');
    db = knex({ client: 'pg', connection: pg.url, pool: { min: 0, max: 4 } });
    store = createPostgresStore(undefined);
    cleanup = async () => (await db.destroy(), await pg.drop());
  } else {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-search-'));
    db = knex({ client: 'better-sqlite3', connection: { filename: path.join(dir, 'search.db') }, useNullAsDefault: true });
    store = createSqliteStore();
    cleanup = async () => (await db.destroy(), await fs.rm(dir, { recursive: true, force: true }));
  }
  await store.ensureSchema(db);
  await store.ensureSchema(db); // a second start finds everything in place
  await write(
    entry('a', 'Cải cách thủ tục hành chính ở cấp xã', 'Người dân hài lòng.', '2024-01-10'),
    entry('b', 'Số hóa hồ sơ', 'Tiếp tục cải cách thủ tục theo hướng trực tuyến.', '2024-06-10'),
    entry('c', 'Đường dây nóng tiếp nhận phản ánh', 'Mở đường dây nóng.', '2024-02-01'),
    entry('d', 'Dương Văn A được khen thưởng', 'Cán bộ một cửa.', '2024-09-01'),
    entry('e', 'Chữ ký số', 'Không liên quan.', '2024-12-01', { areas: ['chinh-quyen-so'], format: 'infographic', agency: 'so-tai-chinh', featured: true, topics: ['chuyen-doi-so'] }),
  );
});

afterAll(async () => {
  await cleanup?.();
});

describe(`the ${database} search store`, () => {
  test('finds words without diacritics', async () => {
    expect((await keys('cai cach thu tuc')).sort()).toEqual(['a', 'b']);
  });

  test('needs every word of the query', async () => {
    expect(await keys('cai cach ky')).toEqual([]);
  });

  test('ranks the title match above the body match, whatever their dates', async () => {
    expect(await keys('cải cách thủ tục')).toEqual(['a', 'b']);
  });

  test('ranks the exact diacritics above the folded match ("đường" before "dương")', async () => {
    expect(await keys('đường')).toEqual(['c', 'd']);
    expect(await keys('dương')).toEqual(['d', 'c']);
    expect((await search('đường')).hits.map((h) => h.exact)).toEqual([true, false]);
    // Without diacritics, every match counts as written.
    expect((await search('duong')).hits.map((h) => h.exact)).toEqual([true, true]);
  });

  test.each([
    [{ areas: ['chinh-quyen-so'] }, ['e']],
    [{ formats: ['infographic'] }, ['e']],
    [{ agencies: ['so-tai-chinh'] }, ['e']],
    [{ agencies: ['so-tai-chinh', 'so-tu-phap'] }, ['e']],
    [{ topics: ['chuyen-doi-so'] }, ['e']],
    [{ featured: true }, ['e']],
    [{ featured: false }, []],
    [{ from: Date.parse('2024-11-01'), to: Date.parse('2025-01-01') }, ['e']],
    [{ from: Date.parse('2024-12-02') }, []],
    [{ areas: ['the-che'] }, []],
    [{ agencies: [] }, []],
  ] as Array<[ArticleFilter, string[]]>)('filters %j', async (filter, expected) => {
    expect(await keys('chu ky so', filter)).toEqual(expected);
  });

  test('ranks recent above old when nothing else differs, and pages through them with the total', async () => {
    await write(...Array.from({ length: 25 }, (_, i) => entry(`k${i}`, `Tin Xylanh số ${i}`, '', `2023-01-${String(i + 1).padStart(2, '0')}T08:00:00Z`)));
    const second = await search('xylanh', {}, 10, 10);
    expect(second.total).toBe(25);
    expect(second.capped).toBe(false);
    expect(second.hits.map((h) => h.documentId)).toEqual(Array.from({ length: 10 }, (_, i) => `k${14 - i}`));
    const last = await search('xylanh', {}, 20, 10);
    expect(last.total).toBe(25);
    expect(last.hits.map((h) => h.documentId)).toEqual(['k4', 'k3', 'k2', 'k1', 'k0']);
  });

  test('articles published in the same millisecond are all kept', async () => {
    await write(entry('same-1', 'Trùng giờ Quạt', '', '2022-05-05T00:00:00Z'), entry('same-2', 'Trùng giờ Quạt', '', '2022-05-05T00:00:00Z'));
    expect((await keys('quat')).sort()).toEqual(['same-1', 'same-2']);
  });

  test('replaces an article with the same key and forgets removed ones', async () => {
    await write(entry('x', 'Bản cũ Thước', '', '2024-01-01'));
    await write(entry('x', 'Bản mới Thước', '', '2024-01-02'));
    expect(await keys('ban cu')).toEqual([]);
    expect(await keys('ban moi thuoc')).toEqual(['x']);
    // A catch-up removes an entry only as it read it: the same article published again (a new row) stays.
    await db.transaction((trx) => store.remove(trx, 'x', -1));
    expect(await keys('ban moi thuoc')).toEqual(['x']);
    await db.transaction((trx) => store.remove(trx, 'x'));
    expect(await keys('thuoc')).toEqual([]);
    await db.transaction((trx) => store.remove(trx, 'x')); // absent: nothing to do
  });

  test('a write rolled back with its transaction leaves nothing', async () => {
    await expect(
      db.transaction(async (trx) => {
        await store.write(trx, entry('rolled', 'Bài Compa', '', '2024-03-03'));
        throw new Error('publication failed');
      }),
    ).rejects.toThrow('publication failed');
    expect(await keys('compa')).toEqual([]);
  });

  test('"featured" in a text is a word, not the featured facet', async () => {
    await write(entry('plain-featured', 'Bài Ê-ke', 'featured', '2021-02-02'), entry('star-featured', 'Bài Ê-ke nổi bật', '', '2021-02-03', { featured: true }));
    expect(await keys('ê ke', { featured: true })).toEqual(['star-featured']);
    expect(await keys('ê ke', { featured: false })).toEqual(['plain-featured']);
  });

  test('an article with a giant "word" is stored (the word left out), not refused', async () => {
    await write(entry('giant', 'Bài Thước kẻ', `${'ă'.repeat(3000)} dài`, '2021-03-03'));
    expect(await keys('thuoc ke dai')).toEqual(['giant']);
  });

  test('an empty or punctuation-only query finds nothing', async () => {
    expect(await search('  !!! ')).toEqual({ total: 0, capped: false, hits: [] });
  });

  test('quotes and operators in a query are words, not syntax', async () => {
    for (const q of [`cải" OR "a`, `'; DROP TABLE x; --`, 'a & !b | c:*', 'NOT AND OR NEAR(']) {
      await expect(search(q)).resolves.toMatchObject({ capped: false });
    }
  });

  test(`counts up to ${MAX_SEARCH_RESULTS} and says when more match`, async () => {
    const many = Array.from({ length: MAX_SEARCH_RESULTS + 2 }, (_, i) => entry(`m${i}`, 'Bàn Tròn', `số ${i}`, new Date(Date.parse('2020-01-01') + i * 60_000).toISOString()));
    for (let i = 0; i < many.length; i += 500) await write(...many.slice(i, i + 500));
    const first = await search('ban tron', {}, 0, 10);
    expect(first).toMatchObject({ total: MAX_SEARCH_RESULTS, capped: true });
    expect(first.hits[0]!.documentId).toBe(`m${MAX_SEARCH_RESULTS + 1}`);
    const deepest = await search('ban tron', {}, MAX_SEARCH_RESULTS - 10, 10);
    expect(deepest.hits.map((h) => h.documentId)).toEqual(Array.from({ length: 10 }, (_, i) => `m${11 - i}`));
  });
});
