/**
 * Published pieces, counted by group: the one shape in which the CMS hands published
 * articles to the compliance report and the plan tracker (both only count them).
 */
import type { Quarter } from '../time/quarters.js';
import type { ArticleFormat } from './formats.js';

/** How many published pieces share a quarter, format, sending agency, set of areas and set of topics. */
export interface PublishedTally {
  year: number;
  quarter: Quarter;
  format: ArticleFormat;
  /** The sending agency's slug; null when the piece names none. */
  agency: string | null;
  /** Codes of the piece's reform areas. */
  areas: readonly string[];
  /** Slugs of the piece's topics. */
  topics: readonly string[];
  count: number;
}
