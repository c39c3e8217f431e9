/** The editors' calendar: periods, days and labels in Vietnam time, and the range its endpoint accepts. */
import { describe, expect, test } from 'vitest';
// Imported from the modules themselves: they are exported from @cchc/shared's index once wired.
import { GetDeskCalendar } from '../../../shared/src/contracts/desk-calendar.js';
import {
  addDays,
  containsDay,
  dayLabel,
  daysBetween,
  daysOf,
  groupByDay,
  isDayKey,
  monthRange,
  publishedDateOf,
  quarterOfDay,
  rangeInterval,
  rangeLabel,
  stepPeriod,
  timeOfDay,
  todayInVietnam,
  viewRange,
  weekRange,
  weekdayOf,
} from '../../../shared/src/desk/calendar.js';

describe('isDayKey', () => {
  test.each([
    ['2026-12-01', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-05', false],
    ['0050-01-01', false],
    ['2026-12-01T00:00:00Z', false],
    ['', false],
  ])('%s: %s', (value, expected) => {
    expect(isDayKey(value)).toBe(expected);
  });
});

describe('monthRange', () => {
  test.each([
    ['2026-12-15', '2026-12-01', '2026-12-31'],
    ['2026-12-31', '2026-12-01', '2026-12-31'],
    ['2027-01-01', '2027-01-01', '2027-01-31'],
    ['2026-02-10', '2026-02-01', '2026-02-28'],
    ['2028-02-10', '2028-02-01', '2028-02-29'],
    ['2026-11-30', '2026-11-01', '2026-11-30'],
    ['2026-12-06', '2026-12-01', '2026-12-31'], // a Sunday
  ])('the month of %s is %s to %s', (day, from, to) => {
    expect(monthRange(day)).toEqual({ from, to });
    expect(viewRange('month', day)).toEqual({ from, to });
  });
});

describe('weekRange', () => {
  test.each([
    ['2026-12-02', '2026-11-30', '2026-12-06'], // across a month's end
    ['2026-11-30', '2026-11-30', '2026-12-06'], // a Monday is its own week's first day
    ['2026-12-06', '2026-11-30', '2026-12-06'], // a Sunday is its week's last, not the next week's first
    ['2027-01-01', '2026-12-28', '2027-01-03'], // across a year's end
    ['2027-01-03', '2026-12-28', '2027-01-03'],
    ['2028-02-29', '2028-02-28', '2028-03-05'],
  ])('the week of %s is %s to %s', (day, from, to) => {
    expect(weekRange(day)).toEqual({ from, to });
    expect(viewRange('week', day)).toEqual({ from, to });
    expect(weekdayOf(from)).toBe(0);
    expect(daysBetween(from, to)).toBe(6);
  });
});

describe('stepPeriod', () => {
  test.each([
    ['month', '2026-12-15', 1, '2027-01-01'],
    ['month', '2027-01-31', -1, '2026-12-01'],
    ['month', '2026-03-31', -1, '2026-02-01'],
    ['week', '2026-12-06', 1, '2026-12-07'],
    ['week', '2026-12-06', -1, '2026-11-23'],
    ['week', '2027-01-01', -1, '2026-12-21'],
  ] as const)('%s view, from %s by %i: %s', (view, day, step, expected) => {
    expect(stepPeriod(view, day, step)).toBe(expected);
  });

  test('steps forward and back return to the period the calendar started on', () => {
    for (const view of ['month', 'week'] as const) {
      let day = '2026-12-15';
      for (let i = 0; i < 14; i++) day = stepPeriod(view, day, 1);
      for (let i = 0; i < 14; i++) day = stepPeriod(view, day, -1);
      expect(viewRange(view, day)).toEqual(viewRange(view, '2026-12-15'));
    }
  });
});

describe('days of a range', () => {
  test('every day in order, across a year\'s end', () => {
    expect(daysOf({ from: '2026-12-30', to: '2027-01-02' })).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysOf({ from: '2026-12-01', to: '2026-12-01' })).toEqual(['2026-12-01']);
    expect(daysOf({ from: '2026-12-02', to: '2026-12-01' })).toEqual([]);
  });

  test('a month view has as many days as the month', () => {
    expect(daysOf(monthRange('2026-12-10'))).toHaveLength(31);
    expect(daysOf(monthRange('2028-02-10'))).toHaveLength(29);
  });

  test.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-12-06', 0, '2026-12-06'],
  ])('%s plus %i days is %s', (day, count, expected) => {
    expect(addDays(day, count)).toBe(expected);
  });

  test('containsDay includes both ends', () => {
    const range = { from: '2026-11-30', to: '2026-12-06' };
    expect(['2026-11-29', '2026-11-30', '2026-12-06', '2026-12-07'].map((d) => containsDay(range, d))).toEqual([false, true, true, false]);
  });

  test('a range is the instants from midnight of its first day to midnight after its last, in Vietnam', () => {
    const { start, end } = rangeInterval({ from: '2026-11-30', to: '2026-12-06' });
    expect(start.toISOString()).toBe('2026-11-29T17:00:00.000Z');
    expect(end.toISOString()).toBe('2026-12-06T17:00:00.000Z');
  });

  test.each([
    ['2026-12-31', 2026, 4],
    ['2027-01-01', 2027, 1],
    ['2026-03-30', 2026, 1], // the first day of a week that ends in April
  ])('%s is in %i Q%i', (day, year, quarter) => {
    expect(quarterOfDay(day)).toEqual({ year, quarter });
  });

  test('today is the date in Vietnam, not on the machine', () => {
    expect(todayInVietnam(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(todayInVietnam(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});

describe('groupByDay', () => {
  const range = { from: '2026-12-01', to: '2026-12-03' };
  const at = (item: { at: string | null }) => item.at;

  test('an item at 23:30 UTC belongs to the next day in Vietnam (06:30)', () => {
    const item = { at: '2026-12-01T23:30:00Z' };
    expect(groupByDay([item], at, range)).toEqual([
      { day: '2026-12-01', items: [] },
      { day: '2026-12-02', items: [item] },
      { day: '2026-12-03', items: [] },
    ]);
    expect(timeOfDay(item.at)).toBe('06:30');
  });

  test.each([
    ['2026-11-30T16:59:59Z', null],
    ['2026-11-30T17:00:00Z', '2026-12-01'],
    ['2026-12-01T16:59:59Z', '2026-12-01'],
    ['2026-12-01T17:00:00Z', '2026-12-02'],
    ['2026-12-02T08:00:00+07:00', '2026-12-02'],
    ['2026-12-03T16:59:59.999Z', '2026-12-03'],
    ['2026-12-03T17:00:00Z', null],
  ])('%s falls on %s', (instant, day) => {
    const groups = groupByDay([{ at: instant }], at, range);
    expect(groups.find((g) => g.items.length > 0)?.day ?? null).toBe(day);
  });

  test('every day of the range is listed, each day\'s items in time order, undated ones left out', () => {
    const late = { at: '2026-12-02T10:00:00Z' };
    const early = { at: '2026-12-02T01:00:00Z' };
    const undated = { at: null };
    const unreadable = { at: 'soon' };
    const groups = groupByDay([late, undated, early, unreadable], at, range);
    expect(groups.map((g) => g.day)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    expect(groups[1]!.items).toEqual([early, late]);
    expect(groups.flatMap((g) => g.items)).toHaveLength(2);
  });
});

describe('publishedDateOf', () => {
  test.each([
    [{ publicationDate: '2026-12-01T02:00:00.000Z', publishedAt: '2026-12-05T02:00:00.000Z' }, '2026-12-01T02:00:00.000Z'],
    [{ publicationDate: null, publishedAt: '2026-12-05T02:00:00.000Z' }, '2026-12-05T02:00:00.000Z'],
    [{ publicationDate: null, publishedAt: null }, null],
  ])('%o is dated %s', (piece, expected) => {
    expect(publishedDateOf(piece)).toBe(expected);
  });
});

describe('labels', () => {
  test.each([
    ['month', '2026-12-01', '2026-12-31', 'Tháng 12/2026'],
    ['month', '2027-01-01', '2027-01-31', 'Tháng 1/2027'],
    ['week', '2026-11-30', '2026-12-06', 'Tuần 30/11 – 06/12/2026'],
    ['week', '2026-12-07', '2026-12-13', 'Tuần 07/12 – 13/12/2026'],
    ['week', '2026-12-28', '2027-01-03', 'Tuần 28/12/2026 – 03/01/2027'],
  ] as const)('%s %s–%s: %s', (view, from, to, label) => {
    expect(rangeLabel(view, { from, to })).toBe(label);
  });

  test.each([
    ['2026-11-30', 'Thứ Hai, 30/11'],
    ['2026-12-05', 'Thứ Bảy, 05/12'],
    ['2026-12-06', 'Chủ nhật, 06/12'],
  ])('%s: %s', (day, label) => {
    expect(dayLabel(day)).toBe(label);
  });

  test('labels are NFC, as the Vietnamese text around them', () => {
    const texts = [rangeLabel('month', monthRange('2026-12-01')), rangeLabel('week', weekRange('2026-12-01')), ...daysOf(weekRange('2026-12-01')).map(dayLabel)];
    for (const text of texts) expect(text).toBe(text.normalize('NFC'));
  });
});

describe('GetDeskCalendar.QuerySchema', () => {
  test('takes a month, a week and the longest range', () => {
    expect(GetDeskCalendar.QuerySchema.parse({ from: '2026-12-01', to: '2026-12-31' })).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(GetDeskCalendar.QuerySchema.safeParse({ from: '2026-11-30', to: '2026-12-06' }).success).toBe(true);
    expect(GetDeskCalendar.QuerySchema.safeParse({ from: '2026-12-01', to: addDays('2026-12-01', 62) }).success).toBe(true);
  });

  test.each([
    [{}, 'Hãy cho biết tham số "from"'],
    [{ from: '2026-12-01' }, 'Hãy cho biết tham số "to"'],
    [{ from: '01/12/2026', to: '2026-12-31' }, 'Tham số "from" phải là một ngày có thật'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'Tham số "from" phải là một ngày có thật'],
    [{ from: '2026-12-31', to: '2026-12-01' }, 'không được trước ngày đầu'],
    [{ from: '2026-12-01', to: addDays('2026-12-01', 63) }, 'tối đa 62 ngày'],
  ])('refuses %o in Vietnamese', (query, message) => {
    const result = GetDeskCalendar.QuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join(' ')).toContain(message);
  });
});
