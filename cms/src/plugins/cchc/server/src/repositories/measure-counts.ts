/**
 * The plan tracker's counts, computed by the database: each measure of a plan's tasks
 * (shared's `TaskMeasure`) translated to SQL over the published counts
 * (published-tallies.ts), all of a year's measures in one pass. Shared's
 * `pieceMatches` is the rule; tests/unit/cms/measure-counts.test.ts holds the two equal.
 */
import { isQuarter, type Quarter, type QuarterCounts, type TaskMeasure } from '@cchc/shared';
import type { Knex } from 'knex';
import { z } from 'zod';

/** The counts of every measure in one quarter: `m0`, `m1`, … (PostgreSQL answers bigint sums as strings). */
const MeasureRow = z.object({ quarter: z.union([z.number(), z.string()]).transform(Number) }).catchall(z.union([z.number(), z.string(), z.null()]).transform((v) => Number(v ?? 0)));

/** Ids by name of the rows a measure names: agency slugs, area codes, topic slugs. */
export interface MeasureIds {
  agencies: ReadonlyMap<string, number>;
  areas: ReadonlyMap<string, number>;
  topics: ReadonlyMap<string, number>;
}

/**
 * The SQL condition that a group passes a measure, with its bindings: the translation of
 * shared's `pieceMatches` (every criterion set must match; within one, any value).
 */
function conditionOf(measure: TaskMeasure, ids: MeasureIds): { sql: string; bindings: Array<string | number> } {
  const parts: string[] = [];
  const bindings: Array<string | number> = [];
  const known = (wanted: readonly string[], lookup: ReadonlyMap<string, number>) => wanted.flatMap((name) => lookup.get(name) ?? []);
  if (measure.formats.length > 0) {
    parts.push(`format IN (${measure.formats.map(() => '?').join(', ')})`);
    bindings.push(...measure.formats);
  }
  if (measure.agencies.length > 0) {
    const agencyIds = known(measure.agencies, ids.agencies);
    parts.push(agencyIds.length > 0 ? `agency_id IN (${agencyIds.map(() => '?').join(', ')})` : '1 = 0');
    bindings.push(...agencyIds);
  }
  for (const [column, wanted, lookup] of [['area_ids', measure.areas, ids.areas], ['topic_ids', measure.topics, ids.topics]] as const) {
    if (wanted.length === 0) continue;
    const setIds = known(wanted, lookup);
    // The ids are kept comma-separated: one matches when ",<id>," occurs in ",<list>,".
    parts.push(setIds.length > 0 ? `(${setIds.map(() => `(',' || ${column} || ',') LIKE ?`).join(' OR ')})` : '1 = 0');
    bindings.push(...setIds.map((id) => `%,${id},%`));
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : '1 = 1', bindings };
}

/**
 * What each measure counts in each quarter of `year`, in one query over the counts table
 * (`SUM` of pieces, or `COUNT(DISTINCT agency_id)` for a measure in agencies).
 */
export async function countMeasures(k: Knex, tables: { tallies: string; rollup: string }, year: number, measures: readonly TaskMeasure[], ids: MeasureIds): Promise<QuarterCounts[]> {
  // A measure that names agencies, or counts them, reads the counts by agency; the others the rollup.
  const byAgency = (m: TaskMeasure) => m.unit === 'agencies' || m.agencies.length > 0;
  const counted = new Map<number, QuarterCounts>();
  for (const [table, wanted] of [[tables.tallies, true], [tables.rollup, false]] as const) {
    const indexes = measures.flatMap((m, i) => (byAgency(m) === wanted ? [i] : []));
    if (indexes.length === 0) continue;
    const columns = indexes.map((i) => {
      const measure = measures[i]!;
      const { sql, bindings } = conditionOf(measure, ids);
      return measure.unit === 'agencies'
        ? k.raw(`COUNT(DISTINCT CASE WHEN ${sql} AND agency_id <> 0 THEN agency_id END) AS ??`, [...bindings, `m${i}`])
        : k.raw(`SUM(CASE WHEN ${sql} THEN n ELSE 0 END) AS ??`, [...bindings, `m${i}`]);
    });
    const rows = z.array(MeasureRow).parse(await k.from(table).where({ year }).groupBy('quarter').select('quarter', ...columns));
    for (const i of indexes) {
      const counts: Record<Quarter, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
      for (const row of rows) if (isQuarter(row.quarter)) counts[row.quarter] = Number(row[`m${i}`] ?? 0);
      counted.set(i, counts);
    }
  }
  return measures.map((_, i) => counted.get(i)!);
}

