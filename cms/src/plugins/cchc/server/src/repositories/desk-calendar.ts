/**
 * Reads of the editors' calendar: the pieces scheduled within an interval (their drafts,
 * which carry the workflow's state and time) and the pieces published within it (their
 * published versions, dated as publishedDateOf in @cchc/shared dates them).
 */
import type { Core } from '@strapi/strapi';
import type { Interval } from '@cchc/shared';
import { z } from 'zod';
import { UID } from '../constants.js';
import { documentsOf, type DocumentQuery } from './documents.js';

/** Pieces of each kind one answer carries at most: two months of a provincial column are far fewer. */
export const CALENDAR_READ_LIMIT = 1000;

const FIELDS = ['documentId', 'title', 'format', 'scheduledAt', 'publicationDate', 'publishedAt'] as const;
const POPULATE = { agency: { fields: ['slug', 'name'] } } as const;

/**
 * A piece as the calendar reads it. Strapi checks required fields only at publication, so a
 * scheduled draft's title and format are nullable columns like any draft's (see
 * WorkflowArticleSchema in records.ts); datetimes come back as ISO strings.
 */
const CalendarPieceSchema = z.object({
  documentId: z.string(),
  title: z.string().nullish().transform((title) => title ?? ''),
  format: z.string().nullish().transform((format) => format ?? ''),
  scheduledAt: z.string().nullish().transform((at) => at ?? null),
  publicationDate: z.string().nullish().transform((at) => at ?? null),
  publishedAt: z.string().nullish().transform((at) => at ?? null),
  agency: z.object({ slug: z.string(), name: z.string() }).nullish().transform((agency) => agency ?? null),
});
/** A piece on the calendar, as read. */
export type CalendarPiece = z.output<typeof CalendarPieceSchema>;

/** Some pieces, and whether more matched than were read. */
export interface CalendarPieces {
  rows: CalendarPiece[];
  truncated: boolean;
}

/** Creates the calendar's repository over a Strapi instance. */
export function createDeskCalendarRepository(strapi: Core.Strapi) {
  const articles = () => documentsOf(strapi, UID.article);

  /** Runs a query for one more row than the limit, to know whether the limit cut anything off. */
  async function read(query: DocumentQuery): Promise<CalendarPieces> {
    const rows = z.array(CalendarPieceSchema).parse(await articles().findMany({ ...query, fields: FIELDS, populate: POPULATE, limit: CALENDAR_READ_LIMIT + 1 }));
    return { rows: rows.slice(0, CALENDAR_READ_LIMIT), truncated: rows.length > CALENDAR_READ_LIMIT };
  }

  return {
    /** Drafts waiting to be published by the scheduler at a time within the interval, earliest first. */
    scheduledBetween: ({ start, end }: Interval): Promise<CalendarPieces> =>
      read({
        status: 'draft',
        filters: { workflowState: { $eq: 'scheduled' }, scheduledAt: { $gte: start.toISOString(), $lt: end.toISOString() } },
        sort: [{ scheduledAt: 'asc' }, { id: 'asc' }],
      }),

    /**
     * Published versions dated within the interval: by their publication date, or, for the
     * rare piece without one (written around the workflow), by when they were published.
     */
    publishedBetween: ({ start, end }: Interval): Promise<CalendarPieces> => {
      const within = { $gte: start.toISOString(), $lt: end.toISOString() };
      return read({
        status: 'published',
        filters: { $or: [{ publicationDate: within }, { $and: [{ publicationDate: { $null: true } }, { publishedAt: within }] }] },
        sort: [{ publicationDate: 'asc' }, { id: 'asc' }],
      });
    },
  };
}

/** The calendar repository's interface. */
export type DeskCalendarRepository = ReturnType<typeof createDeskCalendarRepository>;
