// Site benchmark: boots the seeded system on a throwaway SQLite database, then
// measures, in the same run:
//   1. a hot article page through the site (page cache) at 64 connections,
//   2. a plain node:http server returning the same bytes (the baseline),
//   3. cache-miss renders of the article page (Astro + CMS), one at a time.
// Needs wrk (Debian package `wrk`). BENCH_SECONDS sets each load's duration (default 10).
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startCms, startSite, stopProcess, waitForHttp } from '../lib/stack.mjs';
import { percentile } from './stats.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const HEADERS = ['-H', 'Accept-Encoding: br, gzip'];

/** Runs wrk and returns requests per second, p50 and p99 in milliseconds. */
function wrk(url) {
  const result = spawnSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', ...HEADERS, url], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr}`);
  const ms = (label) => {
    const match = result.stdout.match(new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`));
    if (!match) return NaN;
    const value = Number(match[1]);
    return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
  };
  const rps = Number(result.stdout.match(/Requests\/sec:\s+([\d.]+)/)?.[1]);
  const errors = result.stdout.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? '0';
  return { rps, p50: ms('50'), p99: ms('99'), errors: Number(errors) };
}

/** A plain node:http server, in its own process, answering every request with the given bytes and headers. */
async function startPlainServer(body, headers) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-bench-plain-'));
  await fs.writeFile(path.join(dir, 'body'), body);
  const script = `
    const http = require('node:http');
    const body = require('node:fs').readFileSync(${JSON.stringify(path.join(dir, 'body'))});
    const headers = ${JSON.stringify(headers)};
    http.createServer({ keepAlive: true }, (req, res) => { res.writeHead(200, { ...headers, 'content-length': body.length }); res.end(body); })
      .listen(0, '127.0.0.1', function () { console.log(this.address().port); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
  return { child, url: `http://127.0.0.1:${port}`, dir };
}

/** GETs a URL without decoding the body: the bytes as they travel. */
function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

export async function benchSite() {
  if (spawnSync('wrk', ['--version']).error) {
    console.error('[bench] wrk is not installed: apt-get install -y wrk');
    process.exit(2);
  }
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
