// Contest benchmark (`npm run bench -- contest`), against the real CMS on a fresh database,
// SQLite and then PostgreSQL when reachable:
//   1. a round of 20 questions drawn from 60: 1,000 simulated entrants arrive evenly over
//      BENCH_CONTEST_SECONDS (300), each fetches a registration challenge and solves it, registers
//      with the proof, starts, saves 20 answers (about 1.5 s apart) and submits with a prediction.
//      The challenge is made light here (cost 10, at most 200 tries), so that the bench's own
//      solving stays out of the figures: checking a proof costs the server the same at any
//      difficulty, but issuing one costs a key derivation of `cost` iterations (about 1 ms at
//      the default 1,000), which the "challenge" line understates;
//   2. a second round: 1,000 entrants registered beforehand start within 10 seconds.
// Prints requests per second and p50/p99 per request type, errors, and checks in the
// database (through the organisers' endpoints) that each entrant has exactly one submitted
// attempt and one open attempt in the second round. The baseline, measured in the same run
// at the same rate, is a short public list (GET /api/cchc/topics).
import fs from 'node:fs/promises';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import path from 'node:path';
import { startCms, stopProcess } from '../lib/stack.mjs';
import { adminToken, machineLine, onEachDatabase } from './servers.mjs';
import { percentile, rng } from './stats.mjs';

const PASSWORD = 'BenchDemo2024!';
const ENTRANTS = Number(process.env.BENCH_CONTEST_ENTRANTS ?? 1000);
const SECONDS = Number(process.env.BENCH_CONTEST_SECONDS ?? 300);
const ANSWERS = 20;
const ANSWER_GAP_MS = 1500;
const STARTS_WITHIN_MS = 10_000;
const TARGET_P99_MS = 200;
const SECRET_HEADER = 'x-cchc-entry-secret';

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Timings and errors by request type. */
function recorder() {
  const times = new Map();
  const errors = new Map();
  return {
    async time(type, send) {
      const started = performance.now();
      let res;
      try {
        res = await send();
        const body = await res.json().catch(() => null);
        if (!res.ok) errors.set(type, [...(errors.get(type) ?? []), `${res.status} ${body?.error?.message ?? ''}`.slice(0, 160)]);
        return res.ok ? body : null;
      } catch (error) {
        errors.set(type, [...(errors.get(type) ?? []), error.message]);
        return null;
      } finally {
        times.set(type, [...(times.get(type) ?? []), performance.now() - started]);
      }
    },
    summary(seconds) {
      return [...times].map(([type, list]) => {
        const sorted = [...list].sort((a, b) => a - b);
        return { type, count: list.length, perSecond: list.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), errors: errors.get(type) ?? [] };
      });
    },
  };
}

/** The contest, its bank of 60 questions and two rounds, made through the Content Manager. */
async function setUp(cmsUrl, token) {
  const cm = async (uid, data) => {
    const res = await fetch(`${cmsUrl}/content-manager/collection-types/${uid}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(data) });
    if (res.status !== 201) throw new Error(`creating ${uid} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    return (await res.json()).data.documentId;
  };
  const contest = await cm('plugin::cchc.contest', { title: 'Cuộc thi thử tải', slug: 'cuoc-thi-thu-tai', rules: 'Thể lệ thử tải.', audiences: ['nguoi-dan'] });
  const connect = { connect: [{ documentId: contest }] };
  for (let i = 0; i < 60; i++) {
    await cm('plugin::cchc.contest-question', { contest: connect, kind: 'single', text: `Câu hỏi thử tải số ${i + 1}?`, options: ['Phương án A', 'Phương án B', 'Phương án C', 'Phương án D'], correct: [i % 4] });
  }
  const round = (number) =>
    cm('plugin::cchc.contest-round', { contest: connect, number, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 6 * 3_600_000).toISOString(), questionsPerAttempt: ANSWERS, timeLimitMinutes: 30, attemptsAllowed: 1, scoreShown: 'sau-khi-dong' });
  return { first: await round(1), second: await round(2) };
}

const post = (url, body, secret) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { [SECRET_HEADER]: secret } : {}) }, body: JSON.stringify(body ?? {}) });

/** One entrant's whole attempt. */
async function entrant(api, rec, round, i, random) {
  const phone = `09${String(10_000_000 + i).slice(-8)}`;
  const challenge = await rec.time('challenge', () => fetch(`${api}/contest-challenge`));
  if (!challenge) return;
  const proof = Buffer.from(JSON.stringify({ challenge, solution: await solveChallenge({ challenge, deriveKey }) })).toString('base64');
  const reg = await rec.time('register', () => post(`${api}/contest-rounds/${round}/entries`, { name: `Người thử tải ${i}`, birthYear: 1990, phone, audience: 'nguoi-dan', consent: true, proof }));
  if (!reg) return;
  const { entry, secret } = reg.data;
  const started = await rec.time('start', () => post(`${api}/contest-entries/${entry}/attempts`, {}, secret));
  if (!started) return;
  const attempt = started.data;
  for (const q of attempt.questions) {
    await sleep(ANSWER_GAP_MS * (0.5 + random()));
    const chosen = [q.options[Math.floor(random() * q.options.length)].index];
    await rec.time('answer', () => fetch(`${api}/contest-attempts/${attempt.id}/answers/${q.id}`, { method: 'PUT', headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret }, body: JSON.stringify({ chosen }) }));
  }
  await rec.time('submit', () => post(`${api}/contest-attempts/${attempt.id}/submit`, { prediction: Math.floor(random() * 100) }, secret));
}

