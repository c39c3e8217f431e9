/** The one filter of published articles (lists, search, the committee's news). */
import { describe, expect, test } from 'vitest';
import { articleFilterOf, passesFilter, type FilteredArticle } from '../../../shared/src/index.js';

const article = (over: Partial<FilteredArticle> = {}): FilteredArticle => ({
  areas: ['the-che'],
  topics: ['chi-so'],
  agency: 'so-tu-phap',
  format: 'tin-ngan',
  featured: false,
  time: Date.parse('2024-05-10T03:00:00Z'),
  ...over,
});

describe('articleFilterOf', () => {
  test('reads each parameter of a validated query, and only those set', () => {
    expect(articleFilterOf({})).toEqual({});
    expect(articleFilterOf({ area: 'the-che', topic: 'chi-so', format: ['video-clip'], featured: 'false' }, ['so-noi-vu', 'so-cu'])).toEqual({
      areas: ['the-che'],
      topics: ['chi-so'],
      agencies: ['so-noi-vu', 'so-cu'],
      formats: ['video-clip'],
      featured: false,
    });
  });

  test('a year, or a quarter of it, is an interval of Vietnam time', () => {
    expect(articleFilterOf({ year: 2024 })).toEqual({ from: Date.parse('2023-12-31T17:00:00Z'), to: Date.parse('2024-12-31T17:00:00Z') });
    expect(articleFilterOf({ year: 2024, quarter: 2 })).toEqual({ from: Date.parse('2024-03-31T17:00:00Z'), to: Date.parse('2024-06-30T17:00:00Z') });
  });
});

describe('passesFilter', () => {
  test.each<[string, Parameters<typeof passesFilter>[0], Partial<FilteredArticle>, boolean]>([
    ['no criterion', {}, {}, true],
    ['one of its areas', { areas: ['cong-vu', 'the-che'] }, {}, true],
    ['another area', { areas: ['cong-vu'] }, {}, false],
    ['another topic', { topics: ['su-kien'] }, {}, false],
    ['an agency of the lineage', { agencies: ['so-cu', 'so-tu-phap'] }, {}, true],
    ['no agency when agencies are asked', { agencies: ['so-tu-phap'] }, { agency: null }, false],
    ['another format', { formats: ['phong-su'] }, {}, false],
    ['featured asked, not featured', { featured: true }, {}, false],
    ['inside the interval', articleFilterOf({ year: 2024, quarter: 2 }), {}, true],
    ['at its end (exclusive)', articleFilterOf({ year: 2024, quarter: 2 }), { time: Date.parse('2024-06-30T17:00:00Z') }, false],
    ['at its start (inclusive)', articleFilterOf({ year: 2024, quarter: 2 }), { time: Date.parse('2024-03-31T17:00:00Z') }, true],
  ])('%s', (_name, filter, over, expected) => {
    expect(passesFilter(filter, article(over))).toBe(expected);
  });
});
