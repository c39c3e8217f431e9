/** The search page's query string. */
import { describe, expect, test } from 'vitest';
import { parseSearchParams, searchHref, searchYears } from '../../../site/src/lib/search.js';

const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs));

describe('parseSearchParams', () => {
  test('no keyword: just the form', () => {
    expect(parse('').kind).toBe('empty');
    expect(parse('q=+++&nam=2024').kind).toBe('empty');
  });

  test('maps the Vietnamese parameters to the API query, ignoring empty fields', () => {
    const request = parse('q=c%E1%BA%A3i+c%C3%A1ch&linh-vuc=the-che&co-quan=&hinh-thuc=infographic&nam=2024&quy=2&trang=3');
    expect(request.kind).toBe('search');
    if (request.kind !== 'search') return;
    expect(request.query).toEqual({ q: 'cải cách', area: 'the-che', format: ['infographic'], year: 2024, quarter: 2, page: 3, pageSize: 10 });
  });

  test.each([
    ['q=x&nam=abc', 'year'],
    ['q=x&quy=2', 'quarter'],
    ['q=x&hinh-thuc=podcast', 'format'],
    ['q=x&trang=0', 'page'],
    ['q=x&q=y', 'q'],
    [`q=${'a'.repeat(201)}`, 'q'],
  ])('%s is invalid, with a message naming "%s"', (qs, name) => {
    const request = parse(qs);
    expect(request.kind).toBe('invalid');
    if (request.kind === 'invalid') expect(request.message).toContain(`"${name}"`);
  });
});

test('searchHref keeps the filters and numbers the page', () => {
  const form = { q: 'một cửa', area: 'the-che', agency: '', format: '', year: '2024', quarter: '' };
  expect(searchHref(form, 1)).toBe('/tim-kiem?q=m%E1%BB%99t+c%E1%BB%ADa&linh-vuc=the-che&nam=2024');
  expect(searchHref(form, 2)).toBe('/tim-kiem?q=m%E1%BB%99t+c%E1%BB%ADa&linh-vuc=the-che&nam=2024&trang=2');
});

test('searchYears counts back from the current year in Vietnam', () => {
  // 23:30 on 31 December UTC is already the next year in Vietnam.
  expect(searchYears(new Date('2025-12-31T17:30:00Z')).slice(0, 2)).toEqual([2026, 2025]);
  expect(searchYears(new Date('2025-06-01T00:00:00Z'))).toHaveLength(10);
});
