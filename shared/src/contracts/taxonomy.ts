/** Contracts of the taxonomy endpoints: reform areas and topics. */
import { z } from 'zod';
import { TAG } from './cache-tags.js';
import { declareEndpoint } from './endpoint.js';

/** A reform area as the public API shows it. */
export const ReformAreaSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  order: z.number().int(),
  leadAgency: z.object({ slug: z.string(), name: z.string() }).nullable(),
});
export type ReformArea = z.infer<typeof ReformAreaSchema>;

/** A topic of the second taxonomy. */
export const TopicSchema = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  order: z.number().int(),
});
export type Topic = z.infer<typeof TopicSchema>;

/** GET /api/cchc/reform-areas */
export namespace ListReformAreas {
  export const ResponseSchema = z.object({ data: z.array(ReformAreaSchema) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'listReformAreas',
    api: 'content-api',
    method: 'GET',
    path: '/reform-areas',
    summary: 'The reform areas, in display order.',
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.taxonomy],
  });
}

/** GET /api/cchc/topics */
export namespace ListTopics {
  export const ResponseSchema = z.object({ data: z.array(TopicSchema) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'listTopics',
    api: 'content-api',
    method: 'GET',
    path: '/topics',
    summary: 'The topics of the second taxonomy.',
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.taxonomy],
  });
}
