/**
 * Boots the real system for a test project: Strapi on a fresh database (seeded
 * twice, to prove the seed duplicates nothing), then the built Astro site.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
// The stack helpers are shared with `npm start` (plain ESM, no types).
// @ts-expect-error scripts/lib is JavaScript without declarations
import { startCms, startSite, stopProcess } from '../../scripts/lib/stack.mjs';
import { adminLogin } from './api.js';
import { freePort } from './ports.js';
import { createDatabase } from './postgres.js';
import { startSmtpSink } from './smtp-sink.js';

/** A host name the site serves the Steering Committee website on (its root is the committee's home page). */
export const COMMITTEE_HOST = 'ban-chi-dao.test';

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string;
    siteUrl: string;
    database: 'sqlite' | 'postgres';
    demoPassword: string;
    /** Secret the CMS signs its purge calls to the site with. */
    purgeSecret: string;
    /**
     * Admin API tokens of the super admin and the editor, signed in once here:
     * Strapi allows only a few sign-ins per account and minute.
     */
    adminTokens: { admin: string; committee: string; editor: string; tuPhap: string; taiChinh: string; noiVu: string };
    /** The site's key for the CMS's public API (exempts it from the rate limit). */
    siteApiKey: string;
    /** File with the routes the CMS serves (method and path), written by the CMS when it listens. */
    routeTable: string;
    /** A grant given to contributors by hand before the second boot, which the second boot must take away. */
    tamperedGrant: { action: string; subject: string };
    /** Folder where the SMTP sink keeps the CMS's e-mails (see support/smtp-sink.ts). */
    mailDir: string;
    /** The secret preview tokens are signed with (a test signs an expired one). */
    previewSecret: string;
    /** The CMS's database, for the few checks that must move time on a stored row: a SQLite file or a PostgreSQL URL. */
    databaseConnection: { client: 'better-sqlite3'; filename: string } | { client: 'pg'; url: string };
    /**
     * The environment the CMS runs with (its database, PUBLIC_DIR, QUESTION_FILES_DIR, keys, SMTP sink…;
     * Strapi's secrets are in cms/.env, which every CMS of the checkout reads): what the backup script
     * is run with, and what a second CMS on restored data starts from.
     */
    cmsEnv: Record<string, string>;
    /** The environment the site runs with (purge secret, API key, committee host, render budget). */
    siteEnv: Record<string, string>;
  }
}

export const DEMO_PASSWORD = 'TestDemo2024!';

/** What widenContributorRole adds: contributors could make themselves members of any agency. */
const TAMPERED_GRANT = { action: 'plugin::content-manager.explorer.create', subject: 'plugin::cchc.agency-member' };

/** Adds TAMPERED_GRANT to the contributors' role through the admin API, as a super admin could. */
async function widenContributorRole(cmsUrl: string, token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const roles = (await (await fetch(`${cmsUrl}/admin/roles`, { headers })).json()) as { data: Array<{ id: number; code: string }> };
  const role = roles.data.find((r) => r.code === 'cchc-contributor');
  if (!role) throw new Error('the contributors role is missing after the first start');
  const held = (await (await fetch(`${cmsUrl}/admin/roles/${role.id}/permissions`, { headers })).json()) as { data: Array<Record<string, unknown>> };
  const permissions = [...held.data.map(({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions })), { ...TAMPERED_GRANT, properties: { fields: ['userEmail', 'agency'] }, conditions: [] }];
  const res = await fetch(`${cmsUrl}/admin/roles/${role.id}/permissions`, { method: 'PUT', headers, body: JSON.stringify({ permissions }) });
  if (res.status !== 200) throw new Error(`widening the contributors role answered ${res.status}: ${await res.text()}`);
}

interface Child {
  child: unknown;
  url: string;
}

