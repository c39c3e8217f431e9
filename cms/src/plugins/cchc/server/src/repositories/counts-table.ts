/** What the counts tables (published-tallies.ts, submitted-tallies.ts) share. */
import type { Knex } from 'knex';
import { z } from 'zod';

/** An integer as the drivers return it: a number (SQLite) or a bigint string (PostgreSQL). */
export const DbInt = z.union([z.number(), z.string()]).transform(Number).pipe(z.number().int());

/**
 * Adds `delta` to the count of one row of a counts table (creating the row), and drops the
 * row when its count falls to zero. `name` is the bare table name, which the upsert's
 * update refers to; `table` the schema-qualified one.
 */
export async function addToCount(k: Knex, name: string, table: string, keys: readonly string[], columns: Record<string, string | number>, delta: number): Promise<void> {
  await k(table).insert({ ...columns, n: delta }).onConflict([...keys]).merge({ n: k.raw('??.?? + ?', [name, 'n', delta]) });
  if (delta < 0) await k(table).where(columns).where('n', '<=', 0).delete();
}
