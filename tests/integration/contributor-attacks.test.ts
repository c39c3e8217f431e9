/**
 * The trust model, tried as an agency contributor would: only the HTTP API the
 * admin panel itself uses. Nothing they send makes a piece public, changes an
 * approved text, removes a published piece, moves them to another agency, alters
 * reference data or the compliance report, or serves a script from the CMS origin.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { contentManager, getJson, removeArticles, transitionArticle } from '../support/api.js';

const ARTICLE = 'plugin::cchc.article';
const cms = (path: string) => `${inject('cmsUrl')}${path}`;
const past = () => new Date(Date.now() - 60_000).toISOString();
const created: string[] = [];
let areaId = '';

/** Sends a request as `token` and parses the JSON answer. */
async function call(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }> { // admin API bodies vary per route
  const res = await fetch(cms(path), { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
}

/** A Sở Tư pháp draft with an area, as its contributor made it. */
async function draft(title = `Thử tấn công ${Date.now()} ${Math.random()}`): Promise<string> {
  const res = await contentManager(inject('cmsUrl'), inject('adminTokens').tuPhap, ARTICLE).create({ title, format: 'tin-ngan', areas: { connect: [{ documentId: areaId }] } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  created.push(res.body.data.documentId);
  return res.body.data.documentId;
}

/** The stored draft of a piece, as the super admin reads it, with its agency's name. */
async function stored(documentId: string): Promise<Record<string, any>> {
  const admin = inject('adminTokens').admin;
  const res = await call(admin, 'GET', `/content-manager/collection-types/${ARTICLE}/${documentId}`);
  const agency = await call(admin, 'GET', `/content-manager/relations/${ARTICLE}/${documentId}/agency`);
  return { ...res.body.data, agencyName: agency.body.results?.[0]?.name ?? null };
}

/** Runs the workflow as the editor. */
async function editor(documentId: string, ...actions: string[]): Promise<void> {
  for (const action of actions) {
    const res = await transitionArticle(inject('cmsUrl'), inject('adminTokens').editor, documentId, action, { note: 'Biên tập viên quyết định', scheduledAt: new Date(Date.now() + 2_000).toISOString() });
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

const isPublic = async (slug: string) => (await getJson(cms(`/api/cchc/articles/${slug}`))).status === 200;

beforeAll(async () => {
  const areas = await contentManager(inject('cmsUrl'), inject('adminTokens').admin, 'plugin::cchc.reform-area').list();
  areaId = areas.body.results[0].documentId;
});

afterAll(async () => {
  await removeArticles(inject('cmsUrl'), inject('adminTokens').admin, created);
}, 120_000);

describe('a contributor cannot publish without review', () => {
  test('workflow fields sent on create are ignored: the piece is a draft of their own agency', async () => {
    const res = await call(inject('adminTokens').tuPhap, 'POST', `/content-manager/collection-types/${ARTICLE}`, {
      title: `Tự đăng ${Date.now()}`, format: 'tin-ngan', workflowState: 'scheduled', scheduledAt: past(), publicationDate: past(), featured: true, demo: true,
    });
    expect(res.status).toBe(201);
    created.push(res.body.data.documentId);
    const piece = await stored(res.body.data.documentId);
    expect(piece).toMatchObject({ workflowState: 'draft', scheduledAt: null, publicationDate: null, featured: false, demo: false });
    expect(piece.agencyName).toContain('Sở Tư pháp');
  });

  test('a clone with a past schedule in its body is a fresh draft that the scheduler never publishes', async () => {
    const source = await draft();
    const res = await call(inject('adminTokens').tuPhap, 'POST', `/content-manager/collection-types/${ARTICLE}/clone/${source}`, {
      title: `Bản sao ${Date.now()}`, workflowState: 'scheduled', scheduledAt: past(), submittedAt: past(), featured: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const copy = res.body.data.documentId as string;
    created.push(copy);
    const piece = await stored(copy);
    expect(piece).toMatchObject({ workflowState: 'draft', scheduledAt: null, submittedAt: null, featured: false });
    expect(piece.slug).not.toBe((await stored(source)).slug);
    // Scheduler ticks every second in tests.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await isPublic(piece.slug)).toBe(false);
    const history = await call(inject('adminTokens').admin, 'GET', `/cchc/articles/${copy}/history`);
    expect(history.body.data.events).toEqual([]);
  });

  test("another agency's piece cannot be cloned (its text would leak)", async () => {
    const source = await draft();
    const res = await call(inject('adminTokens').taiChinh, 'POST', `/content-manager/collection-types/${ARTICLE}/clone/${source}`, { title: 'Sao chép trộm' });
    expect(res.status).toBe(403);
  });

  test('the Content Manager publish, bulk publish and create-and-publish are refused to everyone, the super admin included', async () => {
    const id = await draft();
    const { admin, tuPhap } = inject('adminTokens');
    expect((await call(tuPhap, 'POST', `/content-manager/collection-types/${ARTICLE}/${id}/actions/publish`, {})).status).toBe(403);
    expect((await call(admin, 'POST', `/content-manager/collection-types/${ARTICLE}/${id}/actions/publish`, {})).status).toBe(400);
    expect((await call(admin, 'POST', `/content-manager/collection-types/${ARTICLE}/actions/bulkPublish`, { documentIds: [id] })).status).toBe(400);
    const before = (await call(admin, 'GET', `/content-manager/collection-types/${ARTICLE}?pageSize=1`)).body.pagination.total;
    const direct = await call(admin, 'POST', `/content-manager/collection-types/${ARTICLE}/actions/publish`, { title: `Tạo và đăng ${Date.now()}`, format: 'tin-ngan', areas: { connect: [{ documentId: areaId }] } });
    expect(direct.status).toBe(400);
    // Nothing half-written: the create was rolled back with the refused publication.
    expect((await call(admin, 'GET', `/content-manager/collection-types/${ARTICLE}?pageSize=1`)).body.pagination.total).toBe(before);
    expect((await stored(id)).workflowState).toBe('draft');
  });
});

describe('an approved text stays as the editor approved it', () => {
  test.each([
    ['submitted', ['submit-by-agency']],
    ['approved', ['submit-by-agency', 'approve']],
    ['scheduled', ['submit-by-agency', 'approve', 'schedule']],
  ])('in state %s the agency can neither edit nor discard it', async (_state, steps) => {
    const id = await draft();
    for (const step of steps) {
      if (step === 'submit-by-agency') expect((await transitionArticle(inject('cmsUrl'), inject('adminTokens').tuPhap, id, 'submit')).status).toBe(200);
      else await editor(id, step);
    }
    const before = await stored(id);
    const edit = await contentManager(inject('cmsUrl'), inject('adminTokens').tuPhap, ARTICLE).update(id, { title: 'Sửa sau khi duyệt', body: 'Nội dung khác' });
    expect(edit.status).toBe(403);
    expect(edit.body.error.message).toContain('khoá');
    // Refused by the rules (403), or by the Content Manager when there is no published version to go back to (404).
    expect([403, 404]).toContain((await call(inject('adminTokens').tuPhap, 'POST', `/content-manager/collection-types/${ARTICLE}/${id}/actions/discard`, {})).status);
    expect((await stored(id)).title).toBe(before.title);
  });

  test('sent back for changes, the agency edits again', async () => {
    const id = await draft();
    expect((await transitionArticle(inject('cmsUrl'), inject('adminTokens').tuPhap, id, 'submit')).status).toBe(200);
    await editor(id, 'request-changes');
    expect((await contentManager(inject('cmsUrl'), inject('adminTokens').tuPhap, ARTICLE).update(id, { summary: 'Đã bổ sung' })).status).toBe(200);
  });
});

describe('a published piece is removed only by withdrawal, with its history', () => {
  test('single and bulk deletes are refused; a never-submitted draft is deleted', async () => {
    const { tuPhap, editor: editorToken } = inject('adminTokens');
    const id = await draft();
    await editor(id, 'publish-directly');
    const { slug } = await stored(id);
    expect((await call(tuPhap, 'DELETE', `/content-manager/collection-types/${ARTICLE}/${id}`)).status).toBe(403);
    expect((await call(tuPhap, 'POST', `/content-manager/collection-types/${ARTICLE}/actions/bulkDelete`, { documentIds: [id] })).status).toBe(403);
    expect((await call(tuPhap, 'POST', `/content-manager/collection-types/${ARTICLE}/${id}/actions/unpublish`, {})).status).toBe(403);
    const byEditor = await call(editorToken, 'DELETE', `/content-manager/collection-types/${ARTICLE}/${id}`);
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.error.message).toContain('Gỡ bài');
    expect(await isPublic(slug)).toBe(true);

    const fresh = await draft();
    expect((await call(tuPhap, 'DELETE', `/content-manager/collection-types/${ARTICLE}/${fresh}`)).status).toBe(200);
  });
});

describe('a contributor stays in their agency and out of reference data', () => {
  test.each([
    ['plugin::cchc.agency-member', { userEmail: 'sotuphap@cchc.local' }],
    ['plugin::cchc.topic', { slug: 'chu-de-gia', name: 'Chủ đề giả' }],
    ['plugin::cchc.compliance-exemption', { reason: 'Tự miễn' }],
    ['plugin::cchc.change-note', { articleDocumentId: 'x', note: 'Ghi chú giả', public: true, notedAt: past() }],
    ['plugin::cchc.agency', { slug: 'co-quan-gia', name: 'Cơ quan giả' }],
    ['plugin::cchc.steering-document', { number: '1/QĐ-GIA' }],
    ['plugin::cchc.workflow-event', { articleDocumentId: 'x', action: 'approve', fromState: 'submitted', toState: 'approved', occurredAt: past() }],
  ])('creating %s is refused', async (uid, data) => {
    const res = await call(inject('adminTokens').tuPhap, 'POST', `/content-manager/collection-types/${uid}`, data);
    expect(res.status).toBe(403);
  });

  test('the grant given by hand before a restart is gone: the role is its allow-list again', async () => {
    const res = await call(inject('adminTokens').tuPhap, 'GET', '/admin/users/me/permissions');
    const grants = (res.body.data as Array<{ action: string; subject: string | null }>).map((p) => `${p.action} ${p.subject ?? ''}`.trim());
    const tampered = inject('tamperedGrant');
    expect(grants).not.toContain(`${tampered.action} ${tampered.subject}`);
    expect(grants.filter((g) => g.includes('plugin::cchc.')).sort()).toEqual(
      [
        'plugin::content-manager.explorer.create plugin::cchc.article',
        'plugin::content-manager.explorer.delete plugin::cchc.article',
        'plugin::content-manager.explorer.read plugin::cchc.article',
        'plugin::content-manager.explorer.read plugin::cchc.reform-area',
        'plugin::content-manager.explorer.read plugin::cchc.topic',
        'plugin::content-manager.explorer.update plugin::cchc.article',
      ].sort(),
    );
  });

  test('changing their e-mail changes nothing: membership follows the account', async () => {
    const { tuPhap } = inject('adminTokens');
    const id = await draft();
    const me = await call(tuPhap, 'GET', '/admin/users/me');
    const original = me.body.data.email as string;
    const changed = await call(tuPhap, 'PUT', '/admin/users/me', { email: `doi-thu-${Date.now()}@cchc.local` });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    try {
      // Still their agency's pieces, still only theirs.
      expect((await call(tuPhap, 'GET', `/content-manager/collection-types/${ARTICLE}/${id}`)).status).toBe(200);
      const created2 = await call(tuPhap, 'POST', `/content-manager/collection-types/${ARTICLE}`, { title: `Sau khi đổi thư ${Date.now()}`, format: 'tin-ngan' });
      created.push(created2.body.data.documentId);
      expect((await stored(created2.body.data.documentId)).agencyName).toContain('Sở Tư pháp');
    } finally {
      expect((await call(tuPhap, 'PUT', '/admin/users/me', { email: original })).status).toBe(200);
    }
  });
});

describe("Strapi's own routes that reached too far", () => {
  test.each([
    ['POST', '/email', { to: 'ai-do@example.com', subject: 'Thư giả', text: 'x' }],
    ['PUT', '/i18n/settings', { aiLocalizations: true }],
    ['POST', '/upload/actions/upload-from-urls', { urls: ['http://127.0.0.1:1/'] }],
  ])('%s %s is refused to a contributor, with a reason', async (method, path, body) => {
    const res = await call(inject('adminTokens').tuPhap, method, path, body);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/quản trị hệ thống|đã tắt/);
  });

  test("bulk-delete of another user's file is refused, and the file stays", async () => {
    const upload = new FormData();
    upload.append('files', new Blob([new Uint8Array(Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n'))], { type: 'text/vtt' }), 'phu-de.vtt');
    const res = await fetch(cms('/upload'), { method: 'POST', headers: { authorization: `Bearer ${inject('adminTokens').editor}` }, body: upload });
    expect(res.status).toBe(201);
    const [file] = (await res.json()) as Array<{ id: number; url: string }>;
    const refused = await call(inject('adminTokens').tuPhap, 'POST', '/upload/actions/bulk-delete', { fileIds: [file!.id] });
    expect(refused.status).toBe(403);
    expect((await fetch(cms(file!.url))).status).toBe(200);
    expect((await call(inject('adminTokens').editor, 'POST', '/upload/actions/bulk-delete', { fileIds: [file!.id] })).status).toBe(200);
  });

  test("a decided piece's cover cannot be replaced, re-described or deleted by its agency; the editor can", async () => {
    const { tuPhap, editor: editorToken } = inject('adminTokens');
    const form = new FormData();
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#0a0' } }).png().toBuffer();
    form.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'bia.png');
    form.append('fileInfo', JSON.stringify({ alternativeText: 'Ảnh bìa' }));
    const uploaded = await fetch(cms('/upload'), { method: 'POST', headers: { authorization: `Bearer ${tuPhap}` }, body: form });
    expect(uploaded.status).toBe(201);
    const [file] = (await uploaded.json()) as Array<{ id: number }>;
    /** Changes the file's description as the media library does (multipart, fileInfo as JSON). */
    const redescribe = async (token: string, alternativeText: string) => {
      const info = new FormData();
      info.append('fileInfo', JSON.stringify({ alternativeText }));
      const res = await fetch(cms(`/upload?id=${file!.id}`), { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: info });
      return { status: res.status, body: (await res.json()) as { error?: { message: string } } };
    };
    const id = await draft();
    expect((await contentManager(inject('cmsUrl'), tuPhap, ARTICLE).update(id, { cover: file!.id })).status).toBe(200);
    // While the piece is the agency's draft, its file is the agency's to change.
    expect((await redescribe(tuPhap, 'Ảnh bìa mới')).status).toBeLessThan(300);
    expect((await transitionArticle(inject('cmsUrl'), tuPhap, id, 'submit')).status).toBe(200);
    await editor(id, 'approve');
    const refused = await redescribe(tuPhap, 'Đổi sau khi duyệt');
    expect(refused.status).toBe(403);
    expect(refused.body.error!.message).toContain('đã gửi duyệt');
    const replace = new FormData();
    replace.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'khac.png');
    expect((await fetch(cms(`/upload?id=${file!.id}`), { method: 'POST', headers: { authorization: `Bearer ${tuPhap}` }, body: replace })).status).toBe(403);
    expect((await call(tuPhap, 'DELETE', `/upload/files/${file!.id}`)).status).toBe(403);
    expect((await call(tuPhap, 'POST', '/upload/actions/bulk-delete', { fileIds: [file!.id] })).status).toBe(403);
    expect((await redescribe(editorToken, 'Biên tập viên sửa mô tả')).status).toBeLessThan(300);
  });

  test('an upload without credentials is refused before its body is read', async () => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(1024)]), 'x.png');
    const res = await fetch(cms('/upload'), { method: 'POST', body: form });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('đăng nhập');
  });

  test('a multipart body to a route that takes no upload is refused before it is read', async () => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(1024)]), 'x.bin');
    const res = await fetch(cms(`/content-manager/collection-types/${ARTICLE}`), { method: 'POST', headers: { authorization: `Bearer ${inject('adminTokens').tuPhap}` }, body: form });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('không nhận tệp');
  });
});
