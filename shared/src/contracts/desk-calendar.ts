/**
 * Contract of the editors' calendar (admin API, /cchc/calendar): the pieces scheduled and
 * published on each day of a period in Vietnam, beside each agency's pieces of the quarter
 * as the compliance report counts them. Editors and committee administrators only: it shows
 * every agency's pieces, which a contributor does not see.
 */
import { z } from 'zod';
import { MAX_CALENDAR_SPAN_DAYS, daysBetween, isDayKey } from '../desk/calendar.js';
import { COMPLIANCE_STATUSES } from './compliance.js';
import { AgencyRefSchema } from './agencies.js';
import { declareEndpoint } from './endpoint.js';

/** What a calendar item is: a piece waiting for its scheduled time, or a piece on the site. */
export const CALENDAR_ITEM_STATES = ['scheduled', 'published'] as const;
export type CalendarItemState = (typeof CALENDAR_ITEM_STATES)[number];

/** A day in the query string, `YYYY-MM-DD`, with a message naming the parameter. */
const dayParam = (name: 'from' | 'to') =>
  z
    .string({ error: `Hãy cho biết tham số "${name}" (một ngày dạng YYYY-MM-DD, ví dụ 2026-12-01).` })
    .refine(isDayKey, { error: `Tham số "${name}" phải là một ngày có thật, dạng YYYY-MM-DD (ví dụ 2026-12-01).` });

/** Days from `from` to `to`, or null when either is not a real date. */
const spanOf = (from: string, to: string): number | null => (isDayKey(from) && isDayKey(to) ? daysBetween(from, to) : null);

const count = z.number().int().min(0);

/** One piece on a day. */
export const CalendarItemSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  agency: z.object({ slug: z.string(), name: z.string() }).nullable(),
  /** The format code (a label through formatLabel); empty when a draft has none yet. */
  format: z.string(),
  state: z.enum(CALENDAR_ITEM_STATES),
  /** The scheduled time, or the date the published piece carries (publishedDateOf), ISO 8601. */
  at: z.string(),
});
export type CalendarItem = z.infer<typeof CalendarItemSchema>;

/** An agency's pieces of the quarter, as the compliance report counts them. */
export const CalendarAgencyRowSchema = z.object({
  agency: AgencyRefSchema,
  /** Pieces published in the quarter so far. */
  published: count,
  /** Pieces sent in for review in the quarter so far (the report's status is judged on these). */
  submitted: count,
  status: z.enum(COMPLIANCE_STATUSES),
});
export type CalendarAgencyRow = z.infer<typeof CalendarAgencyRowSchema>;

/** GET /cchc/calendar?from=YYYY-MM-DD&to=YYYY-MM-DD */
export namespace GetDeskCalendar {
  export const QuerySchema = z
    .object({ from: dayParam('from'), to: dayParam('to') })
    // A malformed day is already reported above (a refinement's issue does not stop the object's): no span then.
    .refine(({ from, to }) => (spanOf(from, to) ?? 0) >= 0, { error: 'Ngày cuối ("to") không được trước ngày đầu ("from").', path: ['to'] })
    .refine(({ from, to }) => (spanOf(from, to) ?? 0) <= MAX_CALENDAR_SPAN_DAYS, {
      error: `Lịch chỉ xem được tối đa ${MAX_CALENDAR_SPAN_DAYS} ngày mỗi lần: hãy chọn khoảng ngắn hơn.`,
      path: ['to'],
    });
  export type Query = z.output<typeof QuerySchema>;
  export const ResponseSchema = z.object({
    data: z.object({
      from: z.string(),
      to: z.string(),
      /** Every day of the range, in order, each with its pieces in time order. */
      days: z.array(z.object({ day: z.string(), items: z.array(CalendarItemSchema) })),
      /** True when the range holds more pieces than one answer carries (the latest are left out). */
      truncated: z.boolean(),
      /** The quarter containing `from`: each active agency's pieces, against the plan's target per quarter. */
      quarter: z.object({
        year: z.number().int(),
        quarter: z.literal([1, 2, 3, 4]),
        /** "Quý IV/2026". */
        label: z.string(),
        /** Pieces the plan asks of every agency each quarter. */
        target: count,
        rows: z.array(CalendarAgencyRowSchema),
      }),
    }),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getDeskCalendar',
    api: 'admin',
    method: 'GET',
    path: '/calendar',
    summary: 'Pieces scheduled and published on each day of a period (Vietnam days, from and to at most 62 days apart), with each agency\'s pieces of the quarter from the compliance report.',
    query: QuerySchema,
    response: ResponseSchema,
    access: ['editor', 'committee-admin'],
  });
}
