// Citizens' questions benchmark (`npm run bench -- questions`), against the real CMS on a fresh
// database, SQLite and then PostgreSQL when reachable. 200 concurrent submitters send
// POST /api/cchc/questions (a subject, a unique title, about 300 characters of Vietnamese, a
// name, a unique e-mail, consent); each takes the day's next number from the counter in the
// insert's transaction, which is what concurrency strains. Two ways, each after its baseline (a
// short public list, GET /api/cchc/topics, by the same 200 clients in the same way):
//   1. paced, the figure judged: each submitter sends one question every
//      BENCH_QUESTIONS_INTERVAL_MS (2,000: 100 a second in all, far above what a province's
//      citizens send, and each of them a minute's budget of a real address) for
//      BENCH_QUESTIONS_SECONDS (60);
//   2. back to back for 20 s: the most the CMS takes. With 200 clients each waiting for its
//      answer, latency there is 200 ÷ throughput (the baseline's too), so it shows capacity,
//      not a response time.
// Prints requests per second, p50, p99 and max for each, errors by type, submit's figures as
// multiples of its baseline's (what compares between machines), and the target (p99 of paced
// submissions ≤ 300 ms). Then checks that every acknowledged submission is
// stored exactly once, each as a PASS or FAIL line (a FAIL makes the command exit non-zero):
//   a. the acknowledged codes are well formed and distinct, and no day's sequence number repeats;
//   b. the committee administrator's desk (GET /cchc/questions?view=all, counts.all) holds as many
//      more questions after the run than before as were acknowledged;
//   c. 200 acknowledged codes, drawn at random, each looked up with its own e-mail
//      (POST /api/cchc/questions/lookup) answer 200 with their own title.
// The per-client limits of questions (1 a minute, 5 an hour) and the general budget would refuse
// a benchmark, which sends everything from one address: the CMS runs here with
// QUESTIONS_PER_CLIENT_MINUTE=100000, QUESTIONS_PER_CLIENT_HOUR=100000000 and
// RATE_LIMIT_POINTS=100000000, so the limits are still counted (their cost is in the figures)
// but never reached. No e-mail goes out (SMTP_HOST empty): `mailed` is false.
// Each client holds one kept-alive connection (node:http, not fetch), opened before the clock
// starts: while 200 connections keep it busy, the CMS leaves a new connection in the accept
// queue for seconds (until the load stops, in a 10 s run), and fetch opens new ones during a run;
// the figures would then measure connection set-up, not the requests.
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { startCms, stopProcess } from '../lib/stack.mjs';
import { machineLine, onEachDatabase } from './servers.mjs';
import { percentile, rng } from './stats.mjs';

const PASSWORD = 'BenchDemo2024!';
const MODERATOR = 'bancd@cchc.local';
const SUBMITTERS = 200;
const SECONDS = Number(process.env.BENCH_QUESTIONS_SECONDS ?? 60);
const INTERVAL_MS = Number(process.env.BENCH_QUESTIONS_INTERVAL_MS ?? 2000);
const SATURATED_SECONDS = 20;
const BASELINE_SECONDS = 10;
const SAMPLE = 200;
const TARGET_P99_MS = 300;
const SUBJECT = 'thu-tuc-hanh-chinh';
const CODE = /^PAKN\.(\d{8})\.(\d{4,})$/;
const QUESTION =
  'Kính gửi Ban Chỉ đạo cải cách hành chính tỉnh. Tôi muốn hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu: ' +
  'hồ sơ cần những giấy tờ gì, có nộp trực tuyến trên Cổng dịch vụ công được không, thời hạn giải quyết là bao nhiêu ngày ' +
  'làm việc và lệ phí phải nộp là bao nhiêu? Xin trân trọng cảm ơn.';

