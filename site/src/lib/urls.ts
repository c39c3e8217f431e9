/** Absolute addresses of the site's own pages: the public origin and canonical URLs. */
import { siteUrl } from './config';
import { pageHref, parsePageParam } from './pagination';

/**
 * The origin absolute links are built on: SITE_URL when set, else the origin the
 * request came in on (right for a direct deployment, wrong behind a proxy: set SITE_URL there).
 * @example siteOrigin(new URL('http://127.0.0.1:4321/x'), undefined) === 'http://127.0.0.1:4321'
 */
export function siteOrigin(requestUrl: URL, configured: string | undefined = siteUrl()): string {
  return configured ?? requestUrl.origin;
}

/**
 * An absolute URL for a root-relative path of the site.
 * @example absoluteUrl('https://cchc.gov.vn', '/bai-viet/a') === 'https://cchc.gov.vn/bai-viet/a'
 */
export function absoluteUrl(origin: string, path: string): string {
  return `${origin}${path.startsWith('/') ? '' : '/'}${path}`;
}

/** The path of an article page. */
export function articlePath(slug: string): string {
  return `/bai-viet/${slug}`;
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
