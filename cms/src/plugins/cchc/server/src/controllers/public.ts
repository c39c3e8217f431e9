/** Controllers of the public content API: parse input, call one service method, return. */
import type { Core } from '@strapi/strapi';
import { GetArticle, ListArticles, SearchArticles, intParam, slugParam } from '@cchc/shared';
import { z } from 'zod';
import { PLUGIN_ID } from '../constants.js';
import type { PublicContentService } from '../services/public-content.js';
import type { SearchService } from '../services/search.js';
import { parseInput } from './parse.js';

/** Koa context as far as these controllers use it. */
interface Ctx {
  query: unknown;
  params: Record<string, string>;
  body: unknown;
}

const AgencyParams = z.object({ slug: slugParam('slug') });
const PlanParams = z.object({ year: intParam('year', 1990, 2100) });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin(PLUGIN_ID).service('public-content') as PublicContentService;
  return {
    async listArticles(ctx: Ctx) {
      ctx.body = await service().listArticles(parseInput(ListArticles.QuerySchema, ctx.query));
    },
    async search(ctx: Ctx) {
      const query = parseInput(SearchArticles.QuerySchema, ctx.query);
      ctx.body = await (strapi.plugin(PLUGIN_ID).service('search') as SearchService).search(query);
    },
    async getArticle(ctx: Ctx) {
      const { slug } = parseInput(GetArticle.ParamsSchema, ctx.params);
      ctx.body = { data: await service().getArticle(slug) };
    },
    async home(ctx: Ctx) {
      ctx.body = { data: await service().home() };
    },
    async listReformAreas(ctx: Ctx) {
      ctx.body = { data: await service().reformAreas() };
    },
    async listTopics(ctx: Ctx) {
      ctx.body = { data: await service().topics() };
    },
    async listAgencies(ctx: Ctx) {
      ctx.body = { data: await service().agencies() };
    },
    async getAgency(ctx: Ctx) {
      const { slug } = parseInput(AgencyParams, ctx.params);
      ctx.body = { data: await service().agency(slug) };
    },
    async getPlan(ctx: Ctx) {
      const { year } = parseInput(PlanParams, ctx.params);
      ctx.body = { data: await service().plan(year) };
    },
  };
};
