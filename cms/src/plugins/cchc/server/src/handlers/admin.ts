/** Handlers of the admin panel's API (/cchc/…): the home page's figures, the compliance report, the review workflow. */
import {
  AuditPublishedCounts,
  CreateShareLink,
  GetArticleChanges,
  GetArticleHistory,
  GetCompliance,
  GetDeskCalendar,
  GetLatestPeriod,
  GetOverview,
  GetReviewQueue,
  ListShareLinks,
  RevokeShareLink,
  TakeArticle,
  TransitionArticle,
} from '@cchc/shared';
import { FileDownload, defineRoute } from '../http/define-route.js';

export default [
  defineRoute(GetOverview.Endpoint, async (_, { services }) => ({ data: await services.overview.get() })),
  defineRoute(GetLatestPeriod.Endpoint, async (_, { services }) => ({ data: await services.compliance.latestPeriod() })),
  defineRoute(AuditPublishedCounts.Endpoint, async (_, { services }) => ({ data: await services.tallies.audit() })),
  defineRoute(GetCompliance.Endpoint, async ({ query }, { services }) => {
    const response = await services.compliance.respond(query);
    return response.kind === 'file' ? new FileDownload(response.body, response.contentType, response.fileName) : response.body;
  }),
  // The article rules let publications through only from this route (workflow/caller.ts).
  defineRoute(TransitionArticle.Endpoint, async ({ params, body, caller }, { services }) => ({
    data: await services.workflow.transition(params.documentId, caller, body),
  })),
  defineRoute(GetArticleHistory.Endpoint, async ({ params, caller }, { services }) => ({
    data: await services.workflow.history(params.documentId, caller),
  })),
  defineRoute(GetReviewQueue.Endpoint, async ({ caller }, { services }) => services.workflow.reviewQueue(caller)),
  defineRoute(GetDeskCalendar.Endpoint, async ({ query }, { services }) => ({ data: await services['desk-calendar'].calendar(query) })),
  defineRoute(GetArticleChanges.Endpoint, async ({ params, query, caller }, { services }) => ({
    data: await services.workflow.changes(params.documentId, caller, query.since),
  })),
  defineRoute(TakeArticle.Endpoint, async ({ params, body, caller }, { services }) => ({
    data: { handler: await services.workflow.take(params.documentId, caller, body) },
  })),
  defineRoute(CreateShareLink.Endpoint, async ({ params, body, caller }, { services }) => ({
    data: await services.preview.createLink(params.documentId, caller, body.hours),
  })),
  defineRoute(ListShareLinks.Endpoint, async ({ params, caller }, { services }) => ({ data: await services.preview.listLinks(params.documentId, caller) })),
  defineRoute(RevokeShareLink.Endpoint, async ({ params, caller }, { services }) => ({
    data: await services.preview.revokeLink(params.documentId, params.linkId, caller),
  })),
];
