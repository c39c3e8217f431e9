/**
 * Search over published articles: an in-memory index (@cchc/shared SearchIndex)
 * built from the database at start and kept current by the published-changes
 * middleware. One implementation for SQLite and PostgreSQL; see the README for why.
 */
import { SearchIndex, articleFilterOf, buildSnippet, markdownToText, type ArticleSummary, type SearchArticles } from '@cchc/shared';
import { toArticleSummary } from '../mappers/public.js';
import type { ArticleRecord } from '../repositories/records.js';

/** What a hit carries back: the list item and the text snippets are cut from. */
interface Payload {
  summary: ArticleSummary;
  text: string;
}

/** Collaborators of the search service. */
export interface SearchDeps {
  streamPublished: () => AsyncIterable<ArticleRecord[]>;
  /** Slugs of an agency and of the agencies merged into it. */
  agencyLineage: (slug: string) => Promise<string[]>;
  log: { info: (m: string) => void; error: (m: string) => void };
}

/** The index entry of an article. */
function toIndexed(row: ArticleRecord) {
  const text = `${row.summary ?? ''} ${markdownToText(row.body ?? '')}`.trim();
  const summary = toArticleSummary(row);
  return {
    key: row.documentId,
    title: row.title,
    text,
    time: Date.parse(summary.publicationDate),
    areas: summary.areas.map((a) => a.code),
    topics: summary.topics.map((t) => t.slug),
    agency: summary.agency?.slug ?? null,
    format: summary.format,
    featured: summary.featured,
    payload: { summary, text },
  };
}

/** Creates the search service. */
export function createSearchService({ streamPublished, agencyLineage, log }: SearchDeps) {
  let index = new SearchIndex<Payload>();
  let building: Promise<void> | null = null;
  let rebuildTimer: NodeJS.Timeout | null = null;

  /** Builds a fresh index and swaps it in when complete, so searches never see half an index. */
  async function rebuild(): Promise<void> {
    const started = Date.now();
    const next = new SearchIndex<Payload>();
    for await (const batch of streamPublished()) for (const row of batch) next.add(toIndexed(row));
    index = next;
    log.info(`[cchc] search index: ${next.size} articles in ${Date.now() - started} ms`);
  }

  /** Builds the index (once at a time). */
  function build(): Promise<void> {
    building ??= rebuild().finally(() => (building = null));
    return building;
  }

  return {
    build,

    /** Rebuilds a little later, once a burst of taxonomy edits is over (names appear in results). */
    scheduleRebuild(delayMs = 2000): void {
      if (rebuildTimer) clearTimeout(rebuildTimer);
      rebuildTimer = setTimeout(() => {
        rebuildTimer = null;
        build().catch((error: Error) => log.error(`[cchc] search index rebuild failed: ${error.message}`));
      }, delayMs);
      rebuildTimer.unref();
    },

    /** Indexes the published version of an article. */
    upsert(row: ArticleRecord): void {
      index.add(toIndexed(row));
    },

    /** Drops an article that is no longer published. */
    remove(documentId: string): void {
      index.remove(documentId);
    },

    /** Runs a validated query. */
    async search(query: SearchArticles.Query): Promise<SearchArticles.Response> {
      if (building) await building;
      const filters = articleFilterOf(query, query.agency ? await agencyLineage(query.agency) : undefined);
      const { page, pageSize } = query;
      const result = index.search(query.q, filters, (page - 1) * pageSize, pageSize);
      return {
        data: result.hits.map(({ document, exact }) => ({
          ...document.payload.summary,
          snippet: buildSnippet(document.payload.text, result.words),
          exact,
        })),
        meta: {
          pagination: { page, pageSize, pageCount: Math.ceil(result.total / pageSize), total: result.total },
          words: result.words,
        },
      };
    },
  };
}

/** The search service's interface. */
export type SearchService = ReturnType<typeof createSearchService>;
