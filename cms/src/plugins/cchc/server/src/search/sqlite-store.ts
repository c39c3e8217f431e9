/**
 * The SQLite store: an FTS5 table (built into SQLite) with four columns, the folded words,
 * the title's folded words, the marked words and the facets, whose rowid is the entry's
 * sort key (publication time in milliseconds × 1000 + a slot), so that FTS5 itself returns
 * the newest matches first and bounds a year or a quarter by rowid.
 */
import type { Knex } from 'knex';
import { FACET, type FacetConditions, type QueryTerms, type RankClass } from '@cchc/shared';
import { ENTRY_TABLE, type SearchStore, type StoreMatch } from './store.js';

export const FTS_TABLE = 'cchc_search_fts';
/** Articles that may share one publication millisecond. */
const SLOTS = 1000;

const phrase = (term: string) => `"${term.replace(/"/g, '""')}"`;
const column = (name: string, terms: readonly string[], join: 'AND' | 'OR' = 'AND') => `${name} : (${terms.map(phrase).join(` ${join} `)})`;

/** The FTS5 query of a match; null when it can match nothing (an empty facet group). */
export function ftsQueryOf(terms: QueryTerms, facets: FacetConditions, rank?: RankClass): string | null {
  if (terms.folded.length === 0 || facets.anyOf.some((group) => group.length === 0)) return null;
  // The title's words are among the words: asking for them in the title alone reads far shorter lists.
  const required = rank?.title === true ? [] : [column('words', terms.folded)];
  const excluded: string[] = [];
  if (rank) {
    if (rank.title !== null) (rank.title ? required : excluded).push(column('title', terms.folded));
    if (rank.marked !== null) (rank.marked ? required : excluded).push(column('marked', terms.marked));
  }
  for (const group of facets.anyOf) required.push(column('facets', group, 'OR'));
  if (facets.featured !== undefined) (facets.featured ? required : excluded).push(column('facets', [FACET.featured]));
  return `(${required.join(') AND (')})${excluded.map((e) => ` NOT (${e})`).join('')}`;
}

/** Creates the SQLite store. */
export function createSqliteStore(): SearchStore {
  const bounds = (match: StoreMatch): [number, number] => [
    match.from !== undefined ? match.from * SLOTS : Number.MIN_SAFE_INTEGER,
    match.to !== undefined ? match.to * SLOTS : Number.MAX_SAFE_INTEGER,
  ];
  return {
    dialect: 'sqlite',

    async ensureSchema(db) {
      if (!(await db.schema.hasTable(ENTRY_TABLE))) {
        await db.schema.createTable(ENTRY_TABLE, (t) => {
          t.string('document_id', 64).primary();
          t.integer('article_id').notNullable().index(`${ENTRY_TABLE}_article`);
          t.bigInteger('sort_key').notNullable().unique();
          t.text('text').notNullable();
        });
      }
      await db.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS_TABLE} USING fts5(title, words, marked, facets, tokenize = "unicode61 remove_diacritics 0 tokenchars ':-_'", detail = column)`);
    },

    async write(db, entry) {
      await this.remove(db, entry.documentId);
      const base = entry.time * SLOTS;
      const taken = (await db(ENTRY_TABLE).max({ key: 'sort_key' }).where('sort_key', '>=', base).andWhere('sort_key', '<', base + SLOTS).first()) as { key: number | null } | undefined;
      const key = taken?.key == null ? base : Number(taken.key) + 1;
      if (key >= base + SLOTS) throw new Error(`more than ${SLOTS} articles published at ${new Date(entry.time).toISOString()}`);
      await db(ENTRY_TABLE).insert({ document_id: entry.documentId, article_id: entry.articleId, sort_key: key, text: entry.text });
      await db.raw(`INSERT INTO ${FTS_TABLE} (rowid, title, words, marked, facets) VALUES (?, ?, ?, ?, ?)`, [
        key,
        entry.terms.title.join(' '),
        entry.terms.words.join(' '),
        entry.terms.marked.join(' '),
        entry.facets.join(' '),
      ]);
    },

    async remove(db, documentId, articleId) {
      const row = (await db(ENTRY_TABLE)
        .select('sort_key')
        .where({ document_id: documentId, ...(articleId === undefined ? {} : { article_id: articleId }) })
        .first()) as { sort_key: number } | undefined;
      if (!row) return;
      await db.raw(`DELETE FROM ${FTS_TABLE} WHERE rowid = ?`, [row.sort_key]);
      await db(ENTRY_TABLE).where({ sort_key: row.sort_key }).delete();
    },

    async count(db, match, cap) {
      const query = ftsQueryOf(match.terms, match.facets);
      if (query === null) return 0;
      const [low, high] = bounds(match);
      const rows = (await db.raw(`SELECT count(*) AS n FROM (SELECT rowid FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ? AND rowid >= ? AND rowid < ? LIMIT ?)`, [query, low, high, cap + 1])) as Array<{ n: number }>;
      return Number(rows[0]?.n ?? 0);
    },

    async exists(db, match) {
      const query = ftsQueryOf(match.terms, match.facets, match.rank);
      if (query === null) return false;
      const [low, high] = bounds(match);
      const rows = (await db.raw(`SELECT rowid FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ? AND rowid >= ? AND rowid < ? LIMIT 1`, [query, low, high])) as unknown[];
      return rows.length > 0;
    },

    async newest(db, match, limit) {
      const query = ftsQueryOf(match.terms, match.facets, match.rank);
      if (query === null || limit <= 0) return [];
      const [low, high] = bounds(match);
      const keys = ((await db.raw(`SELECT rowid AS k FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH ? AND rowid >= ? AND rowid < ? ORDER BY rowid DESC LIMIT ?`, [query, low, high, limit])) as Array<{ k: number }>).map((r) => Number(r.k));
      if (keys.length === 0) return [];
      const ids = new Map<number, string>();
      for (let i = 0; i < keys.length; i += 500) {
        const found = (await db(ENTRY_TABLE).select('sort_key', 'document_id').whereIn('sort_key', keys.slice(i, i + 500))) as Array<{ sort_key: number; document_id: string }>;
        for (const r of found) ids.set(Number(r.sort_key), r.document_id);
      }
      return keys.map((k) => ids.get(k)).filter((id): id is string => id !== undefined);
    },

    async texts(db, documentIds) {
      if (documentIds.length === 0) return new Map();
      const rows = (await db(ENTRY_TABLE).select('document_id', 'text').whereIn('document_id', [...documentIds])) as Array<{ document_id: string; text: string }>;
      return new Map(rows.map((r) => [r.document_id, r.text]));
    },

    async read(db, work) {
      return work(db);
    },
  };
}
