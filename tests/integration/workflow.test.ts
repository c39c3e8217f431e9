/**
 * The review workflow through the admin API: an agency submits, an editor decides,
 * the scheduler publishes; who may do what, and the history of it all.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { WORKFLOW_ACTION_NAMES, decideTransition, quarterOf, type GetArticleHistory, type WorkflowRole } from '../../shared/src/index.js';
import { contentManager, removeArticle, transitionArticle } from '../support/api.js';
import { readMailbox } from '../support/smtp-sink.js';

const ARTICLE = 'plugin::cchc.article';
const cms = (path: string) => `${inject('cmsUrl')}${path}`;

/** Calls a workflow route as the holder of `token`. */
async function call(token: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(cms(`/cchc${path}`), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // admin API bodies vary per route
}

const transition = (token: string, documentId: string, action: string, extra: Record<string, unknown> = {}) =>
  transitionArticle(inject('cmsUrl'), token, documentId, action, extra);

const created: string[] = [];
let areaId = '';

/** A new draft written by Sở Tư pháp's contributor, in a reform area. */
async function draftByTuPhap(title = `Tin quy trình ${Date.now()} ${Math.random()}`): Promise<string> {
  const res = await contentManager(inject('cmsUrl'), inject('adminTokens').tuPhap, ARTICLE).create({
    title,
    summary: 'Tóm tắt',
    body: 'Nội dung',
    format: 'tin-ngan',
    areas: { connect: [{ documentId: areaId }] },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  created.push(res.body.data.documentId);
  return res.body.data.documentId;
}

beforeAll(async () => {
  const areas = await contentManager(inject('cmsUrl'), inject('adminTokens').admin, 'plugin::cchc.reform-area').list();
  areaId = areas.body.results.find((a: { code: string }) => a.code === 'the-che').documentId;
});

afterAll(async () => {
  const articles = contentManager(inject('cmsUrl'), inject('adminTokens').admin, ARTICLE);
  for (const documentId of created) await removeArticle(inject('cmsUrl'), inject('adminTokens').admin, documentId);
});

describe('a piece from submission to scheduled publication', () => {
  test('goes through every step, and the history records each', async () => {
    const { tuPhap, editor } = inject('adminTokens');
    const title = `Tin đi hết quy trình ${Date.now()}`;
    const id = await draftByTuPhap(title);

    // The contributor's piece belongs to the contributor's agency, whatever the form said.
    const history0 = await call(tuPhap, 'GET', `/articles/${id}/history`);
    expect(history0.status).toBe(200);
    expect(history0.body.data.state).toBe('draft');
    expect(history0.body.data.actions).toEqual(['submit']);

    expect((await transition(tuPhap, id, 'submit')).status).toBe(200);
    const queue = await call(editor, 'GET', '/review-queue');
    const item = queue.body.data.find((q: { documentId: string }) => q.documentId === id);
    expect(item).toMatchObject({ agency: expect.stringContaining('Sở Tư pháp'), areas: ['the-che'], format: 'tin-ngan' });
    expect(item.actions).toContain('approve');

    const noReason = await transition(editor, id, 'request-changes');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('lý do');
    expect((await transition(editor, id, 'request-changes', { note: 'Bổ sung số liệu quý I.' })).status).toBe(200);
    expect((await transition(tuPhap, id, 'submit')).status).toBe(200);
    expect((await transition(editor, id, 'approve')).status).toBe(200);

    const past = await transition(editor, id, 'schedule', { scheduledAt: '2020-01-01T08:00:00+07:00' });
    expect(past.status).toBe(400);
    const at = new Date(Date.now() + 2500).toISOString();
    expect((await transition(editor, id, 'schedule', { scheduledAt: at })).status).toBe(200);

    // The scheduler (every second in tests) publishes it once its time has come.
    let state = 'scheduled';
    const deadline = Date.now() + 15_000;
    while (state !== 'published' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      state = (await call(editor, 'GET', `/articles/${id}/history`)).body.data.state;
    }
    expect(state).toBe('published');
    const history = (await call(tuPhap, 'GET', `/articles/${id}/history`)).body.data as GetArticleHistory.Response['data'];
    expect(history.events.map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ['submit', 'draft', 'submitted'],
      ['request-changes', 'submitted', 'changes-requested'],
      ['submit', 'changes-requested', 'submitted'],
      ['approve', 'submitted', 'approved'],
      ['schedule', 'approved', 'scheduled'],
      ['publish', 'scheduled', 'published'],
    ]);
    expect(history.events[1]!.note).toBe('Bổ sung số liệu quý I.');
    expect(history.events[5]!.actorName).toContain('Hệ thống');

    // It is on the site, and the quarter's compliance report counts it for Sở Tư pháp.
    const slug = (await contentManager(inject('cmsUrl'), editor, ARTICLE).list(`&filters[documentId][$eq]=${id}`)).body.results[0].slug;
    await expect.poll(async () => (await fetch(`${inject('siteUrl')}/bai-viet/${slug}`)).status, { timeout: 5000 }).toBe(200);
    const { year, quarter } = quarterOf(new Date());
    const report = (await (await fetch(cms(`/cchc/compliance?year=${year}&quarter=${quarter}`), { headers: { authorization: `Bearer ${inject('adminTokens').admin}` } })).json()) as {
      data: { rows: Array<{ agency: { slug: string }; submitted: number; published: number; status: string }> };
    };
    const tuPhapRow = report.data.rows.find((r) => r.agency.slug === 'so-tu-phap')!;
    expect(tuPhapRow.submitted).toBeGreaterThanOrEqual(1);
    expect(tuPhapRow.published).toBeGreaterThanOrEqual(1);
    expect(tuPhapRow.status).toBe('met');

    // Editors were told of the submission, the agency of each decision (through a real SMTP server).
    // The scheduler's mail leaves just after the publication it reports: wait for it.
    const mailsAbout = async () => (await readMailbox(inject('mailDir'))).filter((m) => m.subject.includes(title));
    // Two submissions, each to both editorial accounts (bientap and bancd), and four decisions to the agency.
    await expect.poll(async () => (await mailsAbout()).length, { timeout: 5000 }).toBe(8);
    const mails = await mailsAbout();
    const toEditor = mails.filter((m) => m.to.includes('bientap@cchc.local'));
    const toAgency = mails.filter((m) => m.to.includes('sotuphap@cchc.local'));
    expect(toEditor.map((m) => m.subject)).toEqual([`[CCHC] Tin bài chờ duyệt: ${title}`, `[CCHC] Tin bài chờ duyệt: ${title}`]);
    expect(toAgency.map((m) => m.subject.split(':')[0])).toEqual(['[CCHC] Trả lại để chỉnh sửa', '[CCHC] Duyệt', '[CCHC] Hẹn giờ đăng', '[CCHC] Đăng']);
    expect(toAgency[0]!.text).toContain('Bổ sung số liệu quý I.');
    expect(mails.some((m) => m.to.includes('sotaichinh@cchc.local'))).toBe(false);
  }, 30_000);

  test('a cover without alt text blocks submission, with a reason', async () => {
    const { tuPhap } = inject('adminTokens');
    const id = await draftByTuPhap();
    const upload = new FormData();
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#06c' } }).png().toBuffer();
    upload.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'bia.png');
    const uploaded = await fetch(cms('/upload'), { method: 'POST', headers: { authorization: `Bearer ${tuPhap}` }, body: upload });
    expect(uploaded.status).toBe(201);
    const [file] = (await uploaded.json()) as Array<{ id: number }>;
    expect((await contentManager(inject('cmsUrl'), tuPhap, ARTICLE).update(id, { cover: file!.id })).status).toBe(200);
    const refused = await transition(tuPhap, id, 'submit');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('alt text');
  });
});

describe('an edit to a published piece', () => {
  test('is the editor\'s (the agency finds it locked), needs a change note, and a public one shows on the article', async () => {
    const { tuPhap, editor } = inject('adminTokens');
    const id = await draftByTuPhap();
    expect((await transition(editor, id, 'publish-directly', { note: 'Tin khẩn' })).status).toBe(200);
    const locked = await contentManager(inject('cmsUrl'), tuPhap, ARTICLE).update(id, { summary: 'Tóm tắt của cơ quan' });
    expect(locked.status).toBe(403);
    expect(locked.body.error.message).toContain('đang khoá');
    expect((await contentManager(inject('cmsUrl'), editor, ARTICLE).update(id, { summary: 'Tóm tắt đã sửa' })).status).toBe(200);
    expect((await transition(editor, id, 'publish-update')).status).toBe(400);
    expect((await transition(editor, id, 'publish-update', { note: 'Sửa tóm tắt cho đúng số liệu.' })).status).toBe(200);
    const slug = (await contentManager(inject('cmsUrl'), editor, ARTICLE).list(`&filters[documentId][$eq]=${id}`)).body.results[0].slug;
    const article = (await (await fetch(cms(`/api/cchc/articles/${slug}`))).json()) as { data: { summary: string; changes: Array<{ note: string }> } };
    expect(article.data.summary).toBe('Tóm tắt đã sửa');
    expect(article.data.changes.map((c) => c.note)).toEqual(['Sửa tóm tắt cho đúng số liệu.']);
  });
});

describe('another agency', () => {
  test("never reads, edits or submits Sở Tư pháp's draft", async () => {
    const { taiChinh } = inject('adminTokens');
    const id = await draftByTuPhap();
    expect((await call(taiChinh, 'GET', `/articles/${id}/history`)).status).toBe(404);
    expect((await transition(taiChinh, id, 'submit')).status).toBe(404);
    const cm = contentManager(inject('cmsUrl'), taiChinh, ARTICLE);
    const read = await fetch(cms(`/content-manager/collection-types/${ARTICLE}/${id}`), { headers: { authorization: `Bearer ${taiChinh}` } });
    expect([403, 404]).toContain(read.status);
    expect([403, 404]).toContain((await cm.update(id, { title: 'Sửa trộm' })).status);
    const listed = await cm.list();
    expect(listed.body.results?.map((r: { documentId: string }) => r.documentId) ?? []).not.toContain(id);
  });

  test("a colleague's piece of the same agency is shared: seen, edited and submitted", async () => {
    const { admin, tuPhap, taiChinh } = inject('adminTokens');
    const agencies = await contentManager(inject('cmsUrl'), admin, 'plugin::cchc.agency').list('&filters[slug][$eq]=so-tu-phap');
    const created = await contentManager(inject('cmsUrl'), admin, ARTICLE).create({
      title: `Bài đồng nghiệp ${Date.now()}`,
      format: 'tin-ngan',
      areas: { connect: [{ documentId: areaId }] },
      agency: { connect: [{ documentId: agencies.body.results[0].documentId }] },
    });
    const id: string = created.body.data.documentId;
    const mine = contentManager(inject('cmsUrl'), tuPhap, ARTICLE);
    expect((await mine.list()).body.results.map((r: { documentId: string }) => r.documentId)).toContain(id);
    expect((await mine.update(id, { summary: 'Bổ sung của đồng nghiệp' })).status).toBe(200);
    expect((await transition(tuPhap, id, 'submit')).status).toBe(200);
    expect((await contentManager(inject('cmsUrl'), taiChinh, ARTICLE).list()).body.results.map((r: { documentId: string }) => r.documentId)).not.toContain(id);
    await removeArticle(inject('cmsUrl'), admin, id);
  });

  test('a contributor cannot publish through the Content Manager', async () => {
    const { tuPhap } = inject('adminTokens');
    const id = await draftByTuPhap();
    expect((await contentManager(inject('cmsUrl'), tuPhap, ARTICLE).publish(id)).status).toBe(403);
  });

  test('contributors have no review queue', async () => {
    expect((await call(inject('adminTokens').tuPhap, 'GET', '/review-queue')).status).toBe(403);
  });
});

describe('the authorization matrix from a submitted piece', () => {
  const ROLES: Array<[string, WorkflowRole, () => string]> = [
    ['contributor of the same agency', 'contributor', () => inject('adminTokens').tuPhap],
    ['editor', 'editor', () => inject('adminTokens').editor],
    ['committee administrator', 'committee-admin', () => inject('adminTokens').admin],
  ];
  const cases = ROLES.flatMap(([who, role, token]) => WORKFLOW_ACTION_NAMES.map((action) => [who, action, role, token] as const));

  test.each(cases)('%s: %s', async (_who, action, role, token) => {
    const id = await draftByTuPhap();
    expect((await transition(inject('adminTokens').tuPhap, id, 'submit')).status).toBe(200);
    const note = 'Lý do thử nghiệm';
    const extra = { note, ...(action === 'schedule' ? { scheduledAt: new Date(Date.now() + 3_600_000).toISOString() } : {}) };
    const expected = decideTransition('submitted', action, role, note);
    const res = await transition(token(), id, action, extra);
    if (expected.ok) {
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.data.state).toBe(expected.to);
    } else {
      expect(res.status).toBe(expected.refusal === 'not-allowed' ? 403 : 400);
      expect(res.body.error.message.length).toBeGreaterThan(10);
    }
  });
});

describe('reading and uploading, role by role', () => {
  const WHO = [
    ['the contributor of the same agency', () => inject('adminTokens').tuPhap, true],
    ['the contributor of another agency', () => inject('adminTokens').taiChinh, false],
    ['the editor', () => inject('adminTokens').editor, true],
    ['the committee administrator', () => inject('adminTokens').admin, true],
  ] as const;

  test.each(WHO)("%s: reading a Sở Tư pháp draft in the Content Manager", async (_who, token, allowed) => {
    const id = await draftByTuPhap();
    const res = await fetch(cms(`/content-manager/collection-types/${ARTICLE}/${id}`), { headers: { authorization: `Bearer ${token()}` } });
    if (allowed) expect(res.status).toBe(200);
    else expect([403, 404]).toContain(res.status);
  });

  test.each(WHO)('%s may upload media', async (_who, token) => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#333' } }).png().toBuffer();
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'anh-vai-tro.png');
    const res = await fetch(cms('/upload'), { method: 'POST', headers: { authorization: `Bearer ${token()}` }, body: form });
    expect(res.status).toBe(201);
  });
});
