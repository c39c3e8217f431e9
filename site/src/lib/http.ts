/** HTTP answers shared by pages, endpoints and the middleware: not found, caching, service unavailable, text bodies. */
import { addCacheTags } from './cache-tags';

/** Route of the page shown when the CMS cannot be reached. */
export const UNAVAILABLE_ROUTE = '/503';

/** Seconds a browser or proxy may keep a successful page. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

/** Seconds after which a client may retry when the CMS is down. */
export const RETRY_AFTER_SECONDS = 60;

/**
 * The answer a page returns when what it was asked for does not exist. An empty
 * 404 makes Astro render src/pages/404.astro with status 404.
 */
export function notFound(): Response {
  return new Response(null, { status: 404 });
}

/**
 * The Cache-Control header for a status: successful pages are public for a minute,
 * everything else (404, 5xx) is not stored, so a fixed outage does not linger.
 * @example cacheControlFor(200) === 'public, max-age=60'
 * @example cacheControlFor(503) === 'no-store'
 */
export function cacheControlFor(status: number): string {
  return status === 200 ? `public, max-age=${PUBLIC_MAX_AGE_SECONDS}` : 'no-store';
}

/**
 * A 200 answer with a text body (feeds, sitemaps, robots.txt), tagged with the
 * content it shows like every page.
 */
export function textResponse(body: string, contentType: string, tags: Iterable<string> = []): Response {
  const headers = new Headers({ 'Content-Type': contentType });
  addCacheTags(headers, tags);
  return new Response(body, { status: 200, headers });
}
