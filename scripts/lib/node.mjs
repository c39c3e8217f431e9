// Makes sure the project runs on Node >= 22.12. On an older Node, installs the
// official Node 24 binary from the npm registry (package node-<platform>-<arch>)
// into .cache/node and re-executes the current command under it, with native
// modules compiled against its headers (npm_config_nodedir).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CACHE, ROOT } from './paths.mjs';

const MINIMUM = [22, 12];
const TARGET_MAJOR = 24;

/** True when `version` (like v20.1.0) is at least MINIMUM. */
export function isRecentEnough(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
}

function npmCommand() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/** Installs Node TARGET_MAJOR into .cache/node if missing; returns its package folder. */
function installPortableNode() {
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = path.join(CACHE, 'node');
  const dir = path.join(prefix, 'node_modules', pkg);
  const bin = path.join(dir, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!fs.existsSync(bin)) {
    console.log(`[cchc] Node ${process.version} is older than ${MINIMUM.join('.')}: installing ${pkg}@${TARGET_MAJOR} from the npm registry into .cache/node …`);
    fs.mkdirSync(prefix, { recursive: true });
    const result = spawnSync(npmCommand(), ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `${pkg}@${TARGET_MAJOR}`], {
      stdio: 'inherit',
      cwd: prefix,
    });
    if (result.status !== 0 || !fs.existsSync(bin)) {
      console.error(`[cchc] Could not install ${pkg}@${TARGET_MAJOR}. Install Node.js ${TARGET_MAJOR} yourself and run the command again.`);
      process.exit(1);
    }
  }
  return { dir, bin };
}

/** Re-runs this process under a recent Node when needed; returns when already recent. */
export async function ensureNode(argv) {
  if (isRecentEnough(process.version)) return;
  const { dir, bin } = installPortableNode();
  const env = {
    ...process.env,
    PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH ?? ''}`,
    // Native modules (better-sqlite3) must build against Node 24's headers,
    // not the system Node's that the machine's npm config may point at.
    npm_config_nodedir: dir,
  };
  const child = spawn(bin, argv, { stdio: 'inherit', env, cwd: ROOT });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  // Exit as the child did; a child killed by a signal exits 128 + the signal's number, as shells report it.
  const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? 128 + (os.constants.signals[s] ?? 1))));
  process.exit(code);
}
