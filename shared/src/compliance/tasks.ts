/** Tasks 4 and 5.x of the plan's appendix, counted from the quarter's published pieces. */
import type { AgencyRef } from '../contracts/agencies.js';
import type { AreaTask, ReportageTask } from '../contracts/compliance.js';
import { compareVi } from '../text/vietnamese.js';
import type { AreaSetTally, FormatTally } from '../domain/published-tally.js';
import type { ComplianceAreaInput, CompliancePlanTaskInput } from './input.js';
import { AREA_TASK_FALLBACK, AREA_TASK_PATTERN, REPORTAGE_FORMAT, REPORTAGES_PER_QUARTER, REPORTAGE_TASK_NUMBER } from './rules.js';

/** Adds up the pieces of some tallies. */
export const sumTallies = (cells: readonly { count: number }[]): number => cells.reduce((n, c) => n + c.count, 0);

/** Resolves agency slugs to references, dropping slugs no agency has. */
export type AgencyRefs = (slugs: readonly string[]) => AgencyRef[];

/**
 * The reform areas a task 5.x covers: those whose lead agency leads the task, else the
 * fallback table. None means the task has no area of its own.
 */
export function areasOfTask(task: CompliancePlanTaskInput, areas: readonly ComplianceAreaInput[]): ComplianceAreaInput[] {
  const leads = new Set(task.leadAgencies);
  const led = areas.filter((a) => a.leadAgency !== null && leads.has(a.leadAgency));
  if (led.length > 0) return led;
  const fallback = new Set<string>(AREA_TASK_FALLBACK[task.number] ?? []);
  return areas.filter((a) => fallback.has(a.code));
}

/** Task 4: the reportages its lead agency published in the quarter, against one per quarter. Null without a task 4. */
export function reportageTask(tasks: readonly CompliancePlanTaskInput[], published: readonly FormatTally[], refs: AgencyRefs): ReportageTask | null {
  const task = tasks.find((t) => t.number === REPORTAGE_TASK_NUMBER);
  if (!task) return null;
  const leads = new Set(task.leadAgencies);
  const count = sumTallies(published.filter((c) => c.format === REPORTAGE_FORMAT && c.agency !== null && leads.has(c.agency)));
  return {
    number: task.number,
    title: task.title,
    leadAgencies: refs(task.leadAgencies),
    format: REPORTAGE_FORMAT,
    target: REPORTAGES_PER_QUARTER,
    count,
    met: count >= REPORTAGES_PER_QUARTER,
  };
}

/** Tasks 5.x in plan order: published pieces in each task's areas (each piece once), or from its lead agencies. */
export function areaTasks(
  tasks: readonly CompliancePlanTaskInput[],
  areas: readonly ComplianceAreaInput[],
  published: readonly AreaSetTally[],
  refs: AgencyRefs,
): AreaTask[] {
  return tasks
    .filter((t) => AREA_TASK_PATTERN.test(t.number))
    .sort((a, b) => a.order - b.order || compareVi(a.number, b.number))
    .map((task) => {
      const leads = new Set(task.leadAgencies);
      const covered = areasOfTask(task, areas);
      const codes = new Set(covered.map((a) => a.code));
      const inTask = covered.length > 0 ? published.filter((c) => c.areas.some((code) => codes.has(code))) : published.filter((c) => c.agency !== null && leads.has(c.agency));
      return {
        number: task.number,
        title: task.title,
        leadAgencies: refs(task.leadAgencies),
        areas: covered.map(({ code, name }) => ({ code, name })),
        basis: covered.length > 0 ? ('areas' as const) : ('lead-agencies' as const),
        count: sumTallies(inTask),
        fromLeadAgencies: sumTallies(inTask.filter((c) => c.agency !== null && leads.has(c.agency))),
      };
    });
}
