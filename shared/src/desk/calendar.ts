/**
 * The editors' calendar, by day in Vietnam: which days a month or a week view shows, how
 * pieces fall into those days, and how the period is named. A day is `YYYY-MM-DD` in
 * Vietnam (UTC+7 all year, so day arithmetic on dates is exact); weeks start on Monday,
 * as Vietnamese calendars print them.
 */
import { dayKeyOf, type DayKey } from '../questions/working-days.js';
import { quarterOf, vietnamInstant, vietnamParts, type Interval, type Quarter } from '../time/quarters.js';

/** How the calendar shows a period: a month, or a week from Monday to Sunday. */
export const CALENDAR_VIEWS = ['month', 'week'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** Days from `from` to `to`, both included. */
export interface DayRange {
  from: DayKey;
  to: DayKey;
}

/** Longest range the calendar reads at once (a month view is 31 days; two months at most). */
export const MAX_CALENDAR_SPAN_DAYS = 62;

/** Names of the days of the week, Monday first (the order of the calendar's columns). */
export const WEEKDAY_NAMES = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'] as const;

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The year, month (1-based) and day of a real date written `YYYY-MM-DD`, else null. */
function partsOf(day: string): { year: number; month: number; day: number } | null {
  const match = DAY_KEY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 31 February into March (and years 0–99 into the 1900s): a round trip catches both.
  const utc = new Date(Date.UTC(year, month - 1, date));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== date) return null;
  return { year, month, day: date };
}

/** The parts of a day the caller vouches for; a malformed one is a bug in the caller, not input to forgive. */
function mustParse(day: DayKey): { year: number; month: number; day: number } {
  const parts = partsOf(day);
  if (!parts) throw new RangeError(`not a date YYYY-MM-DD: ${JSON.stringify(day)}`);
  return parts;
}

/** A date as the UTC midnight that stands for it (date arithmetic only: no time zone involved). */
const utcOf = (day: DayKey): number => {
  const { year, month, day: date } = mustParse(day);
  return Date.UTC(year, month - 1, date);
};
const keyOfUtc = (ms: number): DayKey => new Date(ms).toISOString().slice(0, 10);

/**
 * True for a real calendar date written `YYYY-MM-DD`.
 * @example isDayKey('2028-02-29') === true && isDayKey('2026-02-29') === false
 */
export function isDayKey(value: string): value is DayKey {
  return partsOf(value) !== null;
}

/**
 * The day `count` days after `day` (before it when negative).
 * @example addDays('2026-12-31', 1) === '2027-01-01'
 */
export function addDays(day: DayKey, count: number): DayKey {
  return keyOfUtc(utcOf(day) + count * DAY_MS);
}

/**
 * Days from `from` to `to` (0 for the same day, negative when `to` is earlier).
 * @example daysBetween('2026-11-30', '2026-12-06') === 6
 */
export function daysBetween(from: DayKey, to: DayKey): number {
  return Math.round((utcOf(to) - utcOf(from)) / DAY_MS);
}

/**
 * The day of the week, Monday 0 to Sunday 6.
 * @example weekdayOf('2026-12-06') === 6 // a Sunday
 */
export function weekdayOf(day: DayKey): number {
  return (new Date(utcOf(day)).getUTCDay() + 6) % 7;
}

/**
 * The month containing a day, first to last day.
 * @example monthRange('2028-02-14') // { from: '2028-02-01', to: '2028-02-29' }
 */
export function monthRange(day: DayKey): DayRange {
  const { year, month } = mustParse(day);
  return { from: `${year}-${pad2(month)}-01`, to: keyOfUtc(Date.UTC(year, month, 0)) };
}

/**
 * The week containing a day, Monday to Sunday.
 * @example weekRange('2026-12-06') // { from: '2026-11-30', to: '2026-12-06' }
 */
export function weekRange(day: DayKey): DayRange {
  const from = addDays(day, -weekdayOf(day));
  return { from, to: addDays(from, 6) };
}

/** The range a view shows around a day. */
export function viewRange(view: CalendarView, day: DayKey): DayRange {
  return view === 'month' ? monthRange(day) : weekRange(day);
}

/**
 * The first day of the period before (`step` -1) or after (1) the one containing `day`.
 * @example stepPeriod('month', '2026-01-31', -1) === '2025-12-01'
 */
export function stepPeriod(view: CalendarView, day: DayKey, step: -1 | 1): DayKey {
  if (view === 'week') return addDays(weekRange(day).from, 7 * step);
  const { year, month } = mustParse(day);
  return keyOfUtc(Date.UTC(year, month - 1 + step, 1));
}

/** True when a day lies within a range (day keys sort as the dates do). */
export function containsDay(range: DayRange, day: DayKey): boolean {
  return range.from <= day && day <= range.to;
}

/**
 * Every day of a range, in order.
 * @example daysOf({ from: '2026-12-30', to: '2027-01-02' }) // ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']
 */
