/**
 * Script payloads typed into an article's title, summary, body and cover alt text
 * (and into a steering document and an event of the Steering Committee website)
 * never run, on any page that shows the article or in its feed. Checked in Chromium:
 * every payload would set window.__pwned or open a dialog if it ran.
 */
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { contentManager, publishTestArticle } from '../support/api.js';
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

describe.runIf(hasChromium)('hostile content on the Steering Committee website, in Chromium', () => {
  let browser: Browser;
  const cleanups: Array<() => Promise<unknown>> = [];
  let documentSlug = '';
  let eventSlug = '';

  beforeAll(async () => {
    const token = inject('adminTokens').editor;
    const documents = contentManager(inject('cmsUrl'), token, 'plugin::cchc.steering-document');
    const created = await documents.create({
      number: `${marker}/QĐ-${PAYLOADS[1]}`,
      type: 'quyet-dinh',
      issuedOn: '2025-05-05',
      issuer: `Cơ quan ${PAYLOADS[0]}`,
      signer: PAYLOADS[2],
      abstract: `Trích yếu ${PAYLOADS.join(' ')}`,
      note: PAYLOADS[3],
    });
    expect(created.status).toBe(201);
    cleanups.push(() => documents.remove(created.body.data.documentId));
    expect((await documents.publish(created.body.data.documentId)).status).toBe(200);
    documentSlug = created.body.data.slug;

    const events = contentManager(inject('cmsUrl'), token, 'plugin::cchc.committee-event');
    const event = await events.create({
      title: `Sự kiện ${marker} ${PAYLOADS[1]}`,
      kind: 'hoi-nghi',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 90_000_000).toISOString(),
      place: PAYLOADS[0],
      organiser: PAYLOADS[3],
      description: PAYLOADS.join('\n\n'),
    });
    expect(event.status).toBe(201);
    cleanups.push(() => events.remove(event.body.data.documentId));
    eventSlug = event.body.data.slug;
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const clean of cleanups) await clean();
  });

  test.each(['/ban-chi-dao', '/ban-chi-dao/van-ban', `/ban-chi-dao/van-ban?q=${marker}`, '/ban-chi-dao/van-ban/{document}', '/ban-chi-dao/su-kien', '/ban-chi-dao/su-kien/{event}'])(
    '%s runs none of them',
    async (pathTemplate) => {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      const path = pathTemplate.replace('{document}', documentSlug).replace('{event}', eventSlug);
      const response = await page.goto(`${inject('siteUrl')}${path}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      if (path.endsWith(documentSlug)) expect(await page.locator('main').innerText()).toContain('<script>window.__pwned=2</script>');
      await page.close();
    },
  );
});
