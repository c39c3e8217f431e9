/** Admin controller: the quarterly compliance report (parse the query, call the service, send). */
import type { Core } from '@strapi/strapi';
import { GetCompliance } from '@cchc/shared';
import { PLUGIN_ID } from '../constants.js';
import type { ComplianceService } from '../services/compliance.js';
import { requireCommitteeRole, type AdminState } from './actor.js';
import { parseInput } from './parse.js';

/** Koa context as far as this controller uses it. */
interface Ctx {
  query: unknown;
  state: AdminState;
  body: unknown;
  type: string;
  set: (field: string, value: string) => void;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async latestPeriod(ctx: Ctx) {
    requireCommitteeRole(ctx.state);
    ctx.body = { data: await (strapi.plugin(PLUGIN_ID).service('compliance') as ComplianceService).latestPeriod() };
  },

  async get(ctx: Ctx) {
    requireCommitteeRole(ctx.state);
    const query = parseInput(GetCompliance.QuerySchema, ctx.query);
    const response = await (strapi.plugin(PLUGIN_ID).service('compliance') as ComplianceService).respond(query);
    if (response.kind === 'file') {
      ctx.type = response.contentType;
      ctx.set('Content-Disposition', `attachment; filename="${response.fileName}"`);
    }
    ctx.body = response.body;
  },
});
