/**
 * Run-time configuration of the site, read from the environment on every call
 * (not at build time), so one build can serve any CMS.
 */
import { mediaPublicUrl as checkedMediaPublicUrl } from '@cchc/shared';

/** Where the CMS listens when CMS_URL is not set. */
export const DEFAULT_CMS_URL = 'http://127.0.0.1:1337';

/** How long one request to the CMS may take before the CMS counts as unavailable. */
export const CMS_TIMEOUT_MS = 5_000;

/** How long a CMS instance that could not answer is tried after the others (CMS_URL with several). */
export const CMS_DOWN_MS = 5_000;

/** How long the reform-area list (used by the navigation of every page) is kept in memory. */
export const AREA_CACHE_TTL_MS = 60_000;

/** Reads an environment variable, treating an empty value as absent. */
function env(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

/** Drops trailing slashes so paths can be appended with a single `/`. */
function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * The base URLs the server calls the CMS API on (CMS_URL, comma separated), in the order
 * to try them: the first answers while it can, the next ones when it cannot.
 * @example CMS_URL="http://10.0.0.11:1337, http://10.0.0.12:1337" → ['http://10.0.0.11:1337', 'http://10.0.0.12:1337']
 */
export function cmsUrls(): string[] {
  const urls = (env('CMS_URL') ?? DEFAULT_CMS_URL)
    .split(',')
    .map((url) => withoutTrailingSlash(url.trim()))
    .filter((url) => url.length > 0);
  return urls.length > 0 ? urls : [DEFAULT_CMS_URL];
}

/** The first of cmsUrls(): the CMS this site prefers. */
export function cmsUrl(): string {
  return cmsUrls()[0]!;
}

/**
 * The site's public origin (SITE_URL, e.g. https://cchc.example.gov.vn), or undefined
 * when unset: pages then use the origin the request came in on. Set it behind a proxy,
 * where that origin is the internal address.
 */
export function siteUrl(): string | undefined {
  const value = env('SITE_URL');
  return value === undefined ? undefined : withoutTrailingSlash(value);
}

/** The site's key for the CMS's public API (SITE_API_KEY), or undefined. */
export function siteApiKey(): string | undefined {
  return env('SITE_API_KEY') || undefined;
}

/** The base URL browsers use to load CMS media (CMS_PUBLIC_URL, else the first CMS_URL). */
export function cmsPublicUrl(): string {
  return withoutTrailingSlash(env('CMS_PUBLIC_URL') ?? cmsUrl());
}

/**
 * The public base URL of media kept in an S3-compatible bucket or behind a CDN (MEDIA_PUBLIC_URL,
 * the same value as the CMS's), or null when media are the CMS's own /uploads. The front server
 * checks it at start (server/config.ts), so a wrong value never reaches a page.
 */
export function mediaPublicUrl(): string | null {
  return checkedMediaPublicUrl(process.env);
}

/**
 * Hosts whose iframes may appear in article bodies (IFRAME_HOSTS, comma separated).
 * Empty by default: no embedded frame is shown until an administrator lists its host.
 * @example IFRAME_HOSTS="www.youtube-nocookie.com, player.vimeo.com"
 */
export function iframeHosts(): string[] {
  return (env('IFRAME_HOSTS') ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host.length > 0);
}

/** Hosts counted as this site's own when deciding whether a link is external (SITE_HOSTS, comma separated). */
export function siteHosts(): string[] {
  return (env('SITE_HOSTS') ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host.length > 0);
}

/**
 * Host names that serve the Steering Committee website at their root (COMMITTEE_HOSTS,
 * comma separated): on them "/" shows the committee's home page; every other path is
 * the same as on the main host.
 * @example COMMITTEE_HOSTS="bcdcchc.example.gov.vn"
 */
export function committeeHosts(): string[] {
  return (env('COMMITTEE_HOSTS') ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host.length > 0);
}
