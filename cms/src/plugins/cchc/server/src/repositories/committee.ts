/** The only place that reads the Steering Committee website's content from the database. */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { UID } from '../constants.js';
import { documentsOf } from './documents.js';
import {
  ArticleRefRecordSchema,
  ChannelRecordSchema,
  CommitteeRecordSchema,
  DocumentNumberRecordSchema,
  DocumentRecordSchema,
  EventRecordSchema,
  IndexResultRecordSchema,
  MemberRecordSchema,
  PlanYearRecordSchema,
  TrackedPlanRecordSchema,
  type ChannelRecord,
  type CommitteeRecord,
  type DocumentNumberRecord,
  type DocumentRecord,
  type EventRecord,
  type IndexResultRecord,
  type MemberRecord,
  type TrackedPlanRecord,
} from './records.js';

const REF_AGENCY = { fields: ['slug', 'name', 'shortName'] } as const;
/** An event's plan task (with the plan's year) and its report. */
const EVENT_POPULATE = { planTask: { fields: ['number', 'title'], populate: { plan: { fields: ['year'] } } }, report: { fields: ['documentId'] } } as const;

const DOCUMENT_LIST_FIELDS = ['slug', 'number', 'type', 'issuedOn', 'issuer', 'abstract', 'validity', 'demo', 'updatedAt'] as const;

