// Cluster benchmark (`npm run bench -- cluster`): the arrangement of `npm run start:cluster`
// (scripts/lib/cluster.mjs: two CMS instances on a throwaway PostgreSQL database, two sites,
// Varnish in front), measured in one run:
//   a. a hot article page through Varnish at 64 connections, against a plain node:http server
//      returning the same bytes (the baseline; goal: ratio ≥ 1.0 with p99 ≤ 10 ms);
//   b. cache-miss renders of the article page through Varnish, with one site instance behind it
//      (a second Varnish with site A alone, which reads CMS A) and with both (each reading its
//      own CMS): at 16 connections for throughput and latency (runs in the order one, two, two,
//      one), then 30 one at a time for the render's own time. Every request is a miss without a
//      purge: the key Varnish and the site give a page holds the Host header with its port
//      when SITE_URL is unset (cache-key.ts, cchc.vcl's cchc_host_policy), so a wrk script names
//      a new port in each request's Host (`localhost:N`); each answer's X-Cache is counted;
//   c. publish → visible: 20 edits of a published article (summary changed, `publish-update`)
//      on CMS A, each timed from the transition's answer until the article page through Varnish
//      shows the new summary (polled every 10 ms); median and worst.
// Needs PostgreSQL (TEST_PG_ADMIN_URL), Varnish with xkey (installed with apt when missing) and
// wrk (likewise). BENCH_SECONDS sets each load's duration (default 10).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { clusterSecrets, startCluster } from '../lib/cluster.mjs';
import { redisAnswers } from '../lib/redis.mjs';
import { stopProcess } from '../lib/stack.mjs';
import { ensureVarnish, startVarnish } from '../lib/varnish.mjs';
import { ensureWrk, fmt, rawGet, startPlainServer, wrk } from './load.mjs';
import { PG_ADMIN_URL, adminToken, createPgDatabase, machineLine } from './servers.mjs';
import { percentile } from './stats.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = 'BenchDemo2024!';
const PORTS = { cms: [13_371, 13_372], sites: [14_331, 14_332], varnish: 18_080 };
const ONE_SITE_VARNISH_PORT = 18_081;
const HOT_CONNECTIONS = 64;
const MISS_CONNECTIONS = 16;
const EDITS = 20;
const SEQUENTIAL_MISSES = 30;
const ENCODINGS = 'Accept-Encoding: br, gzip';

/**
 * A wrk script: each request names a new port in its Host (from the first script argument on,
 * so that no two runs share a key), and answers that were not a Varnish MISS are counted.
 */
const MISS_SCRIPT = `
local n = 0
local first = 1
-- A global: the main context reads it from each thread (thread:get) when the run is done.
others = 0
function init(args)
  first = tonumber(args[1]) or 1
end
function request()
  n = n + 1
  return wrk.format("GET", nil, { ["Host"] = "localhost:" .. (first + n), ["Accept-Encoding"] = "br, gzip" })
end
function response(status, headers, body)
  if headers["X-Cache"] ~= "MISS" then others = others + 1 end
end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("others") end
  io.write("not-a-miss " .. total .. "\\n")
end
`;

/** Ports each load of misses may use in its Host headers: runs start this far apart. */
const PORTS_PER_RUN = 12_000;

