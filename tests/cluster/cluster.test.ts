/**
 * Several instances on one database behind Varnish (scripts/lib/cluster.mjs, booted once by
 * support/global-cluster.ts): a publish on one CMS reaches readers through Varnish within a second
 * and the other CMS's search finds it; a scheduled piece is published once with both instances
 * ticking; with CMS A stopped, B takes the editors and the sites read from it; with both stopped,
 * Varnish serves what it holds. The blocks run in order: the last two stop the CMS instances.
 */
import pg from 'pg';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { SITE_PATHS, TAG, XKEY_PURGE_HEADER, type GetArticleHistory } from '../../shared/src/index.js';
import { adminLogin, contentManager, transitionArticle } from '../support/api.js';
import { getPage } from '../support/html.js';
import { readPurges, type ReceivedPurge } from '../support/purge-sink.js';

const ARTICLE = 'plugin::cchc.article';
const cluster = () => inject('cluster');
const [cmsA, cmsB] = [() => cluster().cms[0]!, () => cluster().cms[1]!];
const viaVarnish = (path: string) => `${cluster().varnishUrl}${path}`;

/** How soon a change must be visible to readers through Varnish. */
const VISIBLE_WITHIN_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` every `everyMs` from `since` until it holds; answers the milliseconds it took, or
 * null after `giveUpMs` (longer than any deadline asserted, so a failure says how late it was).
 */
async function msUntil(since: number, check: () => Promise<boolean>, giveUpMs = 10_000, everyMs = 25): Promise<number | null> {
  while (Date.now() - since < giveUpMs) {
    if (await check()) return Date.now() - since;
    await sleep(everyMs);
  }
  return null;
}

/** True when the page at `url` answers 200 with `text` in it. */
async function shows(url: string, text: string): Promise<boolean> {
  const { status, html } = await getPage(url);
  return status === 200 && html.includes(text);
}

/** The purges the CMS sent so far (to Varnish and to the sink beside it) that name `tag`. */
async function purgesNaming(tag: string): Promise<ReceivedPurge[]> {
  return (await readPurges(cluster().purgeLog)).filter((p) => (p.headers[XKEY_PURGE_HEADER] ?? '').split(/\s+/).includes(tag));
}

/** A word no seeded article holds, so that a search for it finds only the test's article. */
const uniqueWord = () => `cumthu${Math.random().toString(36).slice(2, 10).replace(/\d/g, 'x')}`;

interface Reference {
  areaId: string;
  areaCode: string;
  /** Another area, whose page no test asks for before the CMS instances are stopped. */
  otherAreaCode: string;
  agencyId: string;
}

/** The first reform area (and another) and the first agency listed, to file the test's articles under. */
async function reference(cmsUrl: string, token: string): Promise<Reference> {
  const [areas, agencies] = await Promise.all([
    contentManager(cmsUrl, token, 'plugin::cchc.reform-area').list(),
    contentManager(cmsUrl, token, 'plugin::cchc.agency').list(),
  ]);
  const [first, ...others] = areas.body.results as Array<{ documentId: string; code: string }>;
  return { areaId: first!.documentId, areaCode: first!.code, otherAreaCode: others.at(-1)!.code, agencyId: agencies.body.results[0].documentId };
}

/** Creates a draft through the Content Manager of `cmsUrl`; answers its documentId and slug. */
async function createDraft(cmsUrl: string, token: string, ref: Reference, title: string, body: string): Promise<{ documentId: string; slug: string }> {
  const created = await contentManager(cmsUrl, token, ARTICLE).create({
    title,
    summary: `Tóm tắt: ${title}`,
    body,
    format: 'tin-ngan',
    publicationDate: new Date().toISOString(),
    areas: { connect: [{ documentId: ref.areaId }] },
    agency: { connect: [{ documentId: ref.agencyId }] },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { documentId: created.body.data.documentId, slug: created.body.data.slug };
}

/** The workflow history of a piece, read on `cmsUrl`. */
async function historyOf(cmsUrl: string, token: string, documentId: string): Promise<GetArticleHistory.Response['data']> {
  const res = await fetch(`${cmsUrl}/cchc/articles/${documentId}/history`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as GetArticleHistory.Response).data;
}

/** Stops a CMS instance as an operator would (SIGTERM), and waits until it no longer answers. */
async function stopCms(part: { url: string; pid: number }): Promise<void> {
  process.kill(part.pid, 'SIGTERM');
  const gone = await msUntil(Date.now(), async () => {
    try {
      await fetch(`${part.url}/_health`, { signal: AbortSignal.timeout(1000) });
      return false;
    } catch {
      return true;
    }
  }, 30_000);
  expect(gone, `${part.url} still answers 30 s after SIGTERM`).not.toBeNull();
}

let editorOnA = '';
let ref: Reference;

beforeAll(async () => {
  editorOnA = await adminLogin(cmsA().url, 'bientap@cchc.local', cluster().demoPassword);
  ref = await reference(cmsA().url, editorOnA);
});

describe('a publish on CMS A', () => {
  const word = uniqueWord();
  const title = `Tin cụm máy chủ ${word}`;
  let slug = '';

  test(`is on the article, its area and the home page through Varnish within ${VISIBLE_WITHIN_MS} ms`, async () => {
    const pages = [SITE_PATHS.home, SITE_PATHS.area(ref.areaCode)];
    // The lists are in Varnish's cache before the publish: the purge must be what brings the new piece.
    for (const path of pages) {
      await fetch(viaVarnish(path));
      const again = await fetch(viaVarnish(path));
      await again.arrayBuffer();
      expect(again.headers.get('x-cache'), `${path} is in Varnish's cache`).toBe('HIT');
    }
    const draft = await createDraft(cmsA().url, editorOnA, ref, title, `Nội dung có từ ${word}.`);
    slug = draft.slug;
    const published = await transitionArticle(cmsA().url, editorOnA, draft.documentId, 'publish-directly', { note: 'Bài của bộ kiểm thử cụm máy chủ' });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const since = Date.now();
    const took = await Promise.all([SITE_PATHS.article(slug), ...pages].map((path) => msUntil(since, () => shows(viaVarnish(path), title))));
    const [purge] = await purgesNaming(TAG.article(slug));
    console.info(`[cluster] publish on CMS A → visible through Varnish: article ${took[0]} ms, home ${took[1]} ms, area ${took[2]} ms (purge sent ${purge ? purge.at - since : '?'} ms after the answer)`);
    for (const ms of took) {
      expect(ms).not.toBeNull();
      expect(ms!).toBeLessThanOrEqual(VISIBLE_WITHIN_MS);
    }
  });

  // Search is answered by the database: every instance finds what another published, right after its commit.
  test('is found by the search of CMS B', async () => {
    expect(slug).not.toBe('');
    const since = Date.now();
    const took = await msUntil(since, async () => {
      const res = await fetch(`${cmsB().url}/api/cchc/search?q=${word}`);
      const body = (await res.json()) as { data?: Array<{ slug: string }> };
      return res.status === 200 && (body.data ?? []).some((hit) => hit.slug === slug);
    }, 3000);
    expect(took, 'CMS B finds the article CMS A published').not.toBeNull();
    expect(took!).toBeLessThanOrEqual(VISIBLE_WITHIN_MS);
  });
});

