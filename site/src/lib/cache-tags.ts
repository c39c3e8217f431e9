/**
 * Cache tags on responses: every page names the content it shows (tags from
 * @cchc/shared), so that a change in the CMS purges exactly the cached pages that
 * showed it. The front server (site/server) reads them from the Cache-Tag header.
 */
export { TAG } from '@cchc/shared';

/** The response header that carries a page's tags, space-separated. */
export const CACHE_TAG_HEADER = 'Cache-Tag';

/**
 * Adds tags to a response's Cache-Tag header (pages may call it more than once).
 * @example addCacheTags(headers, [TAG.area('the-che'), TAG.latest]) // Cache-Tag: area:the-che latest
 */
export function addCacheTags(headers: Headers, tags: Iterable<string>): void {
  const all = new Set((headers.get(CACHE_TAG_HEADER) ?? '').split(' ').filter(Boolean));
  for (const t of tags) all.add(t);
  headers.set(CACHE_TAG_HEADER, [...all].join(' '));
}
