/** Contracts of the plan endpoints. */
import { z } from 'zod';
import { AgencyRefSchema } from './agencies.js';

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
  export const ResponseSchema = z.object({ data: PlanSchema });
  export type Response = z.infer<typeof ResponseSchema>;
}
