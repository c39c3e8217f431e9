/** Headless Chromium (Debian's package) driven by playwright-core. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian installs Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when a Chromium binary is there to drive. */
export const hasChromium = fs.existsSync(CHROMIUM);

/** Launches Chromium with the flags this sandboxed, offline machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** axe-core's browser bundle, injected into pages to check them against WCAG 2.1 AA. */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
/** The WCAG 2.0 and 2.1 rules of levels A and AA. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * What axe-core finds wrong on the page against WCAG 2.1 AA, one line per rule (empty: nothing).
 * Evaluated through the driver: the site's CSP (rightly) refuses inline script tags.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    type AxeResult = { violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] };
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_AA);
}

/** A signed-in admin page for a token of the stack's accounts: the token goes into localStorage, so no sign-in is spent (Strapi allows few per minute). */
export async function adminPageWith(browser: Browser, token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
  await context.addInitScript((jwt) => window.localStorage.setItem('jwtToken', JSON.stringify(jwt)), token);
  return context.newPage();
}

/** Folder for the README's screenshots (CCHC_SCREENSHOTS); none taken when unset. */
const SCREENSHOTS = process.env.CCHC_SCREENSHOTS ?? '';

/** A full-page screenshot named `name`, when CCHC_SCREENSHOTS names a folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