describe('a scheduled piece, with both CMS instances ticking every second', () => {
  test('is published exactly once: one history row by the scheduler, one purge, one published version', async () => {
    const editorOnB = await adminLogin(cmsB().url, 'bientap@cchc.local', cluster().demoPassword);
    const title = `Tin hẹn giờ cụm máy chủ ${uniqueWord()}`;
    const { documentId, slug } = await createDraft(cmsA().url, editorOnA, ref, title, 'Nội dung hẹn giờ.');
    expect((await transitionArticle(cmsA().url, editorOnA, documentId, 'submit')).status).toBe(200);
    expect((await transitionArticle(cmsB().url, editorOnB, documentId, 'approve')).status).toBe(200);
    const due = Date.now() + 2000;
    expect((await transitionArticle(cmsB().url, editorOnB, documentId, 'schedule', { scheduledAt: new Date(due).toISOString() })).status).toBe(200);

    const published = await msUntil(due, async () => (await historyOf(cmsA().url, editorOnA, documentId)).state === 'published', 15_000);
    expect(published, 'the scheduler published it').not.toBeNull();
    // Several more ticks of both instances: none may publish it again.
    await sleep(3000);

    const history = await historyOf(cmsB().url, editorOnB, documentId);
    const publishes = history.events.filter((e) => e.action === 'publish');
    expect(publishes.map((e) => [e.fromState, e.toState])).toEqual([['scheduled', 'published']]);
    expect(publishes[0]!.actorName).toContain('Hệ thống');

    const db = new pg.Client({ connectionString: cluster().databaseUrl });
    await db.connect();
    try {
      const versions = await db.query<{ published: string; total: string }>(
        'select count(*) filter (where published_at is not null) as published, count(*) as total from cchc_articles where document_id = $1',
        [documentId],
      );
      expect(versions.rows[0]).toEqual({ published: '1', total: '2' });
    } finally {
      await db.end();
    }

    expect(await purgesNaming(TAG.article(slug)), 'purges naming the article').toHaveLength(1);
    expect(await shows(viaVarnish(SITE_PATHS.article(slug)), title)).toBe(true);
  });
});

