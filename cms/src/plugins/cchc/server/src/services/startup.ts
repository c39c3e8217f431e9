/** What the plugin does once Strapi, admin included, has bootstrapped: roles, Content Manager labels, seed, search index. */
import type { Core } from '@strapi/strapi';
import { applyContentManagerLabels } from '../content-manager/apply.js';
import { bindLegacyMemberships } from '../repositories/agency-members.js';
import { syncRoles } from './roles.js';
import type { SearchService } from './search.js';

/** Creates the startup service. */
export function createStartupService({ strapi, seed, search }: { strapi: Core.Strapi; seed: { run: () => Promise<void> }; search: SearchService }) {
  return {
    /** Keeps the plugin's admin roles equal to their allow-lists, binds older memberships to user ids, labels its fields in Vietnamese, seeds (when configured), then indexes every published article. */
    async run(): Promise<void> {
      await syncRoles(strapi);
      await bindLegacyMemberships(strapi);
      await applyContentManagerLabels(strapi);
      await seed.run();
      await search.build();
    },
  };
}
