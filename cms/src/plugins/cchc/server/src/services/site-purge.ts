/**
 * Tells the site which cached pages to purge after a change, with a signed call
 * to each configured site (see @cchc/shared contracts/purge.ts). Failures are
 * retried, then logged: a site that is down must not block an editor's publish.
 */
import { PURGE_PATH, PURGE_SIGNATURE_HEADER, PURGE_TIMESTAMP_HEADER, type PurgeRequest } from '@cchc/shared';
import { signPurge } from '@cchc/shared/node';

/** Collaborators of the purge service. */
export interface SitePurgeDeps {
  /** Base URLs of the sites to notify (none: purging is off). */
  siteUrls: readonly string[];
  secret: string;
  log: { info: (m: string) => void; warn: (m: string) => void };
  fetch?: typeof globalThis.fetch;
  /** Delays between attempts, in ms. */
  retryDelays?: readonly number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates the purge service. */
export function createSitePurgeService({ siteUrls, secret, log, fetch = globalThis.fetch, retryDelays = [0, 500, 2000] }: SitePurgeDeps) {
  const enabled = siteUrls.length > 0 && secret !== '';

  async function send(siteUrl: string, request: PurgeRequest): Promise<void> {
    const body = JSON.stringify(request);
    for (const [attempt, delay] of retryDelays.entries()) {
      await sleep(delay);
      const timestamp = Math.floor(Date.now() / 1000);
      try {
        const res = await fetch(`${siteUrl.replace(/\/$/, '')}${PURGE_PATH}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [PURGE_TIMESTAMP_HEADER]: String(timestamp),
            [PURGE_SIGNATURE_HEADER]: signPurge(secret, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(5000),
        });
        if (res.ok) return;
        // A refused signature or a bad body will not get better by retrying.
        if (res.status < 500) {
          log.warn(`[cchc] site ${siteUrl} refused the purge (${res.status}): ${(await res.text()).slice(0, 200)}`);
          return;
        }
      } catch (error) {
        if (attempt === retryDelays.length - 1) log.warn(`[cchc] site ${siteUrl} unreachable for purge: ${(error as Error).message}`);
        continue;
      }
    }
    log.warn(`[cchc] purge of ${siteUrl} failed after ${retryDelays.length} attempts; its pages refresh within a minute anyway.`);
  }

  return {
    /** True when sites and a secret are configured. */
    enabled,
    /** Purges pages carrying any of `tags` on every site; resolves when all have answered or given up. */
    async purge(tags: readonly string[]): Promise<void> {
      if (!enabled || tags.length === 0) return;
      await Promise.all(siteUrls.map((url) => send(url, { tags: [...new Set(tags)] })));
    },
  };
}

/** The purge service's interface. */
export type SitePurgeService = ReturnType<typeof createSitePurgeService>;
