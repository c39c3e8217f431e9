// `npm test`: build what is out of date, type-check, then run every Vitest project
// (unit, and integration + site + browser tests on SQLite and, when reachable, PostgreSQL).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildAll } from '../lib/build.mjs';
import { ROOT } from '../lib/paths.mjs';
import { ensureSecrets } from '../lib/secrets.mjs';
import { BIN } from '../lib/tools.mjs';
import { typecheck } from '../lib/typecheck.mjs';

export default async function test(args) {
  ensureSecrets();
  buildAll();
  typecheck();
  const result = spawnSync(process.execPath, [BIN.vitest, 'run', '--config', path.join(ROOT, 'tests', 'vitest.config.ts'), ...args], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
