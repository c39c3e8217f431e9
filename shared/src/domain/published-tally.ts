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

/** Published pieces counted by agency and format (every area together). */
export type FormatTally = Pick<PublishedTally, 'agency' | 'format' | 'count'>;
/** Published pieces counted by agency and set of areas (every format together). */
export type AreaSetTally = Pick<PublishedTally, 'agency' | 'areas' | 'count'>;

/**
 * The two views of a quarter's tallies the compliance report reads (the CMS has its
 * database add them up; tests derive them from tallies with this).
 */
export function reportTallies(tallies: readonly PublishedTally[]): { byFormat: FormatTally[]; byAreas: AreaSetTally[] } {
  const byFormat = new Map<string, FormatTally>();
  const byAreas = new Map<string, AreaSetTally>();
  for (const t of tallies) {
    const f = `${t.agency}|${t.format}`;
    byFormat.set(f, { agency: t.agency, format: t.format, count: (byFormat.get(f)?.count ?? 0) + t.count });
    const a = `${t.agency}|${[...t.areas].sort().join(',')}`;
    byAreas.set(a, { agency: t.agency, areas: t.areas, count: (byAreas.get(a)?.count ?? 0) + t.count });
  }
  return { byFormat: [...byFormat.values()], byAreas: [...byAreas.values()] };
}
