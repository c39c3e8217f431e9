/**
 * Answers of the public API that aggregate (the plan tracker, the documents list),
 * kept in memory until something they show changes: the published-changes service
 * clears them with the site's page cache. Concurrent misses compute once. A time
 * limit bounds staleness where a change was made through another CMS instance.
 */

/** Creates a cache of at most `maxEntries` answers, each kept at most `ttlMs`. */
export function createResponseCache({ maxEntries = 500, ttlMs = 300_000, now = Date.now }: { maxEntries?: number; ttlMs?: number; now?: () => number } = {}) {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    /** The answer under `key`, computed by `compute` when missing or expired. A failed computation is not kept. */
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.value as Promise<T>;
      const value = compute();
      entries.delete(key);
      entries.set(key, { at: now(), value });
      value.catch(() => entries.get(key)?.value === value && entries.delete(key));
      // Oldest first out.
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      return value;
    },
    /** Forgets every answer. */
    clear(): void {
      entries.clear();
    },
    /** How many answers are kept. */
    size: () => entries.size,
  };
}

/** The response cache's interface. */
export type ResponseCache = ReturnType<typeof createResponseCache>;
