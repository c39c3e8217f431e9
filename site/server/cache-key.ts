/**
 * The page cache's key: a normalised URL. The host comes from an allow-list (any
 * other host is rendered but never stored), the path as parsed, and only the query
 * parameters the route reads, in a fixed order. So junk query strings and forged
 * hosts never create entries, and the page is rendered from the same normalised URL.
 */

/** The query parameters each route reads (the site's parsers in src/lib name the same; a unit test checks). */
export const ROUTE_PARAMS: ReadonlyArray<[path: RegExp, params: readonly string[]]> = [
  [/^\/tim-kiem\/?$/, ['q', 'linh-vuc', 'co-quan', 'hinh-thuc', 'nam', 'quy', 'trang']],
  [/^(\/ban-chi-dao)?\/van-ban\/?$/, ['q', 'loai', 'nam', 'co-quan-ban-hanh', 'linh-vuc', 'trang']],
  [/^\/(chu-de|co-quan|linh-vuc)\/[^/]+\/?$/, ['trang']],
  [/^\/(phat-thanh|infographic|video)\/?$/, ['trang']],
  [/^\/hoi-dap\/?$/, ['q', 'linh-vuc', 'co-quan', 'trang']],
];

/** Which hosts the site answers, and the canonical one (SITE_URL's) when it is set. */
export interface HostPolicy {
  /** Allowed host names (without port). */
  hosts: ReadonlySet<string>;
  /** SITE_URL's host: pages do not depend on the Host header then, so any other host renders as this one. */
  canonicalHost: string | null;
}

/**
 * Where a request goes: the key it is cached under, the URL and Host to render with;
 * or `misdirected` when the site does not serve that host (answered 421, never rendered).
 */
export type NormalisedRequest = { misdirected: false; key: string; url: string; host: string } | { misdirected: true; url: string };

/** Host names, lower-cased, without port. */
const hostName = (host: string): string => host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');

/**
 * Normalises a request's URL and Host. An allowed host keys its own entries (with its
 * port when there is no SITE_URL, since pages then build absolute URLs from the Host);
 * any other host renders as SITE_URL's, or is misdirected when SITE_URL is unset.
 * @example normaliseRequest('/tim-kiem?x=1&q=mot+cua', 'site.test', { hosts: new Set(['site.test']), canonicalHost: null }) // { misdirected: false, key: 'site.test/tim-kiem?q=mot+cua', url: '/tim-kiem?q=mot+cua', host: 'site.test' }
 * @example normaliseRequest('/?junk=1', 'evil.test', { hosts: new Set(['site.test']), canonicalHost: null }).misdirected // true
 */
export function normaliseRequest(rawUrl: string, rawHost: string | undefined, policy: HostPolicy): NormalisedRequest {
  // The common case, a plain path, needs no parsing.
  const plain = /^\/[A-Za-z0-9\-_/]*$/.test(rawUrl) && !rawUrl.includes('//');
  if (plain) return withHost(rawUrl, rawHost, policy);
  let parsed: URL;
  try {
    parsed = new URL(rawUrl, 'http://placeholder');
  } catch {
    parsed = new URL('http://placeholder/');
  }
  const path = parsed.pathname;
  const wanted = ROUTE_PARAMS.find(([pattern]) => pattern.test(path))?.[1] ?? [];
  const query = new URLSearchParams();
  for (const name of wanted) for (const value of parsed.searchParams.getAll(name)) query.append(name, value);
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return withHost(`${path}${search}`, rawHost, policy);
}

/** The key and host of a normalised URL. */
function withHost(url: string, rawHost: string | undefined, policy: HostPolicy): NormalisedRequest {
  const full = (rawHost ?? '').trim().toLowerCase();
  const name = hostName(full);
  if (policy.hosts.has(name)) {
    const keyHost = policy.canonicalHost ? name : full;
    return { misdirected: false, key: `${keyHost}${url}`, url, host: full };
  }
  if (policy.canonicalHost) return { misdirected: false, key: `${policy.canonicalHost}${url}`, url, host: policy.canonicalHost };
  return { misdirected: true, url };
}

/** Loopback names, always allowed: the site is reached by them on its own machine. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The host policy from the site's public URL, the committee's hosts and any extra ones. */
export function hostPolicyOf(siteUrl: string | undefined, committeeHosts: readonly string[], extra: readonly string[]): HostPolicy {
  const hosts = new Set([...LOOPBACK_HOSTS, ...committeeHosts, ...extra].map(hostName).filter(Boolean));
  let canonicalHost: string | null = null;
  if (siteUrl) {
    try {
      canonicalHost = new URL(siteUrl).host.toLowerCase();
      hosts.add(hostName(canonicalHost));
    } catch {
      // An invalid SITE_URL is reported by the site itself.
    }
  }
  return { hosts, canonicalHost };
}
