/**
 * A reader and an editor in a real browser: the column in Chromium, and the
 * Strapi admin panel with the plugin's page. Runs in the SQLite project only.
 * Without Chromium (a developer machine that has not installed it) the suite is
 * skipped with a warning; on CI .ci/run installs Chromium and a skip is an error.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { documentSlug, slugify } from '../../shared/src/index.js';
import { contentManager, removeArticle } from '../support/api.js';
import { hasChromium, launchBrowser } from '../support/browser.js';
import { seed } from '../support/seed.js';

/** axe-core's browser bundle, injected into pages to check them against WCAG 2.1 AA. */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
/** The WCAG 2.0 and 2.1 rules of levels A and AA. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const infographic = seed.articles.find((a) => a.format === 'infographic' && a.coverAlt)!;
const articlePath = `/bai-viet/${slugify(infographic.title)}`;
const planDecision = seed.committee.documents.find((d) => d.planYear !== null)!;
/** The Steering Committee website's pages. */
const COMMITTEE_PAGES = [
  '/ban-chi-dao',
  '/ban-chi-dao/gioi-thieu',
  '/ban-chi-dao/van-ban?q=ke+hoach',
  `/ban-chi-dao/van-ban/${documentSlug(planDecision.number, planDecision.issuedOn)}`,
  `/ban-chi-dao/ke-hoach/${seed.plan.year}`,
  '/ban-chi-dao/chi-so',
  '/ban-chi-dao/su-kien',
  `/ban-chi-dao/su-kien/${slugify(seed.committee.events[0]!.title)}`,
  '/ban-chi-dao/lien-he',
  '/en/steering-committee',
  '/en/steering-committee/contact',
];

if (!hasChromium) {
  if (process.env.CI) throw new Error('Chromium is missing on CI: .ci/run should have installed it.');
  console.warn('[e2e] /usr/bin/chromium not found: browser tests skipped (apt-get install chromium to run them).');
}

