// The manifest of a backup (manifest.json, written last: a folder without it is no backup):
// when, from what, which files with their sizes and SHA-256, and the rows of every table.
import fs from 'node:fs';
import path from 'node:path';

export const MANIFEST_FILE = 'manifest.json';
export const FORMAT = 'cchc-backup/1';
/** The database's file in a backup, by kind. */
export const DATABASE_FILE = { sqlite: 'database.sqlite', postgres: 'database.pgdump' };
/** The folders' prefixes in a backup. */
export const FOLDER = { uploads: 'uploads', questionFiles: 'question-files' };

/** Tables printed after a backup and a restore (every table is counted and checked; these are the ones a person asks about). */
export const KEY_TABLES = [
  'admin_users',
  'cchc_articles',
  'cchc_workflow_events',
  'files',
  'cchc_contest_entries',
  'cchc_contest_attempts',
  'cchc_questions',
  'cchc_question_files',
  'cchc_review_claims',
  'cchc_preview_links',
];

/** Writes the manifest (mode 0600). */
export function writeManifest(dir, manifest) {
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flush: true });
}

const isCount = (v) => Number.isInteger(v) && v >= 0;
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and checks a backup's manifest; throws an error that says what is wrong with the folder. */
export function readManifest(dir) {
  if (!fs.existsSync(dir)) throw new Error(`${dir} does not exist.`);
  if (!fs.statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder.`);
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new Error(`${dir} holds no ${MANIFEST_FILE}: it is not a backup, or its backup did not finish.`);
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${error.message}): the backup is damaged.`);
  }
  const problems = manifestProblems(manifest);
  if (problems.length > 0) throw new Error(`${file} is not a manifest this version reads: ${problems.join('; ')}.`);
  return manifest;
}

/** What is wrong with a parsed manifest (empty when nothing). */
export function manifestProblems(m) {
  if (!isRecord(m)) return ['not an object'];
  const problems = [];
  if (m.format !== FORMAT) problems.push(`format is ${JSON.stringify(m.format)}, expected "${FORMAT}"`);
  if (typeof m.createdAt !== 'string' || Number.isNaN(Date.parse(m.createdAt))) problems.push('createdAt is not a date');
  if (!isRecord(m.database) || !(m.database.kind in DATABASE_FILE)) problems.push('database.kind is neither sqlite nor postgres');
  if (!isRecord(m.tables) || !Object.values(m.tables).every(isCount)) problems.push('tables is not a table of counts');
  if (!isRecord(m.secrets)) problems.push('secrets is missing');
  if (!isRecord(m.versions)) problems.push('versions is missing');
  const files = Array.isArray(m.files) ? m.files : null;
  if (!files || !files.every((f) => isRecord(f) && typeof f.path === 'string' && isCount(f.size) && /^[0-9a-f]{64}$/.test(f.sha256 ?? ''))) {
    problems.push('files is not a list of { path, size, sha256 }');
  } else if (isRecord(m.database) && m.database.kind in DATABASE_FILE && !files.some((f) => f.path === DATABASE_FILE[m.database.kind])) {
    problems.push(`files does not list ${DATABASE_FILE[m.database.kind]}`);
  } else if (!files.every((f) => f.path === DATABASE_FILE[m.database.kind] || Object.values(FOLDER).some((prefix) => f.path.startsWith(`${prefix}/`)))) {
    problems.push('files lists a file that is neither the database nor under uploads/ or question-files/');
  }
  return problems;
}
