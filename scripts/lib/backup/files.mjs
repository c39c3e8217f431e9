// Files of a backup: copied with their SHA-256 computed on the way, listed in the manifest,
// and checked against it before a restore writes anything.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Files a folder may hold that are not data (the repository's placeholder). */
const NOT_DATA = new Set(['.gitkeep']);

/** Regular files under `dir`, as paths relative to it with '/' separators, sorted; none when `dir` is missing. */
export async function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true });
  const files = [];
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full).split(path.sep).join('/');
    if (entry.isFile()) {
      if (!NOT_DATA.has(entry.name)) files.push(relative);
    } else if (!entry.isDirectory()) {
      // A link or a device in a data folder is not something the CMS wrote: say so rather than follow it.
      throw new Error(`${full} is neither a file nor a folder; move it out of the way and run the command again.`);
    }
  }
  return files.sort();
}

/** True when `dir` holds no data file (missing, empty, or only placeholders). */
export async function isEmptyFolder(dir) {
  return (await listFiles(dir)).length === 0;
}

/** SHA-256 (hex) and size of a file, read as a stream. */
export async function hashFile(file) {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** Copies `from` to `to` (made with mode 0600, synced), hashing the bytes on the way. */
export async function copyHashed(from, to) {
  await fsp.mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
  const hash = crypto.createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk, _, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(fs.createReadStream(from), tap, fs.createWriteStream(to, { mode: 0o600, flush: true }));
  return { size, sha256: hash.digest('hex') };
}

/** Copies every data file of `fromDir` into `toDir/prefix/…`; returns their manifest entries (paths start with `prefix/`). */
export async function copyFolder(fromDir, toDir, prefix) {
  const entries = [];
  for (const relative of await listFiles(fromDir)) {
    const entry = `${prefix}/${relative}`;
    entries.push({ path: entry, ...(await copyHashed(path.join(fromDir, relative), path.join(toDir, entry))) });
  }
  return entries;
}

/**
 * A manifest path resolved inside `dir`, or an error: only relative paths made of plain names
 * (a manifest saying `uploads/../../etc/x` must not make a restore write elsewhere).
 */
export function insideFolder(dir, entryPath) {
  const parts = entryPath.split('/');
  if (entryPath === '' || path.isAbsolute(entryPath) || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\'))) {
    throw new Error(`the manifest names a file outside the backup folder: "${entryPath}"`);
  }
  return path.join(dir, ...parts);
}

/**
 * Checks every file the manifest lists: present, of its size, of its SHA-256. Returns the
 * problems found (empty when the backup is intact); reads everything, writes nothing.
 */
export async function verifyFiles(dir, entries) {
  const problems = [];
  for (const entry of entries) {
    const file = insideFolder(dir, entry.path);
    if (!fs.existsSync(file)) {
      problems.push(`${entry.path}: missing`);
      continue;
    }
    const { size, sha256 } = await hashFile(file);
    if (size !== entry.size) problems.push(`${entry.path}: ${size} bytes, the manifest says ${entry.size}`);
    else if (sha256 !== entry.sha256) problems.push(`${entry.path}: its SHA-256 differs from the manifest's`);
  }
  return problems;
}

/** Total bytes of manifest entries, as a person reads it. */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Copies the backup's files under `prefix/` into `staged` (a new folder beside the target),
 * checking each copy's SHA-256 against the manifest again; returns the paths inside `prefix/`.
 */
export async function stageFolder(backupDir, entries, prefix, staged) {
  await fsp.rm(staged, { recursive: true, force: true });
  await fsp.mkdir(staged, { recursive: true, mode: 0o700 });
  const moved = [];
  for (const entry of entries.filter((e) => e.path.startsWith(`${prefix}/`))) {
    const relative = entry.path.slice(prefix.length + 1);
    const copied = await copyHashed(insideFolder(backupDir, entry.path), insideFolder(staged, relative));
    if (copied.sha256 !== entry.sha256) throw new Error(`${entry.path} changed while it was being copied`);
    moved.push(relative);
  }
  return moved;
}

/** Moves staged files into `target` (made with mode 0700 if missing); with `replace`, its data files go first. */
export async function moveInto(staged, files, target, { replace }) {
  await fsp.mkdir(target, { recursive: true, mode: 0o700 });
  if (replace) for (const old of await listFiles(target)) await fsp.rm(path.join(target, ...old.split('/')));
  for (const relative of files) {
    const to = path.join(target, ...relative.split('/'));
    await fsp.mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
    await fsp.rename(path.join(staged, ...relative.split('/')), to);
  }
  await fsp.rm(staged, { recursive: true, force: true });
}
