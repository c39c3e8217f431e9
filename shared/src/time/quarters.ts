/**
 * Calendar quarters and dates in Vietnam's time zone (Asia/Ho_Chi_Minh,
 * UTC+7 all year: Vietnam has no daylight saving time, so a fixed offset is exact).
 */

/** The platform's time zone, for Intl formatting. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const OFFSET_MS = 7 * 60 * 60 * 1000;

/** A calendar quarter number. */
export type Quarter = 1 | 2 | 3 | 4;

/** The quarters of a year, in order. */
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** Narrows a number to a quarter. */
export function isQuarter(value: number): value is Quarter {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The wall-clock parts of an instant as seen in Vietnam; `weekday` counts from Sunday (0). */
export function vietnamParts(instant: Date): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

/**
 * The instant of a wall-clock time in Vietnam (month is 1-based; days past the month's end roll over).
 * @example vietnamInstant(2024, 1, 1).toISOString() === '2023-12-31T17:00:00.000Z'
 */
export function vietnamInstant(year: number, month: number, day = 1, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS);
}

/**
 * The year and quarter an instant falls in, in Vietnam's time zone.
 * @example quarterOf(new Date('2024-03-31T17:30:00Z')) // { year: 2024, quarter: 2 } (00:30 on 1 April in Vietnam)
 */
export function quarterOf(instant: Date): { year: number; quarter: Quarter } {
  const { year, month } = vietnamParts(instant);
  return { year, quarter: Math.ceil(month / 3) as Quarter };
}

/** A half-open interval of instants [start, end). */
export interface Interval {
  start: Date;
  end: Date;
}

/**
 * The instants of a quarter, from midnight of its first day in Vietnam (inclusive)
 * to midnight of the next quarter's first day (exclusive).
 * @example quarterInterval(2024, 1).start.toISOString() === '2023-12-31T17:00:00.000Z'
 */
export function quarterInterval(year: number, quarter: Quarter): Interval {
  const firstMonth = (quarter - 1) * 3 + 1;
  return { start: vietnamInstant(year, firstMonth), end: vietnamInstant(year, firstMonth + 3) };
}

/** The instants of a calendar year in Vietnam, half-open. */
export function yearInterval(year: number): Interval {
  return { start: vietnamInstant(year, 1), end: vietnamInstant(year + 1, 1) };
}

/** Roman numerals used for quarters in Vietnamese official writing ("Quý II/2024"). */
const QUARTER_ROMAN: Record<Quarter, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

/**
 * Names a quarter the way Vietnamese plans write it.
 * @example quarterLabel(2) === 'Quý II'
 */
export function quarterLabel(quarter: Quarter): string {
  return `Quý ${QUARTER_ROMAN[quarter]}`;
}

/**
 * Formats a quarter of a year the way Vietnamese plans write it.
 * @example formatQuarter(2024, 2) === 'Quý II/2024'
 */
export function formatQuarter(year: number, quarter: Quarter): string {
  return `${quarterLabel(quarter)}/${year}`;
}
