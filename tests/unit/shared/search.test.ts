import { describe, expect, test } from 'vitest';
import { SearchIndex, buildSnippet, markdownToText, searchTokens, topK, type IndexedDocument } from '../../../shared/src/index.js';

const doc = (key: string, title: string, text: string, date: string, extra: Partial<IndexedDocument<string>> = {}): IndexedDocument<string> => ({
  key,
  title,
  text,
  time: Date.parse(date),
  areas: ['thu-tuc-hanh-chinh'],
  topics: [],
  agency: 'so-tu-phap',
  format: 'tin-ngan',
  featured: false,
  payload: key,
  ...extra,
});

function indexOf(...docs: IndexedDocument<string>[]): SearchIndex<string> {
  const index = new SearchIndex<string>();
  for (const d of docs) index.add(d);
  return index;
}

const keys = (index: SearchIndex<string>, q: string, filters = {}) => index.search(q, filters, 0, 50).hits.map((h) => h.document.key);

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

describe('SearchIndex', () => {
  const index = indexOf(
    doc('a', 'Cải cách thủ tục hành chính ở cấp xã', 'Người dân hài lòng.', '2024-01-10'),
    doc('b', 'Số hóa hồ sơ', 'Tiếp tục cải cách thủ tục theo hướng trực tuyến.', '2024-06-10'),
    doc('c', 'Đường dây nóng tiếp nhận phản ánh', 'Mở đường dây nóng.', '2024-02-01'),
    doc('d', 'Dương Văn A được khen thưởng', 'Cán bộ một cửa.', '2024-09-01'),
    doc('e', 'Chữ ký số', 'Không liên quan.', '2024-12-01', { areas: ['chinh-quyen-so'], format: 'infographic', agency: 'so-tai-chinh' }),
  );

  test('finds words without diacritics', () => {
    expect(keys(index, 'cai cach thu tuc').sort()).toEqual(['a', 'b']);
  });

  test('needs every word of the query', () => {
    expect(keys(index, 'cai cach ky')).toEqual([]);
  });

  test('ranks the title match above the body match, whatever their dates', () => {
    expect(keys(index, 'cải cách thủ tục')).toEqual(['a', 'b']);
  });

  test('ranks the exact diacritics above the folded match ("đường" before "dương")', () => {
    expect(keys(index, 'đường')).toEqual(['c', 'd']);
    expect(keys(index, 'dương')).toEqual(['d', 'c']);
    const hits = index.search('đường', {}, 0, 10).hits;
    expect(hits.map((h) => h.exact)).toEqual([true, false]);
  });

  test('ranks recent above old when nothing else differs', () => {
    const dated = indexOf(doc('old', 'Một cửa', '', '2023-01-01'), doc('new', 'Một cửa', '', '2024-01-01'), doc('mid', 'Một cửa', '', '2023-06-01'));
    expect(keys(dated, 'mot cua')).toEqual(['new', 'mid', 'old']);
  });

  test.each([
    [{ areas: ['chinh-quyen-so'] }, ['e']],
    [{ formats: ['infographic'] }, ['e']],
    [{ agencies: ['so-tai-chinh'] }, ['e']],
    [{ from: Date.parse('2024-11-01'), to: Date.parse('2025-01-01') }, ['e']],
    [{ areas: ['the-che'] }, []],
  ])('filters %j', (filters, expected) => {
    expect(keys(index, 'chu ky so', filters)).toEqual(expected);
  });

  test('pages through ranked results and counts them all', () => {
    const many = indexOf(...Array.from({ length: 25 }, (_, i) => doc(`k${i}`, `Tin một cửa số ${i}`, '', `2024-01-${String(i + 1).padStart(2, '0')}`)));
    const second = many.search('mot cua', {}, 10, 10);
    expect(second.total).toBe(25);
    expect(second.hits.map((h) => h.document.key)).toEqual(Array.from({ length: 10 }, (_, i) => `k${14 - i}`));
  });

  test('replaces a document with the same key and forgets removed ones', () => {
    const live = indexOf(doc('x', 'Bản cũ', '', '2024-01-01'));
    live.add(doc('x', 'Bản mới', '', '2024-01-01'));
    expect(keys(live, 'ban cu')).toEqual([]);
    expect(keys(live, 'ban moi')).toEqual(['x']);
    live.remove('x');
    expect(keys(live, 'ban moi')).toEqual([]);
    expect(live.size).toBe(0);
  });

  test('an empty or punctuation-only query finds nothing', () => {
    expect(index.search('  !!! ', {}, 0, 10)).toEqual({ total: 0, hits: [], words: [] });
  });
});

test('topK returns the largest keys, largest first, ties in input order', () => {
  expect(topK([5, 1, 9, 5, 7], 3)).toEqual([2, 4, 0]);
  expect(topK([1, 2], 5)).toEqual([1, 0]);
  expect(topK([3, 3, 3], 2)).toEqual([0, 1]);
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
