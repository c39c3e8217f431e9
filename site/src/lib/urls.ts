/** Absolute addresses of the site's own pages: the public origin and canonical URLs. */
import { pageHref, parsePageParam } from './pagination';

/**
 * An absolute URL for a root-relative path of the site.
 * @example absoluteUrl('https://cchc.gov.vn', '/bai-viet/a') === 'https://cchc.gov.vn/bai-viet/a'
 */
export function absoluteUrl(origin: string, path: string): string {
  return `${origin}${path.startsWith('/') ? '' : '/'}${path}`;
}

/**
 * The one address of a page: no trailing slash, no query string except `?trang=N`
 * for pages after the first (page 1 is the bare path, as the pager links it).
 * @example canonicalUrl('https://cchc.gov.vn', new URL('http://x/linh-vuc/the-che/?trang=2&utm_source=zalo')) === 'https://cchc.gov.vn/linh-vuc/the-che?trang=2'
 * @example canonicalUrl('https://cchc.gov.vn', new URL('http://x/linh-vuc/the-che?trang=1')) === 'https://cchc.gov.vn/linh-vuc/the-che'
 */
export function canonicalUrl(origin: string, url: URL): string {
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') || '/' : '/';
  const page = parsePageParam(url.searchParams) ?? 1;
  return absoluteUrl(origin, pageHref(path, page));
}
