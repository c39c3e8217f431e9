/**
 * Citizens' questions on the site, over HTTP: the form (a public page: consent not ticked,
 * the robots' field out of sight), sending it without JavaScript (the code on screen, or the
 * form again with the reason and what was typed), and the lookup (private: never cached),
 * which shows the state and nothing personal.
 */
import { describe, expect, inject, test } from 'vitest';
import { questionPaths } from '../../shared/src/index.js';
import { decodeEntities } from '../support/html.js';

const site = (p: string) => `${inject('siteUrl')}${p}`;
const origin = () => new URL(inject('siteUrl')).origin;

async function page(p: string, init: RequestInit = {}) {
  const res = await fetch(site(p), { redirect: 'manual', ...init });
  return { status: res.status, headers: res.headers, html: decodeEntities(await res.text()) };
}
const post = (p: string, fields: Record<string, string>) =>
  page(p, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin() } });

const run = Date.now().toString(36);
const filled = (overrides: Record<string, string> = {}) => ({
  subject: 'thu-tuc-hanh-chinh',
  agency: '',
  title: `Hỏi qua trang ${run}`,
  question: 'Thủ tục đăng ký khai sinh trực tuyến cần những giấy tờ gì?',
  name: 'Trần Thị Trang',
  email: `trang.${run}@example.vn`,
  phone: '',
  consent: 'on',
  website: '',
  ...overrides,
});

describe('questions on the site', () => {
  test('the hub links to sending and looking up', async () => {
    const { status, html } = await page(questionPaths.list);
    expect(status).toBe(200);
    expect(html).toContain(`href="${questionPaths.send}"`);
    expect(html).toContain(`href="${questionPaths.lookup()}"`);
  });

  test('the form: every reform area and "Khác", consent not ticked, the robots\' field out of sight and out of the tab order', async () => {
    const { status, html } = await page(questionPaths.send);
    expect(status).toBe(200);
    expect(html).toContain('value="thu-tuc-hanh-chinh"');
    expect(html).toContain('value="khac"');
    expect(html).toMatch(/<input id="hd-consent" name="consent" type="checkbox" value="on" required\s*\/?>/);
    expect(html).toMatch(/class="question-form__trap" aria-hidden="true"/);
    expect(html).toMatch(/name="website" tabindex="-1"/);
  });

  test('sent without JavaScript: the code on screen, never cached; then looked up with it, showing nothing personal', async () => {
    const sent = await post(questionPaths.send, filled());
    expect(sent.status).toBe(200);
    expect(sent.headers.get('cache-control')).toContain('no-store');
    const code = /PAKN\.\d{8}\.\d{4,6}/.exec(sent.html)?.[0];
    expect(code).toBeDefined();
    const lookupForm = await page(questionPaths.lookup(code));
    expect(lookupForm.html).toContain(`value="${code}"`);
    expect(lookupForm.headers.get('cache-control')).toContain('no-store');
    const found = await post(questionPaths.lookup(), { code: code!, contact: `TRANG.${run}@example.vn` });
    expect(found.status).toBe(200);
    expect(found.html).toContain('Đã tiếp nhận');
    expect(found.html).toContain(`Hỏi qua trang ${run}`);
    expect(found.html).not.toContain('Trần Thị Trang');
    expect(found.html).not.toContain(`trang.${run}@example.vn`);
    const wrong = await post(questionPaths.lookup(), { code: code!, contact: '0900000000' });
    expect(wrong.status).toBe(404);
    expect(wrong.html).toContain('Không tìm thấy câu hỏi');
  });

  test('a form with a mistake comes back with the reason and what was typed (but the consent, asked again)', async () => {
    const res = await post(questionPaths.send, filled({ email: '', phone: '' }));
    expect(res.status).toBe(400);
    expect(res.html).toContain('Hãy nhập thư điện tử hoặc số điện thoại');
    expect(res.html).toContain(`value="Hỏi qua trang ${run}"`);
    expect(res.html).toContain('Thủ tục đăng ký khai sinh trực tuyến cần những giấy tờ gì?</textarea>');
  });

  test('a form whose bytes are not UTF-8 or whose encoding is broken comes back as a 4xx page, never a 500', async () => {
    for (const body of [Buffer.from('subject=%ZZ&title=%E0%A4%A&consent=on'), Buffer.concat([Buffer.from('title='), Buffer.from([0xff, 0xfe]), Buffer.from('&consent=on')])]) {
      const res = await fetch(site(questionPaths.send), { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin() } });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });

  test('a script typed into the form comes back as text, never as markup', async () => {
    const res = await fetch(site(questionPaths.send), {
      method: 'POST',
      body: new URLSearchParams(filled({ email: '', phone: '', title: '<script>alert(1)</script>' })),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin() },
    });
    const raw = await res.text();
    expect(res.status).toBe(400);
    // Kept inside a quoted attribute, where it is text; nowhere as markup.
    expect(raw).toContain('value="<script>alert(1)</script>"');
    expect(raw.replace(/="[^"]*"/g, '=""')).not.toContain('<script>alert(1)');
  });

  test('the published answers: listed, searchable without diacritics, filtered; each on its page with QAPage JSON-LD; a feed', async () => {
    const list = await page(questionPaths.list);
    expect(list.html).toContain('câu hỏi đã trả lời');
    const first = /href="(\/hoi-dap\/PAKN\.\d{8}\.\d{4,6})"/.exec(list.html)?.[1];
    expect(first).toBeTruthy();
    const item = await page(first!);
    expect(item.status).toBe(200);
    expect(item.headers.get('cache-tag') ?? '').toContain('questions');
    const ld = [...item.html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as { '@type': string; mainEntity?: Record<string, unknown> });
    const qa = ld.find((d) => d['@type'] === 'QAPage');
    expect(qa?.mainEntity).toMatchObject({ '@type': 'Question', answerCount: 1, acceptedAnswer: { '@type': 'Answer', author: { name: expect.any(String) } } });
    // Without diacritics, and with a filter that excludes it.
    const searched = await page(`${questionPaths.list}?q=giay+phep+lai+xe`);
    expect(searched.html).toMatch(/giấy phép lái xe/i);
    const none = await page(`${questionPaths.list}?q=giay+phep+lai+xe&linh-vuc=tai-chinh-cong`);
    expect(none.html).toContain('Không có câu hỏi nào đã trả lời khớp');
    // Bad filters: a 400 that says why; a page past the end: 404; an unknown or miswritten code: 404.
    expect((await page(`${questionPaths.list}?linh-vuc=<b>`)).status).toBe(400);
    expect((await page(`${questionPaths.list}?trang=99`)).status).toBe(404);
    expect((await page('/hoi-dap/PAKN.20000101.0001')).status).toBe(404);
    expect((await page(first!.toLowerCase())).status).toBe(404);
    const feed = await page(questionPaths.feed);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('rss');
    expect(feed.html).toContain(`${first}</link>`);
  });
});
