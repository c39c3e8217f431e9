/**
 * The public text of a citizen's question: what a moderator publishes may differ from what
 * was sent (the original is kept); before that, the contact details a citizen often types
 * into the question itself (a phone number, an e-mail address, an ID number) are masked.
 */

/** What stands for a masked detail. */
export const MASK = '[đã ẩn]';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Vietnamese phone numbers as people write them: 0905 123 456, 0905.123.456, +84 905 123 456, (0256) 3822 123. */
const PHONE = /(?<![\p{N}])\(?(?:\+?84|0)[\s.()-]*(?:\d[\s.()-]*){8,10}(?![\p{N}])/gu;
/** Citizen ID numbers (12 digits) and old ID card numbers (9 digits), alone. */
const ID_NUMBER = /(?<![\p{N}])(?:\d{12}|\d{9})(?![\p{N}])/gu;

/**
 * The text with every phone number, e-mail address and ID number replaced by `[đã ẩn]`.
 * @example maskContacts('Gọi tôi: 0905 123 456 hoặc an@gmail.com') === 'Gọi tôi: [đã ẩn] hoặc [đã ẩn]'
 */
export function maskContacts(text: string): string {
  return text.replace(EMAIL, MASK).replace(PHONE, (found) => {
    const trailing = /[\s.()-]+$/.exec(found)?.[0] ?? '';
    return MASK + trailing;
  }).replace(ID_NUMBER, MASK);
}

/** True when a text still carries something `maskContacts` would mask. */
export function hasContacts(text: string): boolean {
  return maskContacts(text) !== text;
}

/**
 * The text with the contact details masked and the person's name, wherever it appears (any
 * case), replaced too: what stays of a citizen's own text once their personal data is erased.
 * @example eraseDetails('Tôi là Lê Văn An, gọi 0905 123 456', 'Lê Văn An') === 'Tôi là [đã ẩn], gọi [đã ẩn]'
 */
export function eraseDetails(text: string, name: string): string {
  const masked = maskContacts(text.normalize('NFC'));
  const person = name.normalize('NFC').trim();
  if (person.length < 2) return masked;
  // Whole words only: a sender named "An" leaves "quan" alone.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${person.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
  return masked.replace(pattern, MASK);
}
