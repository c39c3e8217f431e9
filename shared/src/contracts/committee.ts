/**
 * Contracts of the Steering Committee website's endpoints (/api/cchc/committee/…):
 * the committee and its members, channels, documents, the plan tracker, index
 * results and events.
 */
import { z } from 'zod';
import {
  CHANNEL_KIND_CODES,
  DOCUMENT_STATUS_CODES,
  DOCUMENT_TYPE_CODES,
  EVENT_KIND_CODES,
  MEASURE_UNIT_CODES,
  MEMBER_POSITION_CODES,
  REFORM_INDEX_CODES,
  TASK_STATUS_CODES,
} from '../domain/committee.js';
import { AgencyRefSchema } from './agencies.js';
import { ArticleSummarySchema } from './articles.js';
import { PlanSchema, PlanTaskSchema, type PlanTask } from './plans.js';
import { AttachmentSchema, ImageSchema, PaginationSchema, intParam, paginationQuery, slugParam } from './common.js';
import { TAG } from './cache-tags.js';
import { declareEndpoint } from './endpoint.js';

const AreaRefSchema = z.object({ code: z.string(), name: z.string() });
const ArticleRefSchema = z.object({ slug: z.string(), title: z.string() });

/** The committee itself (one record): names, functions and duties, structure, contacts. Texts are Markdown. */
export const CommitteeSchema = z.object({
  name: z.string(),
  nameEn: z.string(),
  shortName: z.string(),
  functions: z.string(),
  functionsEn: z.string(),
  structure: z.string(),
  structureEn: z.string(),
  address: z.string(),
  addressEn: z.string(),
  phone: z.string(),
  email: z.string(),
  officeHours: z.string(),
  officeHoursEn: z.string(),
  /** Topic of the CCHC column whose articles are the committee's news. */
  newsTopic: z.object({ slug: z.string(), name: z.string() }).nullable(),
  demo: z.boolean(),
});
export type Committee = z.infer<typeof CommitteeSchema>;

/** A member of the committee or its support team. */
export const CommitteeMemberSchema = z.object({
  name: z.string(),
  position: z.enum(MEMBER_POSITION_CODES),
  officeTitle: z.string(),
  officeTitleEn: z.string(),
  agency: AgencyRefSchema.nullable(),
  order: z.number().int(),
  photo: ImageSchema.nullable(),
  demo: z.boolean(),
});
export type CommitteeMember = z.infer<typeof CommitteeMemberSchema>;

/** A channel where people reach the administration: a hotline, a portal, an app. */
export const ChannelSchema = z.object({
  name: z.string(),
  kind: z.enum(CHANNEL_KIND_CODES),
  /** A web address, or `mailto:` / `tel:`. */
  url: z.string(),
  phone: z.string(),
  description: z.string(),
  order: z.number().int(),
  demo: z.boolean(),
});
export type Channel = z.infer<typeof ChannelSchema>;

