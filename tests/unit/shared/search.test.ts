import { describe, expect, test } from 'vitest';
import { buildSnippet, documentTerms, facetConditions, facetTerms, markdownToText, queryTerms, rankClasses, searchTokens } from '../../../shared/src/index.js';
import { tsqueryOf } from '../../../cms/src/plugins/cchc/server/src/search/postgres-store.js';
import { ftsQueryOf } from '../../../cms/src/plugins/cchc/server/src/search/sqlite-store.js';

describe('searchTokens', () => {
  test.each([
    ['Cải cách THỦ TỤC', ['cải', 'cách', 'thủ', 'tục'], ['cai', 'cach', 'thu', 'tuc']],
    ['Đường dây nóng 1022!', ['đường', 'dây', 'nóng', '1022'], ['duong', 'day', 'nong', '1022']],
    ['VNeID, Đề án 06', ['vneid', 'đề', 'án', '06'], ['vneid', 'de', 'an', '06']],
  ])('%s', (text, exact, folded) => {
    expect(searchTokens(text)).toEqual({ exact, folded });
  });

  test('NFD input gives the same tokens as NFC', () => {
    expect(searchTokens('Cải cách'.normalize('NFD'))).toEqual(searchTokens('Cải cách'));
  });
});

test('markdownToText keeps the words and drops the markup', () => {
  expect(markdownToText('## Tiêu đề\n\n**Một cửa** [xem thêm](https://x.vn) <b>đậm</b>')).toBe('Tiêu đề Một cửa xem thêm đậm');
});

describe('search terms', () => {
  test('an article keeps its folded words, its title words and its words with diacritics as written', () => {
    expect(documentTerms('Đường dây nóng', 'Gọi 1022, đường dây')).toEqual({
      title: ['duong', 'day', 'nong'],
      words: ['duong', 'day', 'nong', 'goi', '1022'],
      marked: ['đường', 'dây', 'nóng', 'gọi'],
    });
  });

  test('words longer than any word are left out, of articles and queries alike', () => {
    const long = 'đ'.repeat(65);
    expect(documentTerms('Tựa', `${long} ngắn`).words).toEqual(['tua', 'ngan']);
    expect(queryTerms(`${long} ngắn`)).toEqual({ folded: ['ngan'], marked: ['ngắn'] });
  });

  test('a query asks for its folded words, and ranks by its words with diacritics', () => {
    expect(queryTerms('Đường dây 1022 đường')).toEqual({ folded: ['duong', 'day', '1022'], marked: ['đường', 'dây'] });
    expect(queryTerms('duong day')).toEqual({ folded: ['duong', 'day'], marked: [] });
  });

  test('the rank classes: diacritics first, then the title', () => {
    expect(rankClasses(queryTerms('đường'))).toEqual([
      { marked: true, title: true },
      { marked: true, title: false },
      { marked: false, title: true },
      { marked: false, title: false },
    ]);
    expect(rankClasses(queryTerms('duong'))).toEqual([
      { marked: null, title: true },
      { marked: null, title: false },
    ]);
  });

  test('facets and filters use the same prefixed terms', () => {
    const facets = facetTerms({ areas: ['the-che'], topics: ['so-hoa'], agency: 'so-tu-phap', format: 'video', featured: true });
    expect(facets).toEqual(['a:the-che', 't:so-hoa', 'g:so-tu-phap', 'f:video', 'x:featured']);
    const conditions = facetConditions({ areas: ['the-che'], agencies: ['so-tu-phap', 'so-cu'], featured: false, from: 0 });
    expect(conditions).toEqual({ anyOf: [['a:the-che'], ['g:so-tu-phap', 'g:so-cu']], featured: false });
    expect(conditions.anyOf.every((group) => group.some((t) => facets.includes(t)))).toBe(true);
  });
});

describe('store queries', () => {
  const terms = queryTerms('đường x');
  test('PostgreSQL: every term quoted, classes as negations', () => {
    expect(tsqueryOf(terms, { anyOf: [['a:the-che', 'a:cong-vu']], featured: false }, { marked: false, title: true })).toBe(
      "'duong' & 'x' & ('^duong' & '^x') & !('=đường') & ('a:the-che' | 'a:cong-vu') & !'x:featured'",
    );
    expect(tsqueryOf(terms, { anyOf: [[]] })).toBeNull();
  });
  test('SQLite FTS5: every term a quoted phrase, classes as NOT', () => {
    expect(ftsQueryOf(terms, { anyOf: [['a:the-che']], featured: true }, { marked: true, title: false })).toBe(
      '(words : ("duong" AND "x")) AND (marked : ("đường")) AND (facets : ("a:the-che")) AND (facets : ("x:featured")) NOT (title : ("duong" AND "x"))',
    );
    expect(ftsQueryOf(queryTerms('!!!'), { anyOf: [] })).toBeNull();
  });
});

describe('buildSnippet', () => {
  test('marks the matching words, diacritics ignored', () => {
    const parts = buildSnippet('Người dân làm thủ tục trực tuyến tại nhà.', ['thu', 'tuc']);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['thủ', 'tục']);
    expect(parts.map((p) => p.text).join('')).toBe('Người dân làm thủ tục trực tuyến tại nhà.');
  });

  test('cuts a window around the first match, on word boundaries', () => {
    const text = `${'mở đầu '.repeat(60)}cải cách ${'kết thúc '.repeat(60)}`;
    const joined = buildSnippet(text, ['cai'], 80).map((p) => p.text).join('');
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(joined).toContain('cải');
    expect(joined.length).toBeLessThan(120);
  });
});
