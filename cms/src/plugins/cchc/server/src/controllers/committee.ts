/** Controllers of the Steering Committee website's public API: parse input, call one service method, return. */
import type { Core } from '@strapi/strapi';
import { GetDocument, GetEvent, GetPlanTracker, ListDocuments, ListEvents } from '@cchc/shared';
import { PLUGIN_ID } from '../constants.js';
import type { CommitteeService } from '../services/committee.js';
import type { ResponseCache } from '../services/response-cache.js';
import { parseInput } from './parse.js';

interface Ctx {
  query: unknown;
  params: Record<string, string>;
  body: unknown;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin(PLUGIN_ID).service('committee') as CommitteeService;
  // The two answers that aggregate the most are kept until something they show changes.
  const cached = () => strapi.plugin(PLUGIN_ID).service('response-cache') as ResponseCache;
  return {
    async about(ctx: Ctx) {
      ctx.body = { data: await service().about() };
    },
    async home(ctx: Ctx) {
      ctx.body = { data: await service().home() };
    },
    async listDocuments(ctx: Ctx) {
      const query = parseInput(ListDocuments.QuerySchema, ctx.query);
      ctx.body = await cached().get(`documents:${JSON.stringify(query)}`, () => service().documents(query));
    },
    async getDocument(ctx: Ctx) {
      const { slug } = parseInput(GetDocument.ParamsSchema, ctx.params);
      ctx.body = { data: await service().document(slug) };
    },
    async listPlanYears(ctx: Ctx) {
      ctx.body = { data: await service().planYears() };
    },
    async getPlanTracker(ctx: Ctx) {
      const { year } = parseInput(GetPlanTracker.ParamsSchema, ctx.params);
      ctx.body = { data: await cached().get(`plan:${year}`, () => service().planTracker(year)) };
    },
    async listIndices(ctx: Ctx) {
      ctx.body = { data: await service().indices() };
    },
    async listEvents(ctx: Ctx) {
      const { when } = parseInput(ListEvents.QuerySchema, ctx.query);
      ctx.body = { data: await service().events(when) };
    },
    async getEvent(ctx: Ctx) {
      const { slug } = parseInput(GetEvent.ParamsSchema, ctx.params);
      ctx.body = { data: await service().event(slug) };
    },
  };
};
