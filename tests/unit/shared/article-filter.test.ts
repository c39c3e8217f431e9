/** The one filter of published articles (lists, search, the committee's news). */
import { describe, expect, test } from 'vitest';
import { articleFilterOf } from '../../../shared/src/index.js';

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
