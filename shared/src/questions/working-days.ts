/**
 * Working days in Vietnam: Monday to Friday, less the public holidays, which are data
 * (Tết moves every year; a province may add a day off): a set of dates `YYYY-MM-DD`.
 * A deadline of N working days after an instant is the end (23:59:59.999, Vietnam time) of
 * the Nth working day after the day of that instant.
 */
import { vietnamInstant, vietnamParts } from '../time/quarters.js';

/** A date in Vietnam, `YYYY-MM-DD`, as holidays are written. */
export type DayKey = string;

/** The public holidays, as the set of their dates. */
export type Holidays = ReadonlySet<DayKey>;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The day an instant falls on in Vietnam.
 * @example dayKeyOf(new Date('2024-12-31T17:30:00Z')) === '2025-01-01'
 */
export function dayKeyOf(instant: Date): DayKey {
  const { year, month, day } = vietnamParts(instant);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** True when a day (given by its noon, any instant of it) is a working day. */
function isWorkingDay(instant: Date, holidays: Holidays): boolean {
  const { weekday } = vietnamParts(instant);
  return weekday !== 0 && weekday !== 6 && !holidays.has(dayKeyOf(instant));
}

/** Noon in Vietnam of the day `offset` days after the day of `instant`. */
function noonAfter(instant: Date, offset: number): Date {
  const { year, month, day } = vietnamParts(instant);
  return vietnamInstant(year, month, day + offset, 12);
}

/**
 * The deadline `days` working days after an instant: the last moment of that working day in
 * Vietnam. Zero days: the end of the same day, or of the next working day when it is not one.
 * @example addWorkingDays(vietnamInstant(2024, 4, 26, 9), 2, new Set(['2024-04-29', '2024-04-30', '2024-05-01'])) // end of Thursday 2 May 2024
 */
export function addWorkingDays(from: Date, days: number, holidays: Holidays): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number ≥ 0, not ${days}`);
  let offset = 0;
  let left = days;
  if (left === 0) {
    while (!isWorkingDay(noonAfter(from, offset), holidays)) offset++;
  }
  while (left > 0) {
    offset++;
    if (isWorkingDay(noonAfter(from, offset), holidays)) left--;
    // A year of holidays at most: a calendar that never works is a data error, not a loop forever.
    if (offset > days + 400) throw new RangeError('no working day found within a year: check the holidays');
  }
  const { year, month, day } = vietnamParts(noonAfter(from, offset));
  return new Date(vietnamInstant(year, month, day + 1).getTime() - 1);
}

/**
 * Working days from the day of `from` to the day of `to` (0 on the same day; negative when `to` is earlier).
 * @example workingDaysBetween(vietnamInstant(2024, 5, 3), vietnamInstant(2024, 5, 6), new Set()) === 1 // Friday to Monday
 */
export function workingDaysBetween(from: Date, to: Date, holidays: Holidays): number {
  const sign = to.getTime() >= from.getTime() ? 1 : -1;
  const [a, b] = sign === 1 ? [from, to] : [to, from];
  const target = dayKeyOf(b);
  let count = 0;
  for (let offset = 1; dayKeyOf(noonAfter(a, offset - 1)) !== target; offset++) {
    if (isWorkingDay(noonAfter(a, offset), holidays)) count++;
    if (offset > 4000) break;
  }
  return sign * count;
}

/**
 * The same moment `months` calendar months earlier in Vietnam, the day clamped to the
 * target month's last (31 March less one month is 28 or 29 February, not 3 March).
 * @example monthsBefore(vietnamInstant(2025, 3, 31, 10), 1).getTime() === vietnamInstant(2025, 2, 28, 10).getTime()
 */
export function monthsBefore(instant: Date, months: number): Date {
  const { year, month, day, hour, minute } = vietnamParts(instant);
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  const seconds = instant.getTime() % 60_000;
  return new Date(vietnamInstant(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(day, lastDay), hour, minute).getTime() + seconds);
}

