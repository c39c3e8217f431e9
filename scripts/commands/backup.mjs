// `npm run backup -- <folder>`: the database (pg_dump in custom format, or an online copy of the
// SQLite file), the uploads folder, the citizens' attachments and a manifest, into a new folder.
// Runs against the live system; cms/.env is not copied (README, Backups: keep it apart).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyFolder, formatBytes, hashFile } from '../lib/backup/files.mjs';
import { DATABASE_FILE, FOLDER, FORMAT, KEY_TABLES, writeManifest } from '../lib/backup/manifest.mjs';
import { dumpPostgres } from '../lib/backup/postgres.mjs';
import { cmsEnvironment, pathFromCommandLine, secretFingerprints, systemOf, versions } from '../lib/backup/settings.mjs';
import { countSqlite, dumpSqlite } from '../lib/backup/sqlite.mjs';

const USAGE = 'Usage: npm run backup -- <folder>   (a new or empty folder)';

/** Bad arguments: a message and exit code 2, nothing written. */
class UsageError extends Error {}

/** The folder to write, made here (mode 0700: it holds citizens' personal data) or found empty. */
function prepareFolder(args) {
  const { positionals } = parseArgs({ args: args[0] === '--' ? args.slice(1) : args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const dir = pathFromCommandLine('backup', positionals[0]);
  const existed = fs.existsSync(dir);
  if (existed && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0)) {
    throw new UsageError(`${dir} exists and is not an empty folder: a backup goes into a new folder (nothing was written).`);
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // An empty folder found in place keeps its mode unless changed here.
  fs.chmodSync(dir, 0o700);
  return { dir, existed };
}

export default async function backup(args) {
  // Whatever writes into the backup (pg_dump, VACUUM INTO, the copies) makes files for this user alone.
  process.umask(0o077);
  let target;
  try {
    target = prepareFolder(args);
  } catch (error) {
    console.error(`[backup] ${error.message}`);
    process.exit(2);
  }
  const { dir } = target;
  const started = Date.now();
  try {
    const env = cmsEnvironment();
    const system = systemOf(env);
    const dbFile = DATABASE_FILE[system.database.kind];
    console.log(`[backup] ${system.database.kind === 'postgres' ? 'PostgreSQL (pg_dump, custom format)' : `SQLite ${system.database.filename} (VACUUM INTO)`} …`);
    let database;
    let tables;
    if (system.database.kind === 'postgres') {
      ({ info: database, tables } = await dumpPostgres(system.database, path.join(dir, dbFile)));
    } else {
      database = dumpSqlite(system.database.filename, path.join(dir, dbFile));
      tables = countSqlite(path.join(dir, dbFile));
    }
    // The files after the database: one uploaded meanwhile is an extra file the restored database
    // does not name (harmless); the other order would leave rows naming files the backup lacks.
    const files = [{ path: dbFile, ...(await hashFile(path.join(dir, dbFile))) }];
    if (system.media.provider === 's3') {
      console.warn(`[backup] Media are in the S3 bucket ${system.media.bucket ?? '(S3_BUCKET unset)'}: not copied. Keep that bucket versioned and replicated (README, Backups).`);
    }
    files.push(...(await copyFolder(system.uploadsDir, dir, FOLDER.uploads)));
    files.push(...(await copyFolder(system.questionFilesDir, dir, FOLDER.questionFiles)));
    const manifest = {
      format: FORMAT,
      createdAt: new Date(started).toISOString(),
      tookMs: Date.now() - started,
      database,
      versions: versions(),
      media: system.media,
      secrets: secretFingerprints(env),
      tables,
      files,
    };
    writeManifest(dir, manifest);
    report(dir, manifest);
  } catch (error) {
    // Nothing half-written is left to be taken for a backup (a folder that was there stays, empty).
    if (target.existed) for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    else fs.rmSync(dir, { recursive: true, force: true });
    console.error(`[backup] Failed, nothing kept in ${dir}: ${error.message}`);
    process.exit(1);
  }
}

/** What was backed up, for the person who ran it. */
function report(dir, manifest) {
  const bytes = (prefix) => manifest.files.filter((f) => f.path.startsWith(prefix)).reduce((sum, f) => sum + f.size, 0);
  const count = (prefix) => manifest.files.filter((f) => f.path.startsWith(`${prefix}/`)).length;
  const db = manifest.files[0];
  console.log(`[backup] Done in ${(manifest.tookMs / 1000).toFixed(1)} s: ${dir}`);
  console.log(`  database        ${db.path} (${formatBytes(db.size)}), ${Object.keys(manifest.tables).length} tables`);
  console.log(`  uploads         ${count(FOLDER.uploads)} files (${formatBytes(bytes(`${FOLDER.uploads}/`))})`);
  console.log(`  question files  ${count(FOLDER.questionFiles)} files (${formatBytes(bytes(`${FOLDER.questionFiles}/`))})`);
  console.log(`  rows            ${KEY_TABLES.filter((t) => t in manifest.tables).map((t) => `${t} ${manifest.tables[t]}`).join(', ')}`);
  console.log('  cms/.env is not in the backup: keep the secrets apart (README, Backups).');
}
