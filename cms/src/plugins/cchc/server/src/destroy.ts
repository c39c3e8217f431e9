/** Destroy: what the plugin opened is closed (the rate limit's Redis connection). */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants.js';
import type { createPublicRateLimit } from './rate-limit/public-rate-limit.js';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await (strapi.plugin(PLUGIN_ID).service('rate-limit') as ReturnType<typeof createPublicRateLimit>).close();
};
