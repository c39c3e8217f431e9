/**
 * Helpers bound to this deployment's configuration (the environment, read on each
 * call through config.ts): the media URL prefix, caption files' addresses, the site's public origin, and the
 * article renderer with its allowed hosts. The pure helpers they call (urls.ts,
 * markdown.ts, format.ts, images.ts, media.ts) take what they need as parameters
 * and read no environment.
 */
import type { Attachment } from '@cchc/shared';
import { cmsPublicUrl, iframeHosts, mediaPublicUrl, siteHosts, siteUrl } from './config';
import { renderMarkdown } from './markdown';
import { captionsSrc } from './media';

/**
 * The browser URL of a CMS media path (CMS_PUBLIC_URL prefix); absolute URLs pass through.
 * @example mediaUrl('/uploads/a.png') === 'http://127.0.0.1:1337/uploads/a.png' // with no env set
 */
export function mediaUrl(path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${cmsPublicUrl()}${path.startsWith('/') ? '' : '/'}${path}`;
}

/** The src of a video's caption track: through the site's own origin when the file is the CMS's or the bucket's (lib/media.ts). */
export function captionsUrl(captions: Attachment): string {
  return captionsSrc(captions, mediaUrl, mediaPublicUrl());
}

/**
 * The origin absolute links are built on: SITE_URL when set, else the origin the
 * request came in on (right for a direct deployment, wrong behind a proxy: set SITE_URL there).
 * @example siteOrigin(new URL('http://127.0.0.1:4321/x'), undefined) === 'http://127.0.0.1:4321'
 */
export function siteOrigin(requestUrl: URL, configured: string | undefined = siteUrl()): string {
  return configured ?? requestUrl.origin;
}

/** Renders an article body with this deployment's configuration (allowed hosts, CMS media URL). */
export function renderArticleBody(md: string): string {
  return renderMarkdown(md, { iframeHosts: iframeHosts(), siteHosts: siteHosts(), resolveMedia: mediaUrl });
}
