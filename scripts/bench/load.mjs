// Load tools the HTTP benchmarks share: wrk, a plain node:http server as the baseline, and a
// GET that keeps the bytes as they travel.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

/** Makes sure wrk is installed (Debian's `wrk` with apt when missing, as root); exits saying what to do otherwise. */
export function ensureWrk() {
  if (!spawnSync('wrk', ['--version']).error) return;
  if (process.getuid?.() === 0 && !spawnSync('sh', ['-c', 'command -v apt-get']).status) {
    console.log('[bench] installing wrk with apt …');
    spawnSync('sh', ['-c', 'apt-get install -y -qq wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (!spawnSync('wrk', ['--version']).error) return;
  }
  console.error('[bench] wrk is not installed: apt-get install -y wrk');
  process.exit(2);
}

/**
 * Runs wrk (one thread) and answers requests per second, p50 and p99 in milliseconds, the
 * non-2xx/3xx count, and what a Lua `script` (given `scriptArgs`) printed, for the caller to read.
 */
export function wrk(url, { connections = 64, seconds = 10, headers = [], script = null, scriptArgs = [] } = {}) {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...headers.flatMap((h) => ['-H', h]), ...(script ? ['-s', script] : []), url, ...(scriptArgs.length > 0 ? ['--', ...scriptArgs] : [])];
  const result = spawnSync('wrk', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr}`);
  const ms = (label) => {
    const match = result.stdout.match(new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`));
    if (!match) return NaN;
    const value = Number(match[1]);
    return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
  };
  const rps = Number(result.stdout.match(/Requests\/sec:\s+([\d.]+)/)?.[1]);
  const requests = Number(result.stdout.match(/(\d+) requests in/)?.[1]);
  const errors = result.stdout.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? '0';
  const socketErrors = result.stdout.match(/Socket errors: (.*)/)?.[1] ?? null;
  return { rps, requests, p50: ms('50'), p99: ms('99'), errors: Number(errors), socketErrors, output: result.stdout };
}

/** A plain node:http server, in its own process, answering every request with the given bytes and headers. */
export async function startPlainServer(body, headers) {
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
export function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** A number for the tables: `digits` decimals, or n/a. */
export const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
