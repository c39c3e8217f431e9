/**
 * Start modes: NODE_ENV=production refuses the development secrets and creates no
 * demo account; a CMS that listens beyond loopback disables the demo accounts it finds.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { startCms, stopProcess } from '../../scripts/lib/stack.mjs';
import { getJson } from '../support/api.js';
import { freePort } from '../support/ports.js';
import { createDatabase } from '../support/postgres.js';
import { seed } from '../support/seed.js';

/** Fresh secrets, as an operator sets them (Strapi's dotenv keeps what the environment has). */
const productionSecrets = () => {
  const random = () => crypto.randomBytes(24).toString('base64');
  return { APP_KEYS: `${random()},${random()}`, API_TOKEN_SALT: random(), ADMIN_JWT_SECRET: random(), TRANSFER_TOKEN_SALT: random(), ENCRYPTION_KEY: random() };
};

describe('a production start', () => {
  let cms: { child: unknown; url: string };
  let cleanup = async () => {};

  beforeAll(async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-production-'));
    const pgDb = inject('database') === 'postgres' ? await createDatabase('cchc_prod') : null;
    cms = await startCms({
      port: await freePort(),
      host: '127.0.0.1',
      log: false,
      env: {
        NODE_ENV: 'production',
        CCHC_SEED: 'true',
        ...productionSecrets(),
        DEMO_PASSWORD: inject('demoPassword'),
        PUBLIC_DIR: path.join(tmp, 'public'),
        ...(pgDb ? { DATABASE_URL: pgDb.url } : { DATABASE_FILENAME: path.join(tmp, 'cchc.db') }),
      },
    });
    cleanup = async () => {
      await stopProcess(cms.child);
      await pgDb?.drop();
      await fs.rm(tmp, { recursive: true, force: true });
    };
  }, 120_000);

  afterAll(async () => {
    await cleanup();
  });

  test('seeds the content', async () => {
    const { body } = await getJson<{ meta: { pagination: { total: number } } }>(`${cms.url}/api/cchc/articles?pageSize=1`);
    expect(body.meta.pagination.total).toBe(seed.articles.length);
  });

  test.each(seed.accounts.map((a) => a.email))('creates no account %s', async (email) => {
    const res = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: inject('demoPassword') }),
    });
    expect(res.status).toBe(400);
  });

  test('leaves the admin panel waiting for its first administrator', async () => {
    const { body } = await getJson<{ data: { hasAdmin: boolean } }>(`${cms.url}/admin/init`);
    expect(body.data.hasAdmin).toBe(false);
  });
});

// The next two depend on how the CMS starts, not on the database: they run once, on SQLite.
if (inject('database') === 'sqlite') {
  test('a production start on the development secrets of cms/.env is refused, naming what to set', async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-devsecrets-'));
    const lines: string[] = [];
    try {
      await expect(
        startCms({ port: await freePort(), host: '127.0.0.1', log: (line: string) => lines.push(line), env: { NODE_ENV: 'production', PUBLIC_DIR: path.join(tmp, 'public'), DATABASE_FILENAME: path.join(tmp, 'cchc.db') } }),
      ).rejects.toThrow(/exited/);
      expect(lines.join('\n')).toMatch(/APP_KEYS.*ENCRYPTION_KEY/);
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  }, 120_000);

  describe('a CMS listening beyond loopback', () => {
    test('disables the demo accounts it finds, and creates none', async () => {
      const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-public-'));
      const env = { DEMO_PASSWORD: inject('demoPassword'), PUBLIC_DIR: path.join(tmp, 'public'), DATABASE_FILENAME: path.join(tmp, 'cchc.db') };
      const port = await freePort();
      const signIn = (url: string) => fetch(`${url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bientap@cchc.local', password: inject('demoPassword') }) });
      try {
        // First on loopback: the demo accounts are made and work.
        const local = await startCms({ port, host: '127.0.0.1', log: false, env });
        expect((await signIn(local.url)).status).toBe(200);
        await stopProcess(local.child);
        // Then on every interface, seeding off: the same database, and the accounts no longer sign in.
        const open = await startCms({ port, host: '0.0.0.0', log: false, env: { ...env, CCHC_SEED: 'false' } });
        try {
          expect((await signIn(open.url)).status).toBe(400);
        } finally {
          await stopProcess(open.child);
        }
      } finally {
        await fs.rm(tmp, { recursive: true, force: true });
      }
    }, 240_000);
  });
}
