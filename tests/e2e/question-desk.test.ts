/**
 * The questions desk in Chromium, end to end: a citizen sends a question on the site; the
 * editor assigns it to an agency in the admin panel; another agency's contributor cannot
 * open it; the assigned agency's contributor answers; the editor publishes; the answer shows
 * on the site's list and page (axe clean) and on lookup, without the citizen's contact.
 * SQLite project only, like the other browser suites.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { questionPaths } from '../../shared/src/index.js';
import sharp from 'sharp';
import { adminPageWith, axeViolations, hasChromium, launchBrowser, screenshot } from '../support/browser.js';

/** A page of the admin panel signed in as one of the stack's accounts. */
const adminPage = (browser: Browser, account: 'editor' | 'tuPhap' | 'noiVu'): Promise<Page> => adminPageWith(browser, inject('adminTokens')[account]);
const shot = screenshot;

describe.runIf(hasChromium)('the questions desk in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('sent, assigned, hidden from another agency, answered by the agency, published, read on the site', async () => {
    const site = inject('siteUrl');
    const title = `Một cửa có nhận hồ sơ sáng thứ Bảy? ${Date.now().toString(36)}`;
    const email = `desk.${Date.now()}@example.vn`;
    const phone = `0913${String(Date.now()).slice(-6)}`;

    // The citizen.
    const citizen = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    await citizen.goto(`${site}${questionPaths.send}`);
    const form = citizen.locator('form.question-form');
    await form.locator('select[name="subject"]').selectOption('thu-tuc-hanh-chinh');
    await form.locator('input[name="title"]').fill(title);
    await form.locator('textarea[name="question"]').fill('Bộ phận một cửa cấp xã có nhận hồ sơ chứng thực vào sáng thứ Bảy không?');
    await form.locator('input[name="name"]').fill('Lý Thị Dân');
    await form.locator('input[name="email"]').fill(email);
    await form.locator('input[name="phone"]').fill(phone);
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#36c' } }).jpeg().toBuffer();
    await form.locator('input[name="attachments"]').setInputFiles({ name: 'anh-mot-cua.jpg', mimeType: 'image/jpeg', buffer: photo });
    await form.locator('input[name="consent"]').check();
    await Promise.all([citizen.waitForLoadState('load'), form.locator('button[type="submit"]').click()]);
    const code = (await citizen.locator('.question-code').textContent())!.trim();

    // The editor finds it in the open list and assigns it to the Department of Home Affairs.
    const editor = await adminPage(browser, 'editor');
    await editor.goto(`${inject('cmsUrl')}/admin/plugins/cchc/hoi-dap`);
    await editor.getByRole('link', { name: code }).click();
    await editor.getByRole('heading', { name: new RegExp(code.replace(/\./g, '\\.')) }).waitFor();
    await editor.getByRole('button', { name: /anh-mot-cua\.jpg/ }).waitFor();
    await shot(editor, 'desk-received');
    await editor.getByRole('combobox', { name: 'Cơ quan trả lời' }).click();
    await editor.getByRole('option', { name: /^Sở Nội vụ/ }).click();
    await editor.getByRole('button', { name: 'Chuyển cơ quan trả lời' }).click();
    await expect.poll(() => editor.locator('body').textContent(), { timeout: 10_000 }).toContain('Đã chuyển cơ quan xử lý');

    // Another agency's contributor cannot open it.
    const tuPhap = await adminPage(browser, 'tuPhap');
    await tuPhap.goto(`${inject('cmsUrl')}/admin/plugins/cchc/hoi-dap/${code}`);
    await expect.poll(() => tuPhap.locator('body').textContent(), { timeout: 10_000 }).toContain('Không tìm thấy câu hỏi');
    await tuPhap.goto(`${inject('cmsUrl')}/admin/plugins/cchc/hoi-dap`);
    await tuPhap.getByRole('button', { name: /^Tất cả/ }).waitFor();
    expect(await tuPhap.locator('body').textContent()).not.toContain(code);

    // The assigned agency's contributor answers.
    const noiVu = await adminPage(browser, 'noiVu');
    await noiVu.goto(`${inject('cmsUrl')}/admin/plugins/cchc/hoi-dap`);
    await noiVu.getByRole('link', { name: code }).click();
    await noiVu.getByRole('textbox', { name: 'Nội dung trả lời' }).fill('Bộ phận Một cửa cấp xã tiếp nhận hồ sơ vào sáng thứ Bảy hằng tuần, từ 7 giờ 30 đến 11 giờ 30.');
    await noiVu.getByRole('button', { name: 'Gửi trả lời' }).click();
    await expect.poll(() => noiVu.locator('body').textContent(), { timeout: 10_000 }).toContain('Đã có trả lời, đang duyệt');
    await shot(noiVu, 'desk-answered');

    // The editor publishes.
    await editor.reload();
    await editor.getByRole('button', { name: 'Duyệt và công bố trả lời' }).click();
    await expect.poll(() => editor.locator('body').textContent(), { timeout: 10_000 }).toContain('Đã công bố trả lời.');
    await shot(editor, 'desk-published');

    // The site: listed, its page, no contact; axe finds nothing.
    await citizen.goto(`${site}${questionPaths.list}`);
    await citizen.getByRole('link', { name: title }).click();
    await citizen.waitForURL(new RegExp(`${code.replace(/\./g, '\\.')}$`));
    const text = (await citizen.locator('main').textContent())!;
    expect(text).toContain('từ 7 giờ 30 đến 11 giờ 30');
    expect(text).toContain('Sở Nội vụ');
    for (const secret of [email, phone, 'Lý Thị Dân']) expect(text).not.toContain(secret);
    expect(await axeViolations(citizen)).toEqual([]);
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(citizen, 'site-answer');
    await citizen.goto(`${site}${questionPaths.list}?q=mot+cua+sang+thu+bay`);
    expect(await citizen.getByRole('link', { name: title }).count()).toBe(1);
    expect(await axeViolations(citizen)).toEqual([]);
    await shot(citizen, 'site-list');

    // The lookup shows the answer.
    await citizen.goto(`${site}${questionPaths.lookup(code)}`);
    await citizen.locator('input[name="contact"]').fill(phone);
    await Promise.all([citizen.waitForLoadState('load'), citizen.getByRole('button', { name: 'Tra cứu' }).click()]);
    await expect.poll(() => citizen.locator('main').textContent()).toContain('từ 7 giờ 30 đến 11 giờ 30');
    for (const p of [citizen, editor, tuPhap, noiVu]) await p.context().close();
  }, 120_000);
});
