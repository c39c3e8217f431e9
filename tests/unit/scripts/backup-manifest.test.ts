/**
 * The backup's manifest and files (scripts/lib/backup): what a restore refuses before it writes
 * anything (a damaged file, a manifest naming a path outside the folder, a folder that is no
 * backup), the secrets' fingerprints, and the settings read as the CMS reads them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { copyFolder, insideFolder, verifyFiles } from '../../../scripts/lib/backup/files.mjs';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { FORMAT, manifestProblems, readManifest } from '../../../scripts/lib/backup/manifest.mjs';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { cmsEnvironment, differingSecrets, secretFingerprints, systemOf } from '../../../scripts/lib/backup/settings.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-backup-unit-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SHA = 'a'.repeat(64);
const valid = () => ({
  format: FORMAT,
  createdAt: '2026-01-02T03:04:05.000Z',
  database: { kind: 'sqlite' },
  versions: { strapi: '5.54.0' },
  secrets: {},
  tables: { cchc_articles: 3 },
  files: [{ path: 'database.sqlite', size: 10, sha256: SHA }, { path: 'uploads/a.png', size: 1, sha256: SHA }],
});

describe('a manifest', () => {
  test('as the backup writes it has no problem', () => {
    expect(manifestProblems(valid())).toEqual([]);
  });

  test.each([
    ['of another format', { format: 'cchc-backup/0' }, 'format'],
    ['without a date', { createdAt: 'yesterday' }, 'createdAt'],
    ['of an unknown database', { database: { kind: 'mysql' } }, 'database.kind'],
    ['with a negative count', { tables: { cchc_articles: -1 } }, 'tables'],
    ['without the database file', { files: [{ path: 'uploads/a.png', size: 1, sha256: SHA }] }, 'database.sqlite'],
    ['with a file outside the known folders', { files: [{ path: 'database.sqlite', size: 1, sha256: SHA }, { path: 'etc/passwd', size: 1, sha256: SHA }] }, 'neither the database'],
    ['with a checksum that is not one', { files: [{ path: 'database.sqlite', size: 1, sha256: 'abc' }] }, 'files'],
  ])('%s is refused', (_, change, words) => {
    expect(manifestProblems({ ...valid(), ...change }).join('; ')).toContain(words);
  });

  test.each([
    ['uploads/a.png', true],
    ['question-files/0123.pdf', true],
    ['uploads/../../etc/passwd', false],
    ['/etc/passwd', false],
    ['uploads//a.png', false],
    ['uploads/./a.png', false],
    ['uploads\\..\\a.png', false],
    ['', false],
  ])('the path "%s" is inside the backup folder: %s', (entry, inside) => {
    if (inside) expect(insideFolder(tmp, entry).startsWith(`${tmp}${path.sep}`)).toBe(true);
    else expect(() => insideFolder(tmp, entry)).toThrow('outside the backup folder');
  });

  test('a folder that does not exist, holds no manifest, or a manifest that is not JSON, says so', () => {
    expect(() => readManifest(path.join(tmp, 'missing'))).toThrow('does not exist');
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    expect(() => readManifest(empty)).toThrow('holds no manifest.json');
    fs.writeFileSync(path.join(empty, 'manifest.json'), '{"format": "cchc-backup/1",');
    expect(() => readManifest(empty)).toThrow('not valid JSON');
  });
});

describe('the files of a backup', () => {
  const source = path.join(tmp, 'source');
  fs.mkdirSync(path.join(source, 'nested'), { recursive: true });
  fs.writeFileSync(path.join(source, 'a.png'), Buffer.from([1, 2, 3, 4, 5]));
  fs.writeFileSync(path.join(source, 'nested', 'b.pdf'), '%PDF-1.4 nested');
  fs.writeFileSync(path.join(source, '.gitkeep'), '');

  test('are copied with their checksums, placeholders left out, and found intact', async () => {
    const backup = fs.mkdtempSync(path.join(tmp, 'backup-'));
    const entries = await copyFolder(source, backup, 'uploads');
    expect(entries.map((e: { path: string }) => e.path)).toEqual(['uploads/a.png', 'uploads/nested/b.pdf']);
    expect(entries[0]).toEqual({ path: 'uploads/a.png', size: 5, sha256: '74f81fe167d99b4cb41d6d0ccda82278caee9f3e2f25d5e5a3936ff3dcec60d0' });
    expect(await verifyFiles(backup, entries)).toEqual([]);
  });

  test('one byte changed, a file cut short or gone: each named', async () => {
    const backup = fs.mkdtempSync(path.join(tmp, 'damaged-'));
    const entries = await copyFolder(source, backup, 'uploads');
    fs.writeFileSync(path.join(backup, 'uploads', 'a.png'), Buffer.from([1, 2, 3, 4, 6]));
    expect(await verifyFiles(backup, entries)).toEqual(["uploads/a.png: its SHA-256 differs from the manifest's"]);
    fs.writeFileSync(path.join(backup, 'uploads', 'a.png'), Buffer.from([1, 2]));
    fs.rmSync(path.join(backup, 'uploads', 'nested', 'b.pdf'));
    expect(await verifyFiles(backup, entries)).toEqual(['uploads/a.png: 2 bytes, the manifest says 5', 'uploads/nested/b.pdf: missing']);
  });
});

describe('the secrets', () => {
  const env = { APP_KEYS: 'key-one,key-two', ADMIN_JWT_SECRET: 'jwt-secret-value', DATABASE_URL: 'postgres://u:p@h/db' };

  test('are fingerprinted without being written, and only those that are secrets', () => {
    const prints = secretFingerprints(env);
    expect(Object.keys(prints)).toEqual(['APP_KEYS', 'ADMIN_JWT_SECRET']);
    for (const print of Object.values(prints)) expect(print).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(prints)).not.toContain('key-one');
  });

  test.each([
    ['the same secrets', [], env],
    ['a rotated JWT secret', ['ADMIN_JWT_SECRET'], { ...env, ADMIN_JWT_SECRET: 'another-value' }],
    ['no APP_KEYS at all', ['APP_KEYS'], { ADMIN_JWT_SECRET: env.ADMIN_JWT_SECRET }],
  ])('a restored system with %s differs in %j', (_, names, restored) => {
    expect(differingSecrets(secretFingerprints(env), secretFingerprints(restored))).toEqual(names);
  });
});

describe('the settings, as the CMS reads them', () => {
  test('the environment wins over cms/.env, which fills in the rest', () => {
    const file = path.join(tmp, '.env');
    fs.writeFileSync(file, 'APP_KEYS=from-file\nDATABASE_FILENAME=data/other.db\n');
    expect(cmsEnvironment({ APP_KEYS: 'from-env' }, file)).toMatchObject({ APP_KEYS: 'from-env', DATABASE_FILENAME: 'data/other.db' });
  });

  test.each([
    [{ DATABASE_FILENAME: '/srv/cchc.db' }, { kind: 'sqlite', filename: '/srv/cchc.db' }],
    [{ DATABASE_URL: 'postgresql://u@h/db', DATABASE_SSL: 'true' }, { kind: 'postgres', url: 'postgresql://u@h/db', ssl: true }],
    [{ DATABASE_URL: 'postgres://u@h/db' }, { kind: 'postgres', url: 'postgres://u@h/db', ssl: false }],
  ])('%j is the database %j', (env, database) => {
    expect(systemOf(env).database).toEqual(database);
  });

  test('folders are relative to cms/, an S3 bucket is named, a wrong DATABASE_URL is refused', () => {
    const system = systemOf({ PUBLIC_DIR: '/srv/public', QUESTION_FILES_DIR: '/srv/q', UPLOAD_PROVIDER: 's3', S3_BUCKET: 'media' });
    expect(system).toMatchObject({ uploadsDir: '/srv/public/uploads', questionFilesDir: '/srv/q', media: { provider: 's3', bucket: 'media' } });
    expect(systemOf({}).questionFilesDir.endsWith(path.join('cms', 'data', 'question-files'))).toBe(true);
    expect(systemOf({}).database.filename.endsWith(path.join('cms', 'data', 'cchc.db'))).toBe(true);
    expect(() => systemOf({ DATABASE_URL: 'mysql://h/db' })).toThrow('DATABASE_URL must start with postgres://');
  });
});
