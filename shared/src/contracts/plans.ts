/** Contracts of the plan endpoints. */
import { z } from 'zod';
import { AgencyRefSchema } from './agencies.js';
import { TAG } from './cache-tags.js';
import { intParam } from './common.js';
import { declareEndpoint } from './endpoint.js';

/** A task of a plan's appendix, such as `5.3`. */
export const PlanTaskSchema = z.object({
  number: z.string(),
  title: z.string(),
  leadAgencies: z.array(AgencyRefSchema),
  coordinatingAgencies: z.array(AgencyRefSchema),
  timing: z.string(),
  product: z.string(),
  order: z.number().int(),
});
export type PlanTask = z.infer<typeof PlanTaskSchema>;

/** A yearly communication plan with its tasks. */
export const PlanSchema = z.object({
  year: z.number().int(),
  code: z.string(),
  title: z.string(),
  issuedOn: z.string().nullable(),
  issuer: z.string(),
  summary: z.string(),
  tasks: z.array(PlanTaskSchema),
});
export type Plan = z.infer<typeof PlanSchema>;

/** GET /api/cchc/plans/:year */
export namespace GetPlan {
  export const ParamsSchema = z.object({ year: intParam('year', 1990, 2100) });
  export const ResponseSchema = z.object({ data: PlanSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getPlan',
    api: 'content-api',
    method: 'GET',
    path: '/plans/:year',
    summary: 'The communication plan of a year with its tasks, or 404.',
    params: ParamsSchema,
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.committee],
  });
}
