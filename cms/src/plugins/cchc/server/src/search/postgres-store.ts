/**
 * The PostgreSQL store: one tsvector per article holding its folded words, its marked words
 * (prefixed `=`), its title words (prefixed `^`) and its facets (`a:…`, `g:…`), built with
 * array_to_tsvector from the terms computed in TypeScript, so no text-search configuration
 * or extension is involved; a GIN index over it and a b-tree over the publication time.
 *
 * The newest matches of a class come from a walk down the time index while matches are
 * dense (a few hundred rows at most), else from the GIN index and a sort: the planner's
 * estimate for several correlated words is too far off to leave that choice to it.
 */
import type { Knex } from 'knex';
import { FACET, type FacetConditions, type QueryTerms, type RankClass } from '@cchc/shared';
import { ENTRY_TABLE, entryTable, type SearchEntry, type SearchStore, type StoreMatch } from './store.js';

/** A lexeme quoted for tsquery input. */
const lexeme = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const allOf = (terms: readonly string[]) => terms.map(lexeme).join(' & ');

/** The lexemes of an entry. */
export function entryLexemes(entry: Pick<SearchEntry, 'terms' | 'facets'>): string[] {
  return [...entry.terms.words, ...entry.terms.title.map((w) => `^${w}`), ...entry.terms.marked.map((w) => `=${w}`), ...entry.facets];
}

/** The tsquery of a match; null when it can match nothing (an empty facet group). */
export function tsqueryOf(terms: QueryTerms, facets: FacetConditions, rank?: RankClass): string | null {
  if (terms.folded.length === 0 || facets.anyOf.some((group) => group.length === 0)) return null;
  const parts = [allOf(terms.folded)];
  if (rank) {
    if (rank.title !== null) {
      const title = `(${allOf(terms.folded.map((w) => `^${w}`))})`;
      parts.push(rank.title ? title : `!${title}`);
    }
    if (rank.marked !== null) {
      const marked = `(${allOf(terms.marked.map((w) => `=${w}`))})`;
      parts.push(rank.marked ? marked : `!${marked}`);
    }
  }
  for (const group of facets.anyOf) parts.push(`(${group.map(lexeme).join(' | ')})`);
  if (facets.featured !== undefined) parts.push(facets.featured ? lexeme(FACET.featured) : `!${lexeme(FACET.featured)}`);
  return parts.join(' & ');
}

/** Rows a walk down the time index may read before the GIN index is used instead. */
const walkBudget = (limit: number) => Math.max(300, limit * 30);

/** Creates the PostgreSQL store. */
export function createPostgresStore(schema: string | undefined): SearchStore {
  const table = entryTable(schema);
  const range = (match: StoreMatch): { sql: string; bindings: number[] } => {
    const sql: string[] = [];
    const bindings: number[] = [];
    if (match.from !== undefined) (sql.push('published_time >= ?'), bindings.push(match.from));
    if (match.to !== undefined) (sql.push('published_time < ?'), bindings.push(match.to));
    return { sql: sql.length > 0 ? sql.join(' AND ') : 'TRUE', bindings };
  };
  return {
    dialect: 'postgres',

    async ensureSchema(db) {
      const builder = () => (schema ? db.schema.withSchema(schema) : db.schema);
      if (!(await builder().hasTable(ENTRY_TABLE))) await builder().createTable(ENTRY_TABLE, (t) => {
        t.string('document_id', 64).primary();
        t.integer('article_id').notNullable().index(`${ENTRY_TABLE}_article`);
        t.bigInteger('published_time').notNullable();
        t.text('text').notNullable();
        t.specificType('terms', 'tsvector').notNullable();
      });
      // Also when a start died between the table and its indexes.
      await db.raw(`CREATE INDEX IF NOT EXISTS ${ENTRY_TABLE}_terms ON ${table} USING gin (terms)`);
      await db.raw(`CREATE INDEX IF NOT EXISTS ${ENTRY_TABLE}_time ON ${table} (published_time DESC, document_id DESC)`);
    },

    async write(db, entry) {
      await db.raw(
        `INSERT INTO ${table} (document_id, article_id, published_time, text, terms) VALUES (?, ?, ?, ?, array_to_tsvector(?::text[]))
         ON CONFLICT (document_id) DO UPDATE SET article_id = excluded.article_id, published_time = excluded.published_time, text = excluded.text, terms = excluded.terms`,
        [entry.documentId, entry.articleId, entry.time, entry.text, entryLexemes(entry)],
      );
    },

    async remove(db, documentId, articleId) {
      if (articleId === undefined) await db.raw(`DELETE FROM ${table} WHERE document_id = ?`, [documentId]);
      else await db.raw(`DELETE FROM ${table} WHERE document_id = ? AND article_id = ?`, [documentId, articleId]);
    },

    async count(db, match, cap) {
      const query = tsqueryOf(match.terms, match.facets);
      if (query === null) return 0;
      const r = range(match);
      const result = await db.raw(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${table} WHERE terms @@ ?::tsquery AND ${r.sql} LIMIT ?) AS matches`, [query, ...r.bindings, cap + 1]);
      return (result.rows[0] as { n: number }).n;
    },

    async newest(db, match, limit) {
      const query = tsqueryOf(match.terms, match.facets, match.rank);
      if (query === null || limit <= 0) return [];
      const r = range(match);
      const ids = (result: { rows: Array<{ document_id: string }> }): string[] => result.rows.map((row) => row.document_id);
      if (limit <= 100) {
        // Dense matches: the newest few hundred rows in range hold the page.
        const walked = ids(
          await db.raw(
            `SELECT document_id FROM (SELECT document_id, terms, published_time FROM ${table} WHERE ${r.sql} ORDER BY published_time DESC, document_id DESC LIMIT ?) AS recent
             WHERE terms @@ ?::tsquery ORDER BY published_time DESC, document_id DESC LIMIT ?`,
            [...r.bindings, walkBudget(limit), query, limit],
          ),
        );
        if (walked.length === limit) return walked;
      }
      // Sparse matches (or a deep page): every match from the GIN index, then the newest (`+ 0` keeps the time index out).
      return ids(
        await db.raw(`SELECT document_id FROM ${table} WHERE terms @@ ?::tsquery AND ${r.sql} ORDER BY published_time + 0 DESC, document_id DESC LIMIT ?`, [query, ...r.bindings, limit]),
      );
    },

    async texts(db, documentIds) {
      if (documentIds.length === 0) return new Map();
      const result = await db.raw(`SELECT document_id, text FROM ${table} WHERE document_id = ANY(?)`, [documentIds as string[]]);
      return new Map((result.rows as Array<{ document_id: string; text: string }>).map((row) => [row.document_id, row.text]));
    },

    async read(db, work) {
      // A sequential scan evaluates every row's tsvector; the GIN index never needs to.
      return db.transaction(async (trx) => {
        await trx.raw('SET LOCAL enable_seqscan = off');
        return work(trx);
      });
    },
  };
}
