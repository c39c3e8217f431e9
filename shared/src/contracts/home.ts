/** Contract of the column's home endpoint: everything the home page shows, in one request. */
import { z } from 'zod';
import { ArticleSummarySchema } from './articles.js';
import { ReformAreaSchema } from './taxonomy.js';

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
}
