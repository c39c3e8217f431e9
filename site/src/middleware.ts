/**
 * Runs around every page: starts loading the navigation's reform areas (cached for a
 * minute, shared with the page's own calls), turns CmsUnavailableError, wherever a
 * page's data load throws it, into the Vietnamese 503 page, and sets Cache-Control
 * from the final status. On a committee host (COMMITTEE_HOSTS), "/" is the
 * Steering Committee website's home page.
 */
import { defineMiddleware } from 'astro:middleware';
import { COMMITTEE_ROOT, PRIVATE_REQUEST_HEADER, SITE_PATHS, isPrivateRequest, pathForLog } from '@cchc/shared';
import { reformAreas } from './lib/cms';
import { CmsUnavailableError } from './lib/errors';
import { TAG, addCacheTags } from './lib/cache-tags';
import { RETRY_AFTER_SECONDS, UNAVAILABLE_ROUTE, cacheControlFor } from './lib/http';
import { committeeHosts } from './lib/config';

export const onRequest = defineMiddleware(async (context, next) => {
  // Second pass, after the rewrite below: render the 503 page without calling the CMS again.
  if (context.locals.cmsUnavailable) {
    context.locals.navAreas = Promise.resolve([]);
    return next();
  }
  // Not awaited here: the page's own request runs meanwhile, and it alone decides
  // whether the CMS being down is an error. A 404 page still renders, without navigation.
  context.locals.navAreas = reformAreas().catch(() => []);
  // On a host of its own, the Steering Committee website's home page is the root.
  const committeeRoot = context.url.pathname === SITE_PATHS.home && committeeHosts().includes(context.url.hostname.toLowerCase());
  let response: Response;
  try {
    response = await (committeeRoot ? next(COMMITTEE_ROOT) : next());
  } catch (error) {
    if (!(error instanceof CmsUnavailableError)) throw error;
    // One line in the log; the reader sees only the Vietnamese message.
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    console.error(`[site] ${pathForLog(context.url.pathname)}: ${error.message}${cause}`);
    context.locals.cmsUnavailable = true;
    // A form's body has been read: Astro cannot rewrite to the 503 page, so it is answered in plain text.
    if (context.request.method !== 'GET' && context.request.method !== 'HEAD') {
      return new Response('Hệ thống đang tạm gián đoạn, thông tin bạn gửi chưa được ghi nhận. Vui lòng quay lại và gửi lại sau ít phút.', {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(RETRY_AFTER_SECONDS) },
      });
    }
    response = await context.rewrite(UNAVAILABLE_ROUTE);
    response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS));
  }
  // An entrant's pages and the contest's forms are per visitor: never stored, by the site or anyone.
  // A page may also say so itself (a draft's preview): never made public here.
  const isPrivate =
    context.request.headers.get(PRIVATE_REQUEST_HEADER) === '1' || isPrivateRequest(context.request.method, context.url.pathname) || response.headers.get('Cache-Control') === 'no-store';
  response.headers.set('Cache-Control', isPrivate ? 'no-store' : cacheControlFor(response.status));
  // Every page shows the reform areas in its navigation and names of agencies and topics.
  if (response.status === 200) addCacheTags(response.headers, [TAG.taxonomy]);
  if (response.headers.get('Content-Type') === 'text/html') {
    response.headers.set('Content-Type', 'text/html; charset=utf-8');
  }
  return response;
});
