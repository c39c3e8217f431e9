/**
 * The rows the repositories read through Strapi's Document Service, as zod schemas.
 * Repositories parse what the database returns with these instead of casting it, so a
 * row that is not what the mappers expect fails where it is read, not three calls later.
 *
 * Each schema is exactly as lenient as the database: text and numbers a column may
 * hold as null, relations that may be empty or not populated, are `.nullish()`; what
 * Strapi requires on every save is required here (a draft is saved unchecked: see
 * WorkflowArticleSchema, the one schema of drafts). The Document Service hands back
 * datetimes as ISO strings, dates as `YYYY-MM-DD` strings and numbers as numbers (on
 * PostgreSQL too). Plain objects drop the keys they do not name (id, createdBy, …):
 * the mappers pick fields one by one anyway. Enumerations are the shared vocabularies,
 * which the content types list exactly (tests/unit/cms/schema-enums.test.ts).
 *
 * A relation populated with a few fields (an agency as slug, name and short name) has
 * a reference schema of its own, not the whole row's: that is all the database returns.
 */
import {
  ArticleSnapshotSchema,
  AGENCY_KIND_CODES,
  ARTICLE_FORMAT_CODES,
  CHANNEL_KIND_CODES,
  DOCUMENT_STATUS_CODES,
  DOCUMENT_TYPE_CODES,
  EVENT_KIND_CODES,
  MEASURE_UNIT_CODES,
  MEMBER_POSITION_CODES,
  PROGRESS_MODES,
  REFORM_INDEX_CODES,
  TASK_STATUS_CODES,
  WORKFLOW_STATES,
} from '@cchc/shared';
import { z } from 'zod';

/** Text a column may hold as null (or a query may leave out). */
const Text = z.string().nullish();
/** A number a column may hold as null. */
const Num = z.number().nullish();
/** A boolean a column may hold as null. */
const Flag = z.boolean().nullish();
/**
 * The slug of an article, document or event. The plugin's middlewares give one on every
 * write, but the column allows null (it is not a required attribute): a row without one
 * gets an empty slug rather than failing the whole list it is in.
 */
const Slug = Text.transform((slug) => slug ?? '');

/** The fields of an upload file the mappers read (a subset of plugin::upload.file). */
export const UploadFileSchema = z.object({
  url: z.string(),
  name: z.string(),
  mime: z.string(),
  /** In kB of 1000 bytes (a decimal column; Strapi returns it as a number). */
  size: z.number(),
  width: Num,
  height: Num,
  alternativeText: Text,
  formats: z.record(z.string(), z.object({ url: z.string(), width: z.number(), height: z.number(), mime: z.string() })).nullish(),
});
/** An upload file. */
export type UploadFile = z.output<typeof UploadFileSchema>;

/** An agency populated as slug, name and short name. */
export const AgencyRefRecordSchema = z.object({ slug: z.string(), name: z.string(), shortName: Text });
/** A reference to an agency. */
export type AgencyRefRecord = z.output<typeof AgencyRefRecordSchema>;

/** A reform area populated as code and name. */
export const AreaRefRecordSchema = z.object({ code: z.string(), name: z.string() });
/** A reference to a reform area. */
export type AreaRefRecord = z.output<typeof AreaRefRecordSchema>;

/** A topic populated as slug and name. */
export const TopicRefRecordSchema = z.object({ slug: z.string(), name: z.string() });
/** A reference to a topic. */
export type TopicRefRecord = z.output<typeof TopicRefRecordSchema>;

/** An agency row with its parent and successor (populated as references). */
export const AgencyRecordSchema = AgencyRefRecordSchema.extend({
  kind: z.enum(AGENCY_KIND_CODES),
  /** Required, defaulting to true; a null (written around Strapi) counts as active, as in the compliance report. */
  active: Flag.transform((value) => value !== false),
  phone: Text,
  email: Text,
  website: Text,
  address: Text,
  parent: AgencyRefRecordSchema.nullish(),
  successor: AgencyRefRecordSchema.nullish(),
});
/** An agency row with the relations the mappers read. */
export type AgencyRecord = z.output<typeof AgencyRecordSchema>;

/** A reform area row with its lead agency. */
export const ReformAreaRecordSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: Text,
  order: Num,
  leadAgency: AgencyRefRecordSchema.nullish(),
});
/** A reform area row. */
export type ReformAreaRecord = z.output<typeof ReformAreaRecordSchema>;

/** A topic row. */
export const TopicRecordSchema = z.object({ slug: z.string(), name: z.string(), description: Text, order: Num });
/** A topic row. */
export type TopicRecord = z.output<typeof TopicRecordSchema>;

