// Site benchmark: boots the seeded system on a throwaway SQLite database, then
// measures, in the same run:
//   1. a hot article page through the site (page cache) at 64 connections,
//   2. a plain node:http server returning the same bytes (the baseline),
//   3. cache-miss renders of the article page (Astro + CMS), one at a time.
// Needs wrk (Debian package `wrk`). BENCH_SECONDS sets each load's duration (default 10).
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startCms, startSite, stopProcess, waitForHttp } from '../lib/stack.mjs';
import { ensureWrk, fmt, rawGet, startPlainServer, wrk as runWrk } from './load.mjs';
import { percentile } from './stats.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const HEADERS = ['Accept-Encoding: br, gzip'];

const wrk = (url) => runWrk(url, { connections: CONNECTIONS, seconds: SECONDS, headers: HEADERS });

export async function benchSite() {
  ensureWrk();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-bench-'));
  const purgeSecret = crypto.randomBytes(24).toString('base64url');
  const children = [];
  try {
    console.log('[bench] booting the seeded system on a fresh SQLite database …');
    const cms = await startCms({
      port: 13_370,
      host: '127.0.0.1',
      log: false,
      // The site is one client of the CMS here, as in production: not rate-limited.
      env: { DATABASE_FILENAME: path.join(tmp, 'bench.db'), PUBLIC_DIR: path.join(tmp, 'public'), PURGE_SECRET: purgeSecret, RATE_LIMIT_EXEMPT_IPS: '127.0.0.1' },
    });
    children.push(cms.child);
    const site = await startSite({ port: 14_321, host: '127.0.0.1', cmsUrl: cms.url, env: { PURGE_SECRET: purgeSecret, SITE_RENDERS_PER_MINUTE: '1000000' }, log: false });
    children.push(site.child);

    const { data } = await (await fetch(`${cms.url}/api/cchc/articles?format=bai-viet&pageSize=1`)).json();
    const pagePath = `/bai-viet/${data[0].slug}`;
    const url = `${site.url}${pagePath}`;
    await rawGet(url, { 'accept-encoding': 'br, gzip' });
    // The baseline serves the exact bytes and headers a browser gets from the site.
    const served = await rawGet(url, { 'accept-encoding': 'br, gzip' });
    if (served.headers['x-cache'] !== 'HIT') throw new Error(`the warmed page was not a cache hit (${served.headers['x-cache']})`);
    const rawBody = served.body;
    const plainHeaders = {};
    for (const name of ['content-type', 'content-encoding', 'cache-control', 'etag', 'vary']) {
      if (served.headers[name]) plainHeaders[name] = served.headers[name];
    }
    const plain = await startPlainServer(rawBody, plainHeaders);
    children.push(plain.child);
    await waitForHttp(plain.url);

    console.log(`[bench] hot article page ${pagePath} (${rawBody.length} bytes as served), ${CONNECTIONS} connections, ${SECONDS} s each …`);
    const hot = wrk(url);
    const baseline = wrk(plain.url);

    // A miss each time: the page is purged as the CMS purges it (junk query strings no longer make misses).
    // shared/ is built by then (bench builds first), hence the late import.
    const { PURGE_PATH, PURGE_SIGNATURE_HEADER, PURGE_TIMESTAMP_HEADER } = await import('../../shared/dist/index.js');
    const { signPurge } = await import('../../shared/dist/node/index.js');
    const purgeAll = async () => {
      const body = '{"all":true}';
      const timestamp = Math.floor(Date.now() / 1000);
      const res = await fetch(`${site.url}${PURGE_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PURGE_TIMESTAMP_HEADER]: String(timestamp), [PURGE_SIGNATURE_HEADER]: signPurge(purgeSecret, timestamp, body) },
        body,
      });
      if (res.status !== 200) throw new Error(`purge answered ${res.status}`);
    };
    const renders = [];
    for (let i = 0; i < 50; i++) {
      await purgeAll();
      const started = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.headers.get('x-cache') !== 'MISS') throw new Error(`render ${i} was not a miss`);
      renders.push(performance.now() - started);
    }
    renders.sort((a, b) => a - b);

    console.log('');
    console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    console.log('| target | requests/s | p50 ms | p99 ms | non-2xx |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(`| site, hot article page (page cache) | ${fmt(hot.rps, 0)} | ${fmt(hot.p50, 2)} | ${fmt(hot.p99, 2)} | ${hot.errors} |`);
    console.log(`| plain node:http, same bytes | ${fmt(baseline.rps, 0)} | ${fmt(baseline.p50, 2)} | ${fmt(baseline.p99, 2)} | ${baseline.errors} |`);
    console.log(`Ratio site / plain server: ${fmt(hot.rps / baseline.rps, 2)} (target ≥ 0.3; hot page target ≥ 10000 req/s, p99 ≤ 25 ms)`);
    console.log(`Cache-miss render of the article page (Astro + CMS), 50 sequential: median ${fmt(percentile(renders, 50))} ms, p95 ${fmt(percentile(renders, 95))} ms (target median ≤ 50 ms)`);
    await fs.rm(plain.dir, { recursive: true, force: true });
  } finally {
    await Promise.all(children.map((c) => stopProcess(c)));
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
