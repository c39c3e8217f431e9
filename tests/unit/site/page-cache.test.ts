/** The page cache's data structure: tags, invalidation, LRU eviction, encodings. */
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { PageCache, compressBodies, etagOf, pickEncoding, type CachedPage } from '../../../site/server/page-cache.ts';

const page = (body: string, tags: string[]): CachedPage => {
  const bytes = Buffer.from(body);
  return { status: 200, headers: {}, bodies: compressBodies(bytes), etag: etagOf(bytes), tags, storedAt: 0, invalidated: false };
};

describe('pickEncoding', () => {
  test.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['deflate', 'identity'],
    ['', 'identity'],
    [undefined, 'identity'],
  ])('%s → %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});

test('compressed bodies decompress to the original, and small bodies stay plain', () => {
  const html = Buffer.from('<p>Cải cách hành chính</p>'.repeat(200));
  const bodies = compressBodies(html);
  expect(gunzipSync(bodies.gzip).equals(html)).toBe(true);
  expect(brotliDecompressSync(bodies.br).equals(html)).toBe(true);
  expect(bodies.br.length).toBeLessThan(html.length / 10);
  const small = Buffer.from('ok');
  expect(compressBodies(small).br).toBe(small);
});

describe('PageCache', () => {
  test('invalidates exactly the pages carrying a purged tag', () => {
    const cache = new PageCache(1_000_000);
    cache.set('/a', page('a', ['area:the-che', 'latest']));
    cache.set('/b', page('b', ['area:cong-vu']));
    cache.set('/c', page('c', ['latest']));
    expect(cache.invalidateTags(['area:the-che', 'nothing'])).toBe(1);
    expect(cache.get('/a')?.invalidated).toBe(true);
    expect(cache.get('/b')?.invalidated).toBe(false);
    expect(cache.invalidateTags(['latest'])).toBe(1); // /a is already invalidated
    expect(cache.invalidateAll()).toBe(1);
  });

  test('replacing a page drops its old tags', () => {
    const cache = new PageCache(1_000_000);
    cache.set('/a', page('a', ['old']));
    cache.set('/a', page('a2', ['new']));
    expect(cache.invalidateTags(['old'])).toBe(0);
    expect(cache.invalidateTags(['new'])).toBe(1);
    expect(cache.stats()).toMatchObject({ pages: 1, tags: 1 });
  });

  test('evicts the least recently used pages past its memory bound (which counts keys, headers and tags too)', () => {
    // Each entry costs its 100-byte body plus about 550 bytes of key, etag and bookkeeping: two fit.
    const cache = new PageCache(1_500);
    cache.set('/1', page('x'.repeat(100), []));
    cache.set('/2', page('y'.repeat(100), []));
    cache.get('/1'); // now /2 is the oldest
    cache.set('/3', page('z'.repeat(100), []));
    expect(cache.get('/2')).toBeUndefined();
    expect(cache.get('/1')).toBeDefined();
    expect(cache.get('/3')).toBeDefined();
    expect(cache.stats().bytes).toBeLessThanOrEqual(1_500);
  });

  test('evicts the least recently used pages past its entry bound', () => {
    const cache = new PageCache(1_000_000, 2);
    for (const key of ['/1', '/2', '/3']) cache.set(key, page('x', [key]));
    expect(cache.get('/1')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ pages: 2, tags: 2 });
  });

  test('refuses a page larger than the whole bound', () => {
    const cache = new PageCache(10);
    cache.set('/big', page('x'.repeat(100), ['t']));
    expect(cache.get('/big')).toBeUndefined();
    expect(cache.stats()).toEqual({ pages: 0, bytes: 0, tags: 0 });
  });
});
