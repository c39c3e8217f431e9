/**
 * Search tokens of Vietnamese text: each word in its exact form (NFC, lower case,
 * diacritics kept) and in its folded form (diacritics removed, đ→d), so that
 * "cai cach" finds "cải cách" and "đường" can rank above "dương".
 */
import { foldDiacritics } from '../text/vietnamese.js';

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, exact and folded, in order (duplicates kept). */
export interface Tokens {
  exact: string[];
  folded: string[];
}

/**
 * Splits text into search tokens.
 * @example searchTokens('Đường dây nóng').folded // ['duong', 'day', 'nong']
 * @example searchTokens('Đường dây nóng').exact // ['đường', 'dây', 'nóng']
 */
export function searchTokens(text: string): Tokens {
  const exact = text.normalize('NFC').toLowerCase().match(WORD) ?? [];
  return { exact, folded: exact.map((w) => foldDiacritics(w)) };
}

/**
 * Plain text of a markdown body, for indexing and snippets: markup, links' targets and HTML tags removed.
 * @example markdownToText('**Một cửa** [xem](https://x.vn)') === 'Một cửa xem'
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