/** A plan task row with its agencies. */
export const PlanTaskRecordSchema = z.object({
  number: z.string(),
  title: z.string(),
  timing: Text,
  product: Text,
  order: Num,
  leadAgencies: z.array(AgencyRefRecordSchema).optional(),
  coordinatingAgencies: z.array(AgencyRefRecordSchema).optional(),
});
/** A plan task row. */
export type PlanTaskRecord = z.output<typeof PlanTaskRecordSchema>;

/** A plan row with its tasks. */
export const PlanRecordSchema = z.object({
  year: z.number(),
  code: Text,
  title: z.string(),
  issuedOn: Text,
  issuer: Text,
  summary: Text,
  tasks: z.array(PlanTaskRecordSchema).optional(),
});
/** A plan row. */
export type PlanRecord = z.output<typeof PlanRecordSchema>;

/**
 * A plan task with what its progress needs. The progress fields came after the first
 * tasks were stored, and Strapi gives a new column no default: older rows hold null.
 */
export const TrackedTaskRecordSchema = PlanTaskRecordSchema.extend({
  progressMode: z.enum(PROGRESS_MODES).nullish(),
  measureUnit: z.enum(MEASURE_UNIT_CODES).nullish(),
  /** A JSON field, checked on save; the mapper keeps the format codes in it. */
  measureFormats: z.unknown(),
  measureAreas: z.array(AreaRefRecordSchema).optional(),
  measureTopics: z.array(TopicRefRecordSchema).optional(),
  measureAgencies: z.array(AgencyRefRecordSchema).optional(),
  expectedPerQuarter: Num,
  progressStatus: z.enum(TASK_STATUS_CODES).nullish(),
  progressNote: Text,
  evidence: Text,
});
/** A plan task with its progress fields. */
export type TrackedTaskRecord = z.output<typeof TrackedTaskRecordSchema>;

/** A plan with the tasks the tracker measures. */
export const TrackedPlanRecordSchema = PlanRecordSchema.extend({ tasks: z.array(TrackedTaskRecordSchema).optional() });
/** A plan row for the tracker. */
export type TrackedPlanRecord = z.output<typeof TrackedPlanRecordSchema>;

/** A plan's year (a plan read for that field alone). */
export const PlanYearRecordSchema = z.object({ year: z.number() });

/** An article row (published version) with its relations. */
export const ArticleRecordSchema = z.object({
  documentId: z.string(),
  slug: Slug,
  title: z.string(),
  summary: Text,
  body: Text,
  format: z.enum(ARTICLE_FORMAT_CODES),
  byline: Text,
  featured: Flag,
  demo: Flag,
  publicationDate: Text,
  publishedAt: Text,
  updatedAt: z.string(),
  areas: z.array(AreaRefRecordSchema).optional(),
  topics: z.array(TopicRefRecordSchema).optional(),
  agency: AgencyRefRecordSchema.nullish(),
  cover: UploadFileSchema.nullish(),
  attachments: z.array(UploadFileSchema).nullish(),
});
/** An article row. */
export type ArticleRecord = z.output<typeof ArticleRecordSchema>;

/** An article read as a link (slug, title, publication date): a neighbour, which has a date by the query. */
export const ArticleLinkRecordSchema = z.object({ slug: Slug, title: z.string(), publicationDate: z.string() });
/** An article link row. */
export type ArticleLinkRecord = z.output<typeof ArticleLinkRecordSchema>;

/** A published article's slug and title, by document (what an event's report links to). */
export const ArticleRefRecordSchema = z.object({ documentId: z.string(), slug: Slug, title: z.string() });
/** An article reference row. */
export type ArticleRefRecord = z.output<typeof ArticleRefRecordSchema>;

/** A change note row, as the public sees it. */
export const ChangeNoteRecordSchema = z.object({ note: z.string(), notedAt: z.string() });
/** A change note row. */
export type ChangeNoteRecord = z.output<typeof ChangeNoteRecordSchema>;

/**
 * The draft version of an article, as the workflow needs it. Strapi checks required
 * fields only at publication, so a draft may have no title (hence no slug) and no
 * format yet. The workflow state came after the first articles were stored, and
 * Strapi gives a new column no default: a null is the content type's default, a draft.
 */
export const WorkflowArticleSchema = z.object({
  documentId: z.string(),
  title: Text.transform((title) => title ?? ''),
  slug: Text,
  format: z.enum(ARTICLE_FORMAT_CODES).nullish().transform((format) => format ?? ''),
  workflowState: z.enum(WORKFLOW_STATES).nullish().transform((state) => state ?? 'draft'),
  submittedAt: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  agency: z.object({ slug: z.string(), name: z.string() }).nullable(),
  areas: z.array(z.object({ code: z.string() })),
  cover: z.object({ alternativeText: Text }).nullable(),
  publishedAt: Text,
});
/** A draft article for the workflow. */
export type WorkflowArticle = z.output<typeof WorkflowArticleSchema>;

