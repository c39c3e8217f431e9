/** Demo accounts, and what saving through the admin API does to articles. */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { adminLogin, contentManager, getJson, referenceIds, removeArticle, transitionArticle } from '../support/api.js';
import { slugify } from '../../shared/src/index.js';
import { seed } from '../support/seed.js';

const ARTICLE = 'plugin::cchc.article';
const ROLE_CODES: Record<string, string> = { 'super-admin': 'strapi-super-admin', 'committee-admin': 'cchc-committee-admin', editor: 'cchc-editor', contributor: 'cchc-contributor' };

describe('demo accounts', () => {
  test.each(seed.accounts.map((a) => [a.email, a.role] as const))('%s signs in as %s', async (email, role) => {
    const token = await adminLogin(inject('cmsUrl'), email, inject('demoPassword'));
    const me = await fetch(`${inject('cmsUrl')}/admin/users/me`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await me.json()) as { data: { roles: Array<{ code: string }> } };
    expect(body.data.roles.map((r) => r.code)).toEqual([ROLE_CODES[role]]);
  });

  test('a wrong password is refused', async () => {
    const res = await fetch(`${inject('cmsUrl')}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Another account than the editor's: Strapi rate-limits sign-ins per email.
      body: JSON.stringify({ email: 'sotaichinh@cchc.local', password: 'wrong-password' }),
    });
    expect(res.status).toBe(400);
  });

  test('the editor edits pieces, change notes and the committee content, only the progress of a plan task, and only reads the reference data', async () => {
    const token = inject('adminTokens').editor;
    const res = await fetch(`${inject('cmsUrl')}/admin/users/me/permissions`, { headers: { authorization: `Bearer ${token}` } });
    const { data } = (await res.json()) as { data: Array<{ action: string; subject: string | null; properties?: { fields?: string[] } }> };
    const actionsOn = (type: string) => data.filter((p) => p.subject === `plugin::cchc.${type}`).map((p) => p.action);
    for (const type of ['article', 'change-note', 'steering-document', 'index-result', 'committee-event', 'committee-member', 'channel']) {
      expect(actionsOn(type), type).toContain('plugin::content-manager.explorer.update');
    }
    for (const type of ['agency', 'reform-area', 'topic', 'plan', 'plan-task', 'agency-member']) {
      expect(actionsOn(type), type).toContain('plugin::content-manager.explorer.read');
      expect(actionsOn(type), type).not.toContain('plugin::content-manager.explorer.create');
    }
    for (const type of ['agency', 'reform-area', 'topic', 'plan', 'agency-member']) {
      expect(actionsOn(type), type).not.toContain('plugin::content-manager.explorer.update');
    }
    // A plan task: only its progress status, note and evidence.
    const taskUpdate = data.find((p) => p.subject === 'plugin::cchc.plan-task' && p.action === 'plugin::content-manager.explorer.update');
    expect(taskUpdate?.properties?.fields?.sort()).toEqual(['evidence', 'progressNote', 'progressStatus']);
  });
});

describe('the Content Manager in Vietnamese', () => {
  test.each([
    ['steering-document', 'number', 'Số ký hiệu', 'number'],
    ['plan-task', 'evidence', 'Minh chứng', 'number'],
    ['article', 'title', 'Tiêu đề', 'title'],
  ])('%s: the field %s is labelled "%s", entries are named by %s', async (type, field, label, mainField) => {
    const res = await fetch(`${inject('cmsUrl')}/content-manager/content-types/plugin::cchc.${type}/configuration`, {
      headers: { authorization: `Bearer ${inject('adminTokens').editor}` },
    });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { contentType: { settings: { mainField: string }; metadatas: Record<string, { edit: { label: string; description: string } }> } } };
    expect(data.contentType.metadatas[field]!.edit.label).toBe(label);
    expect(data.contentType.settings.mainField).toBe(mainField);
  });

  test('a hint tells the editor the format of evidence lines', async () => {
    const res = await fetch(`${inject('cmsUrl')}/content-manager/content-types/plugin::cchc.plan-task/configuration`, {
      headers: { authorization: `Bearer ${inject('adminTokens').editor}` },
    });
    const { data } = (await res.json()) as { data: { contentType: { metadatas: Record<string, { edit: { description: string } }> } } };
    expect(data.contentType.metadatas.evidence!.edit.description).toContain('Tên | https://');
  });
});

describe('articles saved through the admin panel', () => {
  let articles: ReturnType<typeof contentManager>;
  let areaId: string;
  // Articles made here are deleted afterwards, so other suites see only the seed.
  const created: string[] = [];

  beforeAll(async () => {
    const token = inject('adminTokens').editor;
    articles = contentManager(inject('cmsUrl'), token, ARTICLE);
    const areas = await contentManager(inject('cmsUrl'), token, 'plugin::cchc.reform-area').list();
    areaId = areas.body.results.find((a: { code: string }) => a.code === 'the-che').documentId;
  });

  afterAll(async () => {
    for (const documentId of created) expect(await removeArticle(inject('cmsUrl'), inject('adminTokens').editor, documentId)).toBe(200);
  });

  test('a draft is invisible to the public until it is published', async () => {
    const title = `Bản nháp kiểm thử ${inject('database')} ${Date.now()}`;
    const { agencyId } = await referenceIds(inject('cmsUrl'), inject('adminTokens').editor);
    const response = await articles.create({ title, summary: 'Tóm tắt', body: 'Nội dung', format: 'tin-ngan', areas: { connect: [{ documentId: areaId }] }, agency: { connect: [{ documentId: agencyId }] } });
    expect(response.status).toBe(201);
    const { documentId, slug } = response.body.data;
    created.push(documentId);
    expect((await getJson(`${inject('cmsUrl')}/api/cchc/articles/${slug}`)).status).toBe(404);
    const listed = await getJson<{ data: Array<{ slug: string }> }>(`${inject('cmsUrl')}/api/cchc/articles?area=the-che&pageSize=50`);
    expect(listed.body.data.map((a) => a.slug)).not.toContain(slug);

    expect((await transitionArticle(inject('cmsUrl'), inject('adminTokens').editor, documentId, 'publish-directly', { note: 'Tin khẩn' })).status).toBe(200);
    const published = await getJson<{ data: { title: string; publicationDate: string } }>(`${inject('cmsUrl')}/api/cchc/articles/${slug}`);
    expect(published.status).toBe(200);
    expect(published.body.data.title).toBe(title);
    // Published without a date: dated at publication.
    expect(Date.now() - Date.parse(published.body.data.publicationDate)).toBeLessThan(60_000);

    // A later draft edit does not reach the public until published again.
    expect((await articles.update(documentId, { title: `${title} (sửa)` })).status).toBe(200);
    const stillPublished = await getJson<{ data: { title: string } }>(`${inject('cmsUrl')}/api/cchc/articles/${slug}`);
    expect(stillPublished.body.data.title).toBe(title);
  });

  test('text is stored in NFC and the slug is Vietnamese-aware and unique', async () => {
    const title = 'Đường dây nóng về thủ tục hành chính';
    const first = await articles.create({ title: title.normalize('NFD'), format: 'tin-ngan' });
    const second = await articles.create({ title, format: 'tin-ngan' });
    created.push(first.body.data.documentId, second.body.data.documentId);
    expect(first.status).toBe(201);
    expect(first.body.data.title).toBe(title.normalize('NFC'));
    expect(first.body.data.slug).toMatch(/^duong-day-nong-ve-thu-tuc-hanh-chinh(-\d+)?$/);
    expect(second.body.data.slug).not.toBe(first.body.data.slug);
  });

  test('public change notes show on the article, newest first; private ones never', async () => {
    const source = seed.articles[2]!;
    const found = await articles.list(`&filters[slug][$eq]=${slugify(source.title)}`);
    const articleId: string = found.body.results[0].documentId;
    const notes = contentManager(inject('cmsUrl'), inject('adminTokens').editor, 'plugin::cchc.change-note');
    const made = [
      await notes.create({ articleDocumentId: articleId, note: 'Bổ sung số liệu quý II.', public: true, notedAt: '2024-07-02T03:00:00.000Z' }),
      await notes.create({ articleDocumentId: articleId, note: 'Sửa lỗi chính tả nội bộ.', public: false, notedAt: '2024-07-03T03:00:00.000Z' }),
      await notes.create({ articleDocumentId: articleId, note: 'Cập nhật đường dây nóng.', public: true, notedAt: '2024-08-01T03:00:00.000Z' }),
    ];
    expect(made.map((m) => m.status)).toEqual([201, 201, 201]);
    const { body } = await getJson<{ data: { changes: Array<{ note: string }> } }>(`${inject('cmsUrl')}/api/cchc/articles/${slugify(source.title)}`);
    expect(body.data.changes.map((c) => c.note)).toEqual(['Cập nhật đường dây nóng.', 'Bổ sung số liệu quý II.']);
    for (const m of made) expect((await notes.remove(m.body.data.documentId)).status).toBe(200);
  });

  test('a change note for an article that does not exist is refused', async () => {
    const notes = contentManager(inject('cmsUrl'), inject('adminTokens').editor, 'plugin::cchc.change-note');
    const res = await notes.create({ articleDocumentId: 'khong-co-bai-nay', note: 'x', public: true, notedAt: '2024-07-02T03:00:00.000Z' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('bài viết có thật');
  });

  test("the Content Manager's own Publish is refused: publication goes through the workflow", async () => {
    const draft = await articles.create({ title: `Đăng thẳng ${Date.now()}`, format: 'tin-ngan', areas: { connect: [{ documentId: areaId }] } });
    created.push(draft.body.data.documentId);
    // Editors hold no Content Manager publish permission at all.
    expect((await articles.publish(draft.body.data.documentId)).status).toBe(403);
    // A super admin holds every permission; the article rules still send them to the workflow.
    const res = await contentManager(inject('cmsUrl'), inject('adminTokens').admin, ARTICLE).publish(draft.body.data.documentId);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Quy trình duyệt');
    expect((await getJson(`${inject('cmsUrl')}/api/cchc/articles/${draft.body.data.slug}`)).status).toBe(404);
  });

  test('publishing without a reform area is refused with a reason, and nothing is published', async () => {
    const draft = await articles.create({ title: `Chưa có lĩnh vực ${Date.now()}`, format: 'tin-ngan' });
    created.push(draft.body.data.documentId);
    const res = await transitionArticle(inject('cmsUrl'), inject('adminTokens').editor, draft.body.data.documentId, 'publish-directly', { note: 'Tin khẩn' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('lĩnh vực');
    expect((await getJson(`${inject('cmsUrl')}/api/cchc/articles/${draft.body.data.slug}`)).status).toBe(404);
  });
});
