/**
 * The full-text store of published articles, kept by the database itself: a PostgreSQL
 * tsvector with a GIN index, or a SQLite FTS5 table. Both store the same terms
 * (`@cchc/shared` documentTerms and facetTerms) beside the plugin's own table
 * `cchc_search_entries`, written in the transaction that publishes or unpublishes.
 */
import type { Knex } from 'knex';
import type { DocumentTerms, FacetConditions, QueryTerms, RankClass } from '@cchc/shared';

/** The entries table, shared by both stores: one row per published article. */
export const ENTRY_TABLE = 'cchc_search_entries';

/** What the store keeps of a published article. */
export interface SearchEntry {
  documentId: string;
  /** Row id of the published version (a new one at each publication): how start-up finds what changed while no CMS wrote here. */
  articleId: number;
  /** Publication time, in milliseconds. */
  time: number;
  terms: DocumentTerms;
  facets: string[];
  /** Summary and body as plain text, for snippets. */
  text: string;
}

/** What a store query asks: every folded word, the facet conditions, a time range, and optionally one rank class. */
export interface StoreMatch {
  terms: QueryTerms;
  rank?: RankClass;
  facets: FacetConditions;
  from?: number | undefined;
  to?: number | undefined;
}

/** One database's full-text store. Every method runs on the connection or transaction given. */
export interface SearchStore {
  readonly dialect: 'postgres' | 'sqlite';
  /** Creates the tables and indexes when missing. */
  ensureSchema(db: Knex): Promise<void>;
  /** Writes (or replaces) an article's entry. */
  write(db: Knex | Knex.Transaction, entry: SearchEntry): Promise<void>;
  /** Removes an article's entry (no-op when absent); with `articleId`, only if the entry is of that published row. */
  remove(db: Knex | Knex.Transaction, documentId: string, articleId?: number): Promise<void>;
  /** How many articles match, counting no further than `cap` + 1. */
  count(db: Knex | Knex.Transaction, match: StoreMatch, cap: number): Promise<number>;
  /**
   * Whether any article matches; a store offers it when asking is far cheaper than reading a rank class that turns out
   * empty (SQLite FTS5, whose AND walks every operand's list), so that the engine skips such classes.
   */
  exists?(db: Knex | Knex.Transaction, match: StoreMatch): Promise<boolean>;
  /** The document ids of the `limit` most recent matches, most recent first. */
  newest(db: Knex | Knex.Transaction, match: StoreMatch, limit: number): Promise<string[]>;
  /** The stored text of these articles (for snippets), by document id. */
  texts(db: Knex | Knex.Transaction, documentIds: readonly string[]): Promise<Map<string, string>>;
  /** Runs a search's reads with the settings the store wants (a read transaction where that helps the planner). */
  read<T>(db: Knex, work: (db: Knex | Knex.Transaction) => Promise<T>): Promise<T>;
}

/** Entry table name, schema-qualified when the connection has a schema. */
export const entryTable = (schema: string | undefined) => (schema ? `${schema}.${ENTRY_TABLE}` : ENTRY_TABLE);
