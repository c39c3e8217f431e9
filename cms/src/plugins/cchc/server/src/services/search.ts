/**
 * Search over published articles, inside the database: the plugin's search store (PostgreSQL
 * tsvector + GIN, or SQLite FTS5; see search/) is written in the transaction that publishes,
 * unpublishes or deletes an article, so every CMS instance answers the same as soon as it
 * commits, and nothing is built at start. Start-up only catches up with what was written
 * without the plugin (the seed, a restore, an older version): the published rows that have
 * no entry, and entries whose published row is gone, found by two anti-joins.
 */
import type { Knex } from 'knex';
import { articleFilterOf, buildSnippet, documentTerms, facetTerms, markdownToText, queryTerms, type SearchArticles } from '@cchc/shared';
import { toArticleSummary } from '../mappers/public.js';
import type { IndexedArticle } from '../repositories/articles.js';
import type { ArticleRecord } from '../repositories/records.js';
import { searchPage } from '../search/engine.js';
import { entryTable, type SearchEntry, type SearchStore } from '../search/store.js';

/** Collaborators of the search service. */
export interface SearchDeps {
  store: SearchStore;
  /** The connection, outside any transaction. */
  db: () => Knex;
  /** Runs `work` in a transaction, joining the one under way (a publication's). */
  transaction: <T>(work: (trx: Knex.Transaction) => Promise<T>) => Promise<T>;
  /** Schema of the plugin's tables, when the connection has one. */
  schema: string | undefined;
  /** The articles table and its columns, for the catch-up at start. */
  articleTable: { name: string; id: string; documentId: string; publishedAt: string };
  articles: {
    findPublishedForIndex(documentId: string): Promise<IndexedArticle | null>;
    findPublishedForIndexMany(documentIds: readonly string[]): Promise<IndexedArticle[]>;
    findPublishedByDocumentIds(documentIds: readonly string[]): Promise<ArticleRecord[]>;
    streamPublished(): AsyncIterable<IndexedArticle[]>;
  };
  /** Slugs of an agency and of the agencies merged into it. */
  agencyLineage: (slug: string) => Promise<string[]>;
  log: { info: (m: string) => void; error: (m: string) => void };
}

/** The store entry of a published article. */
export function entryOf({ articleId, record }: IndexedArticle): SearchEntry {
  const summary = toArticleSummary(record);
  const text = `${record.summary ?? ''} ${markdownToText(record.body ?? '')}`.trim();
  return {
    documentId: record.documentId,
    articleId,
    time: Date.parse(summary.publicationDate),
    terms: documentTerms(record.title, text),
    facets: facetTerms({
      areas: summary.areas.map((a) => a.code),
      topics: summary.topics.map((t) => t.slug),
      agency: summary.agency?.slug ?? null,
      format: summary.format,
      featured: summary.featured,
    }),
    text,
  };
}

