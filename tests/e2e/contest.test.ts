/**
 * The contest in Chromium: a citizen registers and takes the demo contest's open round
 * with JavaScript (answers saved as chosen, kept across a reload), another without
 * JavaScript; axe finds no WCAG 2.1 AA violation on the contest pages; an organiser
 * imports a bank from XLSX in the admin panel. SQLite project only, like the other
 * browser suites.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { contestPaths } from '../../shared/src/index.js';
import { hasChromium, launchBrowser } from '../support/browser.js';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const demo = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/contest.json'), 'utf8')) as { contest: { slug: string; title: string } };
const contestPage = contestPaths.contest(demo.contest.slug);
const phone = (n: number) => `08${String((Date.now() + n) % 100_000_000).padStart(8, '0')}`;

async function register(page: Page, name: string, n: number): Promise<void> {
  await page.goto(`${inject('siteUrl')}${contestPage}`);
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="birthYear"]', '1992');
  await page.fill('input[name="phone"]', phone(n));
  await page.check('input[name="consent"]');
  await Promise.all([page.waitForURL(/\/cuoc-thi\/bai-thi\/[a-z0-9]+$/), page.click('form.contest-form button[type="submit"]')]);
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    type AxeResult = { violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] };
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_AA);
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
    for (const p of [contestPaths.list, contestPage]) {
      await page.goto(`${inject('siteUrl')}${p}`);
      expect(await axeViolations(page), p).toEqual([]);
    }
    await register(page, 'Trần Thị Có Script', 1);
    expect(await axeViolations(page)).toEqual([]);
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
    await register(page, 'Lê Văn Không Script', 2);
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

  test('an organiser imports a bank from XLSX in the admin panel', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const cms = inject('cmsUrl');
    await page.goto(`${cms}/admin/auth/login`);
    await page.fill('input[name="email"]', 'bancd@cchc.local');
    await page.fill('input[name="password"]', inject('demoPassword'));
    await Promise.all([page.waitForURL(/\/admin(?!\/auth)/), page.click('button[type="submit"]')]);
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
});
