/**
 * An in-memory inverted index of published articles, with the column's ranking rules:
 * every query word must match (diacritics ignored); among the matches, those that
 * carry the query's exact diacritics come first, then those matching in the title,
 * then the most recent. Framework-free: the CMS plugin feeds it and serves it.
 */
import { passesFilter, type ArticleFilter } from '../domain/article-filter.js';
import { searchTokens } from './tokens.js';

/** What the index needs to know of a document. */
export interface IndexedDocument<P> {
  /** Stable key (the CMS documentId). */
  key: string;
  title: string;
  /** Summary and body as plain text. */
  text: string;
  /** Publication time, ms since the epoch. */
  time: number;
  areas: readonly string[];
  topics: readonly string[];
  agency: string | null;
  format: string;
  featured: boolean;
  /** Whatever the caller wants back with a hit. */
  payload: P;
}

/** Filters of a search; each one given must hold. */

/** A ranked hit. */
export interface IndexHit<P> {
  document: IndexedDocument<P>;
  /** True when the document has every query word with its diacritics. */
  exact: boolean;
  /** True when the title has every query word (diacritics ignored). */
  inTitle: boolean;
}

/** One page of results and the number of all matches. */
export interface IndexResult<P> {
  total: number;
  hits: IndexHit<P>[];
  /** The query's words, folded, for highlighting. */
  words: string[];
}

/** Deepest result the index ranks; further pages are refused by the API. */
export const MAX_SEARCH_RESULTS = 5000;

/**
 * Posting families: folded words of the title; folded words anywhere; and words
 * anywhere that carry diacritics, in their exact form. A word without diacritics
 * is its own folded form, so its exact postings are the folded ones (a third of
 * the memory saved on Vietnamese text).
 */
type Family = 'titleFolded' | 'anyFolded' | 'anyMarked';
const FAMILIES: Family[] = ['titleFolded', 'anyFolded', 'anyMarked'];

/** Sets of unique tokens of a document by family. */
function familiesOf(title: string, text: string): Record<Family, Set<string>> {
  const t = searchTokens(title);
  const b = searchTokens(text);
  const marked = new Set<string>();
  for (const tokens of [t, b]) tokens.exact.forEach((word, i) => word !== tokens.folded[i] && marked.add(word));
  return { titleFolded: new Set(t.folded), anyFolded: new Set([...t.folded, ...b.folded]), anyMarked: marked };
}

/** An inverted index over documents, updated one document at a time. */
export class SearchIndex<P> {
  private docs: (IndexedDocument<P> | null)[] = [];
  private readonly idByKey = new Map<string, number>();
  private readonly postings: Record<Family, Map<string, number[]>> = {
    titleFolded: new Map(),
    anyFolded: new Map(),
    anyMarked: new Map(),
  };
  private removed = 0;

  /** Number of live documents. */
  get size(): number {
    return this.idByKey.size;
  }

  /** Adds a document, replacing the one with the same key. */
  add(document: IndexedDocument<P>): void {
    this.remove(document.key);
    const id = this.docs.length;
    this.docs.push(document);
    this.idByKey.set(document.key, id);
    const families = familiesOf(document.title, document.text);
    for (const family of FAMILIES) {
      const map = this.postings[family];
      for (const token of families[family]) {
        const list = map.get(token);
        if (list) list.push(id);
        else map.set(token, [id]);
      }
    }
  }

  /** Removes a document by key (no-op when absent). */
  remove(key: string): void {
    const id = this.idByKey.get(key);
    if (id === undefined) return;
    this.docs[id] = null;
    this.idByKey.delete(key);
    this.removed++;
    // Postings keep removed ids until they outnumber a quarter of the index.
    if (this.removed > 1000 && this.removed > this.docs.length / 4) this.compact();
  }

  /** Rebuilds the postings without removed documents. */
  private compact(): void {
    const live = this.docs.filter((d): d is IndexedDocument<P> => d !== null);
    this.docs = [];
    this.idByKey.clear();
    for (const family of FAMILIES) this.postings[family].clear();
    this.removed = 0;
    for (const doc of live) this.add(doc);
  }

  /**
   * Ids present in the postings of every token, restricted to `within` when given.
   * Uses a stamp per id: token i advances ids stamped i, so only ids seen for all tokens reach the end.
   */
  private intersect(familyOf: (token: string) => Family, tokens: readonly string[], within?: Uint8Array): Uint8Array {
    const stamp = new Uint16Array(this.docs.length);
    tokens.forEach((token, i) => {
      for (const id of this.postings[familyOf(token)].get(token) ?? []) {
        if (stamp[id] === i && (!within || within[id])) stamp[id] = i + 1;
      }
    });
    const result = new Uint8Array(this.docs.length);
    for (let id = 0; id < stamp.length; id++) if (stamp[id] === tokens.length && this.docs[id]) result[id] = 1;
    return result;
  }

  /** Searches; `offset` and `limit` select the page of ranked hits. */
  search(query: string, filters: ArticleFilter, offset: number, limit: number): IndexResult<P> {
    const tokens = searchTokens(query);
    const folded = [...new Set(tokens.folded)];
    const exact = [...new Set(tokens.exact)];
    if (folded.length === 0) return { total: 0, hits: [], words: [] };
    const foldedSet = new Set(folded);
    // Every query word, diacritics ignored, anywhere in the document.
    const matches = this.intersect(() => 'anyFolded', folded);
    // Every query word as typed: words with marks in their own postings, plain words in the folded ones.
    const exactAll = this.intersect((w) => (foldedSet.has(w) ? 'anyFolded' : 'anyMarked'), exact, matches);
    const titleAll = this.intersect(() => 'titleFolded', folded, matches);

    const keys: number[] = [];
    const ids: number[] = [];
    for (let id = 0; id < matches.length; id++) {
      if (!matches[id]) continue;
      const doc = this.docs[id]!;
      if (!passesFilter(filters, doc)) continue;
      // Rank key: exact diacritics, then title, then time; times stay below 1e13 ms (year 2286).
      keys.push((exactAll[id]! * 2 + titleAll[id]!) * 1e13 + doc.time);
      ids.push(id);
    }
    const wanted = Math.min(offset + limit, MAX_SEARCH_RESULTS);
    const order = topK(keys, wanted);
    const hits = order.slice(offset, wanted).map((i) => {
      const id = ids[i]!;
      return { document: this.docs[id]!, exact: exactAll[id] === 1, inTitle: titleAll[id] === 1 };
    });
    return { total: ids.length, hits, words: folded };
  }
}

/** Indexes of the `k` largest keys, largest first (a bounded min-heap: O(n log k)). */
export function topK(keys: readonly number[], k: number): number[] {
  if (k <= 0) return [];
  const heap: number[] = [];
  const less = (a: number, b: number) => keys[a]! < keys[b]! || (keys[a] === keys[b] && a > b);
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < heap.length && less(heap[l]!, heap[min]!)) min = l;
      if (r < heap.length && less(heap[r]!, heap[min]!)) min = r;
      if (min === i) return;
      [heap[i], heap[min]] = [heap[min]!, heap[i]!];
      i = min;
    }
  };
  for (let i = 0; i < keys.length; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (less(heap[0]!, i)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (keys[b]! - keys[a]!) || a - b);
}
