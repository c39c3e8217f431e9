// Starts and stops the two servers (Strapi and the Astro site) as child processes.
// Used by `npm start` and by the test suites, so both run the system the same way.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { CMS, SITE } from './paths.mjs';
import { BIN, STRAPI_ENV } from './tools.mjs';

/** Polls `url` until it answers with a status below 500, the child exits, or time runs out. */
export async function waitForHttp(url, { child, timeoutMs = 180_000, name = url } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

function pipeWithPrefix(stream, prefix, sink) {
  readline.createInterface({ input: stream }).on('line', (line) => sink(`${prefix} ${line}`));
}

/** Spawns a Node script as a child with prefixed output (or silenced output when `log` is false). */
function spawnNode(name, args, { cwd, env, log }) {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const sink = typeof log === 'function' ? log : log === false ? () => {} : (line) => console.log(line);
  pipeWithPrefix(child.stdout, `[${name}]`, sink);
  pipeWithPrefix(child.stderr, `[${name}]`, sink);
  return child;
}

/**
 * Starts Strapi (already built) and resolves once /_health answers.
 * `env` may carry DATABASE_URL, DATABASE_FILENAME, PUBLIC_DIR, DEMO_PASSWORD, …
 */
export async function startCms({ port = 1337, host = '127.0.0.1', env = {}, log = true } = {}) {
  const publicDir = env.PUBLIC_DIR ? path.resolve(CMS, env.PUBLIC_DIR) : path.join(CMS, 'public');
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  fs.mkdirSync(path.join(CMS, 'data'), { recursive: true });
  const child = spawnNode('cms', [BIN.strapi, 'start'], {
    cwd: CMS,
    env: { ...STRAPI_ENV, HOST: host, PORT: String(port), ...env },
    log,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/_health`, { child, name: 'Strapi' });
  return { child, url };
}

/**
 * Starts the site (the front server with its page cache, in front of the built
 * Astro server) against a CMS and resolves once it answers.
 */
export async function startSite({ port = 4321, host = '127.0.0.1', cmsUrl, cmsPublicUrl, env = {}, log = true } = {}) {
  const child = spawnNode('site', [path.join(SITE, 'server', 'main.ts')], {
    cwd: SITE,
    env: { HOST: host, PORT: String(port), CMS_URL: cmsUrl, CMS_PUBLIC_URL: cmsPublicUrl ?? cmsUrl, ...env },
    log,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/404`, { child, name: 'site' });
  return { child, url };
}

/** Stops a child: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcess(child, graceMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
