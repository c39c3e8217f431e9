/** Handlers of the public content API (/api/cchc/…): each reads one service method. */
import {
  GetAgency,
  GetArticle,
  GetHome,
  GetPlan,
  GetPreview,
  PREVIEW_TOKEN_HEADER,
  ListAgencies,
  ListArticles,
  ListReformAreas,
  ListTopics,
  SearchArticles,
} from '@cchc/shared';
import { defineRoute } from '../http/define-route.js';

export default [
  defineRoute(GetHome.Endpoint, async (_, { services }) => ({ data: await services['public-content'].home() })),
  defineRoute(ListArticles.Endpoint, ({ query }, { services }) => services['public-content'].listArticles(query)),
  defineRoute(SearchArticles.Endpoint, ({ query }, { services }) => services.search.search(query)),
  defineRoute(GetArticle.Endpoint, async ({ params }, { services }) => ({ data: await services['public-content'].getArticle(params.slug) })),
  defineRoute(ListReformAreas.Endpoint, async (_, { services }) => ({ data: await services['public-content'].reformAreas() })),
  defineRoute(ListTopics.Endpoint, async (_, { services }) => ({ data: await services['public-content'].topics() })),
  defineRoute(ListAgencies.Endpoint, async (_, { services }) => ({ data: await services['public-content'].agencies() })),
  defineRoute(GetAgency.Endpoint, async ({ params }, { services }) => ({ data: await services['public-content'].agency(params.slug) })),
  defineRoute(GetPlan.Endpoint, async ({ params }, { services }) => ({ data: await services['public-content'].plan(params.year) })),
  // A draft, for whoever holds its preview token (never cached: the declaration has no cache tags).
  defineRoute(GetPreview.Endpoint, async ({ headers }, { services }) => ({ data: await services.preview.open(headers[PREVIEW_TOKEN_HEADER]) })),
];
