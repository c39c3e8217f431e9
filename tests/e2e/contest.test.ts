/**
 * The contest in Chromium: a citizen registers and takes the demo contest's open round
 * with JavaScript (answers saved as chosen, kept across a reload), another without
 * JavaScript; axe finds no WCAG 2.1 AA violation on the contest pages; an organiser
 * imports a bank from XLSX in the admin panel. SQLite project only, like the other
 * browser suites.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { GetRoundRanking, ImportBank, contestPaths, pathOf } from '../../shared/src/index.js';
import { contentManager } from '../support/api.js';
import { axeViolations, hasChromium, launchBrowser } from '../support/browser.js';

const demo = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/contest.json'), 'utf8')) as { contest: { slug: string; title: string } };
const contestPage = contestPaths.contest(demo.contest.slug);
const phone = (n: number) => `08${String((Date.now() + n) % 100_000_000).padStart(8, '0')}`;

/**
 * Fills the first open round's form and sends it. With JavaScript, the altcha widget
 * solves its challenge while the form is filled in: the proof must be in the form first.
 * An official names their audience and unit.
 */
async function register(page: Page, name: string, n: number, { js = true, official = false } = {}): Promise<{ round: string; unit: string }> {
  await page.goto(`${inject('siteUrl')}${contestPage}`);
  const form = page.locator('form.contest-form').first();
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="birthYear"]').fill('1992');
  await form.locator('input[name="phone"]').fill(phone(n));
  let unit = '';
  if (official) {
    await form.locator('select[name="audience"]').selectOption('can-bo');
    await form.locator('select[name="agency"]').selectOption({ index: 1 });
    unit = (await form.locator('select[name="agency"] option:checked').textContent()) ?? '';
  }
  const round = await form.locator('input[name="round"]').inputValue();
  await form.locator('input[name="consent"]').check();
  if (js) await expect.poll(() => form.locator('input[name="altcha"]').inputValue().catch(() => ''), { timeout: 30_000 }).toMatch(/^[A-Za-z0-9+/=]{100,}$/);
  // Without JavaScript the widget is an empty element: the form goes without a proof (the
  // allowance it is then counted against is tried in tests/integration/contest.test.ts).
  else expect(await form.locator('altcha-widget input').count()).toBe(0);
  await Promise.all([page.waitForURL(/\/cuoc-thi\/bai-thi\/[a-z0-9]+$/), form.locator('button[type="submit"]').click()]);
  return { round, unit };
}

/** Signs the committee administrator in to the admin panel in a new page. */
async function organiserPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
  await page.goto(`${inject('cmsUrl')}/admin/auth/login`);
  await page.fill('input[name="email"]', 'bancd@cchc.local');
  await page.fill('input[name="password"]', inject('demoPassword'));
  await Promise.all([page.waitForURL(/\/admin(?!\/auth)/), page.click('button[type="submit"]')]);
  return page;
}

