/**
 * The kept counts of published pieces (which the compliance report and the plan
 * tracker read) stay equal to a recount through everything that changes a published
 * version: publishing, re-tagging a published piece, withdrawing, deleting, and
 * deleting a topic its pieces carry. The audit endpoint compares them.
 */
import { AuditPublishedCounts, GetCompliance, pathOf, quarterOf, type ResponseOf } from '@cchc/shared';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { contentManager, publishTestArticle, removeArticle, transitionArticle } from '../support/api.js';

const ARTICLE = 'plugin::cchc.article';
const cmsUrl = () => inject('cmsUrl');
const committee = () => inject('adminTokens').committee;
const editor = () => inject('adminTokens').editor;

async function get<T>(path: string | null, token: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${cmsUrl()}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as T };
}

/** The audit, which must find no difference; answers how many pieces it counted. */
async function auditedPieces(): Promise<number> {
  const { status, body } = await get<ResponseOf<typeof AuditPublishedCounts.Endpoint>>(pathOf(AuditPublishedCounts.Endpoint), committee());
  expect(status).toBe(200);
  expect(body.data.differences).toEqual([]);
  return body.data.pieces;
}

/** An agency's row in this quarter's report. */
async function rowOf(agency: string): Promise<{ published: number; submitted: number }> {
  const { year, quarter } = quarterOf(new Date());
  const { status, body } = await get<ResponseOf<typeof GetCompliance.Endpoint>>(pathOf(GetCompliance.Endpoint, { query: { year, quarter } }), committee());
  expect(status).toBe(200);
  const row = body.data.rows.find((r) => r.agency.slug === agency);
  return { published: row?.published ?? 0, submitted: row?.submitted ?? 0 };
}
const publishedBy = async (agency: string) => (await rowOf(agency)).published;

const created: string[] = [];
afterAll(async () => {
  for (const id of created) await removeArticle(cmsUrl(), editor(), id);
});

describe('kept counts of published pieces', () => {
  test('equal a recount after the start', async () => {
    expect(await auditedPieces()).toBeGreaterThan(0);
  });

  test('follow a piece through publication, re-tagging, withdrawal and deletion, in the report too', async () => {
    const pieces = await auditedPieces();
    const before = await publishedBy('so-noi-vu');
    const article = await publishTestArticle(cmsUrl(), editor(), { title: `Tin đếm ${Date.now()}`, summary: 'Tóm tắt', body: 'Nội dung', format: 'tin-ngan', publicationDate: new Date().toISOString() });
    created.push(article.documentId);
    expect(await auditedPieces()).toBe(pieces + 1);
    expect(await publishedBy('so-noi-vu')).toBe(before + 1);

    // Re-tagged while published: another format and no agency, then published again.
    const articles = contentManager(cmsUrl(), editor(), ARTICLE);
    expect((await articles.update(article.documentId, { format: 'phong-su', agency: { set: [] } })).status).toBe(200);
    expect((await transitionArticle(cmsUrl(), editor(), article.documentId, 'publish-update', { note: 'Đổi hình thức và bỏ cơ quan gửi.' })).status).toBe(200);
    expect(await auditedPieces()).toBe(pieces + 1);
    expect(await publishedBy('so-noi-vu')).toBe(before);

    expect((await transitionArticle(cmsUrl(), editor(), article.documentId, 'withdraw', { note: 'Gỡ để kiểm thử.' })).status).toBe(200);
    expect(await auditedPieces()).toBe(pieces);
    expect(await removeArticle(cmsUrl(), editor(), article.documentId)).toBe(200);
    created.pop();
    expect(await auditedPieces()).toBe(pieces);
  });

  test('count a piece sent in by an agency in its quarter, once, and forget it when it is deleted', async () => {
    const tuPhap = inject('adminTokens').tuPhap;
    const before = await rowOf('so-tu-phap');
    const areas = await contentManager(cmsUrl(), tuPhap, 'plugin::cchc.reform-area').list();
    const draft = await contentManager(cmsUrl(), tuPhap, ARTICLE).create({ title: `Tin gửi duyệt ${Date.now()}`, summary: 'Tóm tắt', body: 'Nội dung', format: 'tin-ngan', areas: { connect: [{ documentId: areas.body.results[0].documentId }] } });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    created.push(draft.body.data.documentId);
    expect((await transitionArticle(cmsUrl(), tuPhap, draft.body.data.documentId, 'submit')).status).toBe(200);
    await auditedPieces();
    expect((await rowOf('so-tu-phap')).submitted).toBe(before.submitted + 1);
    // Sent back and sent in again: still one piece.
    expect((await transitionArticle(cmsUrl(), editor(), draft.body.data.documentId, 'request-changes', { note: 'Bổ sung số liệu.' })).status).toBe(200);
    expect((await transitionArticle(cmsUrl(), tuPhap, draft.body.data.documentId, 'submit')).status).toBe(200);
    await auditedPieces();
    expect((await rowOf('so-tu-phap')).submitted).toBe(before.submitted + 1);
    expect(await removeArticle(cmsUrl(), editor(), draft.body.data.documentId)).toBe(200);
    created.pop();
    await auditedPieces();
    expect((await rowOf('so-tu-phap')).submitted).toBe(before.submitted);
  });

  test('are rebuilt when a topic that published pieces carry is deleted', async () => {
    const topics = contentManager(cmsUrl(), committee(), 'plugin::cchc.topic');
    const topic = await topics.create({ slug: `chu-de-dem-${Date.now()}`, name: 'Chủ đề đếm thử', order: 99 });
    expect(topic.status, JSON.stringify(topic.body)).toBe(201);
    const article = await publishTestArticle(cmsUrl(), editor(), { title: `Tin có chủ đề ${Date.now()}`, summary: 'Tóm tắt', body: 'Nội dung', format: 'tin-ngan', topics: { connect: [{ documentId: topic.body.data.documentId }] } });
    created.push(article.documentId);
    await auditedPieces();
    expect((await topics.remove(topic.body.data.documentId)).status).toBe(200);
    await auditedPieces();
  });

  test('are for the committee administrators only', async () => {
    expect((await get(pathOf(AuditPublishedCounts.Endpoint), editor())).status).toBe(403);
    expect((await fetch(`${cmsUrl()}${pathOf(AuditPublishedCounts.Endpoint)}`)).status).toBe(401);
  });
});
