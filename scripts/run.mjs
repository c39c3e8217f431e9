#!/usr/bin/env node
// Entry point of `npm start`, `npm test`, `npm run build` and the other commands (backup, restore, …).
// Written for any Node >= 18: when the running Node is older than the project's
// target it fetches Node 24 from the npm registry and re-runs itself under it.
import { ensureNode } from './lib/node.mjs';
import { ensureInstalled } from './lib/install.mjs';

const COMMANDS = {
  start: () => import('./commands/start.mjs'),
  cluster: () => import('./commands/cluster.mjs'),
  test: () => import('./commands/test.mjs'),
  build: () => import('./commands/build.mjs'),
  typecheck: () => import('./commands/typecheck.mjs'),
  bench: () => import('./commands/bench.mjs'),
  'seed-files': () => import('./commands/seed-files.mjs'),
  backup: () => import('./commands/backup.mjs'),
  restore: () => import('./commands/restore.mjs'),
};

const [name, ...args] = process.argv.slice(2);
const load = COMMANDS[name];
if (!load) {
  console.error(`Usage: node scripts/run.mjs <${Object.keys(COMMANDS).join('|')}> [args]`);
  process.exit(2);
}

await ensureNode(process.argv.slice(1));
ensureInstalled();
const command = await load();
await command.default(args);
