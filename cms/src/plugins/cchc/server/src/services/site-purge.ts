/**
 * Tells the caches in front of the public which pages to purge after a change: a signed
 * call to each configured site's page cache (see @cchc/shared contracts/purge.ts), then a
 * PURGE by tag to each Varnish (contracts/varnish.ts). Failures are retried, then logged:
 * a cache that is down must not block an editor's publish.
 */
import {
  PURGE_PATH,
  PURGE_SIGNATURE_HEADER,
  PURGE_TIMESTAMP_HEADER,
  VARNISH_PURGE_METHOD,
  VARNISH_PURGE_SECRET_HEADER,
  XKEY_PURGE_HEADER,
  purgeHeaderValues,
  type PurgeRequest,
} from '@cchc/shared';
import { signPurge } from '@cchc/shared/node';

/** Collaborators of the purge service. */
export interface SitePurgeDeps {
  /** Base URLs of the sites to notify (none: their purging is off). */
  siteUrls: readonly string[];
  secret: string;
  /** Base URLs of the Varnish instances in front of the sites (none: no Varnish). */
  varnishUrls?: readonly string[];
  /** The secret those Varnish instances check (VARNISH_PURGE_SECRET). */
  varnishSecret?: string;
  log: { info: (m: string) => void; warn: (m: string) => void };
  fetch?: typeof globalThis.fetch;
  /** Delays between attempts, in ms. */
  retryDelays?: readonly number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One target's call: its name in the logs and the request, built afresh for each attempt (a signature carries its time). */
interface PurgeCall {
  target: string;
  request: () => { url: string; init: RequestInit };
}

/** Creates the purge service. */
export function createSitePurgeService({ siteUrls, secret, varnishUrls = [], varnishSecret = '', log, fetch = globalThis.fetch, retryDelays = [0, 500, 2000] }: SitePurgeDeps) {
  const sitesEnabled = siteUrls.length > 0 && secret !== '';
  const varnishEnabled = varnishUrls.length > 0 && varnishSecret !== '';
  const base = (url: string) => url.replace(/\/$/, '');

  /** Sends one call, retrying network failures and 5xx answers; a refusal (4xx) is logged at once. */
  async function send({ target, request }: PurgeCall): Promise<void> {
    for (const [attempt, delay] of retryDelays.entries()) {
      await sleep(delay);
      try {
        const { url, init } = request();
        const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
        if (res.ok) return;
        // A refused signature or a bad body will not get better by retrying.
        if (res.status < 500) {
          log.warn(`[cchc] ${target} refused the purge (${res.status}): ${(await res.text()).slice(0, 200)}`);
          return;
        }
      } catch (error) {
        if (attempt === retryDelays.length - 1) log.warn(`[cchc] ${target} unreachable for purge: ${(error as Error).message}`);
        continue;
      }
    }
    log.warn(`[cchc] purge of ${target} failed after ${retryDelays.length} attempts; its pages refresh within a minute anyway.`);
  }

  /** The signed POST /_cache/purge to a site. */
  const siteCall = (siteUrl: string, purge: PurgeRequest): PurgeCall => ({
    target: `site ${siteUrl}`,
    request: () => {
      const body = JSON.stringify(purge);
      const timestamp = Math.floor(Date.now() / 1000);
      return {
        url: `${base(siteUrl)}${PURGE_PATH}`,
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/json', [PURGE_TIMESTAMP_HEADER]: String(timestamp), [PURGE_SIGNATURE_HEADER]: signPurge(secret, timestamp, body) },
          body,
        },
      };
    },
  });

  /** A PURGE of some tags (one header's worth) to a Varnish. */
  const varnishCall = (varnishUrl: string, tags: string): PurgeCall => ({
    target: `Varnish ${varnishUrl}`,
    request: () => ({
      url: `${base(varnishUrl)}/`,
      init: { method: VARNISH_PURGE_METHOD, headers: { [XKEY_PURGE_HEADER]: tags, [VARNISH_PURGE_SECRET_HEADER]: varnishSecret } },
    }),
  });

  return {
    /** True when sites and their secret, or Varnish instances and theirs, are configured. */
    enabled: sitesEnabled || varnishEnabled,
    /**
     * Purges pages carrying any of `tags` on every site, then on every Varnish (so that
     * Varnish fetches again from sites already purged); resolves when all have answered or given up.
     */
    async purge(tags: readonly string[]): Promise<void> {
      if (tags.length === 0) return;
      const unique = [...new Set(tags)];
      if (sitesEnabled) await Promise.all(siteUrls.map((url) => send(siteCall(url, { tags: unique }))));
      if (varnishEnabled) {
        // Many tags go in several requests: each header stays well within Varnish's limit.
        const values = purgeHeaderValues(unique);
        await Promise.all(varnishUrls.flatMap((url) => values.map((value) => send(varnishCall(url, value)))));
      }
    },
  };
}

/** The purge service's interface. */
export type SitePurgeService = ReturnType<typeof createSitePurgeService>;
