/** Contract of the column's home endpoint: everything the home page shows, in one request. */
import { z } from 'zod';
import { ArticleSummarySchema } from './articles.js';
import { ReformAreaSchema } from './taxonomy.js';
import { TAG } from './cache-tags.js';
import { declareEndpoint } from './endpoint.js';

/** GET /api/cchc/home */
export namespace GetHome {
  export const ResponseSchema = z.object({
    data: z.object({
      featured: z.array(ArticleSummarySchema),
      latest: z.array(ArticleSummarySchema),
      areas: z.array(z.object({ area: ReformAreaSchema, articles: z.array(ArticleSummarySchema) })),
    }),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getHome',
    api: 'content-api',
    method: 'GET',
    path: '/home',
    summary: 'Featured, latest and per-area articles for the home page, in one request.',
    response: ResponseSchema,
    access: 'public',
    cacheTags: (_, home) => [TAG.latest, ...home.data.areas.map(({ area }) => TAG.area(area.code))],
  });
}
