/**
 * How many renders (cache misses and uncached answers) one client may cause per
 * minute: a page cache hit costs the CMS nothing, a render costs it several calls
 * that its own rate limit does not count (the site is exempt), so the site counts them.
 */
import type http from 'node:http';
import { clientKey } from '@cchc/shared';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Takes one render from `client`'s budget; returns null, or the seconds to wait when it is spent. */
export type RenderBudget = (client: string) => Promise<number | null>;

/** A budget of `perMinute` renders per client, in memory. */
export function createRenderBudget(perMinute: number): RenderBudget {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix: 'renders' });
  return async (client) => {
    try {
      await limiter.consume(client);
      return null;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw refusal;
    }
  };
}

/** The client a request is counted as: its socket's address, or, behind a trusted proxy, the last X-Forwarded-For entry. */
export function clientOf(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim() : '';
  return clientKey(forwarded || req.socket.remoteAddress || 'unknown');
}