/** Creates the search service. */
export function createSearchService(deps: SearchDeps) {
  const { store, db, transaction, articles, log } = deps;
  const entries = entryTable(deps.schema);
  let reindexTimer: NodeJS.Timeout | null = null;
  let reindexing: Promise<void> | null = null;
  let reindexAgain = false;

  /** Writes the current published version of an article, or removes its entry; in the transaction under way. */
  async function index(documentId: string): Promise<ArticleRecord | null> {
    const published = await articles.findPublishedForIndex(documentId);
    await transaction((trx) => (published ? store.write(trx, entryOf(published)) : store.remove(trx, documentId)));
    return published?.record ?? null;
  }

  /** Re-writes every entry (area codes, agency slugs may have changed), a batch per transaction. */
  async function reindexAll(): Promise<void> {
    const started = Date.now();
    let count = 0;
    for await (const batch of articles.streamPublished()) {
      await transaction(async (trx) => {
        for (const article of batch) await store.write(trx, entryOf(article));
      });
      count += batch.length;
    }
    log.info(`[cchc] search: ${count} articles re-indexed in ${Date.now() - started} ms`);
  }

  /**
   * Catches up with writes made without the plugin: published rows without an entry (seeded, restored, imported),
   * entries whose published row is gone. Reads two anti-joins; writes only what differs.
   */
  async function catchUp(): Promise<{ indexed: number; removed: number }> {
    const started = Date.now();
    const a = deps.articleTable;
    const missing = (await db()(`${a.name} as a`)
      .leftJoin(`${entries} as s`, 's.article_id', `a.${a.id}`)
      .whereNotNull(`a.${a.publishedAt}`)
      .whereNull('s.document_id')
      .select({ documentId: `a.${a.documentId}` })) as Array<{ documentId: string }>;
    const orphans = (await db()(`${entries} as s`)
      .leftJoin(`${a.name} as a`, function join() {
        this.on(`a.${a.id}`, '=', 's.article_id').andOnNotNull(`a.${a.publishedAt}`);
      })
      .whereNull(`a.${a.id}`)
      .select({ documentId: 's.document_id', articleId: 's.article_id' })) as Array<{ documentId: string; articleId: number }>;
    // Only the entry as read: if the article was published again meanwhile, its new entry stays.
    for (const { documentId, articleId } of orphans) await transaction((trx) => store.remove(trx, documentId, Number(articleId)));
    const ids = [...new Set(missing.map((m) => m.documentId))];
    for (let i = 0; i < ids.length; i += 200) {
      const batch = await articles.findPublishedForIndexMany(ids.slice(i, i + 200));
      await transaction(async (trx) => {
        for (const article of batch) await store.write(trx, entryOf(article));
      });
    }
    log.info(`[cchc] search catch-up: ${missing.length} entries written, ${orphans.length} removed, in ${Date.now() - started} ms`);
    return { indexed: missing.length, removed: orphans.length };
  }

  return {
    /** Creates the store's tables when missing. */
    ensureSchema: () => store.ensureSchema(db()),

    index,

    catchUp,

    /**
     * Re-indexes everything a little later, once a burst of taxonomy edits is over; one run at a time (an edit during a
     * run asks for one more). Each run ends with the catch-up, which drops the entry of an article unpublished while the
     * run had it in hand.
     */
    scheduleReindex(delayMs = 2000): void {
      if (reindexTimer) clearTimeout(reindexTimer);
      reindexTimer = setTimeout(() => {
        reindexTimer = null;
        if (reindexing) {
          reindexAgain = true;
          return;
        }
        reindexing = (async () => {
          do {
            reindexAgain = false;
            await reindexAll();
            await catchUp();
          } while (reindexAgain);
        })()
          .catch((error: Error) => log.error(`[cchc] search re-index failed: ${error.message}`))
          .finally(() => (reindexing = null));
      }, delayMs);
      reindexTimer.unref();
    },

    /** Runs a validated query. */
    async search(query: SearchArticles.Query): Promise<SearchArticles.Response> {
      const filter = articleFilterOf(query, query.agency ? await deps.agencyLineage(query.agency) : undefined);
      const terms = queryTerms(query.q);
      const { page, pageSize } = query;
      const result = await searchPage(store, db(), terms, filter, (page - 1) * pageSize, pageSize);
      const records = new Map((await articles.findPublishedByDocumentIds(result.hits.map((h) => h.documentId))).map((r) => [r.documentId, r]));
      return {
        data: result.hits.flatMap((hit) => {
          const record = records.get(hit.documentId);
          return record ? [{ ...toArticleSummary(record), snippet: buildSnippet(hit.text, terms.folded), exact: hit.exact }] : [];
        }),
        meta: {
          pagination: { page, pageSize, pageCount: Math.ceil(result.total / pageSize), total: result.total },
          totalCapped: result.capped,
          words: terms.folded,
        },
      };
    },
  };
}

/** The search service's interface. */
export type SearchService = ReturnType<typeof createSearchService>;
