import { describe, expect, test } from 'vitest';
import { formatDateLong, formatDateShort, formatDateTime, formatNumber, formatQuarter, quarterInterval, quarterLabel, quarterOf, yearInterval } from '../../../shared/src/index.js';

describe('quarterOf (Asia/Ho_Chi_Minh)', () => {
  test.each([
    ['2024-01-01T00:00:00+07:00', 2024, 1],
    ['2023-12-31T17:00:00Z', 2024, 1],
    ['2023-12-31T16:59:59Z', 2023, 4],
    ['2024-03-31T23:59:59+07:00', 2024, 1],
    ['2024-03-31T17:30:00Z', 2024, 2],
    ['2024-06-30T16:59:59Z', 2024, 2],
    ['2024-09-30T17:00:00Z', 2024, 4],
    ['2024-12-31T16:59:59Z', 2024, 4],
  ])('%s is in %i Q%i', (iso, year, quarter) => {
    expect(quarterOf(new Date(iso))).toEqual({ year, quarter });
  });
});

describe('quarterInterval', () => {
  test.each([
    [1, '2023-12-31T17:00:00.000Z', '2024-03-31T17:00:00.000Z'],
    [2, '2024-03-31T17:00:00.000Z', '2024-06-30T17:00:00.000Z'],
    [3, '2024-06-30T17:00:00.000Z', '2024-09-30T17:00:00.000Z'],
    [4, '2024-09-30T17:00:00.000Z', '2024-12-31T17:00:00.000Z'],
  ] as const)('Q%i 2024 is [%s, %s)', (quarter, start, end) => {
    const interval = quarterInterval(2024, quarter);
    expect(interval.start.toISOString()).toBe(start);
    expect(interval.end.toISOString()).toBe(end);
  });

  test('the four quarters tile the year', () => {
    const year = yearInterval(2024);
    expect(quarterInterval(2024, 1).start).toEqual(year.start);
    expect(quarterInterval(2024, 4).end).toEqual(year.end);
    for (const q of [1, 2, 3] as const) {
      expect(quarterInterval(2024, q).end).toEqual(quarterInterval(2024, (q + 1) as 2 | 3 | 4).start);
    }
  });

  test('every instant of an interval maps back to its quarter', () => {
    for (const q of [1, 2, 3, 4] as const) {
      const { start, end } = quarterInterval(2025, q);
      expect(quarterOf(start)).toEqual({ year: 2025, quarter: q });
      expect(quarterOf(new Date(end.getTime() - 1))).toEqual({ year: 2025, quarter: q });
    }
  });
});

describe('Vietnamese formatting', () => {
  const instant = new Date('2024-03-13T17:05:00Z'); // 00:05 on 14 March in Vietnam
  test.each([
    [formatDateShort, '14/03/2024'],
    [formatDateLong, 'ngày 14 tháng 3 năm 2024'],
    [formatDateTime, '00:05, 14/03/2024'],
  ])('%o', (format, expected) => {
    expect(format(instant)).toBe(expected);
  });

  test.each([
    [1234567.89, '1.234.567,89'],
    [0, '0'],
    [1000, '1.000'],
  ])('formatNumber(%d) = %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  test('formatQuarter uses Roman numerals', () => {
    expect(formatQuarter(2024, 2)).toBe('Quý II/2024');
    expect(formatQuarter(2025, 4)).toBe('Quý IV/2025');
    expect([1, 2, 3, 4].map((q) => quarterLabel(q as 1 | 2 | 3 | 4))).toEqual(['Quý I', 'Quý II', 'Quý III', 'Quý IV']);
  });
});
