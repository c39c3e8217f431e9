/** Contracts of the agency endpoints. */
import { z } from 'zod';
import { AGENCY_KIND_CODES } from '../domain/agency-kinds.js';

/** A reference to an agency, as embedded in other records. */
export const AgencyRefSchema = z.object({ slug: z.string(), name: z.string(), shortName: z.string() });
export type AgencyRef = z.infer<typeof AgencyRefSchema>;

/** An agency as the public API shows it (public contact fields only). */
export const AgencySchema = AgencyRefSchema.extend({
  kind: z.enum(AGENCY_KIND_CODES),
  active: z.boolean(),
  parent: AgencyRefSchema.nullable(),
  successor: AgencyRefSchema.nullable(),
  predecessors: z.array(AgencyRefSchema),
  phone: z.string(),
  email: z.string(),
  website: z.string(),
  address: z.string(),
});
export type Agency = z.infer<typeof AgencySchema>;

/** GET /api/cchc/agencies */
export namespace ListAgencies {
  export const ResponseSchema = z.object({ data: z.array(AgencySchema) });
  export type Response = z.infer<typeof ResponseSchema>;
}

/** GET /api/cchc/agencies/:slug */
export namespace GetAgency {
  export const ResponseSchema = z.object({ data: AgencySchema });
  export type Response = z.infer<typeof ResponseSchema>;
}
