/** Settings of the site's front server, from the environment. */

/** What the front server needs to know. */
export interface FrontConfig {
  host: string;
  port: number;
  /** Shared secret of the purge endpoint; the endpoint is off without one. */
  purgeSecret: string | null;
  /** Seconds a cached page is served without asking Astro again. */
  freshSeconds: number;
  /** Upper bound of the cache's memory (bodies and their compressed copies). */
  maxBytes: number;
}

const int = (value: string | undefined, fallback: number): number => (value && /^\d+$/.test(value) ? Number(value) : fallback);

/** Reads the configuration; `env` is process.env in production, a table in tests. */
export function readConfig(env: Record<string, string | undefined>): FrontConfig {
  return {
    host: env['HOST'] ?? '0.0.0.0',
    port: int(env['PORT'], 4321),
    purgeSecret: env['PURGE_SECRET'] ? env['PURGE_SECRET'] : null,
    freshSeconds: int(env['CACHE_FRESH_SECONDS'], 60),
    maxBytes: int(env['CACHE_MAX_MB'], 128) * 1024 * 1024,
  };
}
