/**
 * A citizen's contact details as given with a question: an e-mail address and a phone
 * number (mobile or landline), each written one way, so that a lookup matches however the
 * citizen types them the second time.
 */
import { QuestionRuleError } from './states.js';

/**
 * A Vietnamese phone number as its digits from the leading 0 (10 for a mobile, 11 for a
 * landline with its area code); throws when it is not one.
 * @example normalizeContactPhone('(0256) 3822 123') === '02563822123'
 */
export function normalizeContactPhone(raw: string): string {
  let digits = raw.normalize('NFKC').replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) digits = `0${digits.slice(2)}`;
  // "+84 (0) 905 …": the national 0 written after the country code.
  if (digits.startsWith('00')) digits = digits.slice(1);
  if (!/^0\d{9,10}$/.test(digits)) throw new QuestionRuleError('Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0 (ví dụ 0905123456).');
  return digits;
}

/**
 * An e-mail address as compared: trimmed, NFC, lower case.
 * @example normalizeEmail(' An.Nguyen@Gmail.com ') === 'an.nguyen@gmail.com'
 */
export function normalizeEmail(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase();
}
