/** Schemas of the demo data set's files, so a broken data file fails with a clear message. */
import {
  AGENCY_KIND_CODES,
  ARTICLE_FORMAT_CODES,
  WORKFLOW_ACTION_NAMES,
  type WorkflowActionName,
  CHANNEL_KIND_CODES,
  CONTEST_AUDIENCE_CODES,
  QUESTION_KIND_CODES,
  RESULTS_POLICY_CODES,
  SCORE_TIMING_CODES,
  DOCUMENT_STATUS_CODES,
  DOCUMENT_TYPE_CODES,
  EVENT_KIND_CODES,
  MEASURE_UNIT_CODES,
  MEMBER_POSITION_CODES,
  REFORM_AREA_CODES,
  REFORM_INDEX_CODES,
  TASK_STATUS_CODES,
} from '@cchc/shared';
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const ManifestSchema = z.object({
  name: z.string(),
  province: z.string(),
  siteTitle: z.string(),
  publisher: z.string(),
  demoNotice: z.string(),
});

export const TaxonomySchema = z.object({
  reformAreas: z.array(
    z.object({
      code: z.enum(REFORM_AREA_CODES),
      name: z.string(),
      nameEn: z.string(),
      description: z.string(),
      leadAgency: slug.nullable(),
      order: z.number().int(),
    }),
  ),
  topics: z.array(z.object({ slug, name: z.string(), description: z.string(), order: z.number().int() })),
});

export const AgenciesSchema = z.array(
  z.object({
    slug,
    name: z.string(),
    shortName: z.string(),
    kind: z.enum(AGENCY_KIND_CODES),
    parent: slug.nullable(),
    active: z.boolean(),
    successor: slug.nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    address: z.string().nullable(),
  }),
);

export const PlanSchema = z.object({
  year: z.number().int(),
  code: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  issuer: z.string(),
  summary: z.string(),
  tasks: z.array(
    z.object({
      number: z.string(),
      title: z.string(),
      leadAgencies: z.array(slug),
      coordinatingAgencies: z.array(slug),
      timing: z.string(),
      product: z.string(),
      order: z.number().int(),
      /** How progress is shown: measured from published pieces, or a status an editor sets. */
      progress: z
        .discriminatedUnion('mode', [
          z.object({
            mode: z.literal('measured'),
            unit: z.enum(MEASURE_UNIT_CODES),
            formats: z.array(z.enum(ARTICLE_FORMAT_CODES)),
            areas: z.array(z.enum(REFORM_AREA_CODES)),
            topics: z.array(slug),
            agencies: z.array(slug),
            expectedPerQuarter: z.number().int().min(0),
          }),
          z.object({
            mode: z.literal('manual'),
            status: z.enum(TASK_STATUS_CODES),
            statusNote: z.string(),
            /** One link per line: "label | https://…". */
            evidence: z.string(),
          }),
        ])
        .optional(),
    }),
  ),
});

const date = z.iso.date();

/** A file of the data folder: a path under files/, one segment, no way out of the folder. */
export const DataFileSchema = z.string().regex(/^files\/[a-z0-9][a-z0-9-]*\.(png|jpg|webp|wav|mp3|mp4|pdf|docx)$/, { error: 'một tệp trong thư mục files/ của bộ dữ liệu' });

/** A file of a seeded document, at files/<name>; `title` and `paragraphs` are its text (the demo files are written from them: npm run seed-files). */
const SeedFileSchema = z.object({ name: z.string().regex(/^[a-z0-9-]+\.(pdf|docx)$/), title: z.string(), paragraphs: z.array(z.string()).min(1) });

/** An event's time: an absolute instant, or days from the day the seed runs (so the demo always has upcoming events). */
const EventTimeSchema = z.union([
  z.object({ startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }) }),
  z.object({ inDays: z.number().int(), startTime: z.string().regex(/^\d{2}:\d{2}$/), hours: z.number().positive() }),
]);

export const CommitteeSeedSchema = z.object({
  committee: z.object({
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
    email: z.email(),
    officeHours: z.string(),
    officeHoursEn: z.string(),
    newsTopic: slug.nullable(),
  }),
  members: z.array(
    z.object({
      name: z.string(),
      position: z.enum(MEMBER_POSITION_CODES),
      officeTitle: z.string(),
      officeTitleEn: z.string(),
      agency: slug.nullable(),
      order: z.number().int(),
    }),
  ),
  channels: z.array(
    z.object({ name: z.string(), kind: z.enum(CHANNEL_KIND_CODES), url: z.string(), phone: z.string(), description: z.string(), order: z.number().int() }),
  ),
  documents: z.array(
    z.object({
      number: z.string(),
      type: z.enum(DOCUMENT_TYPE_CODES),
      issuedOn: date,
      issuer: z.string(),
      signer: z.string(),
      abstract: z.string(),
      areas: z.array(z.enum(REFORM_AREA_CODES)),
      status: z.enum(DOCUMENT_STATUS_CODES),
      effectiveFrom: date.nullable(),
      note: z.string(),
      files: z.array(SeedFileSchema),
      /** The year of the plan this document issued. */
      planYear: z.number().int().nullable(),
    }),
  ),
  indices: z.array(
    z.object({
      index: z.enum(REFORM_INDEX_CODES),
      year: z.number().int(),
      score: z.number().nullable(),
      rank: z.number().int().positive().nullable(),
      outOf: z.number().int().positive().nullable(),
      subject: z.string(),
      sourceNote: z.string(),
    }),
  ),
  events: z.array(
    z.object({
      title: z.string(),
      kind: z.enum(EVENT_KIND_CODES),
      time: EventTimeSchema,
      place: z.string(),
      onlineUrl: z.string(),
      organiser: z.string(),
      description: z.string(),
      /** Task of the seeded plan, by number ("8"). */
      planTask: z.string().nullable(),
      /** Report article afterwards, by the slug of a seeded article's title. */
      report: slug.nullable(),
    }),
  ),
});

