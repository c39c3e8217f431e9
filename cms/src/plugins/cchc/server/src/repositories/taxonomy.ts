/** Reads reform areas, topics, agencies and plans for the public API. */
import type { Core } from '@strapi/strapi';
import { UID } from '../constants.js';
import type { AgencyRecord, PlanRecord, ReformAreaRecord, TopicRecord } from '../mappers/public.js';

const AGENCY_FIELDS = ['slug', 'name', 'shortName', 'kind', 'active', 'phone', 'email', 'website', 'address'] as const;
const REF = { fields: ['slug', 'name', 'shortName'] } as const;

/** Creates the taxonomy repository over a Strapi instance. */
export function createTaxonomyRepository(strapi: Core.Strapi) {
  return {
    /** All reform areas in programme order. */
    async reformAreas(): Promise<ReformAreaRecord[]> {
      const rows = await strapi.documents(UID.reformArea).findMany({
        sort: ['order:asc', 'code:asc'],
        populate: { leadAgency: REF } as never,
      });
      return rows as unknown as ReformAreaRecord[];
    },

    /** All topics in display order. */
    async topics(): Promise<TopicRecord[]> {
      const rows = await strapi.documents(UID.topic).findMany({ sort: ['order:asc', 'slug:asc'] });
      return rows as unknown as TopicRecord[];
    },

    /** All agencies with their parent and successor. */
    async agencies(): Promise<AgencyRecord[]> {
      const rows = await strapi.documents(UID.agency).findMany({
        fields: AGENCY_FIELDS as never,
        populate: { parent: REF, successor: REF } as never,
        limit: 10_000,
      });
      return rows as unknown as AgencyRecord[];
    },

    /** One agency by slug, or null. */
    async agencyBySlug(slug: string): Promise<AgencyRecord | null> {
      const row = await strapi.documents(UID.agency).findFirst({
        filters: { slug: { $eq: slug } },
        fields: AGENCY_FIELDS as never,
        populate: { parent: REF, successor: REF } as never,
      });
      return (row as unknown as AgencyRecord | null) ?? null;
    },

    /** The agencies merged into the given one, directly. */
    async predecessorsOf(slug: string): Promise<AgencyRecord[]> {
      const rows = await strapi.documents(UID.agency).findMany({
        filters: { successor: { slug: { $eq: slug } } },
        fields: AGENCY_FIELDS as never,
      });
      return rows as unknown as AgencyRecord[];
    },

    /** The plan of a year with its tasks and their agencies. */
    async planByYear(year: number): Promise<PlanRecord | null> {
      const row = await strapi.documents(UID.plan).findFirst({
        filters: { year: { $eq: year } },
        populate: { tasks: { populate: { leadAgencies: REF, coordinatingAgencies: REF } } } as never,
      });
      return (row as unknown as PlanRecord | null) ?? null;
    },
  };
}

/** The taxonomy repository's interface. */
export type TaxonomyRepository = ReturnType<typeof createTaxonomyRepository>;
