/**
 * The editors' desk through the admin API and the site: the seeded queue, what changed
 * after a piece was sent back, who handles a piece, previews (the edit view's signed
 * token and share links) and that a preview is never cached, indexed or opened by
 * someone it was not issued for.
 */
import crypto from 'node:crypto';
import knex from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { GetArticleChanges, GetReviewQueue, PREVIEW_TOKEN_HEADER, type GetArticleHistory } from '../../shared/src/index.js';
import { contentManager, removeArticle, transitionArticle } from '../support/api.js';

const ARTICLE = 'plugin::cchc.article';
const cms = (path: string) => `${inject('cmsUrl')}${path}`;

/** Calls an admin route as the holder of `token`. */
async function call(token: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(cms(path), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> }; // admin API bodies vary per route
}

/** The preview URL Strapi's preview panel asks for, as the holder of `token` (null when none is given). */
async function previewUrl(token: string, documentId: string): Promise<string | null> {
  const res = await call(token, 'GET', `/content-manager/preview/url/${ARTICLE}?documentId=${documentId}&status=draft`);
  expect([200, 204]).toContain(res.status);
  return (res.body.data?.url as string | undefined) ?? null;
}

/** Reads a preview page of the site by its URL's path. */
async function sitePage(url: string) {
  const { pathname } = new URL(url);
  const res = await fetch(`${inject('siteUrl')}${pathname}`);
  return { status: res.status, headers: res.headers, html: await res.text() };
}

/** An editor token as the CMS would sign it, with chosen claims (to try expired and forged ones). */
function signedToken(claims: { k: string; d: string; u: number; x: number }): string {
  const key = crypto.createHmac('sha256', inject('previewSecret')).update('cchc-preview-token-v1').digest();
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `e1.${payload}.${crypto.createHmac('sha256', key).update(payload).digest('base64url')}`;
}

const created: string[] = [];
let areaId = '';

