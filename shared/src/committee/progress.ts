/**
 * Progress of a measurable plan task, per quarter: how many published pieces (or
 * distinct sending agencies) match the task's measure in each quarter of the plan's
 * year, against the rhythm the plan expects. Pure: the CMS passes the year's pieces.
 */
import type { MeasureUnit } from '../domain/committee.js';
import { type Quarter, quarterOf } from '../time/quarters.js';

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

/** A published piece as far as measuring goes. */
export interface MeasuredPiece {
  /** ISO instant the piece was published. */
  publishedAt: string;
  format: string;
  areas: readonly string[];
  topics: readonly string[];
  agency: string | null;
  /** How many identical pieces this stands for (the CMS groups them); 1 when absent. */
  count?: number;
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

const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

const anyOf = (wanted: readonly string[], have: readonly string[]) => wanted.length === 0 || have.some((x) => wanted.includes(x));

/** True when the piece counts for the measure (every non-empty criterion matches). */
export function pieceMatches(measure: TaskMeasure, piece: MeasuredPiece): boolean {
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

/**
 * The four quarters of `year` for one measure.
 * @example taskProgress({ unit: 'articles', formats: ['phong-su'], areas: [], topics: [], agencies: [], expectedPerQuarter: 1 }, pieces, 2024, new Date())
 */
export function taskProgress(measure: TaskMeasure, pieces: readonly MeasuredPiece[], year: number, now: Date): QuarterProgress[] {
  const pieceCounts = new Map<Quarter, number>(QUARTERS.map((q) => [q, 0]));
  const agencies = new Map<Quarter, Set<string>>(QUARTERS.map((q) => [q, new Set()]));
  for (const piece of pieces) {
    const when = quarterOf(new Date(piece.publishedAt));
    if (when.year !== year || !pieceMatches(measure, piece)) continue;
    // Agencies are counted once per quarter; pieces each time.
    if (measure.unit === 'agencies') {
      if (piece.agency) agencies.get(when.quarter)!.add(piece.agency);
    } else pieceCounts.set(when.quarter, pieceCounts.get(when.quarter)! + (piece.count ?? 1));
  }
  return QUARTERS.map((quarter) => {
    const actual = measure.unit === 'agencies' ? agencies.get(quarter)!.size : pieceCounts.get(quarter)!;
    return { quarter, actual, expected: measure.expectedPerQuarter, phase: quarterPhase(year, quarter, now), met: actual >= measure.expectedPerQuarter };
  });
}
