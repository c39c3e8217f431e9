/**
 * Citizens' questions in Chromium: a citizen sends a question with and without
 * JavaScript, gets a code, looks it up; axe finds no WCAG 2.1 AA violation on the pages,
 * and nothing is wider than a phone. SQLite project only, like the other browser suites.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { questionPaths } from '../../shared/src/index.js';
import { axeViolations, hasChromium, launchBrowser } from '../support/browser.js';

/** Sends a question through the form; answers the code shown. */
async function send(page: Page, title: string, contact: { email?: string; phone?: string }): Promise<string> {
  await page.goto(`${inject('siteUrl')}${questionPaths.send}`);
  const form = page.locator('form.question-form');
  await form.locator('select[name="subject"]').selectOption('thu-tuc-hanh-chinh');
  await form.locator('input[name="title"]').fill(title);
  await form.locator('textarea[name="question"]').fill('Bộ phận một cửa cấp xã có nhận hồ sơ vào sáng thứ Bảy không?');
  await form.locator('input[name="name"]').fill('Phạm Văn Hỏi');
  if (contact.email) await form.locator('input[name="email"]').fill(contact.email);
  if (contact.phone) await form.locator('input[name="phone"]').fill(contact.phone);
  await form.locator('input[name="consent"]').check();
  await Promise.all([page.waitForLoadState('load'), form.locator('button[type="submit"]').click()]);
  await page.locator('.question-code').waitFor();
  return (await page.locator('.question-code').textContent())!.trim();
}

describe.runIf(hasChromium)('questions in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('with JavaScript: sent, a code, looked up with the e-mail; axe finds nothing on the way', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    for (const p of [questionPaths.list, questionPaths.send, questionPaths.lookup()]) {
      await page.goto(`${inject('siteUrl')}${p}`);
      expect(await axeViolations(page), p).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), p).toBeLessThanOrEqual(360);
    }
    const email = `e2e.${Date.now()}@example.vn`;
    const code = await send(page, 'Một cửa cấp xã làm việc thứ Bảy?', { email });
    expect(code).toMatch(/^PAKN\.\d{8}\.\d{4,6}$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Tra cứu câu hỏi đã gửi' }).click();
    await page.locator('input[name="contact"]').fill(email);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Tra cứu' }).click()]);
    await expect.poll(() => page.locator('main').textContent()).toContain('Đã tiếp nhận');
    expect(await page.locator('main').textContent()).not.toContain(email);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('without JavaScript: the same form, a code, a lookup with the phone', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const code = await send(page, 'Hỏi không cần JavaScript', { phone: '0905 777 888' });
    await page.goto(`${inject('siteUrl')}${questionPaths.lookup(code)}`);
    expect(await page.locator('input[name="code"]').inputValue()).toBe(code);
    await page.locator('input[name="contact"]').fill('+84905777888');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Tra cứu' }).click()]);
    expect(await page.locator('main').textContent()).toContain('Đã tiếp nhận');
    await context.close();
  });
});