/** A history row as stored. The service always writes an actor's name; the column allows none. */
export const WorkflowEventRecordSchema = z.object({
  articleDocumentId: z.string(),
  action: z.string(),
  fromState: z.enum(WORKFLOW_STATES),
  toState: z.enum(WORKFLOW_STATES),
  note: z.string().nullable(),
  actorId: z.number().nullable(),
  actorName: Text.transform((name) => name ?? ''),
  agencySlug: z.string().nullable(),
  occurredAt: z.string(),
});
/** A history row. */
export type WorkflowEventRecord = z.output<typeof WorkflowEventRecordSchema>;

/** A history row as read back: its id, and the snapshot of the piece the move stored (transitions only). */
export const WorkflowEventRowSchema = WorkflowEventRecordSchema.extend({ id: z.number().int(), snapshot: ArticleSnapshotSchema.nullish().transform((s) => s ?? null) });
/** A history row read back. */
export type WorkflowEventRow = z.output<typeof WorkflowEventRowSchema>;

/** The committee's single record. */
export const CommitteeRecordSchema = z.object({
  name: z.string(),
  nameEn: Text,
  shortName: Text,
  functions: Text,
  functionsEn: Text,
  structure: Text,
  structureEn: Text,
  address: Text,
  addressEn: Text,
  phone: Text,
  email: Text,
  officeHours: Text,
  officeHoursEn: Text,
  newsTopic: TopicRefRecordSchema.nullish(),
  demo: Flag,
});
/** The committee row. */
export type CommitteeRecord = z.output<typeof CommitteeRecordSchema>;

/** A committee member row with the agency and photo. */
export const MemberRecordSchema = z.object({
  name: z.string(),
  position: z.enum(MEMBER_POSITION_CODES),
  officeTitle: Text,
  officeTitleEn: Text,
  agency: AgencyRefRecordSchema.nullish(),
  order: Num,
  photo: UploadFileSchema.nullish(),
  demo: Flag,
});
/** A committee member row. */
export type MemberRecord = z.output<typeof MemberRecordSchema>;

/** A channel row. */
export const ChannelRecordSchema = z.object({
  name: z.string(),
  kind: z.enum(CHANNEL_KIND_CODES),
  url: Text,
  phone: Text,
  description: Text,
  order: Num,
  demo: Flag,
});
/** A channel row. */
export type ChannelRecord = z.output<typeof ChannelRecordSchema>;

/** A steering document row (published version): its list fields, and in full its files. */
export const DocumentRecordSchema = z.object({
  documentId: z.string(),
  slug: Slug,
  number: z.string(),
  type: z.enum(DOCUMENT_TYPE_CODES),
  issuedOn: z.string(),
  issuer: z.string(),
  signer: Text,
  abstract: z.string(),
  validity: z.enum(DOCUMENT_STATUS_CODES),
  effectiveFrom: Text,
  note: Text,
  demo: Flag,
  updatedAt: z.string(),
  areas: z.array(AreaRefRecordSchema).optional(),
  files: z.array(UploadFileSchema).nullish(),
});
/** A steering document row. */
export type DocumentRecord = z.output<typeof DocumentRecordSchema>;

/** A steering document read for its slug and number (a plan's decision). */
export const DocumentNumberRecordSchema = z.object({ slug: Slug, number: z.string() });
/** A steering document's slug and number. */
export type DocumentNumberRecord = z.output<typeof DocumentNumberRecordSchema>;

/** An index result row. A float column: a number, but the mapper also takes a numeric string. */
export const IndexResultRecordSchema = z.object({
  index: z.enum(REFORM_INDEX_CODES),
  year: z.number(),
  score: z.union([z.number(), z.string()]).nullish(),
  rank: Num,
  outOf: Num,
  subject: Text,
  sourceNote: Text,
  demo: Flag,
});
/** An index result row. */
export type IndexResultRecord = z.output<typeof IndexResultRecordSchema>;

/** An event row with its plan task (and that task's plan year) and report. */
export const EventRecordSchema = z.object({
  slug: Slug,
  title: z.string(),
  kind: z.enum(EVENT_KIND_CODES),
  startsAt: z.string(),
  endsAt: z.string(),
  place: Text,
  onlineUrl: Text,
  organiser: Text,
  description: Text,
  demo: Flag,
  updatedAt: z.string(),
  planTask: z.object({ number: z.string(), title: z.string(), plan: PlanYearRecordSchema.nullish() }).nullish(),
  report: z.object({ documentId: z.string() }).nullish(),
});
/** An event row. */
export type EventRecord = z.output<typeof EventRecordSchema>;
