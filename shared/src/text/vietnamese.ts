/**
 * Vietnamese text helpers: normalisation, diacritic folding, slugs and collation.
 * Everything here is pure and locale-aware; no framework imports.
 */

/** Combining marks left behind by NFD decomposition (tones and vowel marks). */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Normalises text to Unicode NFC, the form the platform stores and compares.
 * @example nfc('Cải cách'.normalize('NFD')) === 'Cải cách'
 */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Removes Vietnamese diacritics, mapping đ→d and Đ→D explicitly
 * (NFD does not decompose the stroke of đ).
 * @example foldDiacritics('Đường cải cách') === 'Duong cai cach'
 */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/**
 * Folds text for matching: diacritics removed, lower case, whitespace collapsed.
 * @example foldForSearch('  Cải  CÁCH ') === 'cai cach'
 */
export function foldForSearch(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Builds a URL slug: ASCII letters and digits joined by single hyphens.
 * @example slugify('Cải cách thủ tục hành chính') === 'cai-cach-thu-tuc-hanh-chinh'
 * @example slugify('Quyết định 854/QĐ-UBND') === 'quyet-dinh-854-qd-ubnd'
 */
export function slugify(text: string, maxLength = 96): string {
  const slug = foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  // Cut at a word boundary so slugs never end in half a word.
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/g, '');
}

/** A slug is lowercase ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when the text is a well-formed slug. */
export function isSlug(text: string): boolean {
  return text.length > 0 && text.length <= 120 && SLUG_PATTERN.test(text);
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * The platform's one sort order of text: Vietnamese alphabetical order, numbers by
 * value ("5.10" after "5.9", "Quý 10" after "Quý 9"), case and tone marks ignored
 * only where the letters are otherwise equal (for Array.prototype.sort).
 * @example ['Đ', 'D', 'E'].sort(compareVi) // ['D', 'Đ', 'E']
 * @example ['5.10', '5.9', '5'].sort(compareVi) // ['5', '5.9', '5.10']
 */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