/**
 * One kept-alive connection per concurrent client, as many browsers would hold. A connection idle
 * for 4 s is closed by the client: the CMS (Node's default) closes idle ones at 5 s, and a request
 * sent on a connection at the moment the server closes it is reset (browsers send it again; this
 * bench would count an error).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: SUBMITTERS, timeout: 4000 });

/** A request through `agent`; answers a small Response-like object (status, ok, json, text). */
function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request(url, { method, agent, headers: { ...headers, ...(payload ? { 'content-length': payload.length } : {}) } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode, ok: res.statusCode >= 200 && res.statusCode < 300, text: async () => text, json: async () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

/** Timings and errors by request type (errors counted by status and message). */
function recorder() {
  const times = new Map();
  /** When each request started (ms since the recorder was made) and how long it took, for where the slowest fall. */
  const timeline = new Map();
  const origin = performance.now();
  const errors = new Map();
  const fail = (type, what) => {
    const byType = errors.get(type) ?? new Map();
    byType.set(what, (byType.get(what) ?? 0) + 1);
    errors.set(type, byType);
  };
  return {
    async time(type, send) {
      if (!times.has(type)) times.set(type, []);
      const started = performance.now();
      try {
        const res = await send();
        const body = await res.json().catch(() => null);
        if (!res.ok) fail(type, `${res.status} ${body?.error?.message ?? ''}`.trim().slice(0, 160));
        return res.ok ? body : null;
      } catch (error) {
        fail(type, `${error.name}: ${error.code ?? error.message}`);
        return null;
      } finally {
        times.get(type).push(performance.now() - started);
        if (!timeline.has(type)) timeline.set(type, []);
        timeline.get(type).push([started - origin, performance.now() - started]);
      }
    },
    /** An answer that came back 2xx but not as it should. */
    fail,
    /** The seconds (into the phase) in which the slowest 1 % of a type's requests started, with how many started in each. */
    slowest(type) {
      const list = [...(timeline.get(type) ?? [])].sort((a, b) => b[1] - a[1]);
      const bySecond = new Map();
      for (const [at] of list.slice(0, Math.max(1, Math.ceil(list.length / 100)))) {
        const second = Math.floor(at / 1000);
        bySecond.set(second, (bySecond.get(second) ?? 0) + 1);
      }
      return [...bySecond].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s} s (${n})`).join(', ');
    },
    summary(seconds) {
      return [...times].map(([type, list]) => {
        const sorted = [...list].sort((a, b) => a - b);
        const byKind = [...(errors.get(type) ?? new Map())].sort((a, b) => b[1] - a[1]);
        return {
          type,
          count: list.length,
          perSecond: list.length / seconds,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          max: sorted[sorted.length - 1],
          errors: byKind.reduce((n, [, k]) => n + k, 0),
          byKind,
        };
      });
    },
  };
}

/** `workers` loops, each calling `one(worker, n)` back to back until `seconds` have passed; answers the seconds taken. */
async function backToBack(workers, seconds, one) {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let n = 0; performance.now() < deadline; n++) await one(worker, n);
    }),
  );
  return (performance.now() - started) / 1000;
}

/**
 * `workers` loops, each calling `one(worker, n)` every `intervalMs` (from a random offset, so the
 * calls spread evenly; a call that comes back late is followed by the next at once) until
 * `seconds` have passed; answers the seconds taken.
 */
async function paced(workers, seconds, intervalMs, one) {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const random = rng(11);
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      const first = started + random() * intervalMs;
      for (let n = 0; ; n++) {
        const due = first + n * intervalMs;
        if (due >= deadline) return;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await one(worker, n);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/** Signs in to the admin panel as `email`; answers the token. */
async function signIn(cmsUrl, email, password) {
  const res = await request(`${cmsUrl}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}`);
  return (await res.json()).data.token;
}

/** The desk's count of every non-robot question, as the committee administrator sees it. */
async function deskCount(cmsUrl, token) {
  const res = await request(`${cmsUrl}/cchc/questions?view=all`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET /cchc/questions?view=all answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const all = (await res.json()).counts?.all;
  if (!Number.isInteger(all)) throw new Error('GET /cchc/questions?view=all answered no counts.all');
  return all;
}

const post = (url, body) => request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Check (a): well-formed, distinct codes; no sequence number twice in a day. */
function checkCodes(acknowledged) {
  const malformed = acknowledged.filter((a) => !CODE.test(a.code));
  const distinct = new Set(acknowledged.map((a) => a.code)).size;
  const days = new Map();
  for (const { code } of acknowledged) {
    const match = CODE.exec(code);
    if (!match) continue;
    const [, day, number] = match;
    if (!days.has(day)) days.set(day, []);
    days.get(day).push(Number(number));
  }
  let repeated = 0;
  const perDay = [...days].map(([day, numbers]) => {
    numbers.sort((a, b) => a - b);
    const unique = new Set(numbers).size;
    repeated += numbers.length - unique;
    const span = numbers[numbers.length - 1] - numbers[0] + 1;
    return `day ${day}: ${numbers.length} numbers, ${numbers[0]}…${numbers[numbers.length - 1]}, ${numbers.length - unique} repeated, ${span - unique} missing in between`;
  });
  const ok = acknowledged.length > 0 && malformed.length === 0 && distinct === acknowledged.length && repeated === 0;
  return {
    ok,
    line: `codes: ${acknowledged.length} acknowledged, ${distinct} distinct, ${malformed.length} malformed${malformed.length ? ` (e.g. ${JSON.stringify(malformed[0].code)})` : ''}; ${perDay.join('; ') || 'no codes'}`,
  };
}

async function benchOn(database, tmp, pgUrl) {
  const env = {
    PUBLIC_DIR: path.join(tmp, `public-${database}`),
    QUESTION_FILES_DIR: path.join(tmp, `question-files-${database}`),
    NODE_ENV: 'development',
    CCHC_SEED: 'true',
    DEMO_PASSWORD: PASSWORD,
    SMTP_HOST: '',
    QUESTIONS_PER_CLIENT_MINUTE: '100000',
    QUESTIONS_PER_CLIENT_HOUR: '100000000',
    RATE_LIMIT_POINTS: '100000000',
    ...(pgUrl ? { DATABASE_URL: pgUrl } : { DATABASE_URL: '', DATABASE_FILENAME: path.join(tmp, 'bench.db') }),
  };
  await fs.mkdir(path.join(env.PUBLIC_DIR, 'uploads'), { recursive: true });
  console.log(`[bench] ${database}: starting Strapi on a fresh database …`);
  const cms = await startCms({ port: 13_382, host: '127.0.0.1', env, log: false });
  try {
    const token = await signIn(cms.url, MODERATOR, PASSWORD);
    const api = `${cms.url}/api/cchc`;
    // Every client's connection, opened and used once, untimed.
    await Promise.all(Array.from({ length: SUBMITTERS }, () => request(`${api}/topics`).then((res) => res.text())));

    const before = await deskCount(cms.url, token);
    const acknowledged = [];
    const submit = (record, type, phase) => async (submitter, n) => {
      const title = `Bench ${phase}${submitter}-${n}`;
      const email = `b${phase}${submitter}.${n}@bench.example`;
      const body = { subject: SUBJECT, title, question: `${QUESTION} (Câu hỏi số ${n} của người gửi ${submitter}.)`, name: `Người thử tải ${submitter}`, email, phone: '', consent: true, website: '' };
      const answer = await record.time(type, () => post(`${api}/questions`, body));
      if (!answer) return;
      if (typeof answer.data?.code !== 'string') record.fail(type, `2xx without a code: ${JSON.stringify(answer).slice(0, 120)}`);
      else acknowledged.push({ code: answer.data.code, title, email });
    };
    const topics = (record, type) => () => record.time(type, () => request(`${api}/topics`));

    console.log(`[bench] ${database}: paced, ${SUBMITTERS} clients each every ${INTERVAL_MS} ms: baseline ${BASELINE_SECONDS} s, submissions ${SECONDS} s …`);
    const pacedBase = recorder();
    const pacedBaseSeconds = await paced(SUBMITTERS, BASELINE_SECONDS, INTERVAL_MS, topics(pacedBase, 'baseline (topics), paced'));
    const pacedLoad = recorder();
    const pacedSeconds = await paced(SUBMITTERS, SECONDS, INTERVAL_MS, submit(pacedLoad, 'submit, paced', 'p'));

    console.log(`[bench] ${database}: back to back, ${SUBMITTERS} clients: baseline ${BASELINE_SECONDS} s, submissions ${SATURATED_SECONDS} s …`);
    const fullBase = recorder();
    const fullBaseSeconds = await backToBack(SUBMITTERS, BASELINE_SECONDS, topics(fullBase, 'baseline (topics), back to back'));
    const fullLoad = recorder();
    const fullSeconds = await backToBack(SUBMITTERS, SATURATED_SECONDS, submit(fullLoad, 'submit, back to back', 's'));
    const after = await deskCount(cms.url, token);

    // The lookups of a sample, one at a time (their timings are shown, not judged).
    const lookups = recorder();
    const random = rng(7);
    const pool = [...acknowledged];
    const sample = [];
    while (sample.length < SAMPLE && pool.length > 0) sample.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
    let found = 0;
    const wrong = [];
    for (const s of sample) {
      const answer = await lookups.time(`lookup (${SAMPLE} sampled)`, () => post(`${api}/questions/lookup`, { code: s.code, contact: s.email }));
      if (answer?.data?.code === s.code && answer.data.title === s.title) found++;
      else if (wrong.length < 3) wrong.push(`${s.code}: ${answer ? `answered ${JSON.stringify({ code: answer.data?.code, title: answer.data?.title })}` : 'not found'}`);
    }

    const codes = checkCodes(acknowledged);
    const counted = after - before;
    const checks = [
      codes,
      { ok: counted === acknowledged.length, line: `count: the desk's counts.all went from ${before} to ${after} (+${counted}) for ${acknowledged.length} acknowledged submissions` },
      {
        ok: sample.length === Math.min(SAMPLE, acknowledged.length) && sample.length > 0 && found === sample.length,
        line: `lookup: ${found} of ${sample.length} sampled codes answered 200 with their own title${wrong.length ? ` (first misses: ${wrong.join('; ')})` : ''}`,
      },
    ];
    return {
      database,
      slowest: pacedLoad.slowest('submit, paced'),
      rows: [...pacedBase.summary(pacedBaseSeconds), ...pacedLoad.summary(pacedSeconds), ...fullBase.summary(fullBaseSeconds), ...fullLoad.summary(fullSeconds), ...lookups.summary(1)],
      checks,
    };
  } finally {
    agent.destroy();
    await stopProcess(cms.child);
  }
}

