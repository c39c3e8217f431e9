/**
 * The contest's pages on the site, over HTTP, against the seeded demo contest: the public
 * pages (cached, results without phone numbers), registration by a plain form, the
 * attempt page private to the browser that registered (cookie, never cached), saving and
 * submitting without JavaScript, and the autosave endpoint the script uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { contestPaths } from '../../shared/src/index.js';
import { decodeEntities } from '../support/html.js';

const site = (p: string) => `${inject('siteUrl')}${p}`;
const demo = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../cms/seed/demo/contest.json'), 'utf8')) as {
  contest: { slug: string; title: string };
  entrants: Array<{ name: string; phone: string }>;
  questions: Array<{ explanation: string }>;
};
const contestPage = contestPaths.contest(demo.contest.slug);
const origin = () => new URL(inject('siteUrl')).origin;

async function page(p: string, init: RequestInit = {}) {
  const res = await fetch(site(p), { redirect: 'manual', ...init });
  const raw = await res.text();
  return { status: res.status, headers: res.headers, html: decodeEntities(raw) };
}

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return body;
};
const post = (p: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
  page(p, { method: 'POST', body: form(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin(), ...headers } });

/** The cookies an answer set, as a browser would send them back. */
const jarOf = (headers: Headers) => ({ cookie: headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ') });

const phone = () => `09${String(Date.now() % 100_000_000).padStart(8, '0')}`;

/** The open round's id, read from the registration form. */
async function openRoundId(): Promise<string> {
  const { html } = await page(contestPage);
  const match = /name="round" value="([a-z0-9]+)"/.exec(html);
  if (!match) throw new Error('no registration form on the contest page');
  return match[1]!;
}

describe('the public contest pages', () => {
  test('list the demo contest and its rounds', async () => {
    const { status, html } = await page(contestPaths.list);
    expect(status).toBe(200);
    expect(html).toContain(demo.contest.title);
    expect(html).toContain('Đang mở');
    expect(html).toContain('Đã kết thúc');
  });

  test('show the closed round\'s winners without a phone number, and a registration form whose consent is not ticked', async () => {
    const first = await page(contestPage);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/public/);
    expect(first.html).toContain('Kết quả đợt 1');
    expect(first.html).toContain(demo.entrants[0]!.name);
    for (const entrant of demo.entrants) expect(first.html).not.toContain(entrant.phone);
    for (const q of demo.questions) if (q.explanation) expect(first.html).not.toContain(q.explanation);
    const consent = /<input[^>]*name="consent"[^>]*>/.exec(first.html)![0];
    expect(consent).not.toContain('checked');
    expect((await page(contestPage)).headers.get('x-cache')).toMatch(/HIT|STALE/);
  });
});

describe('an entrant without JavaScript', () => {
  test('registers, saves answers, is told the prediction is missing, then submits once', async () => {
    const round = await openRoundId();
    const number = phone();
    const registered = await post(contestPage, { round, name: 'Người dân thử nghiệm', birthYear: '1990', phone: number, audience: 'nguoi-dan', consent: 'on' });
    expect(registered.status, registered.html.slice(0, 500)).toBe(303);
    const location = registered.headers.get('location')!;
    expect(location).toMatch(/^\/cuoc-thi\/bai-thi\/[a-z0-9]+$/);
    const cookies = registered.headers.getSetCookie();
    // The registration's cookie for the round, and the attempt's.
    expect(cookies).toHaveLength(2);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).not.toMatch(/Secure/); // the test's site is plain http
    }
    const jar = jarOf(registered.headers);

    const attempt = await page(location, { headers: jar });
    expect(attempt.status).toBe(200);
    expect(attempt.headers.get('cache-control')).toBe('no-store');
    expect(attempt.headers.get('x-cache')).toBeNull();
    const questions = [...attempt.html.matchAll(/name="(q-[a-z0-9]+)" value="(\d)"/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(new Set(questions.map(([q]) => q)).size).toBe(10);
    for (const q of demo.questions) if (q.explanation) expect(attempt.html).not.toContain(q.explanation);

    // Save: the first option of each question.
    const firstChoices = Object.fromEntries(questions.filter(([q], i, all) => all.findIndex(([x]) => x === q) === i));
    const saved = await post(location, { ...firstChoices, action: 'save' }, jar);
    expect(saved.status).toBe(200);
    expect(saved.html).toContain('Đã lưu câu trả lời.');
    const [firstField, firstValue] = Object.entries(firstChoices)[0]!;
    expect(saved.html).toMatch(new RegExp(`name="${firstField}" value="${firstValue}"[^>]*checked`));

    // Without JavaScript an answer is cleared by sending the form without it.
    const { [firstField]: _cleared, ...allButFirst } = firstChoices;
    const cleared = await post(location, { ...allButFirst, action: 'save' }, jar);
    expect(cleared.html).not.toMatch(new RegExp(`name="${firstField}" value="\\d"[^>]*checked`));
    expect(cleared.html).toMatch(new RegExp(`name="${Object.keys(allButFirst)[0]}" value="\\d"[^>]*checked`));

    const noPrediction = await post(location, { ...firstChoices, action: 'submit', prediction: '' }, jar);
    expect(noPrediction.status).toBe(400);
    expect(noPrediction.html).toContain('câu hỏi dự đoán');

    const submitted = await post(location, { ...firstChoices, action: 'submit', prediction: '42' }, jar);
    expect(submitted.status).toBe(200);
    expect(submitted.html).toContain('Bạn đã nộp bài.');
    expect(submitted.html).toContain('Điểm sẽ được công bố sau khi đợt thi kết thúc.');

    const again = await post(contestPage, { round, name: 'Người dân thử nghiệm', birthYear: '1990', phone: number, audience: 'nguoi-dan', consent: 'on' });
    expect(again.status).toBe(409);
    expect(again.html).toContain('Số điện thoại này đã được dùng');
    expect(again.html).toContain('value="Người dân thử nghiệm"');
    // The browser that registered is not asked to register again: it is told its one attempt is used.
    const sameBrowser = await post(contestPage, { round, name: 'Người dân thử nghiệm', birthYear: '1990', phone: number, audience: 'nguoi-dan', consent: 'on' }, jar);
    expect(sameBrowser.status).toBe(409);
    expect(sameBrowser.html).toContain('hết số lượt thi');
  });

  test('a registration this browser kept but the CMS no longer knows is forgotten, and the form registers afresh', async () => {
    const round = await openRoundId();
    const stale = { cookie: `cchc_dk_${round}=abc123.${'x'.repeat(32)}` };
    const res = await post(contestPage, { round, name: 'Người có cookie cũ', birthYear: '1991', phone: phone(), audience: 'nguoi-dan', consent: 'on' }, stale);
    expect(res.status, res.html.slice(0, 300)).toBe(303);
    const cookies = res.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith(`cchc_dk_${round}=;`) && c.includes('Max-Age=0'))).toBe(true);
    expect(cookies.some((c) => c.startsWith(`cchc_dk_${round}=`) && !c.includes('Max-Age=0'))).toBe(true);
  });

  test('a form without consent comes back with the reason and what was typed', async () => {
    const res = await post(contestPage, { round: await openRoundId(), name: 'Chưa đồng ý', birthYear: '1990', phone: phone(), audience: 'nguoi-dan' });
    expect(res.status).toBe(400);
    expect(res.html).toContain('Hãy đồng ý');
    expect(res.html).toContain('value="Chưa đồng ý"');
  });
});

