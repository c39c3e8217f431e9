/** NODE_ENV=production: the seed may run when asked, but no demo account is ever created. */
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
