/** The only place that reads the Steering Committee website's content from the database. */
import type { Core } from '@strapi/strapi';
import { quarterInterval, type MeasuredPiece } from '@cchc/shared';
import { UID } from '../constants.js';
import type { AgencyRecord, PlanRecord, PlanTaskRecord } from '../mappers/public.js';
import type { UploadFile } from '../mappers/media.js';
import { columnOf, joinTableOf, tableOf } from './schema-names.js';

const REF_AGENCY = { fields: ['slug', 'name', 'shortName'] } as const;

/** The committee's single record. */
export interface CommitteeRecord {
  name: string;
  nameEn?: string | null;
  shortName?: string | null;
  functions?: string | null;
  functionsEn?: string | null;
  structure?: string | null;
  structureEn?: string | null;
  address?: string | null;
  addressEn?: string | null;
  phone?: string | null;
  email?: string | null;
  officeHours?: string | null;
  officeHoursEn?: string | null;
  newsTopic?: { slug: string; name: string } | null;
  demo?: boolean | null;
}

export interface MemberRecord {
  name: string;
  position: string;
  officeTitle?: string | null;
  officeTitleEn?: string | null;
  agency?: AgencyRecord | null;
  order?: number | null;
  photo?: UploadFile | null;
  demo?: boolean | null;
}

export interface ChannelRecord {
  name: string;
  kind: string;
  url?: string | null;
  phone?: string | null;
  description?: string | null;
  order?: number | null;
  demo?: boolean | null;
}

export interface DocumentRecord {
  documentId: string;
  slug: string;
  number: string;
  type: string;
  issuedOn: string;
  issuer: string;
  signer?: string | null;
  abstract: string;
  validity: string;
  effectiveFrom?: string | null;
  note?: string | null;
  demo?: boolean | null;
  updatedAt: string;
  areas?: { code: string; name: string }[];
  files?: UploadFile[] | null;
}

export interface IndexResultRecord {
  index: string;
  year: number;
  score?: number | string | null;
  rank?: number | null;
  outOf?: number | null;
  subject?: string | null;
  sourceNote?: string | null;
  demo?: boolean | null;
}

export interface EventRecord {
  slug: string;
  title: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  place?: string | null;
  onlineUrl?: string | null;
  organiser?: string | null;
  description?: string | null;
  demo?: boolean | null;
  updatedAt: string;
  planTask?: { number: string; title: string; plan?: { year: number } | null } | null;
  report?: { documentId: string } | null;
}

/** A plan task with what progress needs. */
export interface TrackedTaskRecord extends PlanTaskRecord {
  progressMode?: 'manual' | 'measured' | null;
  measureUnit?: 'articles' | 'agencies' | null;
  measureFormats?: unknown;
  measureAreas?: { code: string; name: string }[];
  measureTopics?: { slug: string; name: string }[];
  measureAgencies?: AgencyRecord[];
  expectedPerQuarter?: number | null;
  progressStatus?: string | null;
  progressNote?: string | null;
  evidence?: string | null;
}

export interface TrackedPlanRecord extends Omit<PlanRecord, 'tasks'> {
  tasks?: TrackedTaskRecord[];
}

const DOCUMENT_LIST_FIELDS = ['slug', 'number', 'type', 'issuedOn', 'issuer', 'abstract', 'validity', 'demo', 'updatedAt'] as const;

