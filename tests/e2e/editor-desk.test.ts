/**
 * The editors' desk in Chromium, as the issue's "done when" walks it: the editor opens the
 * (seeded, not empty) review queue, previews a submitted infographic as the column would
 * show it, sends it back; Sở Tư pháp's contributor shares a preview link with the director,
 * edits and submits again; the editor sees what changed, takes the piece, approves and
 * schedules it, and finds it on the calendar. Screenshots for the README when
 * CCHC_SCREENSHOTS names a folder. SQLite project only, like the other browser suites.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { vietnamParts } from '../../shared/src/index.js';
import { adminPageWith, axeViolations, hasChromium, launchBrowser, screenshot } from '../support/browser.js';

/** A page of the admin panel signed in as one of the stack's accounts. */
const adminPage = (browser: Browser, account: 'editor' | 'tuPhap'): Promise<Page> => adminPageWith(browser, inject('adminTokens')[account]);
const shot = screenshot;

const INFOGRAPHIC = 'Infographic: Chứng thực bản sao điện tử từ bản chính trong 4 bước';

const bodyText = (page: Page) => page.locator('body').innerText();

describe.runIf(hasChromium)("the editors' desk in Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('queue → preview → send back → share link → edit and submit again → diff → take → approve → schedule → calendar', async () => {
    const cms = inject('cmsUrl');
    const editor = await adminPage(browser, 'editor');

    // The queue is not empty on a fresh start; the seeded infographic waits in it.
    await editor.goto(`${cms}/admin/plugins/cchc/duyet`);
    await editor.getByRole('heading', { name: 'Hàng chờ duyệt' }).waitFor();
    const row = editor.getByRole('row').filter({ hasText: INFOGRAPHIC });
    await row.waitFor();
    expect(await bodyText(editor)).toMatch(/ngày làm việc/);
    expect(await axeViolations(editor)).toEqual([]);
    await shot(editor, 'desk-1-queue');
    await row.getByRole('link', { name: 'Mở để duyệt' }).click();
    await editor.getByText('Quy trình duyệt').first().waitFor();
    const editUrl = editor.url();

    // The preview panel renders the draft as the column would, with its banner.
    await editor.getByRole('button', { name: 'Mở bản xem trước' }).or(editor.getByRole('link', { name: 'Mở bản xem trước' })).first().click();
    const frame = editor.frameLocator('iframe').first();
    await frame.getByText('Bản xem trước – chưa đăng').waitFor({ timeout: 20_000 });
    await frame.getByRole('heading', { name: INFOGRAPHIC }).waitFor();
    await frame.locator('figure.cover img').waitFor();
    await shot(editor, 'desk-2-preview');

    // Sent back with a reason.
    await editor.goto(editUrl);
    await editor.getByRole('textbox', { name: 'Ghi chú, lý do' }).fill('Đề nghị ghi rõ lệ phí chứng thực điện tử trong phần tóm tắt.');
    await editor.getByRole('button', { name: 'Trả lại để chỉnh sửa' }).click();
    await expect.poll(() => bodyText(editor), { timeout: 10_000 }).toContain('Yêu cầu chỉnh sửa');

    // Sở Tư pháp shares a read-only link with the director.
    const tuPhap = await adminPage(browser, 'tuPhap');
    await tuPhap.goto(editUrl);
    await tuPhap.getByRole('button', { name: 'Tạo liên kết xem trước' }).click();
    const link = await tuPhap.getByRole('textbox', { name: 'Liên kết vừa tạo' }).inputValue();
    expect(link).toMatch(/\/xem-truoc\/s1\./);
    await shot(tuPhap, 'desk-3-share-link');
    const director = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const opened = await director.goto(link);
    expect(opened?.status()).toBe(200);
    await director.getByText('Bản xem trước – chưa đăng').waitFor();
    expect(await bodyText(director)).toContain('Liên kết chỉ để đọc, do Cán bộ Sở Tư pháp chia sẻ');
    expect(await axeViolations(director)).toEqual([]);
    await shot(director, 'desk-4-director');

    // The contributor edits the summary, saves, and submits again.
    await tuPhap.reload();
    const summary = tuPhap.getByRole('textbox', { name: /^Tóm tắt/ });
    await summary.fill(`${await summary.inputValue()} Lệ phí: 2.000 đồng một trang.`);
    await tuPhap.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => bodyText(tuPhap), { timeout: 10_000 }).toMatch(/Đã lưu|đã lưu/);
    await tuPhap.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect.poll(() => bodyText(tuPhap), { timeout: 10_000 }).toContain('Đã gửi, chờ duyệt');

    // The editor sees exactly what changed, takes the piece, approves and schedules it.
    await editor.goto(editUrl);
    const changes = editor.getByTestId('workflow-changes');
    await changes.waitFor();
    await expect.poll(() => changes.locator('ins').allInnerTexts()).toEqual([expect.stringContaining('Lệ phí: 2.000 đồng một trang.')]);
    await shot(editor, 'desk-5-changes');
    // A history row links to its snapshot: compared with the first submission instead.
    await editor.getByRole('button', { name: 'So với bản hiện tại' }).first().click();
    await expect.poll(() => changes.innerText(), { timeout: 10_000 }).toContain('So với bản lúc Gửi duyệt');
    await editor.getByRole('button', { name: 'Tôi xử lý' }).click();
    await expect.poll(() => bodyText(editor), { timeout: 10_000 }).toContain('Bạn đang xử lý bài này');
    await editor.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await expect.poll(() => bodyText(editor), { timeout: 10_000 }).toContain('Đã duyệt');
    const tomorrow = vietnamParts(new Date(Date.now() + 24 * 3600 * 1000));
    const day = `${tomorrow.year}-${String(tomorrow.month).padStart(2, '0')}-${String(tomorrow.day).padStart(2, '0')}`;
    await editor.locator('input[name="workflow-scheduled-at"]').fill(`${day}T08:00`);
    await editor.getByRole('button', { name: 'Hẹn giờ đăng' }).click();
    await expect.poll(() => bodyText(editor), { timeout: 10_000 }).toContain('Hẹn giờ đăng');

    // On the calendar, on tomorrow's day.
    await editor.goto(`${cms}/admin/plugins/cchc/lich`);
    await editor.getByRole('heading', { name: 'Lịch đăng bài' }).first().waitFor();
    const today = vietnamParts(new Date());
    if (today.month !== tomorrow.month) await editor.getByRole('button', { name: 'Tháng sau' }).click();
    await editor.getByRole('link', { name: new RegExp(INFOGRAPHIC.slice(0, 30)) }).first().waitFor();
    expect(await axeViolations(editor)).toEqual([]);
    await shot(editor, 'desk-6-calendar');
  });
});
