/** What the plugin does once Strapi, admin included, has bootstrapped: roles, seed, search index. */
import type { Core } from '@strapi/strapi';
import { ensureRoles } from './roles.js';
import type { SearchService } from './search.js';

/** Creates the startup service. */
export function createStartupService({ strapi, seed, search }: { strapi: Core.Strapi; seed: { run: () => Promise<void> }; search: SearchService }) {
  return {
    /** Creates the plugin's admin roles, seeds (when configured), then indexes every published article. */
    async run(): Promise<void> {
      await ensureRoles(strapi);
      await seed.run();
      await search.build();
    },
  };
}
