/**
 * The site's page cache: rendered pages kept in memory as bytes (plain, gzip and
 * brotli), indexed by the tags each page declared, evicted least-recently-used
 * past a memory bound. It knows nothing of HTTP servers; front.ts drives it.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** Encodings a cached page is kept in. */
export type Encoding = 'br' | 'gzip' | 'identity';

/** A rendered page as stored. */
export interface CachedPage {
  status: number;
  /** Response headers to replay (hop-by-hop and length headers excluded). */
  headers: Record<string, string>;
  bodies: Record<Encoding, Buffer>;
  etag: string;
  tags: readonly string[];
  storedAt: number;
  /** Set by a purge: the page must be rendered again before it is served as current. */
  invalidated: boolean;
}

/** Bodies smaller than this are not worth compressing. */
const MIN_COMPRESS_BYTES = 1024;

/**
 * Compresses a body once, at store time, so that hits cost no CPU; `only` limits the work
 * to the encodings a request needs (a page that is not stored), the others staying plain.
 * Brotli at quality 5 is about as fast as gzip -6 and a quarter smaller on HTML.
 */
export function compressBodies(body: Buffer, only: readonly Encoding[] = ['gzip', 'br']): Record<Encoding, Buffer> {
  const bodies: Record<Encoding, Buffer> = { identity: body, gzip: body, br: body };
  if (body.length < MIN_COMPRESS_BYTES) return bodies;
  if (only.includes('gzip')) bodies.gzip = gzipSync(body, { level: 6 });
  if (only.includes('br')) bodies.br = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } });
  return bodies;
}

/**
 * Picks the best encoding a client accepts (brotli, then gzip, then none).
 * @example pickEncoding('gzip, deflate, br') === 'br'
 * @example pickEncoding(undefined) === 'identity'
 */
export function pickEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

/** A strong ETag from the plain body. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** What an entry costs beyond its bodies: the map slots, the object, its dates. A measured order of magnitude, on the safe side. */
const ENTRY_OVERHEAD_BYTES = 512;

/** Everything an entry holds: its key (twice: page map and tag index), bodies, headers, tags and overhead. */
const sizeOf = (key: string, page: CachedPage): number =>
  ENTRY_OVERHEAD_BYTES +
  key.length * 4 +
  page.etag.length * 2 +
  Object.entries(page.headers).reduce((n, [name, value]) => n + (name.length + value.length) * 2, 0) +
  page.tags.reduce((n, tag) => n + tag.length * 2 + 64, 0) +
  page.bodies.identity.length +
  (page.bodies.gzip === page.bodies.identity ? 0 : page.bodies.gzip.length) +
  (page.bodies.br === page.bodies.identity ? 0 : page.bodies.br.length);

/** An in-memory, tag-indexed LRU of rendered pages, bounded in bytes and in entries. */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly sizes = new Map<string, number>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly maxEntries: number;

  constructor(maxBytes: number, maxEntries = Number.POSITIVE_INFINITY) {
    this.maxBytes = maxBytes;
    this.maxEntries = maxEntries;
  }

  /** The page stored under `key`, marked most recently used. */
  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      // Map keeps insertion order: re-inserting moves the key to the young end.
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  /** Stores a page, replacing any older copy, then evicts the oldest pages past the bound. */
  set(key: string, page: CachedPage): void {
    this.delete(key);
    const size = sizeOf(key, page);
    if (size > this.maxBytes) return;
    this.pages.set(key, page);
    this.sizes.set(key, size);
    this.bytes += size;
    for (const tag of page.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    for (const oldest of this.pages.keys()) {
      if (this.bytes <= this.maxBytes && this.pages.size <= this.maxEntries) break;
      this.delete(oldest);
    }
  }

  /** Marks every page carrying one of `tags` as invalidated; returns how many were. */
  invalidateTags(tags: readonly string[]): number {
    let count = 0;
    for (const tag of tags) {
      for (const key of this.byTag.get(tag) ?? []) {
        const page = this.pages.get(key);
        if (page && !page.invalidated) {
          page.invalidated = true;
          count++;
        }
      }
    }
    return count;
  }

  /** Marks every page as invalidated; returns how many were. */
  invalidateAll(): number {
    let count = 0;
    for (const page of this.pages.values()) {
      if (!page.invalidated) {
        page.invalidated = true;
        count++;
      }
    }
    return count;
  }

  /** Removes a page. */
  delete(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
    for (const tag of page.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }

  /** Figures for logs and tests. */
  stats(): { pages: number; bytes: number; tags: number } {
    return { pages: this.pages.size, bytes: this.bytes, tags: this.byTag.size };
  }
}
