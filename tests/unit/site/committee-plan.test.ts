/** The plan tracker's display rules. */
import { describe, expect, test } from 'vitest';
import type { TrackedTask } from '../../../shared/src/index.js';
import { VERDICT_TEXT, flattenTasks, measureUnitLabel, parsePlanYear, quarterVerdict, taskAnchor } from '../../../site/src/lib/committee/plan.js';

test.each([
  ['2024', 2024],
  ['1999', 1999],
  ['abc', null],
  ['20245', null],
  ['202', null],
  ['2024.0', null],
  [undefined, null],
])('parsePlanYear(%s) is %s', (param, year) => {
  expect(parsePlanYear(param)).toBe(year);
});

test.each([
  ['1', 'nhiem-vu-1'],
  ['5.1', 'nhiem-vu-5-1'],
  ['11', 'nhiem-vu-11'],
  ['5.10', 'nhiem-vu-5-10'],
])('taskAnchor(%s) is %s', (number, anchor) => {
  expect(taskAnchor(number)).toBe(anchor);
});

describe('quarterVerdict', () => {
  test.each([
    ['past', true, 'met', 'Đạt'],
    ['past', false, 'missed', 'Chưa đạt'],
    ['current', true, 'current', 'Đang thực hiện'],
    ['current', false, 'current', 'Đang thực hiện'],
    ['future', false, 'future', 'Chưa đến kỳ'],
  ] as const)('%s, met %s: %s', (phase, met, verdict, label) => {
    expect(quarterVerdict({ phase, met })).toBe(verdict);
    expect(VERDICT_TEXT[verdict].label).toBe(label);
  });

  test('every verdict has its own symbol', () => {
    const symbols = Object.values(VERDICT_TEXT).map((v) => v.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
  });
});

test('flattenTasks puts sub-tasks right after their parent, with their depth', () => {
  const task = (number: string, subtasks: TrackedTask[] = []): TrackedTask => ({
    number,
    title: number,
    leadAgencies: [],
    coordinatingAgencies: [],
    timing: '',
    product: '',
    progress: null,
    subtasks,
  });
  const rows = flattenTasks([task('4'), task('5', [task('5.1'), task('5.2')]), task('6')]);
  expect(rows.map((r) => [r.task.number, r.depth])).toEqual([
    ['4', 0],
    ['5', 0],
    ['5.1', 1],
    ['5.2', 1],
    ['6', 0],
  ]);
});

test('measureUnitLabel names what is counted', () => {
  expect(measureUnitLabel('articles')).toBe('tin, bài');
  expect(measureUnitLabel('agencies')).toBe('cơ quan gửi bài');
});
