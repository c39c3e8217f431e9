/**
 * An entrant's phone number and citizen ID number, written one way, so that "one entry
 * per person" can be a unique key in the database: "0905 123 456", "+84 905123456"
 * and "84905123456" are one phone.
 */
import { ContestRuleError } from './rules.js';

/**
 * A Vietnamese phone number as ten digits starting with 0; throws when it is not one.
 * @example normalizePhone('+84 905.123.456') === '0905123456'
 */
export function normalizePhone(raw: string): string {
  let digits = raw.normalize('NFKC').replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && digits.length === 11) digits = `0${digits.slice(2)}`;
  if (!/^0\d{9}$/.test(digits)) throw new ContestRuleError('Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0905123456).');
  return digits;
}

/**
 * A citizen ID number: 12 digits (căn cước), or 9 for the old identity card; throws otherwise.
 * @example normalizeCitizenId(' 052 090 001 234 ') === '052090001234'
 */
export function normalizeCitizenId(raw: string): string {
  const digits = raw.normalize('NFKC').replace(/[\s.\-]/g, '');
  if (!/^(\d{12}|\d{9})$/.test(digits)) throw new ContestRuleError('Số định danh cá nhân gồm 12 chữ số (hoặc 9 chữ số với chứng minh nhân dân cũ).');
  return digits;
}

/**
 * Shows a phone or ID number to organisers without giving it all away on a screen
 * shared in a meeting: the last three digits.
 * @example maskNumber('0905123456') === '*******456'
 */
export function maskNumber(value: string): string {
  return value.length <= 3 ? value : `${'*'.repeat(value.length - 3)}${value.slice(-3)}`;
}