/** Requests fired at `rate` per second for `seconds`, each a call of `one(i)`; resolves when all are done. */
async function atRate(count, spreadMs, one) {
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * spreadMs) / count;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(one(i));
  }
  await Promise.all(pending);
  return (performance.now() - started) / 1000;
}

async function benchOn(database, tmp, pgUrl) {
  const env = {
    PUBLIC_DIR: path.join(tmp, `public-${database}`),
    NODE_ENV: 'development',
    DEMO_PASSWORD: PASSWORD,
    RATE_LIMIT_EXEMPT_IPS: '127.0.0.1',
    CONTEST_CHALLENGE_COST: '10',
    CONTEST_CHALLENGE_MAX_TRIES: '200',
    ...(pgUrl ? { DATABASE_URL: pgUrl } : { DATABASE_URL: '', DATABASE_FILENAME: path.join(tmp, 'bench.db') }),
  };
  await fs.mkdir(path.join(env.PUBLIC_DIR, 'uploads'), { recursive: true });
  console.log(`[bench] ${database}: starting Strapi on a fresh database …`);
  const cms = await startCms({ port: 13_381, host: '127.0.0.1', env, log: false });
  try {
    const token = await adminToken(cms.url, PASSWORD);
    const { first, second } = await setUp(cms.url, token);
    const api = `${cms.url}/api/cchc`;
    const baseline = recorder();
    await atRate(ENTRANTS, 10_000, () => baseline.time('baseline (topics)', () => fetch(`${api}/topics`)));
    console.log(`[bench] ${database}: ${ENTRANTS} entrants over ${SECONDS} s …`);
    const load = recorder();
    const random = rng(7);
    const loadSeconds = await atRate(ENTRANTS, SECONDS * 1000, (i) => entrant(api, load, first, i, random));
    // The second round: registered first, then every start within ten seconds.
    const waves = recorder();
    const registered = [];
    await atRate(ENTRANTS, 20_000, async (i) => {
      const reg = await waves.time('register (round 2)', () => post(`${api}/contest-rounds/${second}/entries`, { name: `Người thử tải ${i}`, birthYear: 1990, phone: `09${String(20_000_000 + i).slice(-8)}`, audience: 'nguoi-dan', consent: true }));
      if (reg) registered.push(reg.data);
    });
    const wave = recorder();
    const waveSeconds = await atRate(registered.length, STARTS_WITHIN_MS, (i) => wave.time(`start (${ENTRANTS} in ${STARTS_WITHIN_MS / 1000} s)`, () => post(`${api}/contest-entries/${registered[i].entry}/attempts`, {}, registered[i].secret)));
    const rounds = (await (await fetch(`${cms.url}/cchc/contest-rounds`, { headers: { authorization: `Bearer ${token}` } })).json()).data;
    const figures = (id) => rounds.find((r) => r.id === id).figures;
    return { database, baseline: baseline.summary(10), load: load.summary(loadSeconds), register2: waves.summary(20), wave: wave.summary(waveSeconds), first: figures(first), second: figures(second) };
  } finally {
    await stopProcess(cms.child);
  }
}

export async function benchContest() {
  const results = await onEachDatabase('contest', benchOn);

  console.log('');
  console.log(machineLine());
  console.log(`Contest: ${ENTRANTS} entrants over ${SECONDS} s (register, start, ${ANSWERS} answers, submit), then ${ENTRANTS} starts of a second round within ${STARTS_WITHIN_MS / 1000} s; CMS API, no page cache`);
  console.log('| database | request | count | req/s | p50 ms | p99 ms | errors |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  let worst = 0;
  let failures = 0;
  for (const r of results) {
    for (const row of [...r.baseline, ...r.load, ...r.register2, ...r.wave]) {
      console.log(`| ${r.database} | ${row.type} | ${row.count} | ${fmt(row.perSecond)} | ${fmt(row.p50)} | ${fmt(row.p99)} | ${row.errors.length} |`);
      if (!row.type.startsWith('baseline')) worst = Math.max(worst, row.p99);
      failures += row.errors.length;
      if (row.errors.length > 0) console.log(`|   | first errors: ${[...new Set(row.errors)].slice(0, 3).join('; ')} |`);
    }
    const exact = r.first.entries === ENTRANTS && r.first.submitted === ENTRANTS && r.first.open === 0 && r.second.open === ENTRANTS;
    console.log(`| ${r.database} | in the database | round 1: ${r.first.entries} entries, ${r.first.submitted} submitted, ${r.first.open} open; round 2: ${r.second.open} open attempts | | | | ${exact ? 'exactly one per entrant' : 'MISMATCH'} |`);
    if (!exact) failures++;
  }
  console.log(`Target: p99 ≤ ${TARGET_P99_MS} ms, no errors, nothing lost (worst p99 ${fmt(worst)} ms, ${failures} errors or mismatches: ${worst <= TARGET_P99_MS && failures === 0 ? 'met' : 'NOT met'})`);
}
