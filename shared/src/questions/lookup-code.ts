/**
 * Lookup codes of citizens' submissions: `PAKN.YYYYMMDD.NNNN`, the day of receipt in Vietnam
 * and its sequence number that day (from 1, never reused; the CMS draws it from a counter in
 * the database). A code alone opens nothing: a lookup needs the contact given with it.
 */
import { vietnamParts } from '../time/quarters.js';

const CODE = /^PAKN\.(\d{4})(\d{2})(\d{2})\.(\d{4,6})$/;

/** The day part of a code for an instant: `YYYYMMDD` in Vietnam. */
export function lookupDay(instant: Date): string {
  const { year, month, day } = vietnamParts(instant);
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/**
 * The code of the `sequence`th submission of a day (four digits, more past 9,999).
 * @example lookupCode('20241105', 7) === 'PAKN.20241105.0007'
 */
export function lookupCode(day: string, sequence: number): string {
  if (!/^\d{8}$/.test(day) || !Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`no lookup code for day ${day}, number ${sequence}`);
  return `PAKN.${day}.${String(sequence).padStart(4, '0')}`;
}

/**
 * A code as typed by a person (any case, spaces around, dashes or spaces for dots), normalised; null when it is not one.
 * @example normalizeLookupCode(' pakn-20241105-0007 ') === 'PAKN.20241105.0007'
 */
export function normalizeLookupCode(typed: string): string | null {
  const code = typed.trim().toUpperCase().replace(/[\s_-]+/g, '.');
  const match = CODE.exec(code);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 2000) return null;
  return code;
}
