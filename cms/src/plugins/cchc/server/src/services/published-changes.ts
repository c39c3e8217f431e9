/**
 * What follows a change the public can see, once committed (the search store is written in the
 * change's own transaction, by the middleware): the CMS's
 * cached aggregate answers are dropped, and the sites purge the cached pages that showed the article (before and after the change,
 * so a move between areas purges both), or everything after a taxonomy edit.
 */
import { TAG, articleTags } from '@cchc/shared';
import type { ArticleRecord } from '../repositories/records.js';
import type { ResponseCache } from './response-cache.js';
import type { SearchService } from './search.js';
import type { SitePurgeService } from './site-purge.js';

/** Cache tags of a published article. */
function tagsOf(row: ArticleRecord): string[] {
  return articleTags({
    slug: row.slug,
    format: row.format,
    areas: (row.areas ?? []).map((a) => a.code),
    topics: (row.topics ?? []).map((t) => t.slug),
    agency: row.agency?.slug ?? null,
  });
}

/** Creates the service. */
export function createPublishedChangesService({ search, purge, responses, warn }: { search: SearchService; purge: SitePurgeService; responses: ResponseCache; warn: (m: string) => void }) {
  /** Purges in the background: an editor's request does not wait for the sites. The CMS's own aggregated answers go at once. */
  const purgeLater = (tags: string[]) => {
    responses.clear();
    if (purge.enabled && tags.length > 0) purge.purge(tags).catch((error: Error) => warn(`[cchc] purge failed: ${error.message}`));
  };
  return {
    /** An article's published version went from `before` to `after` (null: none); its search entry is already written. */
    articleChanged(documentId: string, before: ArticleRecord | null, after: ArticleRecord | null): void {
      purgeLater([...(before ? tagsOf(before) : []), ...(after ? tagsOf(after) : [])]);
    },
    /** The Steering Committee website's content changed: its pages are few, purge them all. */
    committeeChanged(): void {
      purgeLater([TAG.committee]);
    },
    /** A contest, round or question changed: the contest's cached pages (list, rules, results) may have. */
    contestChanged(): void {
      purgeLater([TAG.contest]);
    },
    /** A reform area, topic, agency or plan changed: names shown on every page may have, and (not for a plan) codes the search filters on. */
    taxonomyChanged(searchFacets = true): void {
      if (searchFacets) search.scheduleReindex();
      purgeLater([TAG.taxonomy]);
    },
  };
}

/** The service's interface. */
export type PublishedChangesService = ReturnType<typeof createPublishedChangesService>;