/** A bank of `n` single-choice questions as the template's XLSX. */
async function bankFile(n: number, label: string): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Câu hỏi');
  sheet.addRow(['Câu hỏi', 'Loại', 'A', 'B', 'C', 'D', 'E', 'F', 'Đáp án', 'Giải thích', 'Lĩnh vực', 'Độ khó', 'Đối tượng']);
  for (let i = 0; i < n; i++) sheet.addRow([`Câu hỏi ${label} số ${i + 1}?`, 'một', 'Đúng', 'Sai', '', '', '', '', 'A', '', '', '', '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Collects what the page's console says about the CSP refusing something (a script, a worker, a style). */
function cspRefusals(page: Page): string[] {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
  return refusals;
}

describe.runIf(hasChromium)('the contest in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('a citizen with JavaScript: answers saved as chosen, kept across a reload, then submitted; axe finds nothing on the way', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const refusals = cspRefusals(page);
    for (const p of [contestPaths.list, contestPage]) {
      await page.goto(`${inject('siteUrl')}${p}`);
      expect(await axeViolations(page), p).toEqual([]);
      // Nothing wider than the phone: the results table wraps its names, not its ranks and scores.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), p).toBeLessThanOrEqual(360);
    }
    expect(await page.locator('.contest-results td').count(), 'the demo contest shows its winners').toBeGreaterThan(0);
    await register(page, 'Trần Thị Có Script', 1);
    expect(await axeViolations(page)).toEqual([]);
    expect(refusals, 'the widget, its worker and its styles run under the CSP').toEqual([]);
    await expect.poll(() => page.locator('[data-clock]').textContent()).toMatch(/^\d+:\d\d$/);
    const inputs = page.locator('input[data-question]');
    const first = inputs.first();
    const question = await first.getAttribute('data-question');
    await first.check();
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('Đã lưu câu trả lời.');
    await page.reload();
    expect(await page.locator(`input[data-question="${question}"]:checked`).count()).toBe(1);
    await page.fill('input[name="prediction"]', '5');
    await Promise.all([page.waitForLoadState('load'), page.click('button[value="submit"]')]);
    await expect.poll(() => page.locator('main').textContent()).toContain('Bạn đã nộp bài.');
    await page.close();
  });

  test('a citizen without JavaScript: the same form, saved and submitted by the server', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await register(page, 'Lê Văn Không Script', 2, { js: false });
    expect(await page.locator('[data-clock]').textContent()).toMatch(/phút/);
    const radios = page.locator('input[type="radio"]');
    await radios.first().check();
    await Promise.all([page.waitForLoadState('load'), page.click('button[value="save"]')]);
    expect(await page.locator('[data-status]').textContent()).toBe('Đã lưu câu trả lời.');
    expect(await page.locator('input[type="radio"]:checked').count()).toBeGreaterThanOrEqual(1);
    await page.fill('input[name="prediction"]', '3');
    await Promise.all([page.waitForLoadState('load'), page.click('button[value="submit"]')]);
    expect(await page.locator('main').textContent()).toContain('Bạn đã nộp bài.');
    await context.close();
  });

  test('a widget that cannot fetch its challenge steps aside: the form says so and registers without a proof', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    await page.route(`**${contestPaths.challenge}`, (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"bận"}' }));
    await page.goto(`${inject('siteUrl')}${contestPage}`);
    const form = page.locator('form.contest-form').first();
    await form.locator('input[name="name"]').fill('Đỗ Thị Mạng Chập Chờn');
    await expect.poll(() => form.locator('altcha-widget').count(), { timeout: 15_000 }).toBe(0);
    expect(await form.locator('[data-challenge-fallback]').isVisible()).toBe(true);
    await form.locator('input[name="birthYear"]').fill('1990');
    await form.locator('input[name="phone"]').fill(phone(4));
    await form.locator('input[name="consent"]').check();
    // This test's address is exempt from the allowance (the integration tests try it): the registration goes through.
    await Promise.all([page.waitForURL(/\/cuoc-thi\/bai-thi\/[a-z0-9]+$/), form.locator('button[type="submit"]').click()]);
    await page.close();
  });

  test('an official registers with their unit, submits, and the organisers\' ranking shows them under it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const name = `Phạm Văn Cán Bộ ${Date.now()}`;
    const { round, unit } = await register(page, name, 3, { official: true });
    expect(unit.trim()).not.toBe('');
    await page.fill('input[name="prediction"]', '7');
    await Promise.all([page.waitForLoadState('load'), page.click('button[value="submit"]')]);
    await expect.poll(() => page.locator('main').textContent()).toContain('Bạn đã nộp bài.');
    const res = await fetch(`${inject('cmsUrl')}${pathOf(GetRoundRanking.Endpoint, { params: { round }, query: { format: 'json' } })}`, { headers: { authorization: `Bearer ${inject('adminTokens').committee}` } });
    const ranking = GetRoundRanking.ResponseSchema.parse(await res.json()).data;
    expect(ranking.rows.find((r) => r.name === name)).toMatchObject({ unit: unit.trim(), audience: 'can-bo', prediction: 7 });
    expect(ranking.units.find((u) => u.unit === unit.trim())?.entrants).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  test('an organiser imports a bank from XLSX in the admin panel', async () => {
    const page = await organiserPage(browser);
    const cms = inject('cmsUrl');
    await page.goto(`${cms}/admin/plugins/cchc/cuoc-thi`);
    await page.getByText('Nhập ngân hàng câu hỏi từ tệp Excel').waitFor({ timeout: 30_000 });
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Câu hỏi');
    sheet.addRow(['Câu hỏi', 'Loại', 'A', 'B', 'C', 'D', 'E', 'F', 'Đáp án', 'Giải thích', 'Lĩnh vực', 'Độ khó', 'Đối tượng']);
    for (let i = 0; i < 60; i++) sheet.addRow([`Câu hỏi nhập trong trình duyệt số ${i + 1} (${Date.now()})?`, 'một', 'Đúng', 'Sai', '', '', '', '', 'A', '', '', '', '']);
    const file = path.join(os.tmpdir(), `ngan-hang-${Date.now()}.xlsx`);
    await workbook.xlsx.writeFile(file);
    await page.setInputFiles('input[type="file"]', file);
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByText('60 câu hỏi đọc được; 0 dòng cần sửa.').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Nhập 60 câu hỏi' }).click();
    await page.getByText('Đã nhập 60 câu hỏi.').waitFor({ timeout: 30_000 });
    await page.getByText('Nhập ngân hàng câu hỏi «').first().waitFor({ timeout: 15_000 });
    fs.rmSync(file, { force: true });
    await page.close();
  });

  test('an organiser creates a round of 20 questions and 15 minutes in the Content Manager, opens it now, and closes it: the site follows', async () => {
    const cms = inject('cmsUrl');
    const stamp = Date.now();
    const title = `Cuộc thi tạo trong trình duyệt ${stamp}`;
    const contests = contentManager(cms, inject('adminTokens').committee, 'plugin::cchc.contest');
    const made = await contests.create({ title, rules: 'Thể lệ thử.', audiences: ['nguoi-dan'] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const contest = made.body.data as { documentId: string; slug: string };
    const imported = await fetch(`${cms}${pathOf(ImportBank.Endpoint, { params: { contest: contest.documentId } })}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inject('adminTokens').committee}`, 'content-type': 'application/json' },
      body: JSON.stringify({ file: (await bankFile(20, String(stamp))).toString('base64'), commit: true }),
    });
    expect(imported.status).toBe(200);

    const page = await organiserPage(browser);
    await page.goto(`${cms}/admin/content-manager/collection-types/plugin::cchc.contest-round/create`);
    await page.locator('input[name="number"]').waitFor({ timeout: 30_000 });
    await page.locator('input[name="contest"]').click();
    await page.locator('input[name="contest"]').fill(String(stamp));
    await page.getByRole('option', { name: title }).click();
    await page.locator('input[name="number"]').fill('1');
    await page.locator('input[name="questionsPerAttempt"]').fill('20');
    await page.locator('input[name="timeLimitMinutes"]').fill('15');
    const day = (offset: number) => {
      const d = new Date(Date.now() + offset * 86_400_000);
      return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
    };
    const dates = page.getByRole('combobox', { name: 'Choose date' });
    const times = page.getByRole('combobox', { name: 'Choose time' });
    for (const [i, offset, time] of [[0, 1, '08:00'], [1, 8, '17:00']] as const) {
      await dates.nth(i).fill(day(offset));
      await dates.nth(i).press('Tab');
      await times.nth(i).click();
      await page.getByRole('option', { name: time, exact: true }).click();
    }
    await Promise.all([page.waitForURL(/contest-round\/[a-z0-9]{20,}/), page.getByRole('button', { name: 'Lưu' }).click()]);
    const round = page.url().split('/').at(-1)!;
    // Saved without a title: named by its number.
    expect(await page.locator('input[name="title"]').inputValue()).toBe('Đợt 1');

    const siteForm = async () => {
      const html = await (await fetch(`${inject('siteUrl')}${contestPaths.contest(contest.slug)}`)).text();
      return html.includes(`name="round" value="${round}"`);
    };
    expect(await siteForm()).toBe(false);
    await page.goto(`${cms}/admin/plugins/cchc/cuoc-thi`);
    const row = page.getByRole('row').filter({ hasText: title });
    await row.getByText('Sắp mở').waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: 'Mở ngay' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã mở đợt thi.').waitFor({ timeout: 15_000 });
    await row.getByText('Đang mở').waitFor({ timeout: 15_000 });
    // The contest page was purged: its registration form is there at once.
    await expect.poll(siteForm, { timeout: 10_000 }).toBe(true);
    await row.getByRole('button', { name: 'Đóng ngay' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Xác nhận' }).click();
    await row.getByText('Đã kết thúc').waitFor({ timeout: 15_000 });
    await expect.poll(siteForm, { timeout: 10_000 }).toBe(false);
    await page.close();
  });
});