/** A steering document in lists. */
export const DocumentSummarySchema = z.object({
  slug: z.string(),
  number: z.string(),
  type: z.enum(DOCUMENT_TYPE_CODES),
  /** Calendar date, YYYY-MM-DD. */
  issuedOn: z.string(),
  issuer: z.string(),
  abstract: z.string(),
  status: z.enum(DOCUMENT_STATUS_CODES),
  areas: z.array(AreaRefSchema),
  demo: z.boolean(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

/** A steering document with its files. */
export const DocumentDetailSchema = DocumentSummarySchema.extend({
  signer: z.string(),
  effectiveFrom: z.string().nullable(),
  note: z.string(),
  files: z.array(AttachmentSchema),
  /** The plan this document issued, when it is one. */
  planYear: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

/** One published result of a reform index. */
export const IndexScoreSchema = z.object({
  year: z.number().int(),
  /** The score (null when only a rank was published). */
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  outOf: z.number().int().nullable(),
  /** The province, or for DDCI an agency or locality. */
  subject: z.string(),
  sourceNote: z.string(),
  demo: z.boolean(),
});
export type IndexScore = z.infer<typeof IndexScoreSchema>;

/** An index with its results, oldest year first. */
export const IndexSeriesSchema = z.object({
  code: z.enum(REFORM_INDEX_CODES),
  label: z.string(),
  name: z.string(),
  results: z.array(IndexScoreSchema),
});
export type IndexSeries = z.infer<typeof IndexSeriesSchema>;

/** A conference, dialogue, training class or contest. */
export const CommitteeEventSchema = z.object({
  slug: z.string(),
  title: z.string(),
  kind: z.enum(EVENT_KIND_CODES),
  /** ISO instants; a calendar shows them in Asia/Ho_Chi_Minh. */
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  onlineUrl: z.string(),
  organiser: z.string(),
  /** Text; the site renders it as sanitised Markdown. */
  description: z.string(),
  planTask: z.object({ number: z.string(), title: z.string(), planYear: z.number().int() }).nullable(),
  report: ArticleRefSchema.nullable(),
  demo: z.boolean(),
  updatedAt: z.string(),
});
export type CommitteeEvent = z.infer<typeof CommitteeEventSchema>;

/** One quarter of a measured task. */
export const QuarterProgressSchema = z.object({
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  actual: z.number().int(),
  expected: z.number().int(),
  phase: z.enum(['past', 'current', 'future']),
  met: z.boolean(),
});

/** A link to evidence of a task's progress. */
export const EvidenceLinkSchema = z.object({ label: z.string(), url: z.string() });
export type EvidenceLink = z.infer<typeof EvidenceLinkSchema>;

/** Progress of a task: measured from published content, or set by an editor. */
export const TaskProgressSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('measured'),
    unit: z.enum(MEASURE_UNIT_CODES),
    expectedPerQuarter: z.number().int(),
    /** What is counted, in words ("phóng sự của Đài PT&TH"). */
    criteria: z.string(),
    quarters: z.array(QuarterProgressSchema),
    /** The list of the column that shows the counted pieces, when one page does. */
    listPath: z.string().nullable(),
  }),
  z.object({
    mode: z.literal('manual'),
    status: z.enum(TASK_STATUS_CODES),
    statusNote: z.string(),
    evidence: z.array(EvidenceLinkSchema),
  }),
]);
export type TaskProgress = z.infer<typeof TaskProgressSchema>;

/** A task of the plan's appendix, with progress and its sub-tasks (5 → 5.1 … 5.6). */
export const TrackedTaskSchema = PlanTaskSchema.omit({ order: true }).extend({
  progress: TaskProgressSchema.nullable(),
  get subtasks() {
    return z.array(TrackedTaskSchema);
  },
});
export type TrackedTask = Omit<PlanTask, 'order'> & { progress: TaskProgress | null; subtasks: TrackedTask[] };

/** A plan with its tracked tasks. */
export const PlanTrackerSchema = PlanSchema.omit({ tasks: true }).extend({
  /** The document page of the decision that issued the plan, when it is in the library. */
  document: z.object({ slug: z.string(), number: z.string() }).nullable(),
  tasks: z.array(TrackedTaskSchema),
  /** Instant the progress was computed (quarters are past, current or future relative to it). */
  measuredAt: z.string(),
  /** Years that have a plan, newest first. */
  years: z.array(z.number().int()),
});
export type PlanTracker = z.infer<typeof PlanTrackerSchema>;

/** GET /api/cchc/committee: the committee, its members and the channels. */
export namespace GetCommittee {
  export const ResponseSchema = z.object({
    data: z.object({ committee: CommitteeSchema, members: z.array(CommitteeMemberSchema), channels: z.array(ChannelSchema) }),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getCommittee',
    api: 'content-api',
    method: 'GET',
    path: '/committee',
    summary: 'The committee, its members and the channels.',
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.committee],
  });
}

/** GET /api/cchc/committee/home: what the committee's home page shows. */
export namespace GetCommitteeHome {
  export const ResponseSchema = z.object({
    data: z.object({
      committee: CommitteeSchema,
      news: z.array(ArticleSummarySchema),
      upcomingEvents: z.array(CommitteeEventSchema),
      /** Each index's latest and previous result for the main subject (the one most results are about: the province). */
      indices: z.array(z.object({ code: z.enum(REFORM_INDEX_CODES), label: z.string(), name: z.string(), latest: IndexScoreSchema, previous: IndexScoreSchema.nullable() })),
      channels: z.array(ChannelSchema),
      latestDocuments: z.array(DocumentSummarySchema),
    }),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getCommitteeHome',
    api: 'content-api',
    method: 'GET',
    path: '/committee/home',
    summary: 'What the committee home page shows.',
    response: ResponseSchema,
    access: 'public',
    cacheTags: (_, home) => [TAG.committee, TAG.latest, ...(home.data.committee.newsTopic ? [TAG.topic(home.data.committee.newsTopic.slug)] : [])],
  });
}

