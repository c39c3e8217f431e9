// What a backup or a restore works on, read as the CMS reads it: the environment over cms/.env
// (Strapi loads that file without overriding what is set), paths relative to cms/.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { CMS } from '../paths.mjs';
import { SECRET_NAMES } from '../secrets.mjs';

/** Secrets a restored system must share with the backed-up one (Strapi's, and the plugin's own when set). */
const FINGERPRINTED = [...SECRET_NAMES, 'PREVIEW_SECRET', 'CONTEST_CHALLENGE_SECRET'];

/** The CMS's environment: process.env over cms/.env, as Strapi sees it. */
export function cmsEnvironment(env = process.env, file = path.join(CMS, '.env')) {
  const fromFile = fs.existsSync(file) ? parseEnv(fs.readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...env };
}

/**
 * The database, the two folders and the media storage of the CMS configured by `env`.
 * @example systemOf({ DATABASE_URL: 'postgres://u@h/db' }).database // { kind: 'postgres', url: 'postgres://u@h/db', ssl: false }
 */
export function systemOf(env) {
  const url = env.DATABASE_URL ?? '';
  if (url !== '' && !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got "${url.split(':')[0]}:…"); leave it unset for SQLite.`);
  }
  const database = url
    ? { kind: 'postgres', url, ssl: env.DATABASE_SSL === 'true' }
    : { kind: 'sqlite', filename: path.resolve(CMS, env.DATABASE_FILENAME || 'data/cchc.db') };
  return {
    database,
    uploadsDir: path.join(path.resolve(CMS, env.PUBLIC_DIR || './public'), 'uploads'),
    questionFilesDir: path.resolve(CMS, env.QUESTION_FILES_DIR || 'data/question-files'),
    media: mediaOf(env),
  };
}

/** Where media live: the uploads folder (copied), or an S3 bucket (not copied: see README, Backups). */
function mediaOf(env) {
  if ((env.UPLOAD_PROVIDER ?? 'local') !== 's3') return { provider: 'local' };
  return { provider: 's3', bucket: env.S3_BUCKET ?? null, prefix: env.S3_PREFIX ?? null, endpoint: env.S3_ENDPOINT ?? null };
}

/**
 * Fingerprints of the secrets that are set: enough to tell whether a restored system has the
 * same ones, never enough to recover one (scrypt, 8 bytes: guessing even a weak secret is slow).
 */
export function secretFingerprints(env) {
  const prints = {};
  for (const name of FINGERPRINTED) {
    const value = env[name];
    if (value) prints[name] = crypto.scryptSync(value, `cchc-backup:${name}`, 8).toString('hex');
  }
  return prints;
}

/** Names of the secrets whose fingerprint in `recorded` differs from (or is missing in) `current`. */
export function differingSecrets(recorded, current) {
  return Object.keys(recorded).filter((name) => recorded[name] !== current[name]);
}

/** Versions of what wrote the data: Strapi, the plugin, the application, Node. */
export function versions() {
  const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8')).version;
  return {
    strapi: read(path.join(CMS, '..', 'node_modules', '@strapi', 'strapi', 'package.json')),
    plugin: read(path.join(CMS, 'src', 'plugins', 'cchc', 'package.json')),
    app: read(path.join(CMS, '..', 'package.json')),
    node: process.version,
  };
}

/**
 * A path given on the command line, absolute. `npm run` starts scripts in the project's root,
 * so a relative path is taken from where the person typed the command (npm's INIT_CWD).
 */
export function pathFromCommandLine(command, given) {
  const base = process.env.npm_lifecycle_event === command && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
  return path.resolve(base, given);
}