/** Creates the repository over a Strapi instance. */
export function createCommitteeRepository(strapi: Core.Strapi) {
  return {
    /** The committee's record, or null before an administrator fills it in. */
    async committee(): Promise<CommitteeRecord | null> {
      const row = await documentsOf(strapi, UID.committee).findFirst({ populate: { newsTopic: { fields: ['slug', 'name'] } } });
      return CommitteeRecordSchema.nullable().parse(row ?? null);
    },

    /** The members in the order the structure shows them. */
    async members(): Promise<MemberRecord[]> {
      const rows = await documentsOf(strapi, UID.committeeMember).findMany({
        sort: [{ order: 'asc' }, { id: 'asc' }],
        populate: { agency: REF_AGENCY, photo: true },
        limit: 1000,
      });
      return z.array(MemberRecordSchema).parse(rows);
    },

    /** The channels in display order. */
    async channels(): Promise<ChannelRecord[]> {
      const rows = await documentsOf(strapi, UID.channel).findMany({ sort: [{ order: 'asc' }, { id: 'asc' }], limit: 1000 });
      return z.array(ChannelRecordSchema).parse(rows);
    },

    /** The published documents, newest issue date first: all of them (the library is hundreds, not millions), or the first `limit`. */
    async publishedDocuments(limit = 100_000): Promise<DocumentRecord[]> {
      const rows = await documentsOf(strapi, UID.steeringDocument).findMany({
        status: 'published',
        fields: DOCUMENT_LIST_FIELDS,
        populate: { areas: { fields: ['code', 'name'], sort: ['order:asc'] } },
        sort: [{ issuedOn: 'desc' }, { id: 'desc' }],
        limit,
      });
      return z.array(DocumentRecordSchema).parse(rows);
    },

    /** One published document with its files, by slug. */
    async documentBySlug(slug: string): Promise<DocumentRecord | null> {
      const row = await documentsOf(strapi, UID.steeringDocument).findFirst({
        status: 'published',
        filters: { slug: { $eq: slug } },
        populate: { areas: { fields: ['code', 'name'], sort: ['order:asc'] }, files: true },
      });
      return DocumentRecordSchema.nullable().parse(row ?? null);
    },

    /** A document's draft with its files, by document id (what its preview shows). */
    async documentDraft(documentId: string): Promise<DocumentRecord | null> {
      const row = await documentsOf(strapi, UID.steeringDocument).findOne({
        documentId,
        status: 'draft',
        populate: { areas: { fields: ['code', 'name'], sort: ['order:asc'] }, files: true },
      });
      return DocumentRecordSchema.nullable().parse(row ?? null);
    },

    /** The published document with this number, if any (a plan's decision). */
    async documentByNumber(number: string): Promise<DocumentNumberRecord | null> {
      const row = await documentsOf(strapi, UID.steeringDocument).findFirst({
        status: 'published',
        filters: { number: { $eq: number } },
        fields: ['slug', 'number'],
      });
      return DocumentNumberRecordSchema.nullable().parse(row ?? null);
    },

    /** Every index result, oldest year first. */
    async indexResults(): Promise<IndexResultRecord[]> {
      const rows = await documentsOf(strapi, UID.indexResult).findMany({ sort: [{ year: 'asc' }, { id: 'asc' }], limit: 100_000 });
      return z.array(IndexResultRecordSchema).parse(rows);
    },

    /** Every event, earliest start first. */
    async events(): Promise<EventRecord[]> {
      const rows = await documentsOf(strapi, UID.committeeEvent).findMany({
        sort: [{ startsAt: 'asc' }, { id: 'asc' }],
        populate: EVENT_POPULATE,
        limit: 10_000,
      });
      return z.array(EventRecordSchema).parse(rows);
    },

    /** One event by slug, or null. */
    async eventBySlug(slug: string): Promise<EventRecord | null> {
      const row = await documentsOf(strapi, UID.committeeEvent).findFirst({
        filters: { slug: { $eq: slug } },
        populate: EVENT_POPULATE,
      });
      return EventRecordSchema.nullable().parse(row ?? null);
    },

    /** One event by document id, or null (what its preview shows). */
    async eventByDocumentId(documentId: string): Promise<EventRecord | null> {
      const row = await documentsOf(strapi, UID.committeeEvent).findOne({ documentId, populate: EVENT_POPULATE });
      return EventRecordSchema.nullable().parse(row ?? null);
    },

    /** Slug and title of the published versions of articles, by documentId (unpublished ones are absent). */
    async publishedArticleRefs(documentIds: string[]): Promise<Map<string, { slug: string; title: string }>> {
      if (documentIds.length === 0) return new Map();
      const rows = await documentsOf(strapi, UID.article).findMany({
        status: 'published',
        filters: { documentId: { $in: documentIds } },
        fields: ['documentId', 'slug', 'title'],
        limit: documentIds.length,
      });
      return new Map(z.array(ArticleRefRecordSchema).parse(rows).map((r) => [r.documentId, r]));
    },

    /** The year of the plan a decision with this number issued, or null. */
    async planYearOfCode(code: string): Promise<number | null> {
      const row = await documentsOf(strapi, UID.plan).findFirst({ filters: { code: { $eq: code } }, fields: ['year'] });
      return PlanYearRecordSchema.nullable().parse(row ?? null)?.year ?? null;
    },

    /** The years that have a plan, latest first. */
    async planYears(): Promise<number[]> {
      const rows = await documentsOf(strapi, UID.plan).findMany({ fields: ['year'], sort: [{ year: 'desc' }], limit: 1000 });
      return z.array(PlanYearRecordSchema).parse(rows).map((r) => r.year);
    },

    /** The plan of a year with every task's progress fields and what measured tasks count. */
    async trackedPlan(year: number): Promise<TrackedPlanRecord | null> {
      const row = await documentsOf(strapi, UID.plan).findFirst({
        filters: { year: { $eq: year } },
        populate: {
          tasks: {
            populate: {
              leadAgencies: REF_AGENCY,
              coordinatingAgencies: REF_AGENCY,
              measureAreas: { fields: ['code', 'name'] },
              measureTopics: { fields: ['slug', 'name'] },
              measureAgencies: REF_AGENCY,
            },
          },
        },
      });
      return TrackedPlanRecordSchema.nullable().parse(row ?? null);
    },
  };
}

/** The repository's interface. */
export type CommitteeRepository = ReturnType<typeof createCommitteeRepository>;
