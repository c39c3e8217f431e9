// Runs the project's tools (tsc, strapi, astro, vitest) with the current Node.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths.mjs';

export const BIN = {
  tsc: path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
  strapi: path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'),
  astro: path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
  vitest: path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
};

/** Environment every Strapi process gets: no telemetry (the update check is off in config/server.ts). */
export const STRAPI_ENV = { STRAPI_TELEMETRY_DISABLED: 'true' };

/** Runs a tool synchronously; exits the process with its code when it fails. */
export function runTool(tool, args, { cwd = ROOT, env = {} } = {}) {
  const result = spawnSync(process.execPath, [BIN[tool], ...args], { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`[cchc] ${tool} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}
