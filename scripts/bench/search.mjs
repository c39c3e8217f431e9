// Search benchmark: the plugin's search stores (PostgreSQL tsvector + GIN, SQLite FTS5) with
// the ranking engine and snippets the CMS serves, over a synthetic corpus of N articles made by
// recombining the demo articles' sentences, with random dates, areas and agencies; then the CMS's
// start time and heap with 1,000 and with N published articles (SQLite). Prints per-query p50/p95,
// with a database round trip (`SELECT 1`) measured in the same run as the baseline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { CMS, PLUGIN, ROOT, SHARED } from '../lib/paths.mjs';
import { startCms, stopProcess } from '../lib/stack.mjs';
import { percentile, rng } from './stats.mjs';

const require = createRequire(path.join(ROOT, 'package.json'));
const knex = require('knex');
const PG_ADMIN = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const QUERIES = [
  'cải cách thủ tục',
  'cai cach thu tuc hanh chinh',
  'một cửa liên thông',
  'dich vu cong truc tuyen',
  'chữ ký số',
  'đường dây nóng',
  'VNeID',
  'chi so hai long',
  'từ khóa không hề có',
];
const AREAS = ['the-che', 'thu-tuc-hanh-chinh', 'to-chuc-bo-may', 'cong-vu', 'tai-chinh-cong', 'chinh-quyen-so'];

/** The synthetic corpus, deterministic. */
function* corpus(shared, size, first = 0) {
  const seed = JSON.parse(fs.readFileSync(path.join(CMS, 'seed', 'demo', 'articles.json'), 'utf8'));
  const agencies = JSON.parse(fs.readFileSync(path.join(CMS, 'seed', 'demo', 'agencies.json'), 'utf8')).map((a) => a.slug);
  const sentences = seed.flatMap((a) => shared.markdownToText(a.body).split(/(?<=[.!?])\s+/)).filter((s) => s.length > 20);
  const titles = seed.map((a) => a.title);
  const random = rng(42);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const start2015 = Date.parse('2015-01-01');
  for (let i = first; i < first + size; i++) {
    const text = Array.from({ length: 8 + Math.floor(random() * 8) }, () => pick(sentences)).join(' ');
    const title = `${pick(titles)} (${i})`;
    const time = start2015 + Math.floor(random() * 11 * 365 * 86_400_000);
    yield {
      documentId: `bench-${i}`,
      articleId: 1_000_000 + i,
      time,
      terms: shared.documentTerms(title, text),
      facets: shared.facetTerms({ areas: [pick(AREAS)], topics: [], agency: pick(agencies), format: 'bai-viet', featured: false }),
      text,
    };
  }
}

async function fill(store, db, shared, size) {
  const started = performance.now();
  let batch = [];
  const flush = () => db.transaction(async (trx) => { for (const e of batch) await store.write(trx, e); });
  for (const entry of corpus(shared, size)) {
    batch.push(entry);
    if (batch.length === 1000) (await flush(), (batch = []));
  }
  if (batch.length > 0) await flush();
  return performance.now() - started;
}

async function timeQueries(store, db, shared, engine, runs) {
  const rows = [];
  const filters = [
    ['no filter', {}],
    ['area + year', { areas: ['thu-tuc-hanh-chinh'], from: Date.parse('2024-01-01'), to: Date.parse('2025-01-01') }],
    ['agency', { agencies: ['so-noi-vu'] }],
  ];
  for (const [label, filter] of filters) {
    for (const q of QUERIES) {
      const terms = shared.queryTerms(q);
      const times = [];
      let total = 0;
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        const page = await engine.searchPage(store, db, terms, filter, 0, 10);
        for (const hit of page.hits) shared.buildSnippet(hit.text, terms.folded);
        times.push(performance.now() - t0);
        total = page.capped ? `>${page.total}` : page.total;
      }
      times.sort((a, b) => a - b);
      rows.push({ q, label, total, p50: percentile(times, 50), p95: percentile(times, 95) });
    }
  }
  const trips = [];
  for (let r = 0; r < 200; r++) {
    const t0 = performance.now();
    await db.raw('SELECT 1');
    trips.push(performance.now() - t0);
  }
  trips.sort((a, b) => a - b);
  return { rows, roundTrip: percentile(trips, 50) };
}

