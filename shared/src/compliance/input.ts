/**
 * What the compliance arithmetic needs, already aggregated by the database: agencies,
 * areas and plan tasks by slug and code, and counts of pieces per agency.
 */
import type { AgencyKind } from '../domain/agency-kinds.js';
import type { AreaSetTally, FormatTally } from '../domain/published-tally.js';
import type { Quarter } from '../time/quarters.js';
import type { QuestionFigureInput } from '../questions/figures.js';
import type { Holidays } from '../questions/working-days.js';

/** An agency, active or not (inactive ones get no row but may lead a task). */
export interface ComplianceAgencyInput {
  slug: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  active: boolean;
}

/** A reform area with the slug of its lead agency. */
export interface ComplianceAreaInput {
  code: string;
  name: string;
  order: number;
  leadAgency: string | null;
}

/** A task of the year's plan with the slugs of its lead agencies. */
export interface CompliancePlanTaskInput {
  number: string;
  title: string;
  order: number;
  leadAgencies: string[];
}

/** Pieces an agency sent in during the quarter (documents, not versions). */
export interface SubmittedCount {
  agency: string;
  count: number;
}

/** An agency excused from sending pieces in the quarter. */
export interface ComplianceExemptionInput {
  agency: string;
  reason: string;
}

/** Everything the report is computed from. */
export interface ComplianceInput {
  year: number;
  quarter: Quarter;
  agencies: ComplianceAgencyInput[];
  areas: ComplianceAreaInput[];
  /** The tasks of the year's plan; empty when the year has no plan. */
  tasks: CompliancePlanTaskInput[];
  submitted: SubmittedCount[];
  /** The quarter's published pieces by agency and format, and by agency and set of areas (each piece once in each view). */
  published: { byFormat: FormatTally[]; byAreas: AreaSetTally[] };
  exemptions: ComplianceExemptionInput[];
  /** Citizens' questions received in the quarter, with the deadline to answer and the calendar it counts on. */
  questions?: { items: QuestionFigureInput[]; answerDays: number; holidays: Holidays; now: Date };
}
