/** Handlers of the Steering Committee website's public API (/api/cchc/committee/…). */
import {
  GetCommittee,
  GetCommitteeHome,
  GetDocument,
  GetEvent,
  GetPlanTracker,
  ListDocuments,
  ListEvents,
  ListIndices,
  ListPlanYears,
} from '@cchc/shared';
import { defineRoute } from '../http/define-route.js';

export default [
  defineRoute(GetCommittee.Endpoint, async (_, { services }) => ({ data: await services.committee.about() })),
  defineRoute(GetCommitteeHome.Endpoint, async (_, { services }) => ({ data: await services.committee.home() })),
  // The two answers that aggregate the most are kept until something they show changes (published-changes clears them).
  defineRoute(ListDocuments.Endpoint, ({ query }, { services }) =>
    services['response-cache'].get(`documents:${JSON.stringify(query)}`, () => services.committee.documents(query)),
  ),
  defineRoute(GetDocument.Endpoint, async ({ params }, { services }) => ({ data: await services.committee.document(params.slug) })),
  defineRoute(ListPlanYears.Endpoint, async (_, { services }) => ({ data: await services.committee.planYears() })),
  defineRoute(GetPlanTracker.Endpoint, async ({ params }, { services }) => ({
    data: await services['response-cache'].get(`plan:${params.year}`, () => services.committee.planTracker(params.year)),
  })),
  defineRoute(ListIndices.Endpoint, async (_, { services }) => ({ data: await services.committee.indices() })),
  defineRoute(ListEvents.Endpoint, async ({ query }, { services }) => ({ data: await services.committee.events(query.when) })),
  defineRoute(GetEvent.Endpoint, async ({ params }, { services }) => ({ data: await services.committee.event(params.slug) })),
];
