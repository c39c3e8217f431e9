/**
 * The plan tracker's counts, computed by the database (countMeasures: shared's
 * `pieceMatches` translated to SQL), equal what shared's `measureCounts` computes in
 * TypeScript from the same published counts, on random counts and measures (SQLite in
 * memory; the integration suites run the same code on PostgreSQL).
 */
import knex, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ARTICLE_FORMAT_CODES, measureCounts, type PublishedTally, type Quarter, type TaskMeasure } from '@cchc/shared';
import { countMeasures } from '../../../cms/src/plugins/cchc/server/src/repositories/measure-counts.js';
import { ROLLUP_TABLE, TALLY_TABLE, createTallyTables } from '../../../cms/src/plugins/cchc/server/src/repositories/published-tallies.js';

/** A small deterministic random source (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCIES = new Map([['so-a', 11], ['so-b', 12], ['so-c', 13], ['ubnd-d', 14]]);
const AREAS = new Map([['the-che', 1], ['cong-vu', 2], ['tai-chinh-cong', 3], ['chinh-quyen-so', 4]]);
const TOPICS = new Map([['chi-so', 21], ['su-kien', 22], ['doanh-nghiep', 23]]);
const FORMATS = ARTICLE_FORMAT_CODES.slice(0, 4);

const next = random(20241);
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
const someOf = <T>(list: readonly T[], chance: number): T[] => list.filter(() => next() < chance);

/** Random groups: agency (or none), format, sets of areas and topics, a count, in 2023 and 2024. */
const tallies: PublishedTally[] = [];
const seen = new Set<string>();
for (let i = 0; i < 400; i++) {
  const tally: PublishedTally = {
    year: next() < 0.85 ? 2024 : 2023,
    quarter: pick([1, 2, 3, 4] as Quarter[]),
    format: pick(FORMATS),
    agency: next() < 0.9 ? pick([...AGENCIES.keys()]) : null,
    areas: someOf([...AREAS.keys()], 0.35),
    topics: someOf([...TOPICS.keys()], 0.2),
    count: 1 + Math.floor(next() * 5),
  };
  const key = JSON.stringify({ ...tally, count: 0 });
  if (!seen.has(key)) {
    seen.add(key);
    tallies.push(tally);
  }
}

const idList = (names: readonly string[], ids: Map<string, number>) => names.map((n) => ids.get(n)!).sort((a, b) => a - b).join(',');

let db: Knex;
beforeAll(async () => {
  db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await createTallyTables(() => db.schema);
  const rows = tallies.map((t) => ({
    year: t.year,
    quarter: t.quarter,
    format: t.format,
    agency_id: t.agency ? AGENCIES.get(t.agency)! : 0,
    area_ids: idList(t.areas, AREAS),
    topic_ids: idList(t.topics, TOPICS),
    n: t.count,
  }));
  await db(TALLY_TABLE).insert(rows);
  const rolled = new Map<string, { year: number; quarter: number; format: string; area_ids: string; topic_ids: string; n: number }>();
  for (const { agency_id: _agency, n, ...rest } of rows) {
    const id = JSON.stringify(rest);
    rolled.set(id, { ...rest, n: (rolled.get(id)?.n ?? 0) + n });
  }
  await db(ROLLUP_TABLE).insert([...rolled.values()]);
});
afterAll(() => db.destroy());

/** Random measures, some naming a slug that no row has. */
const measures: TaskMeasure[] = Array.from({ length: 60 }, () => ({
  unit: next() < 0.3 ? 'agencies' : 'articles',
  formats: someOf(FORMATS, 0.2),
  areas: someOf([...AREAS.keys(), 'khong-co'], 0.25),
  topics: someOf([...TOPICS.keys()], 0.15),
  agencies: someOf([...AGENCIES.keys(), 'so-da-giai-the'], 0.2),
  expectedPerQuarter: 1,
}));

describe('countMeasures', () => {
  test('equals shared measureCounts for every random measure, on both tables', async () => {
    const counted = await countMeasures(db, { tallies: TALLY_TABLE, rollup: ROLLUP_TABLE }, 2024, measures, { agencies: AGENCIES, areas: AREAS, topics: TOPICS });
    expect(counted).toEqual(measures.map((m) => measureCounts(m, tallies, 2024)));
    // The data are not empty: most measures count something.
    expect(counted.filter((c) => c[1] + c[2] + c[3] + c[4] > 0).length).toBeGreaterThan(measures.length / 3);
  });

  test('a measure with no criterion counts every piece of the year; in agencies, every agency that sent one', async () => {
    const all: TaskMeasure = { unit: 'articles', formats: [], areas: [], topics: [], agencies: [], expectedPerQuarter: 0 };
    const [articles, agencies] = await countMeasures(db, { tallies: TALLY_TABLE, rollup: ROLLUP_TABLE }, 2024, [all, { ...all, unit: 'agencies' }], { agencies: AGENCIES, areas: AREAS, topics: TOPICS });
    const q1 = tallies.filter((t) => t.year === 2024 && t.quarter === 1);
    expect(articles![1]).toBe(q1.reduce((n, t) => n + t.count, 0));
    expect(agencies![1]).toBe(new Set(q1.flatMap((t) => (t.agency ? [t.agency] : []))).size);
  });
});
