/** Contract of the plugin home page's figures (admin panel API). */
import { z } from 'zod';
import { ANY_WORKFLOW_ROLE, declareEndpoint } from './endpoint.js';

const count = z.number().int().min(0);

/** What the admin overview shows. */
export const OverviewSchema = z.object({
  articles: z.object({ published: count, unpublished: count }),
  agencies: z.object({ total: count, active: count }),
  reformAreas: count,
  topics: count,
});
export type Overview = z.infer<typeof OverviewSchema>;

/** GET /cchc/overview */
export namespace GetOverview {
  export const ResponseSchema = z.object({ data: OverviewSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getOverview',
    api: 'admin',
    method: 'GET',
    path: '/overview',
    summary: 'Counts of the column, agencies, areas and topics for the plugin home page.',
    response: ResponseSchema,
    access: ANY_WORKFLOW_ROLE,
  });
}
