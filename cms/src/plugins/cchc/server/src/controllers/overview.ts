/** Admin controller: the plugin home page's figures. */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants.js';
import type { createOverviewService } from '../services/overview.js';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: { body: unknown }) {
    const service = strapi.plugin(PLUGIN_ID).service('overview') as ReturnType<typeof createOverviewService>;
    ctx.body = { data: await service.get() };
  },
});
