/**
 * The one filter of published articles: what a list (the public API's /articles, the
 * home page's rows), the search and the committee's news ask for. Built from a
 * validated query by `articleFilterOf`; the repository turns it into a database
 * filter, the search stores into facet conditions (`facetConditions`).
 */
import { quarterInterval, yearInterval, type Quarter } from '../time/quarters.js';

export interface ArticleFilter {
  /** The article has one of these reform areas. */
  areas?: readonly string[];
  /** The article has one of these topics. */
  topics?: readonly string[];
  /** The article's agency is one of these (an agency and those merged into it). */
  agencies?: readonly string[];
  formats?: readonly string[];
  featured?: boolean;
  /** Publication time in [from, to), in milliseconds. */
  from?: number;
  to?: number;
}

/** The filter parameters of the list and search queries, validated. */
export interface ArticleFilterQuery {
  area?: string | undefined;
  topic?: string | undefined;
  format?: readonly string[] | undefined;
  featured?: 'true' | 'false' | undefined;
  year?: number | undefined;
  quarter?: number | undefined;
}

/**
 * The filter of a validated query; `agencies` is the asked agency's lineage, when one was asked.
 * @example articleFilterOf({ area: 'the-che', year: 2024, quarter: 2 }).from === Date.parse('2024-03-31T17:00:00Z')
 */
export function articleFilterOf(query: ArticleFilterQuery, agencies?: readonly string[]): ArticleFilter {
  const filter: ArticleFilter = {};
  if (query.area) filter.areas = [query.area];
  if (query.topic) filter.topics = [query.topic];
  if (agencies) filter.agencies = agencies;
  if (query.format) filter.formats = query.format;
  if (query.featured) filter.featured = query.featured === 'true';
  if (query.year !== undefined) {
    const { start, end } = query.quarter !== undefined ? quarterInterval(query.year, query.quarter as Quarter) : yearInterval(query.year);
    filter.from = start.getTime();
    filter.to = end.getTime();
  }
  return filter;
}

/** The facts of an article the filter reads. */
export interface FilteredArticle {
  areas: readonly string[];
  topics: readonly string[];
  agency: string | null;
  format: string;
  featured: boolean;
  /** Publication time, in milliseconds. */
  time: number;
}

/** True when the article passes every criterion the filter sets. */
export function passesFilter(filter: ArticleFilter, article: FilteredArticle): boolean {
  if (filter.areas && !filter.areas.some((a) => article.areas.includes(a))) return false;
  if (filter.topics && !filter.topics.some((t) => article.topics.includes(t))) return false;
  if (filter.agencies && (article.agency === null || !filter.agencies.includes(article.agency))) return false;
  if (filter.formats && !filter.formats.includes(article.format)) return false;
  if (filter.featured !== undefined && article.featured !== filter.featured) return false;
  if (filter.from !== undefined && article.time < filter.from) return false;
  if (filter.to !== undefined && article.time >= filter.to) return false;
  return true;
}
