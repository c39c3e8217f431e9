/** Reads reform areas, topics, agencies and plans for the public API. */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { UID } from '../constants.js';
import { documentsOf } from './documents.js';
import {
  AgencyRecordSchema,
  PlanRecordSchema,
  ReformAreaRecordSchema,
  TopicRecordSchema,
  type AgencyRecord,
  type PlanRecord,
  type ReformAreaRecord,
  type TopicRecord,
} from './records.js';

const AGENCY_FIELDS = ['slug', 'name', 'shortName', 'kind', 'active', 'phone', 'email', 'website', 'address'] as const;
const REF = { fields: ['slug', 'name', 'shortName'] } as const;

/** Creates the taxonomy repository over a Strapi instance. */
export function createTaxonomyRepository(strapi: Core.Strapi) {
  return {
    /** All reform areas in programme order. */
    async reformAreas(): Promise<ReformAreaRecord[]> {
      const rows = await documentsOf(strapi, UID.reformArea).findMany({
        sort: ['order:asc', 'code:asc'],
        populate: { leadAgency: REF },
      });
      return z.array(ReformAreaRecordSchema).parse(rows);
    },

    /** All topics in display order. */
    async topics(): Promise<TopicRecord[]> {
      const rows = await documentsOf(strapi, UID.topic).findMany({ sort: ['order:asc', 'slug:asc'] });
      return z.array(TopicRecordSchema).parse(rows);
    },

    /** All agencies with their parent and successor. */
    async agencies(): Promise<AgencyRecord[]> {
      const rows = await documentsOf(strapi, UID.agency).findMany({
        fields: AGENCY_FIELDS,
        populate: { parent: REF, successor: REF },
        limit: 10_000,
      });
      return z.array(AgencyRecordSchema).parse(rows);
    },

    /** One agency by slug, or null. */
    async agencyBySlug(slug: string): Promise<AgencyRecord | null> {
      const row = await documentsOf(strapi, UID.agency).findFirst({
        filters: { slug: { $eq: slug } },
        fields: AGENCY_FIELDS,
        populate: { parent: REF, successor: REF },
      });
      return AgencyRecordSchema.nullable().parse(row ?? null);
    },

    /** The agencies merged into the given one, directly. */
    async predecessorsOf(slug: string): Promise<AgencyRecord[]> {
      const rows = await documentsOf(strapi, UID.agency).findMany({
        filters: { successor: { slug: { $eq: slug } } },
        fields: AGENCY_FIELDS,
      });
      return z.array(AgencyRecordSchema).parse(rows);
    },

    /** The plan of a year with its tasks and their agencies. */
    async planByYear(year: number): Promise<PlanRecord | null> {
      const row = await documentsOf(strapi, UID.plan).findFirst({
        filters: { year: { $eq: year } },
        populate: { tasks: { populate: { leadAgencies: REF, coordinatingAgencies: REF } } },
      });
      return PlanRecordSchema.nullable().parse(row ?? null);
    },
  };
}

/** The taxonomy repository's interface. */
export type TaxonomyRepository = ReturnType<typeof createTaxonomyRepository>;
