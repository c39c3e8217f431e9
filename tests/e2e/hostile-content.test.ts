/**
 * Script payloads typed into an article's title, summary, body and cover alt text
 * never run, on any page that shows the article or in its feed. Checked in Chromium:
 * every payload would set window.__pwned or open a dialog if it ran.
 */
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { publishTestArticle } from '../support/api.js';
import { hasChromium, launchBrowser } from '../support/browser.js';

const PAYLOADS = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=2</script>', '"><svg onload="window.__pwned=3">', "'><script>window.__pwned=4</script>"];
const marker = `Kiemthu${Date.now()}`;

describe.runIf(hasChromium)('hostile content in Chromium', () => {
  let browser: Browser;
  let slug = '';
  let cleanup = async () => {};

  beforeAll(async () => {
    const token = inject('adminTokens').admin;
    // A cover image whose alt text carries a payload, uploaded as an editor would.
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } }).png().toBuffer();
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'anh.png');
    form.append('fileInfo', JSON.stringify({ alternativeText: `Ảnh ${PAYLOADS[0]}`, name: 'anh.png' }));
    const upload = await fetch(`${inject('cmsUrl')}/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(upload.status).toBe(201);
    const [file] = (await upload.json()) as Array<{ id: number }>;

    const article = await publishTestArticle(inject('cmsUrl'), token, {
      title: `${marker} ${PAYLOADS[0]} ${PAYLOADS[1]}`,
      summary: `Tóm tắt ${PAYLOADS[2]} ${PAYLOADS[3]}`,
      body: PAYLOADS.join('\n\n'),
      format: 'infographic',
      cover: file!.id,
    });
    slug = article.slug;
    cleanup = article.remove;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await cleanup();
  });

  test.each(['/bai-viet/{slug}', '/', '/infographic', '/linh-vuc/the-che', `/tim-kiem?q=${marker}`, '/rss.xml', '/sitemap.xml'])('%s runs none of them', async (pathTemplate) => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const response = await page.goto(`${inject('siteUrl')}${pathTemplate.replace('{slug}', slug)}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  test('the article shows the payloads as text', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('siteUrl')}/bai-viet/${slug}`);
    expect(await page.locator('h1').innerText()).toContain('<script>window.__pwned=2</script>');
    expect(await page.locator('img[alt^="Ảnh"]').getAttribute('alt')).toBe(`Ảnh ${PAYLOADS[0]}`);
    await page.close();
  });
});
