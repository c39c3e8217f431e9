/** A scheduled publication survives a restart of the CMS and happens exactly once. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { startCms, stopProcess } from '../../scripts/lib/stack.mjs';
import { adminLogin, contentManager, getJson } from '../support/api.js';
import { freePort } from '../support/ports.js';
import { createDatabase } from '../support/postgres.js';

let env: Record<string, string>;
let port = 0;
let cleanup = async () => {};

beforeAll(async () => {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-schedule-'));
  const pgDb = inject('database') === 'postgres' ? await createDatabase('cchc_sched') : null;
  port = await freePort();
  env = {
    NODE_ENV: 'development',
    DEMO_PASSWORD: inject('demoPassword'),
    CCHC_SCHEDULE_CHECK_SECONDS: '1',
    // Personal data erased as soon as a question ends: the erasure job runs on the scheduler's tick.
    QUESTION_KEEP_CONTACT_MONTHS: '0',
    PUBLIC_DIR: path.join(tmp, 'public'),
    ...(pgDb ? { DATABASE_URL: pgDb.url } : { DATABASE_FILENAME: path.join(tmp, 'cchc.db') }),
  };
  cleanup = async () => {
    await pgDb?.drop();
    await fs.rm(tmp, { recursive: true, force: true });
  };
}, 60_000);

afterAll(async () => {
  await cleanup();
});

test('a piece due while the CMS is down is published once it is back, once', async () => {
  let cms = await startCms({ port, host: '127.0.0.1', env, log: false });
  let token = await adminLogin(cms.url, 'admin@cchc.local', inject('demoPassword'));
  const areas = await contentManager(cms.url, token, 'plugin::cchc.reform-area').list();
  const created = await contentManager(cms.url, token, 'plugin::cchc.article').create({
    title: `Hẹn giờ qua khởi động lại ${Date.now()}`,
    format: 'tin-ngan',
    areas: { connect: [{ documentId: areas.body.results[0].documentId }] },
  });
  const { documentId, slug } = created.body.data as { documentId: string; slug: string };
  const act = async (action: string, extra: Record<string, unknown> = {}) =>
    (
      await fetch(`${cms.url}/cchc/articles/${documentId}/transition`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action, ...extra }),
      })
    ).status;
  // An article needs its agency before it can be submitted; the super admin picks one.
  const agencies = await contentManager(cms.url, token, 'plugin::cchc.agency').list();
  await contentManager(cms.url, token, 'plugin::cchc.article').update(documentId, { agency: { connect: [{ documentId: agencies.body.results[0].documentId }] } });
  expect(await act('submit')).toBe(200);
  expect(await act('approve')).toBe(200);
  expect(await act('schedule', { scheduledAt: new Date(Date.now() + 3000).toISOString() })).toBe(200);
  await stopProcess(cms.child);

  await new Promise((r) => setTimeout(r, 4000));
  cms = await startCms({ port, host: '127.0.0.1', env, log: false });
  token = await adminLogin(cms.url, 'admin@cchc.local', inject('demoPassword'));
  try {
    let status = 0;
    const deadline = Date.now() + 20_000;
    while (status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      status = (await getJson(`${cms.url}/api/cchc/articles/${slug}`)).status;
    }
    expect(status).toBe(200);
    // A few more scheduler ticks must not publish it again.
    await new Promise((r) => setTimeout(r, 2500));
    const history = await fetch(`${cms.url}/cchc/articles/${documentId}/history`, { headers: { authorization: `Bearer ${token}` } });
    const { data } = (await history.json()) as { data: { state: string; events: Array<{ action: string }> } };
    expect(data.state).toBe('published');
    expect(data.events.filter((e) => e.action === 'publish')).toHaveLength(1);
  } finally {
    await stopProcess(cms.child);
  }
}, 120_000);

test('the erasure job removes the personal data of ended questions, once, and keeps that of open ones', async () => {
  const cms = await startCms({ port, host: '127.0.0.1', env, log: false });
  try {
    const token = await adminLogin(cms.url, 'bancd@cchc.local', inject('demoPassword'));
    const get = async (path: string) => (await fetch(`${cms.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<any>; // each check reads what it needs
    const published = (await get('/cchc/questions?view=published')).data as Array<{ code: string }>;
    const open = (await get('/cchc/questions?view=open')).data as Array<{ code: string }>;
    expect(published.length).toBeGreaterThan(0);
    expect(open.length).toBeGreaterThan(0);
    await expect.poll(async () => (await get(`/cchc/questions/${published[0]!.code}/contact`)).data.erased, { timeout: 10_000 }).toBe(true);
    expect((await get(`/cchc/questions/${open[0]!.code}/contact`)).data.erased).toBe(false);
    // A few more ticks: erased once, recorded once.
    await new Promise((r) => setTimeout(r, 2500));
    const history = (await get(`/cchc/questions/${published[0]!.code}`)).data.history as Array<{ action: string; actorName: string }>;
    expect(history.filter((e) => e.action === 'erase-contact')).toHaveLength(1);
  } finally {
    await stopProcess(cms.child);
  }
}, 120_000);
