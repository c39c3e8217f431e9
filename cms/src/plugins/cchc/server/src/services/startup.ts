/** What the plugin does once Strapi, admin included, has bootstrapped: roles, Content Manager labels, seed, published counts, search store's catch-up. */
import type { Core } from '@strapi/strapi';
import { applyArticleLayouts, applyContentManagerLabels } from '../content-manager/apply.js';
import { UID } from '../constants.js';
import { bindLegacyMemberships } from '../repositories/agency-members.js';
import { syncRoles } from './roles.js';
import type { PublishedTallies } from '../repositories/published-tallies.js';
import type { SearchService } from './search.js';

/** Creates the startup service. */
export function createStartupService({ strapi, seed, search, tallies }: { strapi: Core.Strapi; seed: { run: () => Promise<void> }; search: SearchService; tallies: PublishedTallies }) {
  return {
    /**
     * Keeps the plugin's admin roles equal to their allow-lists, binds older memberships to user ids, labels its fields in
     * Vietnamese, seeds (when configured), recounts the published pieces (whatever was written while the CMS was down or
     * before the counts existed), then writes the search entries of what was published without the plugin (the seed, a restore).
     */
    async run(): Promise<void> {
      await search.ensureSchema();
      await syncRoles(strapi);
      await bindLegacyMemberships(strapi);
      await applyContentManagerLabels(strapi);
      await applyArticleLayouts(strapi, UID.article);
      await seed.run();
      // The counts move in each publication's transaction; a rebuild at start only mends what was written without
      // the plugin. When they look wrong it runs before serving, else in the background.
      const recount = () => tallies.recount().then((groups) => strapi.log.info(`[cchc] published pieces counted in ${groups} group(s)`));
      if (await tallies.looksStale()) await recount();
      else void recount().catch((error: Error) => strapi.log.error(`[cchc] rebuilding the counts failed: ${error.message}`));
      await search.catchUp();
      // The benchmark reads this line (CMS heap after start).
      strapi.log.info(`[cchc] ready: ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB of heap in use`);
    },
  };
}