describe.runIf(hasChromium)('in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    page.on('pageerror', (e) => errors.push(e.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('a reader opens the column and reads an article', async () => {
    const response = await page.goto(`${inject('siteUrl')}/`);
    expect(response?.status()).toBe(200);
    const firstArticle = page.locator('main a[href^="/bai-viet/"]').first();
    const title = (await firstArticle.innerText()).trim();
    expect(title.length).toBeGreaterThan(10);
    await firstArticle.click();
    await page.waitForURL(/\/bai-viet\//);
    await expect.poll(() => page.locator('h1').innerText()).toBe(title);
    // Reflow at a phone width: nothing wider than the viewport.
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
  });

  test('a reader searches with and without diacritics and gets the same articles, highlighted', async () => {
    const resultsFor = async (words: string) => {
      await page.goto(`${inject('siteUrl')}/tim-kiem`);
      await page.locator('form.search-form input[name="q"]').fill(words);
      await page.locator('form.search-form button[type="submit"]').click();
      await page.waitForURL(/\/tim-kiem\?q=/);
      expect(await page.locator('.search-result mark').count()).toBeGreaterThan(0);
      return page.locator('#ket-qua').innerText();
    };
    const plain = await resultsFor('cai cach thu tuc');
    const marked = await resultsFor('cải cách thủ tục');
    const count = (heading: string) => Number(heading.match(/^([\d.]+) kết quả/)?.[1]?.replace(/\./g, ''));
    expect(count(plain)).toBeGreaterThan(0);
    expect(count(marked)).toBe(count(plain));
  });

  test.each(['/', articlePath, '/linh-vuc/thu-tuc-hanh-chinh', '/infographic', '/video', '/phat-thanh', '/tim-kiem?q=mot+cua', ...COMMITTEE_PAGES])(
    '%s reflows at 320 px: nothing wider than the screen',
    async (path) => {
      const narrow = await browser.newPage({ viewport: { width: 320, height: 640 } });
      await narrow.goto(`${inject('siteUrl')}${path}`);
      const widest = await narrow.evaluate(() => document.documentElement.scrollWidth);
      await narrow.close();
      expect(widest).toBeLessThanOrEqual(320);
    },
  );

  test.each([
    ['the column', '/', 'main .card__title', true],
    ['the committee\'s site', '/ban-chi-dao', 'main h1', false],
  ] as const)('%s on a 360 × 640 phone without JavaScript: the first headline within 200 px, the menu a tap away', async (_, path, headline, column) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
    const phone = await context.newPage();
    await phone.goto(`${inject('siteUrl')}${path}`);
    const top = await phone.locator(headline).first().evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeLessThanOrEqual(200);
    const nav = phone.locator('header .site-nav');
    expect(await nav.isVisible()).toBe(false);
    if (column) expect(await phone.locator('header form.header-search input[name="q"]').isVisible(), 'the search box, at once').toBe(true);
    await phone.locator('summary.site-menu__button').click();
    expect(await nav.isVisible()).toBe(true);
    // The reform areas are in the open menu, one tap from any page.
    if (column) expect(await nav.locator('.area-links--nav a').first().isVisible()).toBe(true);
    const box = await nav.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    await context.close();
  });

  test('on a wide screen the navigation shows in place, with no menu button', async () => {
    const wide = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await wide.goto(`${inject('siteUrl')}/`);
    expect(await wide.locator('header .site-nav .site-nav__top a').first().isVisible()).toBe(true);
    expect(await wide.locator('summary.site-menu__button').isVisible()).toBe(false);
    await wide.close();
  });

  test('the header\'s search box searches', async () => {
    await page.goto(`${inject('siteUrl')}/`);
    await page.locator('header form.header-search input[name="q"]').fill('mot cua');
    await Promise.all([page.waitForURL(/\/tim-kiem\?q=mot\+cua/), page.locator('header form.header-search button').click()]);
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
  });

  test('the skip link is the first thing the keyboard reaches', async () => {
    await page.goto(`${inject('siteUrl')}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), href: document.activeElement?.getAttribute('href') }));
    expect(focused.href).toBe('#noi-dung');
  });

  test.each(['/', '/linh-vuc/thu-tuc-hanh-chinh', articlePath, '/infographic', '/video', '/phat-thanh', '/tim-kiem?q=mot+cua', ...COMMITTEE_PAGES])(
    'axe-core finds no WCAG 2.1 AA violation on %s at 360 px',
    async (path) => {
      const response = await page.goto(`${inject('siteUrl')}${path}`);
      expect(response?.status()).toBe(200);
      // Evaluated through the driver: the site's CSP (rightly) refuses inline script tags.
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async (tags) => {
        type AxeResult = { violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] };
        const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } };
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }, WCAG_AA);
      expect(violations).toEqual([]);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(360);
    },
  );

  test('a citizen finds the plan decision without diacritics, downloads it, follows the plan, the index, an event and the hotline', async () => {
    const base = inject('siteUrl');
    await page.goto(`${base}/ban-chi-dao/van-ban`);
    await page.locator('main form input[name="q"]').fill('ke hoach truyen thong');
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL(/\/ban-chi-dao\/van-ban\?/);
    await page.locator('main a', { hasText: planDecision.number }).first().click();
    await page.waitForURL(/\/ban-chi-dao\/van-ban\/[a-z0-9-]+$/);
    const pdfHref = await page.locator('main a[href$=".pdf"]').first().getAttribute('href');
    const pdf = await fetch(new URL(pdfHref!, base));
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.locator(`main a[href="/ban-chi-dao/ke-hoach/${seed.plan.year}"]`).first().click();
    await page.waitForURL(new RegExp(`/ban-chi-dao/ke-hoach/${seed.plan.year}$`));
    // The plan can be printed, like an article.
    await expect.poll(() => page.locator('main button[data-print]').isVisible()).toBe(true);
    for (let n = 1; n <= 11; n++) expect(await page.locator(`#nhiem-vu-${n}`).count(), `task ${n}`).toBe(1);
    await page.goto(`${base}/ban-chi-dao/chi-so`);
    expect(await page.locator('main svg[role="img"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main table caption').count()).toBeGreaterThan(0);
    await page.goto(`${base}/ban-chi-dao/su-kien`);
    const icsHref = await page.locator('main a[href$=".ics"]').first().getAttribute('href');
    const ics = await fetch(new URL(icsHref!, base));
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(await ics.text()).toContain('BEGIN:VEVENT');
    await page.goto(`${base}/ban-chi-dao/lien-he`);
    const hotline = seed.committee.channels.find((c) => c.kind === 'duong-day-nong' && c.phone)!;
    expect(await page.locator(`main a[href="tel:${hotline.phone.replace(/[^\d+]/g, '')}"]`).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test('an article shows its print button once its script has run, and its address ready to copy', async () => {
    await page.goto(`${inject('siteUrl')}${articlePath}`);
    await expect.poll(() => page.locator('button[data-print]').isVisible()).toBe(true);
    expect(await page.locator('#duong-dan-bai-viet').inputValue()).toBe(`${inject('siteUrl')}${articlePath}`);
    expect(errors).toEqual([]);
  });

  test('an editor finds a submitted piece in the review queue and approves it from its workflow panel', async () => {
    const contributor = contentManager(inject('cmsUrl'), inject('adminTokens').tuPhap, 'plugin::cchc.article');
    const areas = await contentManager(inject('cmsUrl'), inject('adminTokens').admin, 'plugin::cchc.reform-area').list();
    const title = `Tin chờ duyệt trong trình duyệt ${Date.now()}`;
    const created = await contributor.create({ title, format: 'tin-ngan', areas: { connect: [{ documentId: areas.body.results[0].documentId }] } });
    const documentId: string = created.body.data.documentId;
    const submitted = await fetch(`${inject('cmsUrl')}/cchc/articles/${documentId}/transition`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inject('adminTokens').tuPhap}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'submit' }),
    });
    expect(submitted.status).toBe(200);

    const admin = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
    try {
      await admin.goto(`${inject('cmsUrl')}/admin/auth/login`);
      await admin.locator('input[name="email"]').fill('bientap@cchc.local');
      await admin.locator('input[name="password"]').fill(inject('demoPassword'));
      await admin.locator('button[type="submit"]').click();
      await admin.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000 });
      await admin.goto(`${inject('cmsUrl')}/admin/plugins/cchc/duyet`);
      await expect.poll(() => admin.getByText(title).count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await admin.goto(`${inject('cmsUrl')}/admin/content-manager/collection-types/plugin::cchc.article/${documentId}`);
      await expect.poll(() => admin.getByText('Quy trình duyệt').count(), { timeout: 30_000 }).toBeGreaterThan(0);
      await admin.getByRole('button', { name: 'Duyệt', exact: true }).click();
      await expect.poll(() => admin.getByText('Đã duyệt').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    } finally {
      await admin.close();
      await removeArticle(inject('cmsUrl'), inject('adminTokens').admin, documentId);
    }
  }, 90_000);

  test('an editor adds an index result in the admin panel and sees it on the site within seconds', async () => {
    const year = 2090 + (Date.now() % 9);
    const subject = seed.committee.indices.find((r) => r.index === 'par-index')!.subject;
    const admin = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
    try {
      await admin.goto(`${inject('cmsUrl')}/admin/auth/login`);
      await admin.locator('input[name="email"]').fill('bientap@cchc.local');
      await admin.locator('input[name="password"]').fill(inject('demoPassword'));
      await admin.locator('button[type="submit"]').click();
      await admin.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000 });
      await admin.goto(`${inject('cmsUrl')}/admin/content-manager/collection-types/plugin::cchc.index-result/create`);
      await admin.locator('input[name="year"]').fill(String(year), { timeout: 30_000 });
      await admin.locator('input[name="subject"]').fill(subject);
      await admin.locator('input[name="score"]').fill('88.5');
      await admin.locator('input[name="rank"]').fill('3');
      await admin.locator('input[name="outOf"]').fill('34');
      await admin.getByRole('button', { name: /^(Save|Lưu)$/ }).click();
      // Saved: the form turns into the edit view of the new entry.
      await admin.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 15_000 });
      const started = Date.now();
      await expect
        .poll(async () => (await (await fetch(`${inject('siteUrl')}/ban-chi-dao/chi-so`)).text()).includes(String(year)), { timeout: 5_000, interval: 100 })
        .toBe(true);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await admin.close();
      const results = contentManager(inject('cmsUrl'), inject('adminTokens').admin, 'plugin::cchc.index-result');
      const created = await results.list(`&filters[year][$eq]=${year}`);
      for (const row of created.body.results ?? []) await results.remove(row.documentId);
    }
  }, 90_000);

  test('an editor signs in to the admin panel and sees the plugin', async () => {
    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await admin.goto(`${inject('cmsUrl')}/admin/auth/login`);
    await admin.locator('input[name="email"]').fill('bientap@cchc.local');
    await admin.locator('input[name="password"]').fill(inject('demoPassword'));
    await admin.locator('button[type="submit"]').click();
    await admin.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000 });
    await admin.goto(`${inject('cmsUrl')}/admin/plugins/cchc`);
    await expect.poll(() => admin.getByText('Chuyên mục cải cách hành chính').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await admin.goto(`${inject('cmsUrl')}/admin/content-manager/collection-types/plugin::cchc.article`);
    await expect.poll(() => admin.getByText('Tin bài CCHC').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await admin.close();
  }, 90_000);
});
