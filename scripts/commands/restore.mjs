// `npm run restore -- <folder> [--force]`: puts a backup (see backup.mjs) into an empty system:
// the database configured as the CMS's (DATABASE_URL, or DATABASE_FILENAME), PUBLIC_DIR/uploads
// and QUESTION_FILES_DIR. Checks every file's SHA-256 before writing anything, refuses a target
// that holds data unless --force, then checks the restored tables' rows against the manifest.
// The CMS must be stopped; it needs the backed-up system's secrets (README, Backups).
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatBytes, isEmptyFolder, listFiles, moveInto, stageFolder, verifyFiles } from '../lib/backup/files.mjs';
import { DATABASE_FILE, FOLDER, KEY_TABLES, readManifest } from '../lib/backup/manifest.mjs';
import { checkRestoreTool, postgresTableCount, restorePostgres } from '../lib/backup/postgres.mjs';
import { cmsEnvironment, differingSecrets, pathFromCommandLine, secretFingerprints, systemOf, versions } from '../lib/backup/settings.mjs';
import { countSqlite, restoreSqlite, sqliteTableCount } from '../lib/backup/sqlite.mjs';

const USAGE = 'Usage: npm run restore -- <backup folder> [--force]';

/** What each secret keeps working when it is the same as the backed-up system's. */
const SECRET_EFFECTS = {
  APP_KEYS: 'sessions and, unless set apart, preview links and contest challenges',
  API_TOKEN_SALT: 'API tokens (they must be created again)',
  ADMIN_JWT_SECRET: 'admin sessions (everyone signs in again)',
  TRANSFER_TOKEN_SALT: 'transfer tokens',
  ENCRYPTION_KEY: 'the encrypted values of API tokens shown in the admin panel',
  PREVIEW_SECRET: 'preview and share links already sent',
  CONTEST_CHALLENGE_SECRET: 'registration challenges being solved',
};

/** The system the backup goes into, and whether each part of it already holds data. */
async function targetOf(system) {
  const { database } = system;
  const tables = database.kind === 'postgres' ? await postgresTableCount(database) : sqliteTableCount(database.filename);
  const where = database.kind === 'postgres' ? `the PostgreSQL database ${new URL(database.url).pathname.slice(1)}` : `the SQLite file ${database.filename}`;
  const occupied = [];
  if (tables > 0) occupied.push(`${where} has ${tables} tables`);
  for (const [name, dir] of [['the uploads folder', system.uploadsDir], ['the question files folder', system.questionFilesDir]]) {
    if (!(await isEmptyFolder(dir))) occupied.push(`${name} ${dir} holds ${(await listFiles(dir)).length} files`);
  }
  return { where, occupied };
}

/** Checks done before anything is written: the manifest, the kind of database, the tools, the target, every file. */
async function check(dir, force) {
  const manifest = readManifest(dir);
  const env = cmsEnvironment();
  const system = systemOf(env);
  const kind = manifest.database.kind;
  if (kind !== system.database.kind) {
    throw new Error(`This backup holds a ${kind} database; this system is configured for ${system.database.kind} (${system.database.kind === 'postgres' ? 'DATABASE_URL is set' : 'DATABASE_URL is unset'}).`);
  }
  if (kind === 'postgres') checkRestoreTool(manifest.database.pgDumpVersion);
  const target = await targetOf(system);
  if (target.occupied.length > 0 && !force) {
    throw new Error(`Refusing to restore over data: ${target.occupied.join('; ')}. A restore goes into an empty system; --force replaces what is there (stop the CMS first).`);
  }
  console.log(`[restore] Checking ${manifest.files.length} files against the manifest …`);
  const problems = await verifyFiles(dir, manifest.files);
  if (problems.length > 0) {
    throw new Error(`The backup is damaged (${problems.length} file${problems.length === 1 ? "" : "s"}): ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? '; …' : ''}.`);
  }
  return { manifest, env, system, target };
}

