/** The demo seed as a service, so the host app decides when it runs. */
import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../config.js';
import { seedDemo } from '../seed/index.js';

/** Creates the seed service. */
export function createSeedService(strapi: Core.Strapi) {
  return {
    /** Seeds the configured data set when seeding is enabled (creates only what is missing); applies the demo accounts' rule always. */
    async run(): Promise<void> {
      await seedDemo(strapi, pluginConfig(strapi));
    },
  };
}