/** The admin API of the CMS at `cmsUrl`, as the holder of `token`. */
function adminApi(cmsUrl, token) {
  return async (method, apiPath, body) => {
    const res = await fetch(`${cmsUrl}${apiPath}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (res.status >= 300) throw new Error(`${method} ${apiPath} answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
}

/** Creates and publishes an article on the CMS of `call`; answers its documentId and slug. */
async function publishArticle(call, title) {
  const cm = '/content-manager/collection-types';
  const areas = await call('GET', `${cm}/plugin::cchc.reform-area?pageSize=1`);
  const agencies = await call('GET', `${cm}/plugin::cchc.agency?pageSize=1`);
  const created = await call('POST', `${cm}/plugin::cchc.article`, {
    title,
    summary: 'Tóm tắt ban đầu.',
    body: 'Nội dung bài đo thời gian từ lúc đăng đến lúc người đọc thấy.',
    format: 'tin-ngan',
    publicationDate: new Date().toISOString(),
    areas: { connect: [{ documentId: areas.results[0].documentId }] },
    agency: { connect: [{ documentId: agencies.results[0].documentId }] },
  });
  const { documentId, slug } = created.data;
  await call('POST', `/cchc/articles/${documentId}/transition`, { action: 'publish-directly', note: 'Bài của phép đo' });
  return { documentId, slug };
}

/** (c) Edits of a published article: milliseconds from each `publish-update` answer until Varnish serves the new summary. */
async function publishToVisible(call, varnishUrl) {
  const { documentId, slug } = await publishArticle(call, `Bài đo thời gian đăng ${Date.now()}`);
  const page = `${varnishUrl}/bai-viet/${slug}`;
  const timings = [];
  const requests = [];
  for (let i = 1; i <= EDITS; i++) {
    // The page is in Varnish's cache before each edit: the purge must be what brings the new text.
    await fetch(page).then((r) => r.arrayBuffer());
    const summary = `Tóm tắt đã sửa lần ${i} (${Date.now().toString(36)}).`;
    await call('PUT', `/content-manager/collection-types/plugin::cchc.article/${documentId}`, { summary });
    const sent = performance.now();
    await call('POST', `/cchc/articles/${documentId}/transition`, { action: 'publish-update', note: `Sửa lần ${i}` });
    const answered = performance.now();
    requests.push(answered - sent);
    for (;;) {
      const res = await fetch(page);
      const html = await res.text();
      if (res.status === 200 && html.includes(summary)) break;
      if (performance.now() - answered > 10_000) throw new Error(`edit ${i} was not visible through Varnish after 10 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
    timings.push(performance.now() - answered);
  }
  return { timings: timings.sort((a, b) => a - b), requests: requests.sort((a, b) => a - b) };
}

/** (b) Misses through the Varnish at `url` under load (run `run` of the bench): wrk's figures and how many answers were not misses. */
async function missLoad(url, run, tmp) {
  const script = path.join(tmp, 'misses.lua');
  await fs.writeFile(script, MISS_SCRIPT);
  const result = wrk(url, { connections: MISS_CONNECTIONS, seconds: SECONDS, script, scriptArgs: [String(1 + run * PORTS_PER_RUN)] });
  if (result.requests >= PORTS_PER_RUN) throw new Error(`${result.requests} requests in one run: more than the ${PORTS_PER_RUN} ports it may name`);
  return { ...result, notMisses: Number(result.output.match(/not-a-miss (\d+)/)?.[1] ?? NaN) };
}

/** (b) Misses one at a time (the render's own time, without queueing): sorted milliseconds; throws on an answer that was not a miss. */
async function missesInTurn(url, firstPort, count = SEQUENTIAL_MISSES) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await rawGet(url, { host: `localhost:${firstPort + i}`, 'accept-encoding': 'br, gzip' });
    times.push(performance.now() - started);
    if (res.status !== 200 || res.headers['x-cache'] !== 'MISS') throw new Error(`sequential miss ${i} answered ${res.status} ${res.headers['x-cache']}`);
  }
  return times.sort((a, b) => a - b);
}

export async function benchCluster() {
  ensureWrk();
  ensureVarnish();
  const database = await createPgDatabase();
  if (!database) {
    console.error(`[bench] the cluster needs PostgreSQL, which does not answer at ${PG_ADMIN_URL}.`);
    process.exit(2);
  }
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-bench-cluster-'));
  // The machine's other load moves every figure here (a cluster on one machine shares its cores): printed beside them.
  const loadBefore = os.loadavg()[0];
  const lines = [];
  const extra = [];
  let cluster = null;
  try {
    console.log('[bench] booting two CMS instances, two sites and Varnish on a fresh PostgreSQL database …');
    const redisUrl = (await redisAnswers('redis://127.0.0.1:6379')) ? 'redis://127.0.0.1:6379' : null;
    cluster = await startCluster({
      databaseUrl: database.url,
      dataDir: tmp,
      ports: PORTS,
      redisUrl,
      secrets: clusterSecrets({}),
      cmsEnv: { NODE_ENV: 'development', DEMO_PASSWORD: PASSWORD, RATE_LIMIT_EXEMPT_IPS: '127.0.0.1' },
      // Every render comes from this one address: no render budget may refuse them.
      siteEnv: { SITE_RENDERS_PER_MINUTE: '100000000' },
      log: (line) => lines.push(line),
    });
    const [cmsA] = cluster.cms;
    const { data } = await (await fetch(`${cmsA.url}/api/cchc/articles?format=bai-viet&pageSize=1`)).json();
    const pagePath = `/bai-viet/${data[0].slug}`;
    const hotUrl = `${cluster.varnishUrl}${pagePath}`;

    // (a) The bytes a browser gets from Varnish, served again by the baseline.
    await rawGet(hotUrl, { 'accept-encoding': 'br, gzip' });
    const served = await rawGet(hotUrl, { 'accept-encoding': 'br, gzip' });
    if (served.headers['x-cache'] !== 'HIT') throw new Error(`the warmed page was not a Varnish hit (X-Cache: ${served.headers['x-cache']})`);
    const plainHeaders = {};
    for (const name of ['content-type', 'content-encoding', 'cache-control', 'etag', 'vary']) if (served.headers[name]) plainHeaders[name] = served.headers[name];
    const plain = await startPlainServer(served.body, plainHeaders);
    extra.push(plain);
    console.log(`[bench] (a) hot article page ${pagePath} (${served.body.length} bytes, ${served.headers['content-encoding'] ?? 'identity'}), ${HOT_CONNECTIONS} connections, ${SECONDS} s each …`);
    const hot = wrk(hotUrl, { connections: HOT_CONNECTIONS, seconds: SECONDS, headers: [ENCODINGS] });
    const baseline = wrk(plain.url, { connections: HOT_CONNECTIONS, seconds: SECONDS, headers: [ENCODINGS] });

    // (b) One site behind its own Varnish, and both behind the cluster's; under load in the order
    // one, two, two, one (drift of the machine's other load falls on both alike), then one at a time.
    console.log(`[bench] (b) cache-miss renders of ${pagePath}: ${MISS_CONNECTIONS} connections, ${SECONDS} s each, one site / two / two / one; then ${SEQUENTIAL_MISSES} one at a time each …`);
    const oneSite = await startVarnish({
      port: ONE_SITE_VARNISH_PORT,
      backends: [{ host: '127.0.0.1', port: cluster.sites[0].port }],
      purgeSecret: cluster.secrets.VARNISH_PURGE_SECRET,
      workDir: path.join(tmp, 'varnish-one-site'),
      log: (line) => lines.push(line),
    });
    extra.push({ child: oneSite.child });
    const oneUrl = `${oneSite.url}${pagePath}`;
    const loads = { one: [], two: [] };
    for (const [run, which] of ['one', 'two', 'two', 'one'].entries()) loads[which].push(await missLoad(which === 'one' ? oneUrl : hotUrl, run, tmp));
    const inTurn = { one: await missesInTurn(oneUrl, 1 + 4 * PORTS_PER_RUN), two: await missesInTurn(hotUrl, 1 + 4 * PORTS_PER_RUN) };
    await oneSite.stop();
    const combined = (runs) => ({
      rps: runs.reduce((sum, r) => sum + r.rps, 0) / runs.length,
      p50: runs.reduce((sum, r) => sum + r.p50, 0) / runs.length,
      p99: Math.max(...runs.map((r) => r.p99)),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      requests: runs.reduce((sum, r) => sum + r.requests, 0),
      notMisses: runs.reduce((sum, r) => sum + r.notMisses, 0),
    });
    const missOne = combined(loads.one);
    const missTwo = combined(loads.two);

    // (c) Publish → visible, as the super admin on CMS A.
    console.log(`[bench] (c) ${EDITS} edits published on CMS A, each polled through Varnish …`);
    const call = adminApi(cmsA.url, await adminToken(cmsA.url, PASSWORD));
    const visible = await publishToVisible(call, cluster.varnishUrl);

    const row = (label, r, extraCell = '') => `| ${label} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p99, 2)} | ${r.errors}${extraCell} |`;
    console.log('');
    console.log(`${machineLine()}; load average ${fmt(loadBefore, 2)} before, ${fmt(os.loadavg()[0], 2)} after`);
    console.log(`Cluster: 2 CMS (PostgreSQL${redisUrl ? ', Redis' : ''}), 2 sites (SITE_PAGE_CACHE=off), Varnish; wrk, one thread`);
    console.log('| target | requests/s | p50 ms | p99 ms | non-2xx |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(row(`(a) hot article page through Varnish, ${HOT_CONNECTIONS} connections`, hot));
    console.log(row('(a) plain node:http, same bytes', baseline));
    console.log(row(`(b) misses, one site (and CMS A) behind Varnish, ${MISS_CONNECTIONS} connections: mean of 2 runs (${missOne.requests} requests, ${missOne.notMisses} not a MISS)`, missOne));
    console.log(row(`(b) misses, two sites (each on its CMS) behind Varnish, ${MISS_CONNECTIONS} connections: mean of 2 runs (${missTwo.requests} requests, ${missTwo.notMisses} not a MISS)`, missTwo));
    const ratio = hot.rps / baseline.rps;
    console.log(`(a) Ratio Varnish / plain server: ${fmt(ratio, 2)}, p99 ${fmt(hot.p99, 2)} ms (goal ≥ 1.0 with p99 ≤ 10 ms: ${ratio >= 1 && hot.p99 <= 10 ? 'met' : 'not met'})`);
    console.log(`(b) Two sites / one site: ${fmt(missTwo.rps / missOne.rps, 2)}× the renders per second (runs: one ${loads.one.map((r) => fmt(r.rps, 0)).join(', ')}; two ${loads.two.map((r) => fmt(r.rps, 0)).join(', ')})`);
    console.log(`(b) One miss at a time, ${SEQUENTIAL_MISSES} each: one site median ${fmt(percentile(inTurn.one, 50))} ms (p95 ${fmt(percentile(inTurn.one, 95))}), two sites median ${fmt(percentile(inTurn.two, 50))} ms (p95 ${fmt(percentile(inTurn.two, 95))})`);
    console.log(
      `(c) Publish → visible through Varnish, ${EDITS} edits: median ${fmt(percentile(visible.timings, 50))} ms, worst ${fmt(visible.timings.at(-1))} ms ` +
        `(after the publish's answer, which took median ${fmt(percentile(visible.requests, 50))} ms, worst ${fmt(visible.requests.at(-1))} ms)`,
    );
  } catch (error) {
    console.error(`[bench] ${error.message}\n${lines.slice(-30).join('\n')}`);
    process.exitCode = 1;
  } finally {
    await Promise.all(extra.map((e) => stopProcess(e.child)));
    for (const e of extra) if (e.dir) await fs.rm(e.dir, { recursive: true, force: true });
    await cluster?.stop();
    await database.drop();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