describe('with CMS A stopped', () => {
  let slug = '';
  let title = '';

  beforeAll(async () => {
    await stopCms(cmsA());
  });

  test('readers are still served through Varnish, and site A reads from CMS B', async () => {
    expect((await getPage(viaVarnish(SITE_PATHS.home))).status).toBe(200);
    // Straight to site A, which keeps no pages: it renders from CMS B since its own CMS is down.
    const { status, html } = await getPage(`${cluster().sites[0]!.url}${SITE_PATHS.area(ref.areaCode)}`);
    expect(status).toBe(200);
    expect(html).toContain('Tin cụm máy chủ');
  });

  test(`an editor signs in on CMS B and publishes; readers see it within ${VISIBLE_WITHIN_MS} ms`, async () => {
    const editorOnB = await adminLogin(cmsB().url, 'bientap@cchc.local', cluster().demoPassword);
    title = `Tin đăng qua CMS B ${uniqueWord()}`;
    const draft = await createDraft(cmsB().url, editorOnB, ref, title, 'Nội dung đăng khi CMS A dừng.');
    slug = draft.slug;
    expect((await transitionArticle(cmsB().url, editorOnB, draft.documentId, 'publish-directly', { note: 'CMS A đang dừng' })).status).toBe(200);
    const since = Date.now();
    const took = await Promise.all([SITE_PATHS.article(slug), SITE_PATHS.home].map((path) => msUntil(since, () => shows(viaVarnish(path), title))));
    console.info(`[cluster] publish on CMS B with A stopped → visible: article ${took[0]} ms, home ${took[1]} ms`);
    for (const ms of took) {
      expect(ms).not.toBeNull();
      expect(ms!).toBeLessThanOrEqual(VISIBLE_WITHIN_MS);
    }
  });

  describe('and then CMS B', () => {
    beforeAll(async () => {
      expect(slug).not.toBe('');
      // In Varnish's cache before the last CMS goes.
      for (const path of [SITE_PATHS.home, SITE_PATHS.article(slug)]) {
        const page = await getPage(viaVarnish(path));
        expect(page.html).toContain(title);
      }
      await stopCms(cmsB());
    });

    test('cached pages are served stale through Varnish once their freshness has passed', async () => {
      // Fresh for 10 s (the sites' s-maxage here), then Varnish's stale copies while no site can render them.
      const paths = [SITE_PATHS.home, SITE_PATHS.article(slug)];
      const stale = await msUntil(Date.now(), async () => {
        const pages = await Promise.all(paths.map((path) => getPage(viaVarnish(path))));
        for (const [i, page] of pages.entries()) {
          expect(page.status, paths[i]).toBe(200);
          expect(page.html, paths[i]).toContain(title);
        }
        return pages.every((page) => page.headers.get('x-cache') === 'STALE');
      }, 30_000, 500);
      expect(stale, 'both pages were served STALE').not.toBeNull();
    });

    test('a page nobody asked for yet answers the Vietnamese 503', async () => {
      const page = await getPage(viaVarnish(SITE_PATHS.area(ref.otherAreaCode)));
      expect(page.status).toBe(503);
      expect(page.html).toContain('<html lang="vi"');
      expect(page.html).toContain('gián đoạn');
      expect(page.html).not.toMatch(/ECONNREFUSED|Guru Meditation|fetch failed/);
    });
  });
});
