/** Admin controller: the plugin home page's figures, for holders of a workflow role. */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants.js';
import type { createOverviewService } from '../services/overview.js';
import { actorOf, type AdminState } from './actor.js';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(ctx: { body: unknown; state: AdminState }) {
    actorOf(ctx.state);
    const service = strapi.plugin(PLUGIN_ID).service('overview') as ReturnType<typeof createOverviewService>;
    ctx.body = { data: await service.get() };
  },
});
