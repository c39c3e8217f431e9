/** Date and number formatting in the formal Vietnamese style, in Vietnam's time zone. */
import { vietnamParts } from '../time/quarters.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Short date, as on official documents.
 * @example formatDateShort(new Date('2024-03-14T01:00:00Z')) === '14/03/2024'
 */
export function formatDateShort(instant: Date): string {
  const { year, month, day } = vietnamParts(instant);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/**
 * Long formal date.
 * @example formatDateLong(new Date('2024-03-14T01:00:00Z')) === 'ngày 14 tháng 3 năm 2024'
 */
export function formatDateLong(instant: Date): string {
  const { year, month, day } = vietnamParts(instant);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/**
 * Date with time of day in Vietnam.
 * @example formatDateTime(new Date('2024-03-14T01:05:00Z')) === '08:05, 14/03/2024'
 */
export function formatDateTime(instant: Date): string {
  const { hour, minute } = vietnamParts(instant);
  return `${pad2(hour)}:${pad2(minute)}, ${formatDateShort(instant)}`;
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/**
 * Vietnamese number format: dot for thousands, comma for decimals.
 * @example formatNumber(1234567.89) === '1.234.567,89'
 */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}
