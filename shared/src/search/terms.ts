/**
 * What the database's full-text index stores of an article, and what a query asks of it.
 * The Vietnamese rules live here, in plain TypeScript with unit tests, so that no database
 * extension is needed: every word is stored folded (diacritics removed, đ→d) for matching,
 * words that carry diacritics are also stored as written for ranking, and the title's words
 * once more for ranking. The plugin's search stores (PostgreSQL tsvector, SQLite FTS5) keep
 * these terms; the ranking below is the same on both.
 */
import type { ArticleFilter } from '../domain/article-filter.js';
import { searchTokens } from './tokens.js';

/** Deepest result a search ranks and counts; further pages are refused by the API, larger totals shown as "more than". */
export const MAX_SEARCH_RESULTS = 5000;

/**
 * Longest word kept, in characters: no Vietnamese or English word comes near it, and PostgreSQL refuses a
 * lexeme over 2,047 bytes (a 700-character run of Vietnamese letters), which would fail the publication.
 */
export const MAX_TERM_LENGTH = 64;
/** Most distinct words kept of one article (a tsvector holds at most 1 MB): far beyond any article's vocabulary. */
export const MAX_TERMS = 20_000;

const kept = (words: Iterable<string>): string[] => [...new Set(words)].filter((w) => w.length <= MAX_TERM_LENGTH).slice(0, MAX_TERMS);

/** The terms of an article, each list without duplicates. */
export interface DocumentTerms {
  /** Folded words of the title. */
  title: string[];
  /** Folded words of the title and the text. */
  words: string[];
  /** Words of the title and the text that carry diacritics, as written (lower case, NFC). */
  marked: string[];
}

/**
 * The terms of an article (words longer than MAX_TERM_LENGTH left out).
 * @example documentTerms('Đường dây nóng', 'Gọi 1022').marked // ['đường', 'dây', 'nóng']
 */
export function documentTerms(title: string, text: string): DocumentTerms {
  const t = searchTokens(title);
  const b = searchTokens(text);
  const marked = new Set<string>();
  for (const tokens of [t, b]) tokens.exact.forEach((word, i) => word !== tokens.folded[i] && marked.add(word));
  return { title: kept(t.folded), words: kept([...t.folded, ...b.folded]), marked: kept(marked) };
}

/** What a query asks: every folded word must match; its words with diacritics rank articles that have them as written. */
export interface QueryTerms {
  folded: string[];
  marked: string[];
}

/**
 * The terms of a query.
 * @example queryTerms('đường dây 1022') // { folded: ['duong', 'day', '1022'], marked: ['đường', 'dây'] }
 */
export function queryTerms(query: string): QueryTerms {
  const tokens = searchTokens(query);
  // A word longer than any kept cannot match: it is left out of the query, as it is of the articles.
  const folded = kept(tokens.folded);
  const plain = new Set(folded);
  return { folded, marked: kept(tokens.exact).filter((w) => !plain.has(w)) };
}

/**
 * A rank class: the articles matching every folded word that also have (true) or lack (false) the
 * query's marked words as written, and have or lack every query word in the title. Null: not asked.
 */
export interface RankClass {
  marked: boolean | null;
  title: boolean | null;
}

/**
 * The rank classes of a query, best first: exact diacritics, then title matches; inside a class the
 * most recent first. A query without diacritics matches every article "as written".
 */
export function rankClasses(terms: QueryTerms): RankClass[] {
  if (terms.marked.length === 0) return [{ marked: null, title: true }, { marked: null, title: false }];
  return [
    { marked: true, title: true },
    { marked: true, title: false },
    { marked: false, title: true },
    { marked: false, title: false },
  ];
}

/** True when a hit of this class carries the query's diacritics. */
export const isExactClass = (rank: RankClass): boolean => rank.marked !== false;

/** What the filters of a search read of an article, stored beside its terms. */
export interface ArticleFacets {
  areas: readonly string[];
  topics: readonly string[];
  agency: string | null;
  format: string;
  featured: boolean;
}

/** Facet terms: each with a prefix ending in `:`, which no word has, so that a facet never meets a word. */
export const FACET = {
  area: (code: string) => `a:${code}`,
  topic: (slug: string) => `t:${slug}`,
  agency: (slug: string) => `g:${slug}`,
  format: (format: string) => `f:${format}`,
  featured: 'x:featured',
} as const;

/** The facet terms of an article. */
export function facetTerms(f: ArticleFacets): string[] {
  return [
    ...f.areas.map(FACET.area),
    ...f.topics.map(FACET.topic),
    ...(f.agency ? [FACET.agency(f.agency)] : []),
    FACET.format(f.format),
    ...(f.featured ? [FACET.featured] : []),
  ];
}

/** A filter as facet conditions: each group is "any of these terms"; `featured` asks for the term or its absence. */
export interface FacetConditions {
  anyOf: string[][];
  featured?: boolean;
}

/** The facet conditions of an article filter (its time range is kept apart: the stores sort and bound by time). */
export function facetConditions(filter: ArticleFilter): FacetConditions {
  const anyOf: string[][] = [];
  if (filter.areas) anyOf.push(filter.areas.map(FACET.area));
  if (filter.topics) anyOf.push(filter.topics.map(FACET.topic));
  if (filter.agencies) anyOf.push(filter.agencies.map(FACET.agency));
  if (filter.formats) anyOf.push(filter.formats.map(FACET.format));
  return { anyOf, ...(filter.featured !== undefined ? { featured: filter.featured } : {}) };
}