const ChartSchema = z.object({
  label: z.string(),
  items: z.array(z.object({ label: z.string(), value: z.number() })).min(1),
});

export const ArticlesSchema = z.array(
  z.object({
    title: z.string().min(1),
    summary: z.string(),
    body: z.string(),
    areas: z.array(z.enum(REFORM_AREA_CODES)).min(1),
    topics: z.array(slug),
    format: z.enum(ARTICLE_FORMAT_CODES),
    agency: slug,
    byline: z.string(),
    publishedAt: z.iso.datetime({ offset: true }),
    featured: z.boolean(),
    /** The cover image, in the data folder; its alt text is required with it. */
    cover: DataFileSchema.nullable(),
    coverAlt: z.string().nullable(),
    /** What the demo infographic shows (npm run seed-files draws the cover from it). */
    chart: ChartSchema.nullable().optional(),
    /** Attached files (audio bulletins, videos, documents), in the data folder. */
    attachments: z.array(DataFileSchema),
  }).refine((a) => a.cover === null || (a.coverAlt ?? '') !== '', { error: 'ảnh bìa cần có coverAlt', path: ['coverAlt'] }),
);

export const AccountsSchema = z.array(
  z.object({
    email: z.email(),
    firstname: z.string(),
    lastname: z.string(),
    role: z.enum(['super-admin', 'committee-admin', 'editor', 'contributor']),
    agency: slug.nullable(),
  }),
);

/** The demo contest: one closed round with results, one open round, a bank, and the closed round's entrants. */
export const ContestSeedSchema = z.object({
  contest: z.object({
    title: z.string(),
    slug,
    summary: z.string(),
    rules: z.string(),
    audiences: z.array(z.enum(CONTEST_AUDIENCE_CODES)),
    minimumAge: z.number().int(),
    prizes: z.string(),
    organisers: z.string(),
    resultsPolicy: z.enum(RESULTS_POLICY_CODES),
    winnersPerRound: z.number().int(),
    /** The number of the plan task the contest carries out. */
    planTask: z.string().nullable(),
  }),
  rounds: z.array(
    z.object({
      number: z.number().int(),
      title: z.string(),
      /** Days from the day of seeding (negative: in the past). */
      opensInDays: z.number().int(),
      closesInDays: z.number().int(),
      questionsPerAttempt: z.number().int(),
      timeLimitMinutes: z.number().int(),
      scoreShown: z.enum(SCORE_TIMING_CODES),
      resultsPublished: z.boolean(),
    }),
  ),
  questions: z.array(
    z.object({ kind: z.enum(QUESTION_KIND_CODES), text: z.string(), options: z.array(z.string()), correct: z.array(z.number().int()), explanation: z.string(), area: slug }),
  ),
  /** Entrants of the first round (closed), with how many answers they got wrong and their prediction. */
  entrants: z.array(
    z.object({
      name: z.string(),
      birthYear: z.number().int(),
      phone: z.string(),
      audience: z.enum(CONTEST_AUDIENCE_CODES),
      unit: z.union([slug, z.literal('')]),
      commune: z.string(),
      wrong: z.number().int().min(0),
      prediction: z.number().int().min(0),
    }),
  ),
});

/** Public holidays (the working-day calendar) and demo questions, each with the steps staff took, in days after receipt. */
export const QuestionsSeedSchema = z.object({
  holidays: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string().min(1) })),
  items: z.array(
    z.object({
      /** Days before the day of seeding. */
      receivedDaysAgo: z.number().int().min(0),
      subject: z.string(),
      agency: z.union([slug, z.literal('')]),
      title: z.string(),
      question: z.string(),
      name: z.string(),
      email: z.string(),
      phone: z.string(),
      steps: z.array(
        z.object({
          action: z.enum(['classify', 'assign', 'answer', 'publish', 'close']),
          afterDays: z.number().int().min(0),
          subject: z.string().optional(),
          agency: slug.optional(),
          answer: z.string().optional(),
          reason: z.string().optional(),
          note: z.string().optional(),
        }),
      ),
    }),
  ),
});

export type SeedCommittee = z.infer<typeof CommitteeSeedSchema>;
export type SeedArticle = z.infer<typeof ArticlesSchema>[number];
export type SeedAccount = z.infer<typeof AccountsSchema>[number];

/** The editors' desk's demo pieces, each taken through its review steps (days before seeding) by the workflow itself. */
export const DeskSeedSchema = z.object({
  pieces: z.array(
    z.object({
      title: z.string().min(1),
      summary: z.string(),
      body: z.string(),
      format: z.enum(ARTICLE_FORMAT_CODES),
      agency: slug,
      areas: z.array(z.string()),
      cover: z.string().optional(),
      coverAlt: z.string().optional(),
      /** The text the agency sent again after being asked for changes (a `revise-text` step applies it). */
      revised: z.object({ title: z.string().optional(), summary: z.string().optional(), body: z.string().optional() }).optional(),
      steps: z.array(
        z.object({
          action: z.union([z.enum(WORKFLOW_ACTION_NAMES as [WorkflowActionName, ...WorkflowActionName[]]), z.literal('revise-text')]),
          daysAgo: z.number().min(0),
          by: z.string().optional(),
          note: z.string().optional(),
          /** For `schedule`: days after seeding, at 08:00 in Vietnam. */
          scheduleInDays: z.number().int().min(1).optional(),
        }),
      ),
    }),
  ),
});
