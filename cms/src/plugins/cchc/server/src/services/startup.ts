/** What the plugin does once Strapi, admin included, has bootstrapped: seed, then build the search index. */
import type { SearchService } from './search.js';

/** Creates the startup service. */
export function createStartupService({ seed, search }: { seed: { run: () => Promise<void> }; search: SearchService }) {
  return {
    /** Seeds (when configured), then indexes every published article. */
    async run(): Promise<void> {
      await seed.run();
      await search.build();
    },
  };
}
