/**
 * The public API's rate limit, tried from a client address of its own (127.0.0.2; the
 * test process's 127.0.0.1 is exempt so that the other suites are not limited), and the
 * aggregated answers the CMS keeps until a change purges them.
 */
import http from 'node:http';
import { describe, expect, inject, test } from 'vitest';
import { SITE_KEY_HEADER } from '../../shared/src/index.js';
import { contentManager } from '../support/api.js';

/** GETs a path of the CMS from 127.0.0.2. */
function getFrom127002(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(path, inject('cmsUrl'));
  return new Promise((resolve, reject) => {
    http
      .get({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, localAddress: '127.0.0.2', headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

describe('the public API rate limit', () => {
  test('an address past its budget gets a 429 in Vietnamese with Retry-After; the site, by its key, never does', async () => {
    let limited: Awaited<ReturnType<typeof getFrom127002>> | null = null;
    // 120 points a minute; the plan tracker costs 5, so the budget runs out within 30 requests.
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await getFrom127002('/api/cchc/committee/plans/2024');
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited).not.toBeNull();
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((JSON.parse(limited!.body) as { error: { message: string } }).error.message).toContain('thử lại sau');
    // Cheap reads are refused too while the budget is spent, whatever the path's case.
    expect((await getFrom127002('/api/cchc/topics')).status).toBe(429);
    expect((await getFrom127002('/API/cchc/topics')).status).toBe(429);
    expect((await getFrom127002('/api/cchc/topics', { [SITE_KEY_HEADER]: inject('siteApiKey') })).status).toBe(200);
    expect((await getFrom127002('/api/cchc/topics', { [SITE_KEY_HEADER]: 'not-the-key' })).status).toBe(429);
  });
});

describe('aggregated answers', () => {
  test("the plan tracker is purged as soon as a task's progress changes", async () => {
    const token = inject('adminTokens').editor;
    const tasks = contentManager(inject('cmsUrl'), token, 'plugin::cchc.plan-task');
    const read = async () => {
      const res = await fetch(`${inject('cmsUrl')}/api/cchc/committee/plans/2024`);
      expect(res.status).toBe(200);
      return JSON.stringify(await res.json());
    };
    const before = await read();
    expect(await read()).toBe(before);
    const manual = (await tasks.list('&filters[progressMode][$eq]=manual')).body.results[0] as { documentId: string; progressNote: string | null };
    const note = `Cập nhật tiến độ ${Date.now()}`;
    expect((await tasks.update(manual.documentId, { progressNote: note })).status).toBe(200);
    try {
      await expect.poll(read, { timeout: 2000 }).toContain(note);
    } finally {
      await tasks.update(manual.documentId, { progressNote: manual.progressNote ?? '' });
    }
  });
});
