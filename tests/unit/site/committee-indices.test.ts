/** Reform index results on the page and in the CSV. */
import { describe, expect, test } from 'vitest';
import { CSV_BOM, toCsv, type IndexScore } from '../../../shared/src/index.js';
import { chartLines, formatExact, formatRank, hasDemo, hasRanks, indexCsvFileName, indexCsvRows, subjectsOf } from '../../../site/src/lib/committee/indices.js';

const result = (over: Partial<IndexScore>): IndexScore => ({
  year: 2020,
  score: 80,
  rank: null,
  outOf: null,
  subject: 'Tỉnh A',
  sourceNote: 'Nguồn',
  demo: false,
  ...over,
});

describe('formatExact', () => {
  test.each([
    [85.43, '85,43'],
    [85.4312, '85,4312'],
    [0.875, '0,875'],
    [62, '62'],
    [1234.5, '1.234,5'],
    [1234567.891, '1.234.567,891'],
    [-3.25, '-3,25'],
    [0, '0'],
  ])('%s → %s', (value, text) => {
    expect(formatExact(value)).toBe(text);
  });

  test('keeps every decimal, unlike a two-decimal format', () => {
    expect(formatExact(0.1 + 0.2)).toBe('0,30000000000000004');
  });
});

test.each([
  [{ rank: 12, outOf: 63 }, '12/63'],
  [{ rank: 3, outOf: null }, '3'],
  [{ rank: null, outOf: 63 }, null],
])('formatRank(%o) is %s', (score, text) => {
  expect(formatRank(score)).toBe(text);
});

test('subjectsOf puts the most reported subject first, ties in Vietnamese order', () => {
  expect(subjectsOf([{ subject: 'Sở Ư' }, { subject: 'Tỉnh' }, { subject: 'Tỉnh' }, { subject: 'Sở Đ' }, { subject: 'Sở D' }])).toEqual(['Tỉnh', 'Sở D', 'Sở Đ', 'Sở Ư']);
});

describe('chartLines', () => {
  const series = {
    results: [
      result({ year: 2021, subject: 'B', score: 70, rank: 5 }),
      result({ year: 2021, subject: 'A', score: 80, rank: 2 }),
      result({ year: 2022, subject: 'A', score: null, rank: 3 }),
      result({ year: 2023, subject: 'A', score: 82.5, rank: null }),
    ],
  };

  test('one line per subject, a point per result, null where nothing was published', () => {
    expect(chartLines(series, 'score', 6)).toEqual([
      { name: 'A', points: [{ x: 2021, y: 80 }, { x: 2022, y: null }, { x: 2023, y: 82.5 }] },
      { name: 'B', points: [{ x: 2021, y: 70 }] },
    ]);
    expect(chartLines(series, 'rank', 6)[0]!.points.map((p) => p.y)).toEqual([2, 3, null]);
  });

  test('at most `limit` lines, the subjects with most results', () => {
    expect(chartLines(series, 'score', 1).map((l) => l.name)).toEqual(['A']);
  });

  test('hasRanks and hasDemo look at every result', () => {
    expect(hasRanks(series)).toBe(true);
    expect(hasRanks({ results: [result({})] })).toBe(false);
    expect(hasDemo(series)).toBe(false);
    expect(hasDemo({ results: [result({}), result({ demo: true })] })).toBe(true);
  });
});

describe('indexCsvRows', () => {
  test('a header, then the results with dot decimals and empty cells for missing values', () => {
    const rows = indexCsvRows({
      results: [result({ year: 2022, score: 85.4312, rank: 12, outOf: 63, sourceNote: 'Công bố của bộ, bản 2', demo: true }), result({ year: 2023, score: null })],
    });
    expect(CSV_BOM + toCsv(rows)).toBe(
      '\uFEFFNăm,Đối tượng,Điểm,Xếp hạng,Trên tổng số,Nguồn,Minh họa\r\n' +
        '2022,Tỉnh A,85.4312,12,63,"Công bố của bộ, bản 2",có\r\n' +
        '2023,Tỉnh A,,,,Nguồn,không\r\n',
    );
  });

  test('the file is named after the index', () => {
    expect(indexCsvFileName('par-index')).toBe('chi-so-par-index.csv');
  });
});