/** GET /api/cchc/committee/documents */
export namespace ListDocuments {
  /** Longest search text accepted. */
  export const MAX_QUERY_LENGTH = 200;
  export const QuerySchema = z.object({
    q: z
      .string({ error: 'Từ khóa phải là một chuỗi.' })
      .max(MAX_QUERY_LENGTH, { error: `Từ khóa dài tối đa ${MAX_QUERY_LENGTH} ký tự.` })
      .optional(),
    type: z.enum(DOCUMENT_TYPE_CODES, { error: 'Loại văn bản không hợp lệ.' }).optional(),
    year: intParam('year', 1990, 2100).optional(),
    issuer: z.string({ error: 'Cơ quan ban hành phải là một chuỗi.' }).max(250, { error: 'Cơ quan ban hành dài tối đa 250 ký tự.' }).optional(),
    area: slugParam('area').optional(),
    ...paginationQuery,
  });
  export type Query = z.infer<typeof QuerySchema>;
  export const ResponseSchema = z.object({
    data: z.array(DocumentSummarySchema),
    meta: z.object({
      pagination: PaginationSchema,
      /** Values the filters can take (over all published documents). */
      facets: z.object({ types: z.array(z.enum(DOCUMENT_TYPE_CODES)), years: z.array(z.number().int()), issuers: z.array(z.string()) }),
    }),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'listDocuments',
    api: 'content-api',
    method: 'GET',
    path: '/committee/documents',
    summary: 'A page of the documents library, with its facets.',
    query: QuerySchema,
    response: ResponseSchema,
    access: 'public',
    // Facets are counted over the whole library.
    cost: 3,
    cacheTags: () => [TAG.committee],
  });
}

/** GET /api/cchc/committee/documents/:slug */
export namespace GetDocument {
  export const ParamsSchema = z.object({ slug: slugParam('slug') });
  export const ResponseSchema = z.object({ data: DocumentDetailSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getDocument',
    api: 'content-api',
    method: 'GET',
    path: '/committee/documents/:slug',
    summary: 'One steering document with its files, or 404.',
    params: ParamsSchema,
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.committee],
  });
}

/** GET /api/cchc/committee/plans/:year */
export namespace GetPlanTracker {
  export const ParamsSchema = z.object({ year: intParam('year', 1990, 2100) });
  export const ResponseSchema = z.object({ data: PlanTrackerSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getPlanTracker',
    api: 'content-api',
    method: 'GET',
    path: '/committee/plans/:year',
    summary: 'The plan of a year with the progress of each task, or 404.',
    params: ParamsSchema,
    response: ResponseSchema,
    access: 'public',
    // Counts every measured task over the year.
    cost: 5,
    cacheTags: () => [TAG.committee, TAG.latest],
  });
}

/** GET /api/cchc/committee/plans: years that have a plan, newest first. */
export namespace ListPlanYears {
  export const ResponseSchema = z.object({ data: z.array(z.number().int()) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'listPlanYears',
    api: 'content-api',
    method: 'GET',
    path: '/committee/plans',
    summary: 'The years that have a plan, newest first.',
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.committee],
  });
}

/** GET /api/cchc/committee/indices */
export namespace ListIndices {
  export const ResponseSchema = z.object({ data: z.array(IndexSeriesSchema) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'listIndices',
    api: 'content-api',
    method: 'GET',
    path: '/committee/indices',
    summary: 'The reform indices with their published results.',
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.committee],
  });
}

/** GET /api/cchc/committee/events */
export namespace ListEvents {
  export const QuerySchema = z.object({
    when: z.enum(['upcoming', 'past', 'all'], { error: 'Tham số "when" nhận upcoming, past hoặc all.' }).default('all'),
  });
  export type Query = z.infer<typeof QuerySchema>;
  export const ResponseSchema = z.object({ data: z.array(CommitteeEventSchema) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'listEvents',
    api: 'content-api',
    method: 'GET',
    path: '/committee/events',
    summary: 'The committee events: upcoming, past or all.',
    query: QuerySchema,
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.committee],
  });
}

/** GET /api/cchc/committee/events/:slug */
export namespace GetEvent {
  export const ParamsSchema = z.object({ slug: slugParam('slug') });
  export const ResponseSchema = z.object({ data: CommitteeEventSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getEvent',
    api: 'content-api',
    method: 'GET',
    path: '/committee/events/:slug',
    summary: 'One event with its report, or 404.',
    params: ParamsSchema,
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.committee],
  });
}
