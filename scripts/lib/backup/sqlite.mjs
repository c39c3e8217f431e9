// SQLite: an online copy with VACUUM INTO (one read transaction: a consistent snapshot even
// while the CMS writes in WAL mode, never restarted by those writes, compacted), and its restore.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Tables of a SQLite database (SQLite's own excepted). */
function tablesOf(db) {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").pluck().all();
}

/** Rows of every table of the database in `file`, by table name. */
export function countSqlite(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(tablesOf(db).map((name) => [name, db.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get()]));
  } finally {
    db.close();
  }
}

/** Copies the live database `source` into `target` (which must not exist) and checks the copy. */
export function dumpSqlite(source, target) {
  if (!fs.existsSync(source)) throw new Error(`The SQLite database ${source} does not exist (DATABASE_FILENAME): nothing to back up.`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  // VACUUM INTO does not sync its output.
  const fd = fs.openSync(target, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.chmodSync(target, 0o600);
  const copy = new Database(target, { readonly: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy of ${source} fails SQLite's quick_check: ${check}`);
  } finally {
    copy.close();
  }
  return { kind: 'sqlite' };
}

/** How many tables the SQLite database at `file` holds (0 when it does not exist). */
export function sqliteTableCount(file) {
  if (!fs.existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return tablesOf(db).length;
  } finally {
    db.close();
  }
}

/**
 * Puts the backed-up database at `target`: copied beside it, synced, then renamed over it, so
 * the target is either the old file or the whole new one. A forced restore removes the old
 * file's write-ahead log first (it belongs to the old database; the CMS must be stopped).
 */
export function restoreSqlite(backupFile, target) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staged = `${target}.restoring-${process.pid}`;
  try {
    fs.copyFileSync(backupFile, staged, fs.constants.COPYFILE_EXCL);
    const fd = fs.openSync(staged, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(staged, target);
  } finally {
    fs.rmSync(staged, { force: true });
  }
}