function printStore(name, size, fillMs, { rows, roundTrip }) {
  const worst = Math.max(...rows.map((r) => r.p95));
  console.log('');
  console.log(`Search store on ${name}, ${size.toLocaleString('en')} synthetic articles (written in ${(fillMs / 1000).toFixed(0)} s); baseline: a SELECT 1 round trip, p50 ${roundTrip.toFixed(2)} ms`);
  console.log('| query | filters | matches | p50 ms | p95 ms |');
  console.log('|---|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.q} | ${r.label} | ${r.total} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} |`);
  console.log(`Worst p95 on ${name}: ${worst.toFixed(2)} ms (goal ≤ 20 ms, bar ≤ 50 ms); ${(worst / roundTrip).toFixed(0)}× the round trip`);
}

/** Adds published copies of a seeded article to a stopped CMS's SQLite database, with their search entries. */
async function grow(filename, shared, store, first, count) {
  const db = knex({ client: 'better-sqlite3', connection: { filename }, useNullAsDefault: true });
  try {
    const table = 'cchc_articles';
    const source = await db(table).whereNotNull('published_at').orderBy('id').first();
    const columns = Object.keys(source).filter((c) => c !== 'id');
    const entries = corpus(shared, count, first);
    for (let done = 0; done < count; ) {
      await db.transaction(async (trx) => {
        for (let i = 0; i < 1000 && done < count; i++, done++) {
          const entry = entries.next().value;
          const row = Object.fromEntries(columns.map((c) => [c, source[c]]));
          Object.assign(row, { document_id: entry.documentId, slug: `${entry.documentId}`, title: `Bài ${done}`, publication_date: new Date(entry.time).toISOString() });
          const [id] = await trx(table).insert(row);
          await store.write(trx, { ...entry, articleId: id });
        }
      });
    }
  } finally {
    await db.destroy();
  }
}

/** Starts the CMS on `filename` and returns the start time and the heap it reported. */
async function timeStart(filename, publicDir) {
  let heap = null;
  const started = performance.now();
  const cms = await startCms({
    port: 1399,
    env: { DATABASE_FILENAME: filename, PUBLIC_DIR: publicDir, NODE_ENV: 'development', CCHC_SEED: 'false' },
    log: (line) => {
      if (process.env.BENCH_VERBOSE && /\[cchc\]|error/i.test(line)) console.log(`  ${line}`);
      const m = /\[cchc\] ready: (\d+) MB/.exec(line);
      if (m) heap = Number(m[1]);
    },
  });
  const ms = performance.now() - started;
  await stopProcess(cms.child);
  return { ms, heap };
}

export async function benchSearch({ size = 100_000, runs = 20 } = {}) {
  const shared = await import(path.join(SHARED, 'dist', 'index.js'));
  const dist = path.join(PLUGIN, 'dist', 'server', 'search');
  const engine = require(path.join(dist, 'engine.js'));
  const { createSqliteStore } = require(path.join(dist, 'sqlite-store.js'));
  const { createPostgresStore } = require(path.join(dist, 'postgres-store.js'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-search-'));
  try {
    // SQLite
    const sqlite = knex({ client: 'better-sqlite3', connection: { filename: path.join(tmp, 'search.db') }, useNullAsDefault: true });
    const sqliteStore = createSqliteStore();
    await sqliteStore.ensureSchema(sqlite);
    const sqliteFill = await fill(sqliteStore, sqlite, shared, size);
    printStore('SQLite (FTS5)', size, sqliteFill, await timeQueries(sqliteStore, sqlite, shared, engine, runs));
    await sqlite.destroy();

    // PostgreSQL
    const admin = knex({ client: 'pg', connection: PG_ADMIN });
    const name = `cchc_bench_search_${process.pid}`;
    await admin.raw(`CREATE DATABASE ${name}`);
    const url = new URL(PG_ADMIN);
    url.pathname = `/${name}`;
    const pg = knex({ client: 'pg', connection: url.toString(), pool: { min: 1, max: 4 } });
    try {
      const pgStore = createPostgresStore(undefined);
      await pgStore.ensureSchema(pg);
      const pgFill = await fill(pgStore, pg, shared, size);
      await pg.raw('VACUUM ANALYZE cchc_search_entries');
      printStore('PostgreSQL (tsvector + GIN)', size, pgFill, await timeQueries(pgStore, pg, shared, engine, runs));
    } finally {
      await pg.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    }

    // The CMS's start with 1,000 and with `size` published articles (SQLite).
    const filename = path.join(tmp, 'cms.db');
    const publicDir = path.join(tmp, 'public');
    const seeded = await startCms({ port: 1399, env: { DATABASE_FILENAME: filename, PUBLIC_DIR: publicDir, NODE_ENV: 'development' }, log: false });
    await stopProcess(seeded.child);
    const starts = [];
    let have = 77;
    for (const target of [1_000, size]) {
      await grow(filename, shared, createSqliteStore(), have, target - have);
      have = target;
      const first = await timeStart(filename, publicDir);
      const second = await timeStart(filename, publicDir);
      starts.push({ target, ms: Math.min(first.ms, second.ms), heap: second.heap });
    }
    console.log('');
    console.log('CMS start (to /_health answering) and heap after start, SQLite, best of two starts');
    console.log('| published articles | start s | heap MB |');
    console.log('|---:|---:|---:|');
    for (const s of starts) console.log(`| ${s.target.toLocaleString('en')} | ${(s.ms / 1000).toFixed(1)} | ${s.heap ?? '?'} |`);
    console.log(`Start at ${size.toLocaleString('en')} vs 1,000: ${(starts[1].ms / starts[0].ms).toFixed(2)}× (should stay near 1); heap goal ≤ 300 MB`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