/** Creates the repository over a Strapi instance. */
export function createCommitteeRepository(strapi: Core.Strapi) {
  return {
    async committee(): Promise<CommitteeRecord | null> {
      const row = await strapi.documents(UID.committee).findFirst({ populate: { newsTopic: { fields: ['slug', 'name'] } } as never });
      return (row as unknown as CommitteeRecord | null) ?? null;
    },

    async members(): Promise<MemberRecord[]> {
      const rows = await strapi.documents(UID.committeeMember).findMany({
        sort: [{ order: 'asc' }, { id: 'asc' }] as never,
        populate: { agency: REF_AGENCY, photo: true } as never,
        limit: 1000,
      });
      return rows as unknown as MemberRecord[];
    },

    async channels(): Promise<ChannelRecord[]> {
      const rows = await strapi.documents(UID.channel).findMany({ sort: [{ order: 'asc' }, { id: 'asc' }] as never, limit: 1000 });
      return rows as unknown as ChannelRecord[];
    },

    /** The published documents, newest issue date first: all of them (the library is hundreds, not millions), or the first `limit`. */
    async publishedDocuments(limit = 100_000): Promise<DocumentRecord[]> {
      const rows = await strapi.documents(UID.steeringDocument).findMany({
        status: 'published',
        fields: DOCUMENT_LIST_FIELDS as never,
        populate: { areas: { fields: ['code', 'name'], sort: ['order:asc'] } } as never,
        sort: [{ issuedOn: 'desc' }, { id: 'desc' }] as never,
        limit,
      });
      return rows as unknown as DocumentRecord[];
    },

    /** One published document with its files, by slug. */
    async documentBySlug(slug: string): Promise<DocumentRecord | null> {
      const row = await strapi.documents(UID.steeringDocument).findFirst({
        status: 'published',
        filters: { slug: { $eq: slug } } as never,
        populate: { areas: { fields: ['code', 'name'], sort: ['order:asc'] }, files: true } as never,
      });
      return (row as unknown as DocumentRecord | null) ?? null;
    },

    /** The published document with this number, if any (a plan's decision). */
    async documentByNumber(number: string): Promise<{ slug: string; number: string } | null> {
      const row = await strapi.documents(UID.steeringDocument).findFirst({
        status: 'published',
        filters: { number: { $eq: number } } as never,
        fields: ['slug', 'number'] as never,
      });
      return (row as unknown as { slug: string; number: string } | null) ?? null;
    },

    async indexResults(): Promise<IndexResultRecord[]> {
      const rows = await strapi.documents(UID.indexResult).findMany({ sort: [{ year: 'asc' }, { id: 'asc' }] as never, limit: 100_000 });
      return rows as unknown as IndexResultRecord[];
    },

    async events(): Promise<EventRecord[]> {
      const rows = await strapi.documents(UID.committeeEvent).findMany({
        sort: [{ startsAt: 'asc' }, { id: 'asc' }] as never,
        populate: { planTask: { fields: ['number', 'title'], populate: { plan: { fields: ['year'] } } }, report: { fields: ['documentId'] } } as never,
        limit: 10_000,
      });
      return rows as unknown as EventRecord[];
    },

    async eventBySlug(slug: string): Promise<EventRecord | null> {
      const row = await strapi.documents(UID.committeeEvent).findFirst({
        filters: { slug: { $eq: slug } } as never,
        populate: { planTask: { fields: ['number', 'title'], populate: { plan: { fields: ['year'] } } }, report: { fields: ['documentId'] } } as never,
      });
      return (row as unknown as EventRecord | null) ?? null;
    },

    /** Slug and title of the published versions of articles, by documentId (unpublished ones are absent). */
    async publishedArticleRefs(documentIds: string[]): Promise<Map<string, { slug: string; title: string }>> {
      if (documentIds.length === 0) return new Map();
      const rows = (await strapi.documents(UID.article).findMany({
        status: 'published',
        filters: { documentId: { $in: documentIds } } as never,
        fields: ['documentId', 'slug', 'title'] as never,
        limit: documentIds.length,
      })) as unknown as Array<{ documentId: string; slug: string; title: string }>;
      return new Map(rows.map((r) => [r.documentId, r]));
    },

    /** The year of the plan a decision with this number issued, or null. */
    async planYearOfCode(code: string): Promise<number | null> {
      const row = (await strapi.documents(UID.plan).findFirst({ filters: { code: { $eq: code } } as never, fields: ['year'] as never })) as unknown as { year: number } | null;
      return row?.year ?? null;
    },

    async planYears(): Promise<number[]> {
      const rows = (await strapi.documents(UID.plan).findMany({ fields: ['year'] as never, sort: [{ year: 'desc' }] as never, limit: 1000 })) as unknown as { year: number }[];
      return rows.map((r) => r.year);
    },

    async trackedPlan(year: number): Promise<TrackedPlanRecord | null> {
      const row = await strapi.documents(UID.plan).findFirst({
        filters: { year: { $eq: year } } as never,
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
        } as never,
      });
      return (row as unknown as TrackedPlanRecord | null) ?? null;
    },

    /**
     * The pieces published in a year (in Vietnam's time), grouped by quarter, format,
     * agency, set of areas and set of topics, with how many pieces each group holds. The
     * database does the grouping, so the cost follows the number of groups: a year can
     * hold tens of thousands of pieces, more than the Document Service should load.
     */
    async piecesOfYear(year: number): Promise<MeasuredPiece[]> {
      const k = strapi.db.connection;
      const table = tableOf(strapi, UID.article);
      const col = (name: string) => columnOf(strapi, UID.article, name);
      const link = (relation: string) => joinTableOf(strapi, UID.article, relation);
      const postgres = strapi.db.getInfo().client === 'postgres';
      /** The related ids of a piece, comma-separated (a correlated subquery, so relations do not multiply rows). */
      const idsOf = (relation: string, alias: string) => {
        const j = link(relation);
        const list = postgres ? k.raw("string_agg(cast(?? as text), ',' order by ??)", [j.targetColumn, j.targetColumn]) : k.raw('group_concat(??)', [j.targetColumn]);
        return k.from(j.table).select(list).where(j.ownColumn, k.ref(`a.${col('id')}`)).as(alias);
      };
      const agencyLink = link('agency');
      const slugs = async (uid: string, column: string) => {
        const rows = (await k.from(tableOf(strapi, uid)).select({ id: columnOf(strapi, uid, 'id'), value: columnOf(strapi, uid, column) })) as Array<{ id: number | string; value: string }>;
        return new Map(rows.map((r) => [String(r.id), r.value]));
      };
      const [agencies, areas, topics] = await Promise.all([slugs(UID.agency, 'slug'), slugs(UID.reformArea, 'code'), slugs(UID.topic, 'slug')]);
      const names = (ids: string | null, lookup: Map<string, string>) => (ids ? ids.split(',').map((id) => lookup.get(id)).filter((v): v is string => v !== undefined) : []);

      const quarters = await Promise.all(
        ([1, 2, 3, 4] as const).map(async (quarter) => {
          const { start, end } = quarterInterval(year, quarter);
          const perPiece = k
            .from({ a: table })
            .whereNotNull(`a.${col('publishedAt')}`)
            .where(`a.${col('publicationDate')}`, '>=', start)
            .where(`a.${col('publicationDate')}`, '<', end)
            .select({ format: `a.${col('format')}` })
            .select(k.from(agencyLink.table).select(agencyLink.targetColumn).where(agencyLink.ownColumn, k.ref(`a.${col('id')}`)).limit(1).as('agency_id'))
            .select(idsOf('areas', 'area_ids'))
            .select(idsOf('topics', 'topic_ids'));
          const rows = (await k
            .from(perPiece.as('p'))
            .select('format', 'agency_id', 'area_ids', 'topic_ids')
            .count({ n: '*' })
            .groupBy('format', 'agency_id', 'area_ids', 'topic_ids')) as Array<{ format: string; agency_id: number | string | null; area_ids: string | null; topic_ids: string | null; n: number | string }>;
          return rows.map((row) => ({
            publishedAt: start.toISOString(),
            format: row.format,
            agency: row.agency_id === null ? null : agencies.get(String(row.agency_id)) ?? null,
            areas: names(row.area_ids, areas),
            topics: names(row.topic_ids, topics),
            count: Number(row.n),
          }));
        }),
      );
      return quarters.flat();
    },
  };
}

/** The repository's interface. */
export type CommitteeRepository = ReturnType<typeof createCommitteeRepository>;
