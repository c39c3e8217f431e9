// Installs dependencies when node_modules is missing or older than package-lock.json,
// and rebuilds native modules when node_modules was built by another Node ABI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';

const MARKER = path.join(ROOT, 'node_modules', '.cchc-installed.json');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function npm(args) {
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { stdio: 'inherit', cwd: ROOT });
  if (result.status !== 0) {
    console.error(`[cchc] npm ${args.join(' ')} failed.`);
    process.exit(result.status ?? 1);
  }
}

/** Runs `npm ci` (or a rebuild) when needed. */
export function ensureInstalled() {
  const lock = path.join(ROOT, 'package-lock.json');
  const marker = fs.existsSync(MARKER) ? JSON.parse(fs.readFileSync(MARKER, 'utf8')) : null;
  if (!marker || mtime(MARKER) < mtime(lock)) {
    console.log('[cchc] Installing dependencies (npm ci) …');
    npm(['ci', '--no-audit', '--no-fund']);
  } else if (marker.modules !== process.versions.modules) {
    console.log(`[cchc] node_modules was built for another Node (ABI ${marker.modules}); rebuilding native modules …`);
    npm(['rebuild', 'better-sqlite3']);
  } else {
    return;
  }
  fs.writeFileSync(MARKER, JSON.stringify({ modules: process.versions.modules, node: process.version }));
}
