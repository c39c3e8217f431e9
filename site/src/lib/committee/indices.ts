/**
 * Reform index results for people and for machines: the chart lines (one per subject),
 * numbers written exactly as the CMS gave them (Vietnamese comma decimal on the page,
 * dot decimal in the CSV), and the CSV table.
 */
import { compareVi, type Cell, type IndexScore, type IndexSeries } from '@cchc/shared';
import type { ChartSeries } from '../charts';

/** Header row of an index's CSV file. */
export const INDEX_CSV_HEADER = ['Năm', 'Đối tượng', 'Điểm', 'Xếp hạng', 'Trên tổng số', 'Nguồn', 'Minh họa'] as const;

/** How the CSV writes the demo flag. */
export const CSV_DEMO = { yes: 'có', no: 'không' } as const;

/**
 * A number in Vietnamese notation with every decimal the value has (formatNumber
 * stops at two): dot between thousands, comma before decimals.
 * @example formatExact(1234.5678) === '1.234,5678'
 * @example formatExact(-0.5) === '-0,5'
 */
export function formatExact(value: number): string {
  const text = String(value);
  // Exponent notation (tiny or huge values) is not for people: let Intl write the digits.
  if (!/^-?\d+(\.\d+)?$/.test(text)) return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 20 }).format(value);
  const [whole = '', decimals] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '');
  // Vietnamese writes 4-digit numbers grouped too ("1.234"), as Intl's vi-VN does.
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${grouped}${decimals ? `,${decimals}` : ''}`;
}

/**
 * A rank as "x/y" (or "x" when the total is not known); null when there is no rank.
 * @example formatRank({ rank: 12, outOf: 63 }) === '12/63'
 */
export function formatRank(score: Pick<IndexScore, 'rank' | 'outOf'>): string | null {
  if (score.rank === null) return null;
  return score.outOf === null ? String(score.rank) : `${score.rank}/${score.outOf}`;
}

/**
 * The subjects of a series, the one with most results first (the province; for DDCI
 * the most reported agency), ties in Vietnamese order.
 * @example subjectsOf([{ subject: 'B' }, { subject: 'A' }, { subject: 'B' }]) // ['B', 'A']
 */
export function subjectsOf(results: readonly Pick<IndexScore, 'subject'>[]): string[] {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.subject, (counts.get(r.subject) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compareVi(a[0], b[0])).map(([subject]) => subject);
}

/** True when some result of the series has a rank (the rank chart is drawn only then). */
export function hasRanks(series: Pick<IndexSeries, 'results'>): boolean {
  return series.results.some((r) => r.rank !== null);
}

/** True when the series holds demo results. */
export function hasDemo(series: Pick<IndexSeries, 'results'>): boolean {
  return series.results.some((r) => r.demo);
}

/**
 * The chart lines of a series: one per subject (at most `limit`, the subjects with most
 * results), a point per year with the score or the rank (null where none was published).
 */
export function chartLines(series: Pick<IndexSeries, 'results'>, value: 'score' | 'rank', limit: number): ChartSeries[] {
  return subjectsOf(series.results)
    .slice(0, limit)
    .map((subject) => ({
      name: subject,
      points: series.results.filter((r) => r.subject === subject).map((r) => ({ x: r.year, y: r[value] })),
    }));
}

/**
 * The CSV table of a series: the header, then one row per result in the API's order;
 * numbers stay numbers (dot decimal), missing ones are empty cells.
 */
export function indexCsvRows(series: Pick<IndexSeries, 'results'>): Cell[][] {
  return [
    [...INDEX_CSV_HEADER],
    ...series.results.map((r) => [r.year, r.subject, r.score ?? '', r.rank ?? '', r.outOf ?? '', r.sourceNote, r.demo ? CSV_DEMO.yes : CSV_DEMO.no]),
  ];
}

/**
 * The file name of a series' CSV download.
 * @example indexCsvFileName('par-index') === 'chi-so-par-index.csv'
 */
export function indexCsvFileName(code: string): string {
  return `chi-so-${code}.csv`;
}
