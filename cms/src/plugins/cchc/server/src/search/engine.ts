/**
 * One page of ranked search results from a store: the rank classes of the query in order
 * (exact diacritics, then title matches), each read newest first, until the page is full;
 * the total counted up to MAX_SEARCH_RESULTS. The same on PostgreSQL and SQLite.
 */
import type { Knex } from 'knex';
import { MAX_SEARCH_RESULTS, facetConditions, isExactClass, rankClasses, type ArticleFilter, type QueryTerms, type RankClass } from '@cchc/shared';
import type { SearchStore, StoreMatch } from './store.js';

/** A ranked hit, with its stored text. */
export interface EngineHit {
  documentId: string;
  text: string;
  /** True when the article has the query's words with their diacritics. */
  exact: boolean;
}

/** A page of hits, and how many articles match (at most MAX_SEARCH_RESULTS; `capped` when there are more). */
export interface EnginePage {
  total: number;
  capped: boolean;
  hits: EngineHit[];
}

/**
 * The rank classes worth reading, with the exactness of their hits: where the store can tell cheaply that no article
 * has the query's words in its title, or none has its diacritics as written, the classes asking for them are dropped,
 * and the others no longer ask for their absence (the same articles, read without a NOT).
 */
async function classesToRead(store: SearchStore, db: Knex | Knex.Transaction, terms: QueryTerms, base: Omit<StoreMatch, 'rank'>): Promise<Array<{ rank: RankClass; exact: boolean }>> {
  const classes = rankClasses(terms).map((rank) => ({ rank, exact: isExactClass(rank) }));
  if (!store.exists) return classes;
  const titled = await store.exists(db, { ...base, rank: { marked: null, title: true } });
  const marked = terms.marked.length > 0 && (await store.exists(db, { ...base, rank: { marked: true, title: null } }));
  return classes
    .filter(({ rank }) => !(rank.title === true && !titled) && !(rank.marked === true && !marked))
    .map(({ rank, exact }) => ({ rank: { marked: marked ? rank.marked : null, title: titled ? rank.title : null }, exact }));
}

/** Searches `store` for the articles matching `terms` and `filter`; `offset` and `limit` select the page. */
export async function searchPage(store: SearchStore, db: Knex, terms: QueryTerms, filter: ArticleFilter, offset: number, limit: number): Promise<EnginePage> {
  if (terms.folded.length === 0) return { total: 0, capped: false, hits: [] };
  const base = { terms, facets: facetConditions(filter), from: filter.from, to: filter.to };
  const wanted = Math.min(offset + limit, MAX_SEARCH_RESULTS);
  return store.read(db, async (reader) => {
    // Ids only while ranking (a deep page reads up to MAX_SEARCH_RESULTS of them); the text of the shown page alone.
    const ranked: Array<{ documentId: string; exact: boolean }> = [];
    for (const { rank, exact } of await classesToRead(store, reader, terms, base)) {
      if (ranked.length >= wanted) break;
      for (const documentId of await store.newest(reader, { ...base, rank }, wanted - ranked.length)) ranked.push({ documentId, exact });
    }
    // A short last page tells the total without counting.
    const counted = ranked.length < wanted ? ranked.length : await store.count(reader, base, MAX_SEARCH_RESULTS);
    const page = ranked.slice(offset, wanted);
    const texts = await store.texts(reader, page.map((hit) => hit.documentId));
    return {
      total: Math.min(counted, MAX_SEARCH_RESULTS),
      capped: counted > MAX_SEARCH_RESULTS,
      hits: page.map((hit) => ({ ...hit, text: texts.get(hit.documentId) ?? '' })),
    };
  });
}
