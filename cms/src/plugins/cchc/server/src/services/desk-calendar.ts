/**
 * The editors' calendar: the pieces scheduled and published on each day of a period in
 * Vietnam, and beside them each agency's pieces of the quarter. The counts are the
 * compliance report's own (passed in), so the calendar and the report can never disagree.
 */
import {
  MIN_PIECES_PER_QUARTER,
  groupByDay,
  publishedDateOf,
  quarterOfDay,
  rangeInterval,
  type CalendarItem,
  type ComplianceReport,
  type GetDeskCalendar,
  type Quarter,
} from '@cchc/shared';
import type { CalendarPiece, DeskCalendarRepository } from '../repositories/desk-calendar.js';

/** Collaborators of the calendar. */
export interface DeskCalendarDeps {
  repository: DeskCalendarRepository;
  /** The compliance report of a quarter: the one place where an agency's pieces are counted. */
  quarterReport: (year: number, quarter: Quarter) => Promise<ComplianceReport>;
}

/** A piece as a calendar item dated `at`; none when it has no date (the query asked for dated ones only). */
const itemOf = (state: CalendarItem['state'], piece: CalendarPiece, at: string | null): CalendarItem[] =>
  at === null ? [] : [{ documentId: piece.documentId, title: piece.title, agency: piece.agency, format: piece.format, state, at }];

/** The report's rows as the calendar's side panel shows them (the quarter as asked: the report's is a plain number). */
const quarterPanel = (year: number, quarter: Quarter, report: ComplianceReport): GetDeskCalendar.Response['data']['quarter'] => ({
  year,
  quarter,
  label: report.label,
  target: MIN_PIECES_PER_QUARTER,
  rows: report.rows.map(({ agency, published, submitted, status }) => ({ agency, published, submitted, status })),
});

/** Creates the calendar service. */
export function createDeskCalendarService({ repository, quarterReport }: DeskCalendarDeps) {
  return {
    /** The days of a range (validated by the contract: real days, at most 62 apart) with their pieces, and the quarter of its first day. */
    async calendar({ from, to }: GetDeskCalendar.Query): Promise<GetDeskCalendar.Response['data']> {
      const range = { from, to };
      const interval = rangeInterval(range);
      const { year, quarter } = quarterOfDay(from);
      const [scheduled, published, report] = await Promise.all([
        repository.scheduledBetween(interval),
        repository.publishedBetween(interval),
        quarterReport(year, quarter),
      ]);
      const items = [
        ...scheduled.rows.flatMap((piece) => itemOf('scheduled', piece, piece.scheduledAt)),
        ...published.rows.flatMap((piece) => itemOf('published', piece, publishedDateOf(piece))),
      ];
      return {
        from,
        to,
        days: groupByDay(items, (item) => item.at, range),
        truncated: scheduled.truncated || published.truncated,
        quarter: quarterPanel(year, quarter, report),
      };
    },
  };
}

/** The calendar service's interface. */
export type DeskCalendarService = ReturnType<typeof createDeskCalendarService>;
