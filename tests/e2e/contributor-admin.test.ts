/**
 * The trust model in the admin panel, as an agency contributor meets it in Chromium:
 * an approved piece cannot be changed, a published one cannot be deleted, and each
 * refusal says why in Vietnamese. Screenshots go to $E2E_SHOTS (default: a temporary folder).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { contentManager, removeArticle, transitionArticle } from '../support/api.js';
import { hasChromium, launchBrowser } from '../support/browser.js';

const ARTICLE = 'plugin::cchc.article';
const SHOTS = process.env.E2E_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-shots-'));

describe.runIf(hasChromium)('a contributor in the admin panel', () => {
  let browser: Browser;
  let admin: Page;
  const created: string[] = [];

  /** A Sở Tư pháp piece, moved by the editor through `actions`. */
  async function piece(title: string, actions: string[]): Promise<string> {
    const areas = await contentManager(inject('cmsUrl'), inject('adminTokens').admin, 'plugin::cchc.reform-area').list();
    const made = await contentManager(inject('cmsUrl'), inject('adminTokens').tuPhap, ARTICLE).create({ title, format: 'tin-ngan', areas: { connect: [{ documentId: areas.body.results[0].documentId }] } });
    const id = made.body.data.documentId as string;
    created.push(id);
    expect((await transitionArticle(inject('cmsUrl'), inject('adminTokens').tuPhap, id, 'submit')).status).toBe(200);
    for (const action of actions) expect((await transitionArticle(inject('cmsUrl'), inject('adminTokens').editor, id, action, { note: 'Biên tập viên quyết định' })).status).toBe(200);
    return id;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
    await admin.goto(`${inject('cmsUrl')}/admin/auth/login`);
    await admin.locator('input[name="email"]').fill('sotuphap@cchc.local');
    await admin.locator('input[name="password"]').fill(inject('demoPassword'));
    await admin.locator('button[type="submit"]').click();
    await admin.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    for (const id of created) await removeArticle(inject('cmsUrl'), inject('adminTokens').admin, id);
  }, 120_000);

  test('changing an approved piece is refused with the reason, and the text stays as approved', async () => {
    const title = `Tin đã duyệt ${Date.now()}`;
    const id = await piece(title, ['approve']);
    await admin.goto(`${inject('cmsUrl')}/admin/content-manager/collection-types/${ARTICLE}/${id}`);
    const field = admin.locator('input[name="title"]');
    await field.waitFor({ timeout: 30_000 });
    await field.fill(`${title} (sửa lén)`);
    await admin.getByRole('button', { name: /^(Lưu|Save)$/ }).click();
    await expect.poll(() => admin.getByText(/đang khoá/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await admin.screenshot({ path: path.join(SHOTS, 'contributor-locked.png') });
    const stored = await contentManager(inject('cmsUrl'), inject('adminTokens').admin, ARTICLE).list(`&filters[documentId][$eq]=${id}`);
    expect(stored.body.results[0].title).toBe(title);
  }, 90_000);

  test('deleting a published piece is refused with the reason, and it stays on the site', async () => {
    const title = `Tin đã đăng ${Date.now()}`;
    const id = await piece(title, ['approve', 'publish']);
    await admin.goto(`${inject('cmsUrl')}/admin/content-manager/collection-types/${ARTICLE}?page=1&pageSize=10&sort=updatedAt:DESC`);
    const row = admin.getByRole('row').filter({ hasText: title });
    await row.waitFor({ timeout: 30_000 });
    const direct = await fetch(`${inject('cmsUrl')}/content-manager/collection-types/${ARTICLE}/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${inject('adminTokens').tuPhap}` } });
    expect(direct.status).toBe(403);
    // The same refusal through the panel's own delete action, as a person clicks it.
    await row.getByRole('button', { name: /thao tác|actions|more/i }).first().click();
    await admin.getByRole('menuitem', { name: /Xóa|Xoá|Delete/ }).first().click();
    await admin.getByRole('alertdialog').getByRole('button', { name: /Xác nhận|Confirm|Xóa|Xoá|Delete/ }).last().click();
    await expect.poll(() => admin.getByText(/chỉ xoá được bản nháp/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await admin.screenshot({ path: path.join(SHOTS, 'contributor-delete-refused.png') });
    const slug = (await contentManager(inject('cmsUrl'), inject('adminTokens').admin, ARTICLE).list(`&filters[documentId][$eq]=${id}`)).body.results[0].slug;
    expect((await fetch(`${inject('siteUrl')}/bai-viet/${slug}`)).status).toBe(200);
  }, 90_000);
});