/** Starts the stack on the given database and provides its URLs to the project's tests. */
export async function setupStack(project: TestProject, database: 'sqlite' | 'postgres'): Promise<() => Promise<void>> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), `cchc-${database}-`));
  const pgDb = database === 'postgres' ? await createDatabase('cchc_test') : null;
  const logFile = path.join(tmp, 'cms.log');
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const env: Record<string, string> = {
    PUBLIC_DIR: path.join(tmp, 'public'),
    QUESTION_FILES_DIR: path.join(tmp, 'question-files'),
    DEMO_PASSWORD,
    NODE_ENV: 'development',
    // Scheduled pieces are published within a second in tests.
    CCHC_SCHEDULE_CHECK_SECONDS: '1',
    // A small image limit, so the upload tests need no 20 MB file.
    UPLOAD_IMAGE_MB: '2',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : { DATABASE_FILENAME: path.join(tmp, 'cchc.db') }),
    CCHC_ROUTE_TABLE: path.join(tmp, 'routes.json'),
    // The site is exempt from the public API's rate limit by its key; so is this test process's
    // own address, which calls the API directly. The limit itself is tried from 127.0.0.2.
    SITE_API_KEY: crypto.randomBytes(18).toString('base64url'),
    RATE_LIMIT_EXEMPT_IPS: '127.0.0.1',
    // A light registration challenge, so each solve in a test or the browser takes milliseconds.
    CONTEST_CHALLENGE_COST: '10',
    CONTEST_CHALLENGE_MAX_TRIES: '200',
  };
  const mailDir = path.join(tmp, 'mail');
  const smtp = await startSmtpSink(mailDir);
  env['SMTP_HOST'] = '127.0.0.1';
  env['SMTP_PORT'] = String(smtp.port);
  const cmsPort = await freePort();
  const sitePort = await freePort();
  const purgeSecret = crypto.randomBytes(24).toString('base64url');
  env['PURGE_SECRET'] = purgeSecret;
  env['PREVIEW_SECRET'] = crypto.randomBytes(24).toString('base64url');
  env['SITE_PURGE_URLS'] = `http://127.0.0.1:${sitePort}`;
  const siteEnv = { PURGE_SECRET: purgeSecret, COMMITTEE_HOSTS: COMMITTEE_HOST, SITE_API_KEY: env.SITE_API_KEY!, SITE_RENDERS_PER_MINUTE: '1000000' };
  const started: Child[] = [];
  const boot = async () => {
    // First boot creates and seeds the database; the second must find everything in place.
    const first: Child = await startCms({ port: cmsPort, host: '127.0.0.1', env, log });
    // An older version, or a person, widened the contributors' role: the next start must narrow it again.
    await widenContributorRole(first.url, await adminLogin(first.url, 'admin@cchc.local', DEMO_PASSWORD));
    await stopProcess(first.child);
    const cms: Child = await startCms({ port: cmsPort, host: '127.0.0.1', env, log });
    started.push(cms);
    const site: Child = await startSite({ port: sitePort, host: '127.0.0.1', cmsUrl: cms.url, env: siteEnv, log });
    started.push(site);
    return { cms, site };
  };
  let stack: { cms: Child; site: Child };
  try {
    stack = await boot();
  } catch (error) {
    await Promise.all(started.map((s) => stopProcess(s.child)));
    await smtp.close();
    await fs.writeFile(logFile, lines.join('\n'));
    throw new Error(`The ${database} stack did not start (log: ${logFile}): ${(error as Error).message}\n${lines.slice(-30).join('\n')}`);
  }
  project.provide('cmsUrl', stack.cms.url);
  project.provide('siteUrl', stack.site.url);
  project.provide('database', database);
  project.provide('demoPassword', DEMO_PASSWORD);
  project.provide('purgeSecret', purgeSecret);
  project.provide('mailDir', mailDir);
  project.provide('previewSecret', env['PREVIEW_SECRET']);
  project.provide('databaseConnection', pgDb ? { client: 'pg', url: pgDb.url } : { client: 'better-sqlite3', filename: env['DATABASE_FILENAME']! });
  project.provide('routeTable', env.CCHC_ROUTE_TABLE!);
  project.provide('cmsEnv', env);
  project.provide('siteEnv', siteEnv);
  project.provide('siteApiKey', env.SITE_API_KEY!);
  project.provide('tamperedGrant', TAMPERED_GRANT);
  project.provide('adminTokens', {
    admin: await adminLogin(stack.cms.url, 'admin@cchc.local', DEMO_PASSWORD),
    committee: await adminLogin(stack.cms.url, 'bancd@cchc.local', DEMO_PASSWORD),
    editor: await adminLogin(stack.cms.url, 'bientap@cchc.local', DEMO_PASSWORD),
    tuPhap: await adminLogin(stack.cms.url, 'sotuphap@cchc.local', DEMO_PASSWORD),
    taiChinh: await adminLogin(stack.cms.url, 'sotaichinh@cchc.local', DEMO_PASSWORD),
    noiVu: await adminLogin(stack.cms.url, 'sonoivu@cchc.local', DEMO_PASSWORD),
  });
  return async () => {
    await stopProcess(stack.site.child);
    await stopProcess(stack.cms.child);
    await fs.writeFile(logFile, lines.join('\n'));
    await smtp.close();
    await pgDb?.drop();
    if (!process.env.KEEP_TEST_DATA) await fs.rm(tmp, { recursive: true, force: true });
  };
}
