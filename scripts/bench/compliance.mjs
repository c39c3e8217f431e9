// Compliance benchmark: the quarterly report (GET /cchc/compliance, JSON) over 200 synthetic
// agencies and 50,000 synthetic articles (plus the demo seed), on SQLite and, when it is
// reachable, on PostgreSQL. For each database: a child process loads Strapi programmatically
// and bulk-inserts the data (compliance-fill.mjs), then Strapi starts as usual and the
// report is requested 20 times, the plan tracker 10. Prints p50/p95 against the 100 ms
// target, each beside a baseline measured in the same run on the same server (a cheap
// request through the same API and sign-in: GET /admin/users/me for the report, the
// topics list for the plan tracker), so that the ratio travels between machines; and
// checks the figures against what was inserted.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CMS } from '../lib/paths.mjs';
import { startCms, stopProcess } from '../lib/stack.mjs';
import { adminToken, machineLine, onEachDatabase } from './servers.mjs';
import { percentile } from './stats.mjs';

const RUNS = 20;
const PLAN_RUNS = 10;
const YEAR = 2024;
const QUARTER = 2;
const TARGET_MS = 100;
const PASSWORD = 'BenchDemo2024!';
const FILL = path.join(path.dirname(fileURLToPath(import.meta.url)), 'compliance-fill.mjs');

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

/** Runs the fill script on a database; resolves with what it inserted, or fails with its last lines. */
function fillDatabase(env, size) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FILL], {
      cwd: CMS,
      env: { ...process.env, ...env, BENCH_AGENCIES: String(size.agencies), BENCH_ARTICLES: String(size.articles), BENCH_YEAR: String(YEAR), BENCH_QUARTER: String(QUARTER) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail = [];
    let result = null;
    const collect = (line) => {
      if (line.startsWith('BENCH_RESULT ')) result = JSON.parse(line.slice('BENCH_RESULT '.length));
      else tail.push(line.slice(0, 400)) > 40 && tail.shift();
    };
    readline.createInterface({ input: child.stdout }).on('line', collect);
    readline.createInterface({ input: child.stderr }).on('line', collect);
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`filling the database failed (exit ${code}):\n${tail.join('\n')}`))));
  });
}

/** Times `count` sequential requests; returns sorted durations in ms and the last body. */
async function time(url, token, count) {
  const times = [];
  let last = null;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.arrayBuffer();
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    last = body;
  }
  return { times: times.sort((a, b) => a - b), last };
}

/** Checks the report against what the fill inserted for the quarter. */
function check(report, fill) {
  const bench = report.rows.filter((r) => r.agency.slug.startsWith('bench-agency-'));
  const sum = (key) => bench.reduce((n, r) => n + r[key], 0);
  const problems = [];
  if (bench.length !== fill.agencies) problems.push(`${bench.length} synthetic agencies in the report, ${fill.agencies} inserted`);
  if (sum('submitted') !== fill.expected.submitted) problems.push(`submitted ${sum('submitted')}, expected ${fill.expected.submitted}`);
  if (sum('published') !== fill.expected.published) problems.push(`published ${sum('published')}, expected ${fill.expected.published}`);
  if (problems.length > 0) throw new Error(`the report does not match the inserted data: ${problems.join('; ')}`);
}

/** Checks that the plan tracker counted the inserted pieces: a task counting every piece must see at least them all. */
function checkPlan(plan, fill) {
  const tasks = plan.tasks.flatMap((t) => [t, ...t.subtasks]);
  const counted = Math.max(...tasks.map((t) => (t.progress?.mode === 'measured' && t.progress.unit === 'articles' ? t.progress.quarters.reduce((n, q) => n + q.actual, 0) : 0)));
  if (counted < fill.published) throw new Error(`the plan tracker counted ${counted} pieces at most, ${fill.published} were inserted as published`);
}