export default async function restore(args) {
  let options;
  try {
    options = parseArgs({ args: args[0] === '--' ? args.slice(1) : args, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
    if (options.positionals.length !== 1) throw new Error(USAGE);
  } catch (error) {
    console.error(`[restore] ${error.message}`);
    process.exit(2);
  }
  const dir = pathFromCommandLine('restore', options.positionals[0]);
  const force = options.values.force;
  const started = Date.now();
  let checked;
  try {
    checked = await check(dir, force);
  } catch (error) {
    console.error(`[restore] ${error.message} Nothing was written.`);
    process.exit(1);
  }
  const { manifest, env, system, target } = checked;
  const staged = [
    { prefix: FOLDER.uploads, to: system.uploadsDir, staged: `${system.uploadsDir}.restoring-${process.pid}` },
    { prefix: FOLDER.questionFiles, to: system.questionFilesDir, staged: `${system.questionFilesDir}.restoring-${process.pid}` },
  ];
  let tables;
  let databaseWritten = false;
  try {
    // Files are staged beside their folders first, so a failure before the database is restored leaves the targets as they were.
    for (const folder of staged) folder.files = await stageFolder(dir, manifest.files, folder.prefix, folder.staged);
    const dbFile = path.join(dir, DATABASE_FILE[manifest.database.kind]);
    console.log(`[restore] Restoring the database into ${target.where} …`);
    if (system.database.kind === 'postgres') {
      tables = await restorePostgres(system.database, dbFile, { clean: force });
    } else {
      restoreSqlite(dbFile, system.database.filename);
      tables = countSqlite(system.database.filename);
    }
    databaseWritten = true;
    for (const folder of staged) await moveInto(folder.staged, folder.files, folder.to, { replace: force });
  } catch (error) {
    for (const folder of staged) await fsp.rm(folder.staged, { recursive: true, force: true });
    // pg_restore runs in one transaction and the SQLite file is renamed into place: a failure before then wrote nothing.
    console.error(`[restore] Failed ${databaseWritten ? 'after the database was restored (the folders may be incomplete: run again with --force)' : 'before anything was written'}: ${error.message}`);
    process.exit(1);
  }
  const differing = Object.keys(manifest.tables).filter((name) => tables[name] !== manifest.tables[name]);
  if (differing.length > 0) {
    console.error(`[restore] Restored, but the rows differ from the manifest's in ${differing.map((n) => `${n} (${tables[n] ?? 'missing'}, expected ${manifest.tables[n]})`).join(', ')}.`);
    process.exit(1);
  }
  report(manifest, staged, Date.now() - started, env);
}

/** What was restored, and what the person must still check. */
function report(manifest, staged, tookMs, env) {
  const count = (prefix) => manifest.files.filter((f) => f.path.startsWith(`${prefix}/`));
  const line = (prefix) => `${count(prefix).length} files (${formatBytes(count(prefix).reduce((s, f) => s + f.size, 0))})`;
  console.log(`[restore] Restored the backup of ${manifest.createdAt} in ${(tookMs / 1000).toFixed(1)} s:`);
  console.log(`  database        ${manifest.database.kind}, ${Object.keys(manifest.tables).length} tables, every row count as in the manifest`);
  console.log(`  uploads         ${line(FOLDER.uploads)} into ${staged[0].to}`);
  console.log(`  question files  ${line(FOLDER.questionFiles)} into ${staged[1].to}`);
  console.log(`  rows            ${KEY_TABLES.filter((t) => t in manifest.tables).map((t) => `${t} ${manifest.tables[t]}`).join(', ')}`);
  if (manifest.media?.provider === 's3') console.warn(`[restore] Media were in the S3 bucket ${manifest.media.bucket}: the backup holds none; point UPLOAD_PROVIDER and S3_* at that bucket (or its replica).`);
  const now = versions();
  for (const part of ['strapi', 'plugin']) {
    if (manifest.versions[part] !== now[part]) console.warn(`[restore] The backup was written with ${part} ${manifest.versions[part]}; this system runs ${now[part]}: the CMS migrates the data when it starts.`);
  }
  const secrets = differingSecrets(manifest.secrets, secretFingerprints(env));
  if (secrets.length > 0) {
    console.warn(`[restore] These secrets differ from the backed-up system's: ${secrets.map((s) => `${s} (${SECRET_EFFECTS[s]})`).join('; ')}. Set the kept ones before starting the CMS.`);
  } else {
    console.log('  secrets         the same as the backed-up system\'s');
  }
  console.log('[restore] Start the CMS (npm start, or your service) to serve the restored data.');
}
