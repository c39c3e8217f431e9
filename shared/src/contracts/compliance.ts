/** Contract of the quarterly compliance report (admin API). */
import { z } from 'zod';
import { AGENCY_KIND_CODES } from '../domain/agency-kinds.js';
import { ARTICLE_FORMAT_CODES } from '../domain/formats.js';
import { AgencyRefSchema } from './agencies.js';
import { intParam } from './common.js';
import { declareEndpoint } from './endpoint.js';

/** Where an agency stands for a quarter. */
export const COMPLIANCE_STATUSES = ['met', 'not-met', 'exempt'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** File formats the report is served in. */
export const COMPLIANCE_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ComplianceFormat = (typeof COMPLIANCE_FORMATS)[number];

const count = z.number().int().min(0);

/** A reform area as a column of the report. */
export const ComplianceAreaSchema = z.object({ code: z.string(), name: z.string() });
export type ComplianceArea = z.infer<typeof ComplianceAreaSchema>;

/** One active agency's quarter: pieces sent in, pieces published (split by area and by format), status. */
export const ComplianceRowSchema = z.object({
  agency: AgencyRefSchema,
  kind: z.enum(AGENCY_KIND_CODES),
  submitted: count,
  published: count,
  /** Published pieces per reform area code; a piece in two areas counts in both. Every area is a key. */
  byArea: z.record(z.string(), count),
  /** Published pieces per format; every format is a key. */
  byFormat: z.record(z.enum(ARTICLE_FORMAT_CODES), count),
  status: z.enum(COMPLIANCE_STATUSES),
  exemptionReason: z.string().nullable(),
});
export type ComplianceRow = z.infer<typeof ComplianceRowSchema>;

/** A plan task as the report names it. */
const TaskBaseSchema = z.object({
  number: z.string(),
  title: z.string(),
  leadAgencies: z.array(AgencyRefSchema),
});

/** Task 4: reportages of the quarter from the task's lead agency (the radio-TV station). */
export const ReportageTaskSchema = TaskBaseSchema.extend({
  format: z.enum(ARTICLE_FORMAT_CODES),
  target: count,
  count,
  met: z.boolean(),
});
export type ReportageTask = z.infer<typeof ReportageTaskSchema>;

/**
 * Tasks 5.1–5.6: published pieces of the quarter in the task's reform areas (each piece
 * once), or, for a task with no area of its own (`basis: 'lead-agencies'`), from its lead agencies.
 */
export const AreaTaskSchema = TaskBaseSchema.extend({
  areas: z.array(ComplianceAreaSchema),
  basis: z.enum(['areas', 'lead-agencies']),
  count,
  /** Of `count`, the pieces sent by the task's lead agencies themselves. */
  fromLeadAgencies: count,
});
export type AreaTask = z.infer<typeof AreaTaskSchema>;

/** One agency's citizens' questions of the quarter: received (assigned to it), answered on time or late, still open, overdue now. */
export const QuestionFigureRowSchema = z.object({ agency: AgencyRefSchema, received: count, onTime: count, late: count, open: count, overdue: count });
export type QuestionFigureRow = z.infer<typeof QuestionFigureRowSchema>;

/** The quarterly compliance report. */
export const ComplianceReportSchema = z.object({
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  /** "Quý I/2024". */
  label: z.string(),
  /** The quarter as a half-open interval of instants, ISO 8601. */
  from: z.string(),
  to: z.string(),
  areas: z.array(ComplianceAreaSchema),
  formats: z.array(z.object({ code: z.enum(ARTICLE_FORMAT_CODES), label: z.string() })),
  rows: z.array(ComplianceRowSchema),
  /** Active agencies that sent nothing in the quarter, exempt ones flagged. */
  silent: z.array(AgencyRefSchema.extend({ exempt: z.boolean() })),
  totals: z.object({ agencies: count, met: count, notMet: count, exempt: count, submitted: count, published: count }),
  /** Null when the year has no plan or its plan has no task 4. */
  reportage: ReportageTaskSchema.nullable(),
  areaTasks: z.array(AreaTaskSchema),
  /** Citizens' questions received in the quarter, per answering agency; `unassigned`: not yet given to an agency. */
  questions: z.object({
    rows: z.array(QuestionFigureRowSchema),
    unassigned: count,
    totals: z.object({ received: count, onTime: count, late: count, open: count, overdue: count }),
  }),
});
export type ComplianceReport = z.infer<typeof ComplianceReportSchema>;

/** GET /cchc/compliance (admin API) */
export namespace GetCompliance {
  export const QuerySchema = z.object({
    year: intParam('year', 1990, 2100),
    // Bounded to 1–4 by intParam; the literal narrows the type to Quarter.
    quarter: intParam('quarter', 1, 4).pipe(z.literal([1, 2, 3, 4])),
    format: z
      .enum(COMPLIANCE_FORMATS, { error: 'Tham số "format" chỉ nhận json, csv hoặc xlsx.' })
      .default('json'),
  });
  export type Query = z.infer<typeof QuerySchema>;
  export const ResponseSchema = z.object({ data: ComplianceReportSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  /** With `format=csv|xlsx` the answer is the file instead, as a download. */
  export const Endpoint = declareEndpoint({
    name: 'getCompliance',
    api: 'admin',
    method: 'GET',
    path: '/compliance',
    summary: 'The quarterly compliance report, as JSON, CSV or XLSX.',
    query: QuerySchema,
    response: ResponseSchema,
    access: ['committee-admin'],
  });
}

/** GET /cchc/compliance/latest-period (admin API) */
export namespace GetLatestPeriod {
  export const ResponseSchema = z.object({ data: z.object({ year: z.number().int(), quarter: z.literal([1, 2, 3, 4]) }) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getLatestPeriod',
    api: 'admin',
    method: 'GET',
    path: '/compliance/latest-period',
    summary: 'The quarter of the latest piece sent in, where the report opens.',
    response: ResponseSchema,
    access: ['committee-admin'],
  });
}

/** GET /cchc/compliance/counts-audit (admin API): the kept counts of published pieces against a recount. */
export namespace AuditPublishedCounts {
  export const ResponseSchema = z.object({
    data: z.object({
      /** Groups (quarter, format, agency, areas, topics) and pieces found by the recount. */
      groups: count,
      pieces: count,
      /** Groups whose kept count is not the recount's; empty when the counts are right. */
      differences: z.array(z.object({ group: z.string(), kept: count, counted: count })),
    }),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'auditPublishedCounts',
    api: 'admin',
    method: 'GET',
    path: '/compliance/counts-audit',
    summary: 'Compares the kept counts of published pieces (the report and the plan tracker read them) with a recount.',
    response: ResponseSchema,
    access: ['committee-admin'],
  });
}