/** A new draft by Sở Tư pháp's contributor, submitted. */
async function submittedByTuPhap(body = 'Sở Tư pháp hướng dẫn người dân nộp hồ sơ trực tuyến tại nhà.'): Promise<string> {
  const { tuPhap } = inject('adminTokens');
  const res = await contentManager(inject('cmsUrl'), tuPhap, ARTICLE).create({
    title: `Tin bàn biên tập ${Date.now()} ${Math.random()}`,
    summary: 'Tóm tắt của tin',
    body,
    format: 'tin-ngan',
    areas: { connect: [{ documentId: areaId }] },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.data.documentId as string;
  created.push(id);
  expect((await transitionArticle(inject('cmsUrl'), tuPhap, id, 'submit')).status).toBe(200);
  return id;
}

beforeAll(async () => {
  const areas = await contentManager(inject('cmsUrl'), inject('adminTokens').admin, 'plugin::cchc.reform-area').list();
  areaId = areas.body.results.find((a: { code: string }) => a.code === 'the-che').documentId;
});

afterAll(async () => {
  for (const documentId of created) await removeArticle(inject('cmsUrl'), inject('adminTokens').admin, documentId);
});

describe('the seeded desk', () => {
  test('the queue shows real work: ages against the target, a late piece, a piece sent back and submitted again', async () => {
    const queue = await call(inject('adminTokens').editor, 'GET', '/cchc/review-queue');
    expect(queue.status).toBe(200);
    const { data, meta } = GetReviewQueue.ResponseSchema.parse(queue.body);
    expect(meta.targetDays).toBe(2);
    // (The seeded infographic of Sở Tư pháp is taken through the review by the browser suite, which may run first.)
    expect(data.length, JSON.stringify(data.map((i) => i.title))).toBeGreaterThanOrEqual(2);
    expect(data.some((i) => i.overdue && i.agency.includes('Sở Tài chính'))).toBe(true);
    const again = data.find((i) => i.resubmitted);
    expect(again?.agency).toContain('Sở Nội vụ');
    // Oldest submission first.
    const times = data.map((i) => Date.parse(i.submittedAt ?? ''));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  test('the piece submitted again shows what the agency changed since it was sent back', async () => {
    const queue = GetReviewQueue.ResponseSchema.parse((await call(inject('adminTokens').editor, 'GET', '/cchc/review-queue')).body);
    const again = queue.data.find((i) => i.resubmitted)!;
    const changes = GetArticleChanges.ResponseSchema.parse((await call(inject('adminTokens').editor, 'GET', `/cchc/articles/${again.documentId}/changes`)).body).data;
    expect(changes.baseline?.action).toBe('request-changes');
    const changed = changes.diff!.fields.filter((f) => f.changed).map((f) => f.field);
    expect(changed).toEqual(['summary', 'body']);
    const added = changes.diff!.fields.find((f) => f.field === 'body')!.parts.filter((p) => p.kind === 'added').map((p) => p.text).join('');
    expect(added).toContain('cuối năm');
  });
});

describe('what changed after "request changes"', () => {
  test('request changes → edit → submit again: the diff shows exactly the edit, and history rows link to their snapshots', async () => {
    const { tuPhap, editor } = inject('adminTokens');
    const id = await submittedByTuPhap('Người dân nộp hồ sơ tại bộ phận một cửa của Sở.');
    const sentBack = await transitionArticle(inject('cmsUrl'), editor, id, 'request-changes', { note: 'Ghi rõ nộp trực tuyến.' });
    expect(sentBack.status).toBe(200);
    // The answer names the history row it wrote, with its snapshot.
    expect(sentBack.body.data.event).toMatchObject({ action: 'request-changes', hasSnapshot: true, id: expect.any(Number) });
    expect(sentBack.body.data.event.id).toBeGreaterThan(0);
    // Before the agency edits, nothing has changed since it was sent back.
    const unchanged = GetArticleChanges.ResponseSchema.parse((await call(tuPhap, 'GET', `/cchc/articles/${id}/changes`)).body).data;
    expect(unchanged.diff?.changed).toBe(false);
    const edit = await contentManager(inject('cmsUrl'), tuPhap, ARTICLE).update(id, { body: 'Người dân nộp hồ sơ trực tuyến trên Cổng Dịch vụ công của Sở.' });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect((await transitionArticle(inject('cmsUrl'), tuPhap, id, 'submit')).status).toBe(200);

    const { diff, baseline } = GetArticleChanges.ResponseSchema.parse((await call(editor, 'GET', `/cchc/articles/${id}/changes`)).body).data;
    expect(baseline?.action).toBe('request-changes');
    expect(diff!.fields.filter((f) => f.changed).map((f) => f.field)).toEqual(['body']);
    const body = diff!.fields.find((f) => f.field === 'body')!.parts;
    expect(body.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['tại bộ phận một cửa']);
    expect(body.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['trực tuyến trên Cổng Dịch vụ công']);
    expect(diff!.mediaAdded).toEqual([]);

    const history = (await call(editor, 'GET', `/cchc/articles/${id}/history`)).body.data as GetArticleHistory.Response['data'];
    expect(history.events.map((e) => [e.action, e.hasSnapshot])).toEqual([['submit', true], ['request-changes', true], ['submit', true]]);
    expect(history.events[1]!.id).toBe(sentBack.body.data.event.id);
    // Compared with the first submission, by its history row.
    const first = history.events[0]!;
    const since = GetArticleChanges.ResponseSchema.parse((await call(editor, 'GET', `/cchc/articles/${id}/changes?since=${first.id}`)).body).data;
    expect(since.baseline?.id).toBe(first.id);
    expect(since.diff?.changed).toBe(true);
    // A row of another piece, or no row, is not a snapshot of this one.
    expect((await call(editor, 'GET', `/cchc/articles/${id}/changes?since=999999`)).status).toBe(404);
    expect((await call(editor, 'GET', `/cchc/articles/${id}/changes?since=abc`)).status).toBe(400);
    expect((await call(editor, 'GET', `/cchc/articles/${id}/changes?since=99999999999`)).status).toBe(400);
    // Another agency's contributor does not learn the piece exists.
    expect((await call(inject('adminTokens').taiChinh, 'GET', `/cchc/articles/${id}/changes`)).status).toBe(404);
  });
});

describe('who handles a piece', () => {
  test('an editor takes a piece, others see it, a second take is refused unless taking over; a decision ends it', async () => {
    const { editor, committee, tuPhap } = inject('adminTokens');
    const id = await submittedByTuPhap();
    const taken = await call(editor, 'POST', `/cchc/articles/${id}/take`, {});
    expect(taken.status).toBe(200);
    expect(taken.body.data.handler).toMatchObject({ isMe: true });
    const seen = GetReviewQueue.ResponseSchema.parse((await call(committee, 'GET', '/cchc/review-queue')).body).data.find((i) => i.documentId === id)!;
    expect(seen.handler).toMatchObject({ name: 'Biên tập Viên', isMe: false });
    const refused = await call(committee, 'POST', `/cchc/articles/${id}/take`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('Biên tập Viên');
    expect((await call(committee, 'POST', `/cchc/articles/${id}/take`, { takeOver: true })).body.data.handler).toMatchObject({ isMe: true });
    expect((await call(tuPhap, 'POST', `/cchc/articles/${id}/take`, {})).status).toBe(403);
    expect((await call(editor, 'POST', `/cchc/articles/${id}/take`, { takeOver: 'yes' })).status).toBe(400);
    expect((await transitionArticle(inject('cmsUrl'), committee, id, 'approve')).status).toBe(200);
    const history = (await call(editor, 'GET', `/cchc/articles/${id}/history`)).body.data as GetArticleHistory.Response['data'];
    expect(history.handler).toBeNull();
    expect(history.events.map((e) => e.action)).toEqual(['submit', 'take', 'take', 'approve']);
    expect(history.events[2]!.note).toContain('Biên tập Viên');
    // Out of review, a piece cannot be taken.
    expect((await call(editor, 'POST', `/cchc/articles/${id}/take`, {})).status).toBe(400);
  });
});

describe('previews', () => {
  test('the edit view gets a preview only for pieces its user may see; the page is the draft, marked, never cached or indexed', async () => {
    const { editor, tuPhap, taiChinh } = inject('adminTokens');
    const id = await submittedByTuPhap('Nội dung **bản nháp** chỉ người duyệt thấy.');
    expect(await previewUrl(taiChinh, id)).toBeNull();
    const own = await previewUrl(tuPhap, id);
    expect(own).toMatch(/\/xem-truoc\/e1\./);
    const url = (await previewUrl(editor, id))!;
    const first = await sitePage(url);
    expect(first.status).toBe(200);
    expect(first.html).toContain('Bản xem trước – chưa đăng');
    expect(first.html).toContain('<strong>bản nháp</strong>');
    expect(first.html).toMatch(/<meta name="robots" content="noindex/);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    // The admin panel (the CMS's origin) may frame it; nobody else.
    expect(first.headers.get('content-security-policy')).toContain(`frame-ancestors ${new URL(inject('cmsUrl')).origin}`);
    const second = await sitePage(url);
    expect(second.headers.get('x-cache')).not.toBe('HIT');
    // The draft changes: the preview shows the change at once.
    expect((await contentManager(inject('cmsUrl'), editor, ARTICLE).update(id, { summary: 'Tóm tắt vừa sửa' })).status).toBe(200);
    expect((await sitePage(url)).html).toContain('Tóm tắt vừa sửa');
  });

  test('steering documents and events have previews for editors, none for agencies; a draft never published shows no date', async () => {
    const { editor, tuPhap, admin } = inject('adminTokens');
    const [documents, events] = await Promise.all([
      contentManager(inject('cmsUrl'), admin, 'plugin::cchc.steering-document').list(),
      contentManager(inject('cmsUrl'), admin, 'plugin::cchc.committee-event').list(),
    ]);
    const doc = documents.body.results[0] as { documentId: string; number: string };
    const event = events.body.results[0] as { documentId: string; title: string };
    const urlFor = async (token: string, uid: string, documentId: string) => {
      const res = await call(token, 'GET', `/content-manager/preview/url/${uid}?documentId=${documentId}&status=draft`);
      return (res.body.data?.url as string | undefined) ?? null;
    };
    expect(await urlFor(tuPhap, 'plugin::cchc.steering-document', doc.documentId)).toBeNull();
    expect(await urlFor(tuPhap, 'plugin::cchc.committee-event', event.documentId)).toBeNull();
    const docPage = await sitePage((await urlFor(editor, 'plugin::cchc.steering-document', doc.documentId))!);
    expect(docPage.status).toBe(200);
    expect(docPage.html).toContain('Bản xem trước – chưa đăng');
    expect(docPage.html).toContain(doc.number);
    expect(docPage.headers.get('cache-control')).toBe('no-store');
    const eventPage = await sitePage((await urlFor(editor, 'plugin::cchc.committee-event', event.documentId))!);
    expect(eventPage.status).toBe(200);
    expect(eventPage.html).toContain('Bản xem trước – chưa đăng');
    expect(eventPage.html).toContain(event.title.replace(/&/g, '&amp;'));
    expect(eventPage.html).toMatch(/<meta name="robots" content="noindex/);

    const draft = await submittedByTuPhap('Chưa đăng lần nào.');
    const draftPage = await sitePage((await previewUrl(tuPhap, draft))!);
    expect(draftPage.status).toBe(200);
    expect(draftPage.html).toContain('Chưa đăng lần nào.');
    // A piece never published shows no publication date (a published one does).
    const dateLine = /<dt[^>]*>Đăng<\/dt>/;
    expect(draftPage.html).not.toMatch(dateLine);
    const published = (await (await fetch(cms('/api/cchc/articles?pageSize=1'))).json()) as { data: Array<{ slug: string }> };
    expect((await sitePage(`${inject('siteUrl')}/bai-viet/${published.data[0]!.slug}`)).html).toMatch(dateLine);
  });

  test('a token is bound to its document, its user and its time', async () => {
    const { editor } = inject('adminTokens');
    const id = await submittedByTuPhap();
    const other = await submittedByTuPhap();
    const token = new URL((await previewUrl(editor, id))!).pathname.split('/').pop()!;
    const read = (t: string) => fetch(cms('/api/cchc/preview'), { headers: { [PREVIEW_TOKEN_HEADER]: t } });
    expect((await read(token)).status).toBe(200);
    expect((await fetch(cms('/api/cchc/preview'))).status).toBe(400);
    expect((await read('junk')).status).toBe(400);
    // Another document's id under this token's signature: refused.
    const [prefix, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { k: string; d: string; u: number; x: number };
    expect(claims.k).toBe('article');
    // An article's token relabelled as a document's: refused (the signature covers the kind).
    expect((await read(`${prefix}.${Buffer.from(JSON.stringify({ ...claims, k: 'document' })).toString('base64url')}.${signature}`)).status).toBe(404);
    const forged = `${prefix}.${Buffer.from(JSON.stringify({ ...claims, d: other })).toString('base64url')}.${signature}`;
    expect((await read(forged)).status).toBe(404);
    // Correctly signed but expired.
    expect((await read(signedToken({ ...claims, x: Date.now() - 1000 }))).status).toBe(404);
    // Correctly signed for a contributor of another agency: their rights are read when the token is used.
    const taiChinhUser = await call(inject('adminTokens').taiChinh, 'GET', '/admin/users/me');
    expect((await read(signedToken({ ...claims, u: taiChinhUser.body.data.id }))).status).toBe(404);
    expect((await read(signedToken({ ...claims, u: 999_999 }))).status).toBe(404);
    const body = (await (await read(token)).json()) as { data: { mode: string; article: { title: string } } };
    expect(body.data.mode).toBe('editor');
    // A token the site refuses renders a page that says so, not an error.
    const gone = await fetch(`${inject('siteUrl')}/xem-truoc/${forged}`);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('Liên kết xem trước không dùng được');
  });

  test('a share link: made by the agency, read-only for its director, recorded; revoked or expired, it opens nothing', async () => {
    const { tuPhap, taiChinh, editor } = inject('adminTokens');
    const id = await submittedByTuPhap();
    const made = await call(tuPhap, 'POST', `/cchc/articles/${id}/share-links`, {});
    expect(made.status).toBe(200);
    const url = made.body.data.url as string;
    expect(Date.parse(made.body.data.link.expiresAt) - Date.parse(made.body.data.link.createdAt)).toBe(72 * 3600 * 1000);
    const page = await sitePage(url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Liên kết chỉ để đọc, do Cán bộ Sở Tư pháp chia sẻ');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const listed = await call(editor, 'GET', `/cchc/articles/${id}/share-links`);
    expect(listed.body.data[0]).toMatchObject({ openedCount: 1, live: true, createdBy: 'Cán bộ Sở Tư pháp' });
    expect(JSON.stringify(listed.body)).not.toContain(new URL(url).pathname.split('/').pop());
    expect((await call(taiChinh, 'GET', `/cchc/articles/${id}/share-links`)).status).toBe(404);
    expect((await call(taiChinh, 'POST', `/cchc/articles/${id}/share-links`, {})).status).toBe(404);
    expect((await call(tuPhap, 'POST', `/cchc/articles/${id}/share-links`, { hours: 100_000 })).status).toBe(400);

    const linkId = made.body.data.link.id as number;
    expect((await call(taiChinh, 'POST', `/cchc/articles/${id}/share-links/${linkId}/revoke`)).status).toBe(404);
    const revoked = await call(tuPhap, 'POST', `/cchc/articles/${id}/share-links/${linkId}/revoke`);
    expect(revoked.body.data).toMatchObject({ live: false });
    expect((await sitePage(url)).status).toBe(404);
    const history = (await call(editor, 'GET', `/cchc/articles/${id}/history`)).body.data as GetArticleHistory.Response['data'];
    expect(history.events.map((e) => e.action)).toEqual(['submit', 'share-preview', 'revoke-preview']);

    // Expiry: the stored time moved into the past.
    const second = await call(tuPhap, 'POST', `/cchc/articles/${id}/share-links`, { hours: 1 });
    expect((await sitePage(second.body.data.url)).status).toBe(200);
    const connection = inject('databaseConnection');
    const db = knex(connection.client === 'pg' ? { client: 'pg', connection: connection.url } : { client: 'better-sqlite3', connection: { filename: connection.filename }, useNullAsDefault: true });
    try {
      await db('cchc_preview_links').where({ id: second.body.data.link.id }).update({ expires_at: Date.now() - 1000 });
    } finally {
      await db.destroy();
    }
    expect((await sitePage(second.body.data.url)).status).toBe(404);
  });
});
