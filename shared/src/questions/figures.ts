/**
 * The quarter's figure of citizens' questions per answering agency, for the compliance
 * report: questions received in the quarter and assigned to the agency, how many were
 * answered within the deadline (working days from the assignment), how many late, how many
 * are still open and of those how many overdue now.
 */
import { addWorkingDays, type Holidays } from './working-days.js';

/** A question received in the quarter, as the figure reads it. */
export interface QuestionFigureInput {
  /** The answering agency's slug, or null when not (yet) assigned. */
  agency: string | null;
  /** When it was last assigned (ms), or null. */
  assignedAt: number | null;
  /** When the agency answered (ms), or null. */
  answeredAt: number | null;
  /** Closed without an answer (duplicate, out of scope, abusive): counted as received only. */
  closed: boolean;
}

/** One agency's figure. */
export interface QuestionFigure {
  agency: string;
  received: number;
  onTime: number;
  late: number;
  open: number;
  overdue: number;
}

/**
 * Counts per agency; questions never assigned are counted apart (`unassigned`).
 * @example questionFigures([{ agency: 'so-noi-vu', assignedAt: t, answeredAt: t + 1, closed: false }], 15, new Set(), now).rows[0].onTime === 1
 */
export function questionFigures(items: readonly QuestionFigureInput[], answerDays: number, holidays: Holidays, now: Date): { rows: QuestionFigure[]; unassigned: number } {
  const rows = new Map<string, QuestionFigure>();
  let unassigned = 0;
  for (const item of items) {
    if (item.agency === null || item.assignedAt === null) {
      unassigned++;
      continue;
    }
    const row = rows.get(item.agency) ?? { agency: item.agency, received: 0, onTime: 0, late: 0, open: 0, overdue: 0 };
    rows.set(item.agency, row);
    row.received++;
    if (item.closed && item.answeredAt === null) continue;
    const due = addWorkingDays(new Date(item.assignedAt), answerDays, holidays).getTime();
    if (item.answeredAt !== null) {
      if (item.answeredAt <= due) row.onTime++;
      else row.late++;
    } else {
      row.open++;
      if (now.getTime() > due) row.overdue++;
    }
  }
  return { rows: [...rows.values()], unassigned };
}