async function benchOn(database, tmp, pgUrl, size) {
  const env = {
    PUBLIC_DIR: path.join(tmp, `public-${database}`),
    // The demo accounts (the benchmark signs in as the super admin) exist outside production only.
    NODE_ENV: 'development',
    DEMO_PASSWORD: PASSWORD,
    // Measured: the computation of each answer, not the CMS's response cache or its rate limit.
    CCHC_RESPONSE_CACHE_SECONDS: '0',
    RATE_LIMIT_EXEMPT_IPS: '127.0.0.1',
    // An empty DATABASE_URL means SQLite, whatever the calling shell has set.
    ...(pgUrl ? { DATABASE_URL: pgUrl } : { DATABASE_URL: '', DATABASE_FILENAME: path.join(tmp, 'bench.db') }),
  };
  await fs.mkdir(path.join(env.PUBLIC_DIR, 'uploads'), { recursive: true });
  console.log(`[bench] ${database}: loading Strapi and inserting ${size.agencies} agencies and ${size.articles} articles …`);
  const fill = await fillDatabase(env, size);
  console.log(`[bench] ${database}: inserted ${fill.documents} documents (${fill.published} published) and ${fill.links} links in ${fmt(fill.fillSeconds)} s; starting Strapi …`);
  const bootStarted = performance.now();
  const cms = await startCms({ port: 13_380, host: '127.0.0.1', env, log: false });
  try {
    const bootSeconds = (performance.now() - bootStarted) / 1000;
    const token = await adminToken(cms.url, PASSWORD);
    const url = `${cms.url}/cchc/compliance?year=${YEAR}&quarter=${QUARTER}`;
    await time(url, token, 2); // warm-up: first queries, JIT
    const adminBaseline = await time(`${cms.url}/admin/users/me`, token, RUNS);
    const publicBaseline = await time(`${cms.url}/api/cchc/topics`, token, RUNS);
    const json = await time(url, token, RUNS);
    check(json.last.data, fill);
    const csv = await time(`${url}&format=csv`, token, 5);
    const xlsx = await time(`${url}&format=xlsx`, token, 5);
    // The Steering Committee's plan tracker counts the same year's published pieces per task and quarter.
    const planUrl = `${cms.url}/api/cchc/committee/plans/${YEAR}`;
    await time(planUrl, token, 1);
    const plan = await time(planUrl, token, PLAN_RUNS);
    checkPlan(plan.last.data, fill);
    return { database, fill, bootSeconds, adminBaseline: adminBaseline.times, publicBaseline: publicBaseline.times, json: json.times, csv: csv.times, xlsx: xlsx.times, plan: plan.times, rows: json.last.data.rows.length, silent: json.last.data.silent.length };
  } finally {
    await stopProcess(cms.child);
  }
}

export async function benchCompliance(size = { agencies: 200, articles: 50_000 }) {
  const results = await onEachDatabase('compliance', (database, tmp, pgUrl) => benchOn(database, tmp, pgUrl, size));

  console.log('');
  console.log(machineLine());
  console.log(`Quarterly compliance report, ${YEAR} Q${QUARTER}: ${size.agencies} synthetic agencies and ${size.articles} synthetic articles (all dated ${YEAR}) on top of the demo seed; ${RUNS} sequential requests`);
  console.log('| database | agencies in report | JSON p50 ms | JSON p95 ms | baseline p50 ms | p95 ÷ baseline p50 | CSV p50 ms | XLSX p50 ms | fill s | boot s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const base = percentile(r.adminBaseline, 50);
    console.log(`| ${r.database} | ${r.rows} (${r.silent} sent nothing) | ${fmt(percentile(r.json, 50))} | ${fmt(percentile(r.json, 95))} | ${fmt(base)} | ${fmt(percentile(r.json, 95) / base)} | ${fmt(percentile(r.csv, 50))} | ${fmt(percentile(r.xlsx, 50))} | ${fmt(r.fill.fillSeconds)} | ${fmt(r.bootSeconds)} |`);
  }
  console.log('(baseline: GET /admin/users/me, Strapi\'s own route through the same admin sign-in, in the same run)');
  console.log('');
  console.log(`Plan tracker (GET /api/cchc/committee/plans/${YEAR}, every task's progress per quarter over the same pieces), ${PLAN_RUNS} sequential requests:`);
  console.log('| database | p50 ms | p95 ms | baseline p50 ms | p95 ÷ baseline p50 |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of results) {
    const base = percentile(r.publicBaseline, 50);
    console.log(`| ${r.database} | ${fmt(percentile(r.plan, 50))} | ${fmt(percentile(r.plan, 95))} | ${fmt(base)} | ${fmt(percentile(r.plan, 95) / base)} |`);
  }
  console.log('(baseline: GET /api/cchc/topics, a short public list, in the same run)');
  const worst = Math.max(...results.flatMap((r) => [percentile(r.json, 95), percentile(r.plan, 95)]));
  console.log(`Target: report and plan tracker p95 ≤ ${TARGET_MS} ms (worst ${fmt(worst)} ms: ${worst <= TARGET_MS ? 'met' : 'NOT met'})`);
}