export function daysOf(range: DayRange): DayKey[] {
  const count = daysBetween(range.from, range.to);
  return Array.from({ length: Math.max(0, count + 1) }, (_, i) => addDays(range.from, i));
}

/**
 * The instants of a range: from midnight of its first day in Vietnam (inclusive) to
 * midnight after its last day (exclusive).
 * @example rangeInterval({ from: '2026-12-01', to: '2026-12-31' }).end.toISOString() === '2026-12-31T17:00:00.000Z'
 */
export function rangeInterval(range: DayRange): Interval {
  const first = mustParse(range.from);
  const last = mustParse(range.to);
  return { start: vietnamInstant(first.year, first.month, first.day), end: vietnamInstant(last.year, last.month, last.day + 1) };
}

/**
 * The quarter a day belongs to.
 * @example quarterOfDay('2026-10-01') // { year: 2026, quarter: 4 }
 */
export function quarterOfDay(day: DayKey): { year: number; quarter: Quarter } {
  const { year, month, day: date } = mustParse(day);
  return quarterOf(vietnamInstant(year, month, date));
}

/** The day it is now in Vietnam, whatever the machine's time zone. */
export function todayInVietnam(now: Date = new Date()): DayKey {
  return dayKeyOf(now);
}

/**
 * The items of each day of a range, each day's in time order (ties keep their order); every
 * day of the range is there, empty or not, and items dated outside it or undated are left out.
 * An item belongs to the day its instant falls on in Vietnam: 23:30 UTC is 06:30 the next day.
 * @example groupByDay([{ at: '2026-12-01T23:30:00Z' }], (i) => i.at, { from: '2026-12-01', to: '2026-12-02' }) // [{ day: '2026-12-01', items: [] }, { day: '2026-12-02', items: [{ at: … }] }]
 */
export function groupByDay<T>(items: readonly T[], instantOf: (item: T) => string | null, range: DayRange): Array<{ day: DayKey; items: T[] }> {
  const days = daysOf(range);
  const byDay = new Map(days.map((day) => [day, [] as T[]]));
  const timed = items.flatMap((item) => {
    const iso = instantOf(item);
    const time = iso === null ? Number.NaN : Date.parse(iso);
    return Number.isNaN(time) ? [] : [{ item, time }];
  });
  for (const { item, time } of timed.sort((a, b) => a.time - b.time)) byDay.get(dayKeyOf(new Date(time)))?.push(item);
  return days.map((day) => ({ day, items: byDay.get(day) ?? [] }));
}

/**
 * The date a published piece carries: its publication date (set when it is first published
 * and kept through corrections), else the moment its published version was written. The
 * site lists and shows pieces by this date, and the compliance counts put them in quarters by it.
 * @example publishedDateOf({ publicationDate: null, publishedAt: '2026-12-01T02:00:00.000Z' }) === '2026-12-01T02:00:00.000Z'
 */
export function publishedDateOf(piece: { publicationDate?: string | null; publishedAt?: string | null }): string | null {
  return piece.publicationDate ?? piece.publishedAt ?? null;
}

/** Day and month, `dd/mm`. */
const dayMonth = (day: DayKey): string => {
  const { month, day: date } = mustParse(day);
  return `${pad2(date)}/${pad2(month)}`;
};

/**
 * Names a range as the calendar's heading does: a month, or a week from its Monday to its Sunday.
 * @example rangeLabel('month', { from: '2026-12-01', to: '2026-12-31' }) === 'Tháng 12/2026'
 * @example rangeLabel('week', { from: '2026-11-30', to: '2026-12-06' }) === 'Tuần 30/11 – 06/12/2026'
 * @example rangeLabel('week', { from: '2026-12-28', to: '2027-01-03' }) === 'Tuần 28/12/2026 – 03/01/2027'
 */
export function rangeLabel(view: CalendarView, range: DayRange): string {
  const first = mustParse(range.from);
  const last = mustParse(range.to);
  if (view === 'month') return `Tháng ${first.month}/${first.year}`;
  const from = first.year === last.year ? dayMonth(range.from) : `${dayMonth(range.from)}/${first.year}`;
  return `Tuần ${from} – ${dayMonth(range.to)}/${last.year}`;
}

/**
 * Names a day as the heading of its cell.
 * @example dayLabel('2026-11-30') === 'Thứ Hai, 30/11'
 */
export function dayLabel(day: DayKey): string {
  return `${WEEKDAY_NAMES[weekdayOf(day)]}, ${dayMonth(day)}`;
}

/**
 * The time of day of an instant in Vietnam, 24-hour.
 * @example timeOfDay('2026-12-01T23:30:00Z') === '06:30'
 */
export function timeOfDay(instant: string | Date): string {
  const { hour, minute } = vietnamParts(new Date(instant));
  return `${pad2(hour)}:${pad2(minute)}`;
}
