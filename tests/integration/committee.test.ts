/**
 * The Steering Committee website's API (/api/cchc/committee/…) over the seed, the
 * checks on what editors save, who may change what, and the done-when path: an
 * editor adds a document and an index result in the admin API and sees them on
 * the site within seconds.
 */
import { afterAll, describe, expect, inject, test } from 'vitest';
import { documentSlug, foldForSearch, type GetCommittee, type ListDocuments, type PlanTracker, type IndexSeries, type CommitteeEvent } from '../../shared/src/index.js';
import { allKeys, contentManager, getJson } from '../support/api.js';
import { getPage } from '../support/html.js';
import { seed } from '../support/seed.js';

const api = (path: string) => `${inject('cmsUrl')}/api/cchc/committee${path}`;
const site = (path: string) => `${inject('siteUrl')}${path}`;
const tokens = () => inject('adminTokens');
const docs = seed.committee.documents;
const planDecision = docs.find((d) => d.planYear !== null)!;
const planDecisionSlug = documentSlug(planDecision.number, planDecision.issuedOn);

/** Removes what a test created, whatever happens to the test. */
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean();
});

/** Polls `check` until it holds or `ms` pass; returns how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not true within ${ms} ms`);
}

describe('the committee', () => {
  test('answers with the seeded committee, its members in order and the channels', async () => {
    const { status, body } = await getJson<GetCommittee.Response>(api(''));
    expect(status).toBe(200);
    expect(body.data.committee.name).toBe(seed.committee.committee.name);
    expect(body.data.committee.demo).toBe(true);
    expect(body.data.members.map((m) => m.name).sort()).toEqual(seed.committee.members.map((m) => m.name).sort());
    expect(body.data.members.map((m) => m.order)).toEqual([...body.data.members.map((m) => m.order)].sort((a, b) => a - b));
    expect(body.data.channels.map((c) => c.name).sort()).toEqual(seed.committee.channels.map((c) => c.name).sort());
  });

  test('the home feed carries upcoming events only, and the latest index results', async () => {
    const { body } = await getJson<{ data: { upcomingEvents: CommitteeEvent[]; indices: Array<{ code: string; latest: { year: number } }> } }>(api('/home'));
    for (const e of body.data.upcomingEvents) expect(new Date(e.endsAt).getTime()).toBeGreaterThan(Date.now());
    const par = seed.committee.indices.filter((r) => r.index === 'par-index');
    expect(body.data.indices.find((i) => i.code === 'par-index')!.latest.year).toBe(Math.max(...par.map((r) => r.year)));
  });
});

describe('what the public API shows', () => {
  test.each(['', '/home', '/documents', `/documents/${planDecisionSlug}`, `/plans/${seed.plan.year}`, '/plans', '/indices', '/events'])('%s carries no internal field', async (path) => {
    const { status, body } = await getJson(api(path));
    expect(status).toBe(200);
    const keys = allKeys(body);
    for (const internal of ['id', 'documentId', 'createdBy', 'updatedBy', 'createdAt', 'publishedAt', 'password', 'email_verified']) expect(keys.has(internal), internal).toBe(false);
  });
});

describe('documents', () => {
  const list = async (query: string) => getJson<ListDocuments.Response>(api(`/documents?pageSize=50&${query}`));

  test('lists every seeded document, newest first, with the facets', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    expect(body.meta.pagination.total).toBe(docs.length);
    const dates = body.data.map((d) => d.issuedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(body.meta.facets.years).toEqual([...new Set(docs.map((d) => Number(d.issuedOn.slice(0, 4))))].sort((a, b) => b - a));
  });

  test.each(['ke hoach truyen thong', 'Kế hoạch truyền thông', 'KE HOACH  truyen', '854/qd', '854/QĐ-UBND'])('"%s" finds the plan decision', async (q) => {
    const { body } = await list(`q=${encodeURIComponent(q)}`);
    expect(body.data.map((d) => d.number)).toContain('854/QĐ-UBND');
    const expected = docs.filter((d) => foldForSearch(q).split(' ').every((t) => foldForSearch(`${d.number} ${d.abstract}`).includes(t)));
    expect(body.data.length).toBe(expected.length);
  });

  test('filters by type, year, issuer and area, as the seed says', async () => {
    const d = docs[0]!;
    const year = Number(d.issuedOn.slice(0, 4));
    for (const [query, expected] of [
      [`type=${d.type}`, docs.filter((x) => x.type === d.type)],
      [`year=${year}`, docs.filter((x) => x.issuedOn.startsWith(`${year}-`))],
      [`issuer=${encodeURIComponent(d.issuer)}`, docs.filter((x) => x.issuer === d.issuer)],
      [`area=${d.areas[0]}`, docs.filter((x) => x.areas.includes(d.areas[0]!))],
    ] as const) {
      const { body } = await list(query);
      expect(body.data.map((x) => x.number).sort(), query).toEqual(expected.map((x) => x.number).sort());
    }
  });

  test.each([
    ['type=nghi-dinh-la', 'Loại văn bản'],
    ['year=abc', 'year'],
    ['area=Thể chế', 'area'],
    [`q=${'a'.repeat(201)}`, 'tối đa'],
    ['page=0', 'page'],
  ])('%s is a 400 with a reason', async (query, reason) => {
    const res = await getJson<{ error: { message: string } }>(api(`/documents?${query}`));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(reason);
  });

  test('a document has its files and its plan; an unknown one is a 404', async () => {
    const { body: listed } = await list('q=854');
    const { status, body } = await getJson<{ data: { files: Array<{ url: string; mime: string }>; planYear: number | null } }>(api(`/documents/${listed.data[0]!.slug}`));
    expect(status).toBe(200);
    expect(body.data.planYear).toBe(seed.plan.year);
    const mimes = body.data.files.map((f) => f.mime).sort();
    expect(mimes).toEqual(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    const pdf = await fetch(`${inject('cmsUrl')}${body.data.files.find((f) => f.mime === 'application/pdf')!.url}`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await getJson(api('/documents/khong-co-van-ban-nay'))).status).toBe(404);
    expect((await getJson(api('/documents/KHÔNG'))).status).toBe(400);
  });
});

describe('plan tracker', () => {
  test('the seeded year has its eleven tasks, 5.1–5.6 under 5, progress for each', async () => {
    const { status, body } = await getJson<{ data: PlanTracker }>(api(`/plans/${seed.plan.year}`));
    expect(status).toBe(200);
    expect(body.data.tasks.map((t) => t.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(body.data.tasks[4]!.subtasks.map((t) => t.number)).toEqual(['5.1', '5.2', '5.3', '5.4', '5.5', '5.6']);
    expect(body.data.document?.number).toBe(seed.plan.code);
    const all = body.data.tasks.flatMap((t) => [t, ...t.subtasks]);
    for (const task of all) {
      const seeded = seed.plan.tasks.find((t) => t.number === task.number)!;
      expect(task.progress?.mode, task.number).toBe(seeded.progress?.mode ?? 'manual');
      if (task.progress?.mode === 'measured') expect(task.progress.quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
    }
    // 2024 is over: every quarter of it is past.
    expect(all.flatMap((t) => (t.progress?.mode === 'measured' ? t.progress.quarters : [])).every((q) => q.phase === 'past')).toBe(true);
  });

  test('an unknown year is a 404, a malformed one a 400', async () => {
    expect((await getJson(api('/plans/1999'))).status).toBe(404);
    expect((await getJson(api('/plans/abc'))).status).toBe(400);
  });
});

describe('indices and events', () => {
  test('each index lists the seeded results by year', async () => {
    const { body } = await getJson<{ data: IndexSeries[] }>(api('/indices'));
    const par = body.data.find((s) => s.code === 'par-index')!;
    const seeded = seed.committee.indices.filter((r) => r.index === 'par-index').sort((a, b) => a.year - b.year);
    expect(par.results.map((r) => [r.year, r.score, r.rank, r.outOf])).toEqual(seeded.map((r) => [r.year, r.score, r.rank, r.outOf]));
    expect(par.results.every((r) => r.demo)).toBe(true);
  });

  test('events split into upcoming and past; an unknown one is a 404', async () => {
    const upcoming = (await getJson<{ data: CommitteeEvent[] }>(api('/events?when=upcoming'))).body.data;
    const past = (await getJson<{ data: CommitteeEvent[] }>(api('/events?when=past'))).body.data;
    expect(upcoming.length).toBe(seed.committee.events.filter((e) => 'inDays' in e.time && e.time.inDays >= 0).length);
    expect(upcoming.length + past.length).toBe(seed.committee.events.length);
    expect((await getJson(api('/events/khong-co'))).status).toBe(404);
    expect((await getJson(api('/events?when=soon'))).status).toBe(400);
  });
});

describe('what editors save', () => {
  const cm = (uid: string, who: keyof ReturnType<typeof tokens> = 'editor') => contentManager(inject('cmsUrl'), tokens()[who], `plugin::cchc.${uid}`);

  test('an event that ends before it starts is refused', async () => {
    const res = await cm('committee-event').create({ title: 'Hội nghị thử', kind: 'hoi-nghi', startsAt: '2030-01-02T08:00:00.000Z', endsAt: '2030-01-02T07:00:00.000Z' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('kết thúc');
  });

  test('a second result for the same index, year and subject is refused', async () => {
    const r = seed.committee.indices[0]!;
    const res = await cm('index-result').create({ index: r.index, year: r.year, subject: r.subject, score: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Đã có kết quả');
  });

  test('a measured task\'s formats, as the edit view sends them (its JSON editor\'s text), are saved as a list', async () => {
    const tasks = await cm('plan-task', 'committee').list('&filters[progressMode][$eq]=measured');
    const task = tasks.body.results.find((t: { measureFormats?: unknown }) => Array.isArray(t.measureFormats) && t.measureFormats.length > 0) as { documentId: string; measureFormats: string[] };
    expect(task).toBeDefined();
    const saved = await cm('plan-task', 'committee').update(task.documentId, { measureFormats: JSON.stringify(task.measureFormats) });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.data.measureFormats).toEqual(task.measureFormats);
    const wrong = await cm('plan-task', 'committee').update(task.documentId, { measureFormats: '["khong-co-hinh-thuc-nay"]' });
    expect(wrong.status).toBe(400);
  });

  test('evidence lines must be "label | URL"; an editor may set a task status but not rewrite the task', async () => {
    const tasks = await cm('plan-task').list('&filters[number][$eq]=11');
    const id = tasks.body.results[0].documentId as string;
    const bad = await cm('plan-task').update(id, { evidence: 'chỉ có chữ, không có địa chỉ' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('Dòng 1');
    const ok = await cm('plan-task').update(id, { progressStatus: 'dang-thuc-hien', evidence: 'Trang Ban Chỉ đạo | /ban-chi-dao' });
    expect(ok.status).toBe(200);
    const { body } = await getJson<{ data: PlanTracker }>(api(`/plans/${seed.plan.year}`));
    const eleven = body.data.tasks.find((t) => t.number === '11')!;
    expect(eleven.progress).toMatchObject({ mode: 'manual', status: 'dang-thuc-hien', evidence: [{ label: 'Trang Ban Chỉ đạo', url: '/ban-chi-dao' }] });
    // Put the seeded progress back for the other suites.
    const seeded = seed.plan.tasks.find((t) => t.number === '11')!.progress as { status: string; evidence: string };
    expect((await cm('plan-task').update(id, { progressStatus: seeded.status, evidence: seeded.evidence })).status).toBe(200);
    // The title is the committee administrators' to change: the editor's save of it is not applied.
    await cm('plan-task').update(id, { title: 'Tiêu đề bị sửa' });
    const after = await getJson<{ data: PlanTracker }>(api(`/plans/${seed.plan.year}`));
    expect(after.body.data.tasks.find((t) => t.number === '11')!.title).toBe(seed.plan.tasks.find((t) => t.number === '11')!.title);
  });

  test('a contributor cannot add documents', async () => {
    const res = await cm('steering-document', 'tuPhap').create({ number: '1/QĐ-X', type: 'quyet-dinh', issuedOn: '2024-01-01', issuer: 'X', abstract: 'Y' });
    expect(res.status).toBe(403);
  });
});

describe('done when: an editor adds a document and an index result and sees them on the site', () => {
  test('within seconds', async () => {
    const number = `77/KH-BCĐ-${Date.now() % 100000}`;
    const documents = contentManager(inject('cmsUrl'), tokens().editor, 'plugin::cchc.steering-document');
    // The page is in the site's cache before the change.
    expect((await getPage(site('/ban-chi-dao/van-ban'))).html).not.toContain(number);
    const created = await documents.create({ number, type: 'ke-hoach', issuedOn: '2025-02-03', issuer: 'Ban Chỉ đạo cải cách hành chính', abstract: 'Kế hoạch kiểm tra công tác cải cách hành chính (bộ kiểm thử)' });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    cleanups.push(() => documents.remove(documentId));
    // A draft is not public.
    expect((await getJson<ListDocuments.Response>(api(`/documents?q=${encodeURIComponent(number)}`))).body.meta.pagination.total).toBe(0);
    expect((await documents.publish(documentId)).status).toBe(200);
    const slug = created.body.data.slug as string;
    expect(slug).toMatch(/^77-kh-bcd-\d+-2025$/);
    const tookDocument = await within(5000, async () => (await getPage(site('/ban-chi-dao/van-ban'))).html.includes(number));
    expect((await getPage(site(`/ban-chi-dao/van-ban/${slug}`))).status).toBe(200);

    const results = contentManager(inject('cmsUrl'), tokens().editor, 'plugin::cchc.index-result');
    const subject = seed.committee.indices.find((r) => r.index === 'par-index')!.subject;
    const result = await results.create({ index: 'par-index', year: 2099, subject, score: 91.23, rank: 2, outOf: 34, sourceNote: 'Bộ kiểm thử' });
    expect(result.status).toBe(201);
    cleanups.push(() => results.remove(result.body.data.documentId as string));
    const tookIndex = await within(5000, async () => (await getPage(site('/ban-chi-dao/chi-so'))).html.includes('2099'));
    expect(tookDocument + tookIndex).toBeLessThan(10_000);
  });
});
