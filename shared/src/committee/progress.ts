/**
 * Progress of a measurable plan task, per quarter: how many published pieces (or
 * distinct sending agencies) match the task's measure in each quarter of the plan's
 * year, against the rhythm the plan expects. Pure: the CMS passes the year's pieces.
 */
import type { MeasureUnit } from '../domain/committee.js';
import type { PublishedTally } from '../domain/published-tally.js';
import { QUARTERS, quarterOf, type Quarter } from '../time/quarters.js';

/** What a task counts. Empty lists mean "any". */
export interface TaskMeasure {
  unit: MeasureUnit;
  formats: readonly string[];
  areas: readonly string[];
  topics: readonly string[];
  agencies: readonly string[];
  /** How many the plan expects each quarter. */
  expectedPerQuarter: number;
}

/** Where a quarter stands: over, running, or not begun (by `now`). */
export type QuarterPhase = 'past' | 'current' | 'future';

/** One quarter's figures. */
export interface QuarterProgress {
  quarter: Quarter;
  actual: number;
  expected: number;
  phase: QuarterPhase;
  /** True when the expectation is reached; for a past quarter false means missed. */
  met: boolean;
}

const anyOf = (wanted: readonly string[], have: readonly string[]) => wanted.length === 0 || have.some((x) => wanted.includes(x));

/** True when the pieces of a tally count for the measure (every non-empty criterion matches). */
export function pieceMatches(measure: TaskMeasure, piece: PublishedTally): boolean {
  return (
    anyOf(measure.formats, [piece.format]) &&
    anyOf(measure.areas, piece.areas) &&
    anyOf(measure.topics, piece.topics) &&
    anyOf(measure.agencies, piece.agency ? [piece.agency] : [])
  );
}

/** Where `quarter` of `year` stands at `now`. */
export function quarterPhase(year: number, quarter: Quarter, now: Date): QuarterPhase {
  const current = quarterOf(now);
  const index = year * 4 + quarter;
  const currentIndex = current.year * 4 + current.quarter;
  return index < currentIndex ? 'past' : index === currentIndex ? 'current' : 'future';
}

/** What a measure counts in each quarter: pieces, or the distinct agencies that sent them. */
export type QuarterCounts = Readonly<Record<Quarter, number>>;

/**
 * What `measure` counts in each quarter of `year`, from the published tallies. The CMS
 * computes the same in its database (repositories/published-tallies.ts, `measureCounts`);
 * a test holds the two equal.
 */
export function measureCounts(measure: TaskMeasure, tallies: readonly PublishedTally[], year: number): QuarterCounts {
  const pieces: Record<Quarter, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  const agencies: Record<Quarter, Set<string>> = { 1: new Set(), 2: new Set(), 3: new Set(), 4: new Set() };
  for (const tally of tallies) {
    if (tally.year !== year || !pieceMatches(measure, tally)) continue;
    // Agencies are counted once per quarter; pieces each time.
    if (measure.unit === 'agencies') {
      if (tally.agency) agencies[tally.quarter].add(tally.agency);
    } else pieces[tally.quarter] += tally.count;
  }
  return measure.unit === 'agencies' ? { 1: agencies[1].size, 2: agencies[2].size, 3: agencies[3].size, 4: agencies[4].size } : pieces;
}

/** The four quarters of `year` for a measure whose counts are known, against its expectation. */
export function progressOf(measure: Pick<TaskMeasure, 'expectedPerQuarter'>, counts: QuarterCounts, year: number, now: Date): QuarterProgress[] {
  return QUARTERS.map((quarter) => {
    const actual = counts[quarter];
    return { quarter, actual, expected: measure.expectedPerQuarter, phase: quarterPhase(year, quarter, now), met: actual >= measure.expectedPerQuarter };
  });
}

/**
 * The four quarters of `year` for one measure.
 * @example taskProgress({ unit: 'articles', formats: ['phong-su'], areas: [], topics: [], agencies: [], expectedPerQuarter: 1 }, pieces, 2024, new Date())
 */
export function taskProgress(measure: TaskMeasure, tallies: readonly PublishedTally[], year: number, now: Date): QuarterProgress[] {
  return progressOf(measure, measureCounts(measure, tallies, year), year, now);
}
