/** The quarterly compliance report, computed from aggregated counts. */
import type { AgencyRef } from '../contracts/agencies.js';
import type { ComplianceReport, ComplianceRow, ComplianceStatus } from '../contracts/compliance.js';
import { AGENCY_KINDS } from '../domain/agency-kinds.js';
import { ARTICLE_FORMATS, ARTICLE_FORMAT_CODES, type ArticleFormat } from '../domain/formats.js';
import { compareVi } from '../text/vietnamese.js';
import { formatQuarter, quarterInterval } from '../time/quarters.js';
import type { AreaSetTally, FormatTally } from '../domain/published-tally.js';
import type { ComplianceAgencyInput, ComplianceAreaInput, ComplianceInput } from './input.js';
import { MIN_PIECES_PER_QUARTER } from './rules.js';
import { areaTasks, reportageTask, sumTallies } from './tasks.js';
import { questionFigures } from '../questions/figures.js';

const KIND_ORDER = new Map<string, number>(AGENCY_KINDS.map((k, i) => [k.code, i]));

/** Rows go by kind of agency (departments first, as the plan lists them), then by name in Vietnamese order. */
const byKindThenName = (a: ComplianceAgencyInput, b: ComplianceAgencyInput) =>
  (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || compareVi(a.name, b.name);

const byOrder = (a: ComplianceAreaInput, b: ComplianceAreaInput) => a.order - b.order || compareVi(a.code, b.code);

const refOf = ({ slug, name, shortName }: ComplianceAgencyInput): AgencyRef => ({ slug, name, shortName });

/** Groups values by a key. */
function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** An agency's status: exempt when excused, else met with enough pieces sent in. */
export function complianceStatus(submitted: number, exempt: boolean): ComplianceStatus {
  if (exempt) return 'exempt';
  return submitted >= MIN_PIECES_PER_QUARTER ? 'met' : 'not-met';
}

function row(
  agency: ComplianceAgencyInput,
  areas: readonly ComplianceAreaInput[],
  cells: { byFormat: readonly FormatTally[]; byAreas: readonly AreaSetTally[] },
  submitted: number,
  reason: string | undefined,
): ComplianceRow {
  const byFormat = Object.fromEntries(ARTICLE_FORMAT_CODES.map((f) => [f, sumTallies(cells.byFormat.filter((c) => c.format === f))])) as Record<ArticleFormat, number>;
  return {
    agency: refOf(agency),
    kind: agency.kind,
    submitted,
    published: sumTallies(cells.byFormat),
    byArea: Object.fromEntries(areas.map((a) => [a.code, sumTallies(cells.byAreas.filter((c) => c.areas.includes(a.code)))])),
    byFormat,
    status: complianceStatus(submitted, reason !== undefined),
    exemptionReason: reason ?? null,
  };
}

/**
 * Computes the report of a quarter: a row per active agency, the agencies that sent
 * nothing, and tasks 4 and 5.x of the year's plan.
 */
export function computeCompliance(input: ComplianceInput): ComplianceReport {
  const areas = [...input.areas].sort(byOrder);
  const agencies = new Map(input.agencies.map((a) => [a.slug, a]));
  const refs = (slugs: readonly string[]) =>
    slugs.flatMap((s) => {
      const agency = agencies.get(s);
      return agency ? [refOf(agency)] : [];
    });
  const formatsByAgency = groupBy(input.published.byFormat, (c) => c.agency);
  const areasByAgency = groupBy(input.published.byAreas, (c) => c.agency);
  const submitted = new Map<string, number>();
  for (const s of input.submitted) submitted.set(s.agency, (submitted.get(s.agency) ?? 0) + s.count);
  const reasons = new Map<string, string>();
  for (const e of input.exemptions) reasons.set(e.agency, reasons.has(e.agency) ? `${reasons.get(e.agency)}; ${e.reason}` : e.reason);

  const rows = input.agencies
    .filter((a) => a.active)
    .sort(byKindThenName)
    .map((a) => row(a, areas, { byFormat: formatsByAgency.get(a.slug) ?? [], byAreas: areasByAgency.get(a.slug) ?? [] }, submitted.get(a.slug) ?? 0, reasons.get(a.slug)));
  const count = (status: ComplianceStatus) => rows.filter((r) => r.status === status).length;
  const { start, end } = quarterInterval(input.year, input.quarter);

  return {
    year: input.year,
    quarter: input.quarter,
    label: formatQuarter(input.year, input.quarter),
    from: start.toISOString(),
    to: end.toISOString(),
    areas: areas.map(({ code, name }) => ({ code, name })),
    formats: ARTICLE_FORMATS.map(({ code, label }) => ({ code, label })),
    rows,
    silent: rows.filter((r) => r.submitted === 0).map((r) => ({ ...r.agency, exempt: r.status === 'exempt' })),
    totals: {
      agencies: rows.length,
      met: count('met'),
      notMet: count('not-met'),
      exempt: count('exempt'),
      submitted: rows.reduce((n, r) => n + r.submitted, 0),
      published: rows.reduce((n, r) => n + r.published, 0),
    },
    reportage: reportageTask(input.tasks, input.published.byFormat, refs),
    areaTasks: areaTasks(input.tasks, areas, input.published.byAreas, refs),
    questions: questionRows(input, byKindThenName),
  };
}

/** The quarter's questions per agency, in the rows' order (agencies no longer listed are left out of the rows, not of the totals). */
function questionRows(input: ComplianceInput, order: (a: ComplianceAgencyInput, b: ComplianceAgencyInput) => number): ComplianceReport['questions'] {
  const figures = input.questions ? questionFigures(input.questions.items, input.questions.answerDays, input.questions.holidays, input.questions.now) : { rows: [], unassigned: 0 };
  const agencies = new Map(input.agencies.map((a) => [a.slug, a]));
  const rows = figures.rows
    .flatMap((f) => {
      const agency = agencies.get(f.agency);
      return agency ? [{ agency, figure: f }] : [];
    })
    .sort((a, b) => order(a.agency, b.agency))
    .map(({ agency, figure }) => ({ agency: refOf(agency), received: figure.received, onTime: figure.onTime, late: figure.late, open: figure.open, overdue: figure.overdue }));
  const total = (key: 'received' | 'onTime' | 'late' | 'open' | 'overdue') => figures.rows.reduce((n, r) => n + r[key], 0);
  return { rows, unassigned: figures.unassigned, totals: { received: total('received'), onTime: total('onTime'), late: total('late'), open: total('open'), overdue: total('overdue') } };
}
