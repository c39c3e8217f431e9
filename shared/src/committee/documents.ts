/**
 * Steering documents: their URL slug and the diacritic-insensitive match of a
 * search on number and abstract ("ke hoach truyen thong" finds "Kế hoạch truyền thông").
 */
import { foldForSearch, slugify } from '../text/vietnamese.js';

/**
 * A document's slug: its number and year, since numbers restart every year.
 * @example documentSlug('854/QĐ-UBND', '2024-03-14') === '854-qd-ubnd-2024'
 */
export function documentSlug(number: string, issuedOn: string): string {
  const base = slugify(number, 100) || 'van-ban';
  const year = /^\d{4}/.exec(issuedOn)?.[0];
  return year && !base.endsWith(`-${year}`) ? `${base}-${year}` : base;
}

/** The words of a search, folded; empty when the search is blank. */
export function documentQueryTerms(query: string | undefined): string[] {
  return foldForSearch(query ?? '').split(' ').filter(Boolean);
}

/**
 * True when every term occurs in the document's number or abstract (folded, so
 * with or without diacritics, any case).
 * @example documentMatches(['ke', 'hoach'], { number: '854/QĐ-UBND', abstract: 'Kế hoạch truyền thông' }) === true
 */
export function documentMatches(terms: readonly string[], doc: { number: string; abstract: string }): boolean {
  if (terms.length === 0) return true;
  const haystack = foldForSearch(`${doc.number} ${doc.abstract}`);
  return terms.every((term) => haystack.includes(term));
}
