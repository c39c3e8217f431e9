/**
 * The plan tracker's display rules: the year in the path, task anchors, the tree of
 * tasks as one list, and how a quarter's figures read ("Đạt", "Chưa đạt", …), always
 * as words with a symbol, never as a colour alone.
 */
import { MEASURE_UNITS, type TaskProgress, type TrackedTask } from '@cchc/shared';
import { CUI } from './messages';

/** One quarter of a measured task, as the API gives it. */
export type QuarterFigures = Extract<TaskProgress, { mode: 'measured' }>['quarters'][number];

/** How a quarter stands, for the reader. */
export type QuarterVerdict = 'met' | 'missed' | 'current' | 'future';

/**
 * The year of a plan page's path: four digits, else null (the page answers 404).
 * @example parsePlanYear('2024') === 2024
 * @example parsePlanYear('abc') === null
 */
export function parsePlanYear(param: string | undefined): number | null {
  return param !== undefined && /^\d{4}$/.test(param) ? Number(param) : null;
}

/**
 * The fragment id of a task's section: dots become dashes, so "5.1" → "nhiem-vu-5-1".
 * @example taskAnchor('5.1') === 'nhiem-vu-5-1'
 */
export function taskAnchor(number: string): string {
  return `nhiem-vu-${number.replace(/[^0-9A-Za-z]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}`;
}

/**
 * How a quarter reads: past quarters are met or missed, the running one is in progress
 * (whatever its count so far), later ones are not due yet.
 * @example quarterVerdict({ quarter: 1, actual: 0, expected: 1, phase: 'past', met: false }) === 'missed'
 */
export function quarterVerdict(q: Pick<QuarterFigures, 'phase' | 'met'>): QuarterVerdict {
  if (q.phase === 'current') return 'current';
  if (q.phase === 'future') return 'future';
  return q.met ? 'met' : 'missed';
}

/** The words and symbol of each verdict (the symbol repeats the words; screen readers skip it). */
export const VERDICT_TEXT: Record<QuarterVerdict, { label: string; symbol: string }> = {
  met: { label: CUI.verdictMet, symbol: '✓' },
  missed: { label: CUI.verdictMissed, symbol: '✗' },
  current: { label: CUI.verdictCurrent, symbol: '…' },
  future: { label: CUI.verdictFuture, symbol: '–' },
};

/** A task with its depth in the appendix (0 for 1…11, 1 for 5.1…). */
export interface TaskRow {
  task: TrackedTask;
  depth: number;
}

/**
 * The tasks in appendix order, sub-tasks right after their parent.
 * @example flattenTasks([{ number: '5', subtasks: [{ number: '5.1', subtasks: [] }] }]).map((r) => r.task.number) // ['5', '5.1']
 */
export function flattenTasks(tasks: readonly TrackedTask[], depth = 0): TaskRow[] {
  return tasks.flatMap((task) => [{ task, depth }, ...flattenTasks(task.subtasks, depth + 1)]);
}

/**
 * What a measured task counts, in words: "tin, bài" or "cơ quan gửi bài".
 * @example measureUnitLabel('agencies') === 'cơ quan gửi bài'
 */
export function measureUnitLabel(unit: string): string {
  return MEASURE_UNITS.find((u) => u.code === unit)?.label ?? unit;
}