export async function benchQuestions() {
  const results = await onEachDatabase('questions', benchOn);

  console.log('');
  console.log(machineLine());
  console.log(
    `Questions: ${SUBMITTERS} concurrent submitters (POST /api/cchc/questions), each every ${INTERVAL_MS} ms for ${SECONDS} s, then back to back for ${SATURATED_SECONDS} s; each after its baseline (GET /api/cchc/topics by the same clients the same way, ${BASELINE_SECONDS} s); CMS API, per-client limits raised out of reach`,
  );
  let worst = 0;
  let errors = 0;
  let failed = 0;
  for (const r of results) {
    console.log('');
    console.log('| database | request | count | req/s | p50 ms | p99 ms | max ms | errors |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|');
    for (const row of r.rows) {
      const lookup = row.type.startsWith('lookup');
      // The lookups ran one at a time: their rate says nothing.
      console.log(`| ${r.database} | ${row.type} | ${row.count} | ${lookup ? '' : fmt(row.perSecond)} | ${fmt(row.p50)} | ${fmt(row.p99)} | ${fmt(row.max)} | ${row.errors} |`);
      if (row.type === 'submit, paced') worst = Math.max(worst, row.p99);
      if (!lookup) errors += row.errors;
      for (const [what, count] of row.byKind.slice(0, 5)) console.log(`|   | ${row.type} error: ${count} × ${what} | | | | | | |`);
    }
    for (const way of ['paced', 'back to back']) {
      const base = r.rows.find((row) => row.type === `baseline (topics), ${way}`);
      const submit = r.rows.find((row) => row.type === `submit, ${way}`);
      if (!base || !submit) continue;
      const times = (a, b) => `${(a / b).toFixed(2)}×`;
      console.log(`| ${r.database} | submit ÷ baseline, ${way} | | ${times(submit.perSecond, base.perSecond)} | ${times(submit.p50, base.p50)} | ${times(submit.p99, base.p99)} | ${times(submit.max, base.max)} | |`);
    }
    if (r.slowest) console.log(`${r.database}: the slowest 1 % of paced submissions started at ${r.slowest} into the run`);
    for (const check of r.checks) {
      console.log(`${check.ok ? 'PASS' : 'FAIL'} ${r.database} ${check.line}`);
      if (!check.ok) failed++;
    }
  }
  console.log('');
  console.log(`Target: p99 of paced submissions ≤ ${TARGET_P99_MS} ms, no errors (worst p99 ${fmt(worst)} ms, ${errors} errors: ${worst <= TARGET_P99_MS && errors === 0 ? 'met' : 'NOT met'}); every acknowledged submission stored exactly once (${failed === 0 ? 'PASS' : `FAIL, ${failed} check(s)`})`);
  if (failed > 0) process.exitCode = 1;
}
