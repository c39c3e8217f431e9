/** Settings of the site's front server, from the environment. */
import { mediaPublicUrl } from '@cchc/shared';
import { hostPolicyOf, type HostPolicy } from './cache-key.ts';

/** What the front server needs to know. */
export interface FrontConfig {
  host: string;
  port: number;
  /** Shared secret of the purge endpoint; the endpoint is off without one. */
  purgeSecret: string | null;
  /**
   * Whether the front server keeps rendered pages itself (SITE_PAGE_CACHE, on by default).
   * Off behind Varnish: every request is rendered, with the headers Varnish stores pages by.
   */
  pageCache: boolean;
  /** Seconds a cached page is served without asking Astro again (by this cache, or by Varnish as s-maxage). */
  freshSeconds: number;
  /** Upper bound of the cache's memory (everything an entry holds). */
  maxBytes: number;
  /** Upper bound of the number of cached pages. */
  maxEntries: number;
  /** Which hosts the site answers (others: 421, or rendered as SITE_URL's host when it is set). */
  hostPolicy: HostPolicy;
  /** Renders (cache misses and uncached answers) one client address may cause per minute. */
  rendersPerMinute: number;
  /** Take the client's address from the last X-Forwarded-For entry (behind a trusted proxy). */
  trustProxy: boolean;
  /** Origins the pages' images and media come from (the CMS's public address, the media bucket's or its CDN's), for the CSP. */
  mediaOrigins: string[];
  /** Hosts whose embedded players articles may show (IFRAME_HOSTS), for the CSP. */
  frameHosts: string[];
  /** Origins of the admin panel, which may frame drafts' previews (ADMIN_ORIGINS, else the CMS's public address). */
  adminOrigins: string[];
}

const list = (value: string | undefined): string[] => (value ?? '').split(',').map((h) => h.trim()).filter(Boolean);
const int = (value: string | undefined, fallback: number): number => (value && /^\d+$/.test(value) ? Number(value) : fallback);

/** SITE_PAGE_CACHE: `on` (the default) or `off`; anything else stops the site at start. */
function pageCacheOf(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`SITE_PAGE_CACHE must be "on" or "off", not ${JSON.stringify(value)}`);
}

/**
 * Reads the configuration; `env` is process.env in production, a table in tests. Throws, naming the
 * variable, on a value it cannot take (SITE_PAGE_CACHE, a MEDIA_PUBLIC_URL that is not an http(s) base URL).
 */
export function readConfig(env: Record<string, string | undefined>): FrontConfig {
  const media = mediaPublicUrl(env);
  return {
    host: env['HOST'] ?? '0.0.0.0',
    port: int(env['PORT'], 4321),
    purgeSecret: env['PURGE_SECRET'] ? env['PURGE_SECRET'] : null,
    pageCache: pageCacheOf(env['SITE_PAGE_CACHE']),
    freshSeconds: int(env['CACHE_FRESH_SECONDS'], 60),
    maxBytes: int(env['CACHE_MAX_MB'], 128) * 1024 * 1024,
    maxEntries: int(env['CACHE_MAX_ENTRIES'], 20_000),
    hostPolicy: hostPolicyOf(env['SITE_URL'], list(env['COMMITTEE_HOSTS']), list(env['SITE_HOSTS'])),
    rendersPerMinute: int(env['SITE_RENDERS_PER_MINUTE'], 120),
    trustProxy: env['TRUST_PROXY'] === 'true',
    frameHosts: list(env['IFRAME_HOSTS']).map((h) => h.toLowerCase()),
    mediaOrigins: [env['CMS_PUBLIC_URL'], media ?? undefined].flatMap(originOf),
    adminOrigins: (env['ADMIN_ORIGINS'] ? list(env['ADMIN_ORIGINS']) : [env['CMS_PUBLIC_URL']]).flatMap(originOf),
  };
}

/** The origin of a URL, or nothing when it is not one. */
function originOf(url: string | undefined): string[] {
  try {
    return url ? [new URL(url).origin] : [];
  } catch {
    return [];
  }
}
