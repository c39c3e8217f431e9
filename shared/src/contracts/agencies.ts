/** Contracts of the agency endpoints. */
import { z } from 'zod';
import { AGENCY_KIND_CODES } from '../domain/agency-kinds.js';
import { TAG } from './cache-tags.js';
import { slugParam } from './common.js';
import { declareEndpoint } from './endpoint.js';

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
  export const Endpoint = declareEndpoint({
    name: 'listAgencies',
    api: 'content-api',
    method: 'GET',
    path: '/agencies',
    summary: 'The agencies that send pieces, with their lineage.',
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.taxonomy],
  });
}

/** GET /api/cchc/agencies/:slug */
export namespace GetAgency {
  export const ParamsSchema = z.object({ slug: slugParam('slug') });
  export const ResponseSchema = z.object({ data: AgencySchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getAgency',
    api: 'content-api',
    method: 'GET',
    path: '/agencies/:slug',
    summary: 'One agency, or 404.',
    params: ParamsSchema,
    response: ResponseSchema,
    access: 'public',
    cacheTags: ({ params }) => [TAG.taxonomy, TAG.agency(params.slug)],
  });
}
