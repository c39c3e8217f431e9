/** Varnish as the tests drive it: raw HTTP (bytes as sent, any Host, any source address) and its counters. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { startVarnish as start } from '../../scripts/lib/varnish.mjs';
import { freePort } from './ports.js';

/** An answer as it came over the wire: the body is not decompressed. */
export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Options of one request. */
export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Source address (127.0.0.2 is loopback, but outside Varnish's purge ACL). */
  localAddress?: string;
  body?: string;
}

/** Sends one request to `base` + `target` without any client-side normalisation (fetch would rewrite the path and drop Host). */
export function raw(base: string, target: string, { method = 'GET', headers = {}, localAddress, body }: RawRequest = {}): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: target, method, headers, localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A running Varnish with its working folder. */
export interface TestVarnish {
  url: string;
  workDir: string;
  stop: () => Promise<void>;
}

/** Starts Varnish (scripts/lib/varnish.mjs) in a fresh folder in front of `backends`. */
export async function startTestVarnish(backends: Array<{ host: string; port: number }>, purgeSecret: string, env: Record<string, string> = {}): Promise<TestVarnish> {
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-varnish-'));
  const lines: string[] = [];
  try {
    const varnish = (await start({ port: await freePort(), backends, purgeSecret, workDir, env, log: (line: string) => lines.push(line), probe: { interval: '1s', timeout: '500ms', window: 3, threshold: 2 } })) as TestVarnish;
    return {
      url: varnish.url,
      workDir,
      stop: async () => {
        await varnish.stop();
        await fs.rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await fs.rm(workDir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${lines.slice(-20).join('\n')}`);
  }
}

/** One of Varnish's counters (`MAIN.n_object`, `MAIN.cache_hit`, …), read with varnishstat. */
export function varnishCounter(workDir: string, name: string): number {
  const out = execFileSync('varnishstat', ['-n', workDir, '-1', '-f', name], { encoding: 'utf8' });
  const match = new RegExp(`^${name.replace('.', '\\.')}\\s+(\\d+)`, 'm').exec(out);
  if (!match) throw new Error(`varnishstat has no ${name}: ${out}`);
  return Number(match[1]);
}
