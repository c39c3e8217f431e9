/** The site's page cache as the tests drive it: signed purges, as the CMS sends them. */
import { inject } from 'vitest';
import { PURGE_PATH, PURGE_SIGNATURE_HEADER, PURGE_TIMESTAMP_HEADER } from '../../shared/src/index.js';
import { signPurge } from '../../shared/src/node/index.js';

/** POSTs a purge body to the site, signed with the stack's secret unless told otherwise. */
export function purge(body: string, { secret = inject('purgeSecret'), timestamp = Math.floor(Date.now() / 1000), sign = true } = {}) {
  return fetch(`${inject('siteUrl')}${PURGE_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [PURGE_TIMESTAMP_HEADER]: String(timestamp),
      ...(sign ? { [PURGE_SIGNATURE_HEADER]: signPurge(secret, timestamp, body) } : {}),
    },
    body,
  });
}

/**
 * Marks every cached page for rendering again, so that the next request renders now
 * (junk query strings no longer do: the cache key keeps only the parameters a route reads).
 */
export async function purgeSiteCache(): Promise<void> {
  const res = await purge('{"all":true}');
  if (res.status !== 200) throw new Error(`purging the site's cache answered ${res.status}`);
}

/**
 * Requests a page until the cache answers it as a HIT. A purge sent by an earlier publish
 * (in this file or another one sharing the stack) reaches the site after the publish has
 * answered, so "fetch twice, expect HIT" is a race; this waits it out, within a bound.
 */
export async function warmPage(url: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < timeoutMs) {
    const res = await fetch(url);
    await res.arrayBuffer();
    last = res.headers.get('x-cache') ?? '';
    if (last === 'HIT') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} was still answered ${last || 'without an x-cache header'} after ${timeoutMs} ms`);
}