describe('the attempt page', () => {
  test('opens only in the browser that registered', async () => {
    const registered = await post(contestPage, { round: await openRoundId(), name: 'Người thứ hai', birthYear: '1985', phone: phone(), audience: 'nguoi-dan', consent: 'on' });
    const location = registered.headers.get('location')!;
    const stranger = await page(location);
    expect(stranger.status).toBe(404);
    expect(stranger.html).toContain('Không mở được bài thi này');
    const forged = await page(location, { headers: { cookie: `cchc_thi_${location.split('/').pop()}=abc.${'x'.repeat(32)}` } });
    expect(forged.status).toBe(404);
  });

  test('the script\'s autosave saves one answer with the cookie, and refuses a form from another site', async () => {
    const registered = await post(contestPage, { round: await openRoundId(), name: 'Người dùng điện thoại', birthYear: '2000', phone: phone(), audience: 'nguoi-dan', consent: 'on' });
    const location = registered.headers.get('location')!;
    const jar = jarOf(registered.headers);
    const attempt = await page(location, { headers: jar });
    const [, field, value] = /name="q-([a-z0-9]+)" value="(\d)"/.exec(attempt.html)!;
    const saved = await fetch(site(contestPaths.answer(location.split('/').pop()!)), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: origin(), ...jar },
      body: JSON.stringify({ question: field, chosen: [Number(value)] }),
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { secondsLeft: number }).secondsLeft).toBeGreaterThan(0);
    const reloaded = await page(location, { headers: jar });
    expect(reloaded.html).toMatch(new RegExp(`name="q-${field}" value="${value}"[^>]*checked`));
    const crossSite = await post(location, { action: 'save' }, { ...jar, origin: 'https://ke-gian.example' });
    expect(crossSite.status).toBe(403);
  });
});
