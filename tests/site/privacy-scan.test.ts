/**
 * The privacy scan: questions are sent with distinctive names, e-mails and phone numbers
 * (in the contact fields and typed into the text), taken through the desk (published,
 * closed, left open, a robot's), then every public page the site links to, its sitemaps and
 * feeds, and every public API answer are fetched, and none of those details may appear in
 * any of them. SQLite only: what is scanned is rendered the same on either database.
 */
import { describe, expect, inject, test } from 'vitest';
import * as shared from '../../shared/src/index.js';
import { API_PREFIX, ActOnQuestion, ListPublishedQuestions, SubmitQuestion, declaredEndpoints, pathOf, questionPaths, type AnyEndpoint } from '../../shared/src/index.js';

const run = Date.now().toString(36);
const digits = String(Date.now()).slice(-6);
const people = ['a', 'b', 'c', 'd'].map((k, i) => ({
  name: `Quách Bí Mật ${k.toUpperCase()}${run}`,
  email: `pakn.bimat.${k}.${run}@rieng.example`,
  phone: `09${6 + i}6${digits}`.slice(0, 10),
}));
/** The ways a detail may show up in a page: as given, and a phone with its digits grouped. */
const forms = (p: (typeof people)[number]) => [p.name, p.email, p.phone, p.phone.replace(/(\d{4})(\d{3})(\d{3})/, '$1 $2 $3'), p.phone.replace(/^0/, '+84')];

async function cms(path: string | null, init: { method?: string; body?: unknown; token?: string } = {}) {
  const res = await fetch(`${inject('cmsUrl')}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, text: await res.text() };
}

async function send(person: (typeof people)[number], extra: Record<string, unknown> = {}): Promise<string> {
  const res = await cms(pathOf(SubmitQuestion.Endpoint), {
    method: 'POST',
    body: {
      subject: 'thu-tuc-hanh-chinh',
      title: `Hỏi về hồ sơ một cửa, quét riêng tư ${run}`,
      // Typed into the text too, as people do: the desk masks it before anything is public.
      question: `Hồ sơ của tôi nộp ở bộ phận một cửa đã quá hạn. Liên hệ ${person.phone} hoặc ${person.email}.`,
      name: person.name,
      email: person.email,
      phone: person.phone,
      consent: true,
      ...extra,
    },
  });
  expect(res.status, res.text).toBe(200);
  return (JSON.parse(res.text) as SubmitQuestion.Response).data.code;
}

const act = async (code: string, body: ActOnQuestion.Body, token: string) => {
  const res = await cms(pathOf(ActOnQuestion.Endpoint, { params: { code } }), { method: 'POST', body, token });
  expect(res.status, res.text).toBe(200);
};

describe.runIf(inject('database') === 'sqlite')('the privacy scan', () => {
  test('no name, e-mail or phone a citizen gave appears in any public page, feed, sitemap or public API answer', async () => {
    const { editor, noiVu } = inject('adminTokens');
    const [published, closed, open, robot] = people;
    const publishedCode = await send(published!);
    await act(publishedCode, { action: 'classify', subject: 'thu-tuc-hanh-chinh', note: '' }, editor);
    await act(publishedCode, { action: 'assign', agency: 'so-noi-vu', note: '' }, editor);
    await act(publishedCode, { action: 'answer', answer: 'Bộ phận một cửa sẽ liên hệ lại để trả kết quả trong tuần này.', note: '' }, noiVu);
    await act(publishedCode, { action: 'publish', note: '' }, editor);
    const closedCode = await send(closed!);
    await act(closedCode, { action: 'close', reason: 'trung-lap', note: '' }, editor);
    await send(open!);
    await send(robot!, { website: 'http://spam.example' });

    const site = inject('siteUrl');
    const origin = new URL(site).origin;
    const seen = new Set<string>();
    const queue = ['/', '/sitemap.xml', '/sitemap-news.xml', '/rss.xml', '/robots.txt', questionPaths.list, questionPaths.feed, questionPaths.item(publishedCode), '/ban-chi-dao', `${questionPaths.list}?q=bo+phan+mot+cua`];
    const leaks: string[] = [];
    const check = (where: string, text: string) => {
      const flat = text.replace(/\D+/g, '');
      for (const person of people) {
        for (const detail of forms(person)) if (text.includes(detail)) leaks.push(`${where}: ${detail}`);
        if (flat.includes(person.phone)) leaks.push(`${where}: ${person.phone} (digits)`);
      }
    };
    while (queue.length > 0 && seen.size < 500) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await fetch(`${site}${path}`, { redirect: 'manual' });
      const text = await res.text();
      check(path, text);
      for (const [, href] of text.matchAll(/(?:href="|<loc>)([^"<#]+)/g)) {
        const url = new URL(href!.replace(/&amp;/g, '&'), site);
        if (url.origin !== origin || /\.(css|js|png|jpe?g|webp|avif|svg|ico|mp3|mp4|pdf|vtt|docx)$/.test(url.pathname)) continue;
        const next = `${url.pathname}${url.search}`;
        if (!seen.has(next)) queue.push(next);
      }
    }
    expect(seen.size).toBeGreaterThan(50);
    expect(seen.has(questionPaths.item(publishedCode))).toBe(true);

    // Every public API read without parameters, each published question, and searches for the details themselves.
    const reads = declaredEndpoints(shared).filter((e: AnyEndpoint) => e.api === 'content-api' && e.access === 'public' && e.method === 'GET' && !e.path.includes(':'));
    expect(reads.length).toBeGreaterThan(5);
    for (const e of reads) {
      const res = await cms(`${API_PREFIX[e.api]}${e.path}`);
      check(`GET ${e.path}`, res.text);
    }
    const all = JSON.parse((await cms(pathOf(ListPublishedQuestions.Endpoint, { query: { pageSize: 50 } }))).text) as ListPublishedQuestions.Response;
    expect(all.data.map((q) => q.code)).toContain(publishedCode);
    for (const q of all.data) check(`published ${q.code}`, (await cms(`/api/cchc/questions/published/${q.code}`)).text);
    for (const person of people) {
      for (const q of [person.phone, person.email, person.name]) {
        // The article search answers the words it looked for (meta.words): only its hits are scanned.
        check(`search ${q}`, JSON.stringify((JSON.parse((await cms(`/api/cchc/search?q=${encodeURIComponent(q)}`)).text) as { data: unknown }).data));
        check(`questions search ${q}`, (await cms(pathOf(ListPublishedQuestions.Endpoint, { query: { q } }))).text);
        // The page shows the words searched for in its form and heading: only its results are scanned.
        const page = await (await fetch(`${site}${questionPaths.list}?q=${encodeURIComponent(q)}`)).text();
        check(`site search ${q}`, /<ol class="question-list">[\s\S]*?<\/ol>/.exec(page)?.[0] ?? '');
      }
    }
    expect(leaks).toEqual([]);
  }, 180_000);
});
