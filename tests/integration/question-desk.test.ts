/**
 * The questions desk against the real CMS and database: a citizen's question is classified,
 * assigned to an agency (whose staff are e-mailed), answered by that agency's contributor
 * only, redacted and published by an editor (the citizen e-mailed), found on the public list
 * without diacritics and without any personal data, and its answer shown on lookup. Another
 * agency sees nothing of it; every step and every view of the contact is in the history.
 */
import { describe, expect, inject, test } from 'vitest';
import {
  ActOnQuestion,
  EditQuestionText,
  EraseQuestionData,
  ExportQuestionData,
  GetCompliance,
  GetDeskQuestion,
  GetPublishedQuestion,
  GetQuestionAttachment,
  GetQuestionContact,
  ListDeskQuestions,
  ListPublishedQuestions,
  LookUpQuestion,
  SubmitQuestion,
  pathOf,
  quarterOf,
  type DeskQuestionDetail,
  type DeskView,
} from '../../shared/src/index.js';
import sharp from 'sharp';
import { readMailbox } from '../support/smtp-sink.js';

const cms = () => inject('cmsUrl');
const run = Date.now().toString(36);
type Token = keyof ReturnType<typeof tokens>;
const tokens = () => inject('adminTokens');

async function call(path: string | null, init: { method?: string; body?: unknown; as?: Token } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.as) headers.authorization = `Bearer ${tokens()[init.as]}`;
  const res = await fetch(`${cms()}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as any }; // answers vary: each test reads what it checks
}
const detailOf = (code: string, as: Token) => call(pathOf(GetDeskQuestion.Endpoint, { params: { code } }), { as });
const act = (code: string, body: Record<string, unknown>, as: Token) => call(pathOf(ActOnQuestion.Endpoint, { params: { code } }), { method: 'POST', body, as });
const list = (view: DeskView, as?: Token) => call(pathOf(ListDeskQuestions.Endpoint, { query: { view } }), as ? { as } : {});

const NAME = `Đỗ Thị Riêng Tư ${run}`;
const EMAIL = `rieng.tu.${run}@example.vn`;
const PHONE = `0912${String(Date.now()).slice(-6)}`;

async function sendQuestion(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await call(pathOf(SubmitQuestion.Endpoint), {
    method: 'POST',
    body: {
      subject: 'thu-tuc-hanh-chinh',
      title: `Bộ phận một cửa phường làm việc sáng thứ Bảy không? ${run}`,
      question: `Tôi là ${NAME}, muốn nộp hồ sơ chứng thực vào sáng thứ Bảy. Gọi lại giúp tôi: ${PHONE.replace(/(\d{4})(\d{3})(\d{3})/, '$1 $2 $3')}.`,
      name: NAME,
      email: EMAIL,
      phone: PHONE,
      consent: true,
      ...overrides,
    },
  });
  expect(res.status, res.text).toBe(200);
  return res.body.data.code as string;
}

describe('the desk takes a question from receipt to a published answer', () => {
  test('classify, assign, answer by the agency, redact, publish; another agency never sees it; the public never sees who asked', async () => {
    const code = await sendQuestion();
    // The editor sees it among the open items, due within the classification deadline.
    const open = await list('open', 'editor');
    expect(open.status, open.text).toBe(200);
    const item = (open.body as ListDeskQuestions.Response).data.find((q) => q.code === code)!;
    expect(item).toMatchObject({ state: 'received', stateLabel: 'Đã tiếp nhận', overdue: false, flagged: false, assignedAgency: null });
    expect(Date.parse(item.dueAt!)).toBeGreaterThan(Date.now());
    expect(open.text).not.toContain(EMAIL);
    expect(open.text).not.toContain(PHONE);

    // Contributors see nothing before assignment.
    expect((await detailOf(code, 'noiVu')).status).toBe(404);

    const classified = await act(code, { action: 'classify', subject: 'thu-tuc-hanh-chinh' }, 'editor');
    expect(classified.status, classified.text).toBe(200);
    // The public text starts as the citizen's with the phone masked; the original is kept.
    const afterClassify = classified.body.data as DeskQuestionDetail;
    expect(afterClassify.body).toContain('[đã ẩn]');
    expect(afterClassify.body).not.toContain(PHONE.slice(-3));
    expect(afterClassify.originalBody).toContain(PHONE.slice(0, 4));

    const assigned = await act(code, { action: 'assign', agency: 'so-noi-vu', note: 'Thuộc thẩm quyền Sở Nội vụ' }, 'editor');
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body.data).toMatchObject({ state: 'assigned', assignedAgency: { slug: 'so-noi-vu' } });
    await expect
      .poll(async () => (await readMailbox(inject('mailDir'))).filter((m) => m.subject.includes(code)).flatMap((m) => m.to), { timeout: 10_000 })
      .toContain('sonoivu@cchc.local');

    // Another agency: not in its list, and the item, its steps and the contact are all 404.
    expect((await list('all', 'tuPhap')).body.data.map((q: { code: string }) => q.code)).not.toContain(code);
    expect((await detailOf(code, 'tuPhap')).status).toBe(404);
    expect((await act(code, { action: 'answer', answer: 'Trả lời giả mạo.' }, 'tuPhap')).status).toBe(404);
    expect((await call(pathOf(GetQuestionContact.Endpoint, { params: { code } }), { as: 'tuPhap' })).status).toBe(404);

    // The assigned agency: sees it, may only answer it.
    expect((await list('open', 'noiVu')).body.data.map((q: { code: string }) => q.code)).toContain(code);
    const seen = await detailOf(code, 'noiVu');
    expect(seen.body.data).toMatchObject({ actions: ['answer'], canEditText: false });
    expect((await act(code, { action: 'publish' }, 'noiVu')).status).toBe(400);
    expect((await call(pathOf(EditQuestionText.Endpoint, { params: { code } }), { method: 'PUT', body: { title: 'Sửa', body: 'Sửa' }, as: 'noiVu' })).status).toBe(403);
    const contact = await call(pathOf(GetQuestionContact.Endpoint, { params: { code } }), { as: 'noiVu' });
    expect(contact.body.data).toEqual({ name: NAME, email: EMAIL, phone: PHONE, erased: false });
    const answered = await act(code, { action: 'answer', answer: 'Bộ phận một cửa cấp xã tiếp nhận hồ sơ vào sáng thứ Bảy hằng tuần theo lịch đã niêm yết.' }, 'noiVu');
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body.data.state).toBe('answered');

    // The citizen's name is still in the public text: publication is refused until it is redacted.
    const refused = await act(code, { action: 'publish' }, 'editor');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('họ tên người gửi');
    const edited = await call(pathOf(EditQuestionText.Endpoint, { params: { code } }), {
      method: 'PUT',
      body: { title: afterClassify.title, body: 'Tôi muốn nộp hồ sơ chứng thực vào sáng thứ Bảy; bộ phận một cửa phường có làm việc không?', note: 'Ẩn họ tên' },
      as: 'editor',
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.data).toMatchObject({ redacted: true, originalBody: expect.stringContaining(NAME) });

    // Two editors publish at once: one succeeds, the other is told it moved.
    const both = await Promise.all([act(code, { action: 'publish' }, 'editor'), act(code, { action: 'publish' }, 'committee')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, expect.any(Number)]);
    expect([400, 409]).toContain(both.map((r) => r.status).sort()[1]);
    const published = both.find((r) => r.status === 200)!.body.data as DeskQuestionDetail;
    expect(published.state).toBe('published');
    expect(published.history.map((e) => e.action)).toEqual(['receive', 'classify', 'assign', 'view-contact', 'answer', 'edit-text', 'publish']);
    expect(published.history.find((e) => e.action === 'view-contact')!.actorName).toContain('Sở Nội vụ');

    // The citizen hears of the answer; the public list finds it without diacritics; no personal data anywhere.
    await expect
      .poll(async () => (await readMailbox(inject('mailDir'))).filter((m) => m.subject.includes(code) && m.subject.includes('đã có trả lời')).flatMap((m) => m.to), { timeout: 10_000 })
      .toEqual([EMAIL]);
    const found = await call(pathOf(ListPublishedQuestions.Endpoint, { query: { q: `bo phan mot cua phuong ${run}` } }));
    expect(found.status, found.text).toBe(200);
    expect(found.body.data.map((q: { code: string }) => q.code)).toEqual([code]);
    const one = await call(pathOf(GetPublishedQuestion.Endpoint, { params: { code } }));
    expect(one.body.data).toMatchObject({ code, agency: { slug: 'so-noi-vu' }, subject: { code: 'thu-tuc-hanh-chinh' } });
    for (const text of [found.text, one.text]) {
      for (const secret of [NAME, EMAIL, PHONE, PHONE.slice(-6)]) expect(text).not.toContain(secret);
    }
    const looked = await call(pathOf(LookUpQuestion.Endpoint), { method: 'POST', body: { code, contact: EMAIL } });
    expect(looked.body.data).toMatchObject({ state: 'published', answer: { agency: expect.stringContaining('Sở Nội vụ'), text: expect.stringContaining('sáng thứ Bảy') } });
    // The public history has the steps only, not staff's views and edits.
    expect(looked.body.data.history.map((h: { state: string }) => h.state)).toEqual(['received', 'classified', 'assigned', 'answered', 'published']);
  });

  test('an answer that names the sender is refused at publication; the public text and answer are checked for their details', async () => {
    const code = await sendQuestion({ title: `Trả lời nêu tên ${run}` });
    await act(code, { action: 'assign', agency: 'so-noi-vu' }, 'editor');
    await call(pathOf(EditQuestionText.Endpoint, { params: { code } }), { method: 'PUT', body: { title: `Trả lời nêu tên ${run}`, body: 'Bộ phận một cửa phường có làm việc sáng thứ Bảy không?' }, as: 'editor' });
    await act(code, { action: 'answer', answer: `Kính gửi bà ${NAME}, bộ phận một cửa làm việc sáng thứ Bảy. Hotline 0256 3822 123.` }, 'noiVu');
    const refused = await act(code, { action: 'publish' }, 'editor');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('họ tên người gửi');
    // An office's own hotline in the answer is fine; the sender's name is not.
    await act(code, { action: 'answer', answer: 'Kính gửi bà, bộ phận một cửa làm việc sáng thứ Bảy. Hotline 0256 3822 123.' }, 'noiVu');
    expect((await act(code, { action: 'publish' }, 'editor')).status).toBe(200);
  });

  test('closing gives the citizen the reason; reopening starts over; a wrong step says why', async () => {
    const code = await sendQuestion({ title: `Giá vé xe Tết ${run}` });
    const early = await act(code, { action: 'publish' }, 'editor');
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('đang "đã tiếp nhận"');
    expect((await act(code, { action: 'close', reason: 'khong-co' }, 'editor')).status).toBe(400);
    const closed = await act(code, { action: 'close', reason: 'ngoai-pham-vi', note: 'Liên hệ bến xe.' }, 'committee');
    expect(closed.status, closed.text).toBe(200);
    const looked = await call(pathOf(LookUpQuestion.Endpoint), { method: 'POST', body: { code, contact: PHONE } });
    expect(looked.body.data).toMatchObject({ state: 'closed', closedReason: { code: 'ngoai-pham-vi' }, answer: null });
    expect((await act(code, { action: 'reopen' }, 'editor')).body.data.state).toBe('received');
  });

  test('bad input: an unknown agency or area, an empty answer, a malformed code, a 50,000-character answer get a 400 in Vietnamese', async () => {
    const code = await sendQuestion({ title: `Hỏi lỗi ${run}` });
    for (const [body, words] of [
      [{ action: 'assign', agency: 'khong-co-co-quan-nay' }, 'Cơ quan'],
      [{ action: 'classify', subject: 'khong-co-linh-vuc' }, 'Lĩnh vực'],
      [{ action: 'fly' }, 'Thao tác'],
    ] as const) {
      const res = await act(code, body, 'editor');
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.message).toContain(words);
    }
    await act(code, { action: 'assign', agency: 'so-noi-vu' }, 'editor');
    for (const answer of ['', '   ', 'x'.repeat(50_000)]) expect((await act(code, { action: 'answer', answer }, 'noiVu')).status).toBe(400);
    // A malformed code never reaches the database (the client refuses to build its path; the server its input).
    expect(pathOf(GetDeskQuestion.Endpoint, { params: { code: 'PAKN.2024' } })).toBeNull();
    expect((await call('/cchc/questions/PAKN.2024', { as: 'editor' })).status).toBe(400);
    expect((await detailOf('PAKN.20000101.9999', 'editor')).status).toBe(404);
  });

  test('the seeded desk has open items, one of them overdue, and published answers on several areas', async () => {
    const overdue = await list('overdue', 'editor');
    expect(overdue.body.data.length).toBeGreaterThanOrEqual(1);
    for (const q of overdue.body.data) expect(q.overdue).toBe(true);
    expect(overdue.body.counts.overdue).toBe(overdue.body.data.length);
    const published = await call(pathOf(ListPublishedQuestions.Endpoint, { query: { pageSize: 50 } }));
    expect(new Set(published.body.data.map((q: { subject: { code: string } }) => q.subject.code)).size).toBeGreaterThanOrEqual(3);
    // Diacritic-free search and the filters.
    const licence = await call(pathOf(ListPublishedQuestions.Endpoint, { query: { q: 'giay phep lai xe' } }));
    expect(licence.body.data.length).toBeGreaterThanOrEqual(1);
    const byArea = await call(pathOf(ListPublishedQuestions.Endpoint, { query: { area: 'cong-vu' } }));
    for (const q of byArea.body.data) expect(q.subject.code).toBe('cong-vu');
    const byAgency = await call(pathOf(ListPublishedQuestions.Endpoint, { query: { agency: 'so-tu-phap' } }));
    expect(byAgency.body.data.length).toBeGreaterThanOrEqual(1);
    for (const q of byAgency.body.data) expect(q.agency.slug).toBe('so-tu-phap');
  });

  test('attachments: photos and PDFs checked from their content, kept privately, downloaded by the desk (recorded), gone with the personal data', async () => {
    const png = await sharp({ create: { width: 24, height: 24, channels: 3, background: '#a00' } }).png().toBuffer();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const form = (files: Array<[Buffer, string, string]>, title = `Có ảnh kèm ${run}`) => {
      const body = new FormData();
      for (const [name, value] of Object.entries({ subject: 'thu-tuc-hanh-chinh', title, question: 'Ảnh chụp giấy hẹn trả kết quả kèm theo.', name: NAME, email: EMAIL, consent: 'on' })) body.append(name, value);
      for (const [bytes, name, type] of files) body.append('attachments', new Blob([new Uint8Array(bytes)], { type }), name);
      return fetch(`${cms()}${pathOf(SubmitQuestion.Endpoint)}`, { method: 'POST', body });
    };
    const sent = await form([[png, 'giay-hen.png', 'image/png'], [pdf, 'to-khai.pdf', 'application/pdf']]);
    expect(sent.status, await sent.clone().text()).toBe(200);
    const { code } = ((await sent.json()) as SubmitQuestion.Response).data;
    const detail = (await detailOf(code, 'editor')).body.data as DeskQuestionDetail;
    // In the order the body parser finished writing them, not necessarily the order sent.
    expect(detail.attachments.map((a) => [a.name, a.mime]).sort()).toEqual([['giay-hen.png', 'image/png'], ['to-khai.pdf', 'application/pdf']]);
    const photo = detail.attachments.find((a) => a.mime === 'image/png')!;
    const file = await fetch(`${cms()}${pathOf(GetQuestionAttachment.Endpoint, { params: { code, file: photo.id } })}`, { headers: { authorization: `Bearer ${tokens().editor}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
    // Not assigned to it: another agency gets a 404; anyone signed out a 401.
    expect((await fetch(`${cms()}${pathOf(GetQuestionAttachment.Endpoint, { params: { code, file: photo.id } })}`, { headers: { authorization: `Bearer ${tokens().tuPhap}` } })).status).toBe(404);
    expect((await fetch(`${cms()}${pathOf(GetQuestionAttachment.Endpoint, { params: { code, file: photo.id } })}`)).status).toBe(401);
    expect(((await detailOf(code, 'editor')).body.data as DeskQuestionDetail).history.map((e) => e.action)).toContain('view-attachment');

    // Refused, with nothing kept: a script named .png, four files, an SVG, over 5 MB.
    const before = (await list('all', 'editor')).body.counts.all as number;
    for (const [files, words] of [
      [[[Buffer.from('<script>alert(1)</script>'), 'anh.png', 'image/png']], 'không phải ảnh JPEG, PNG'],
      [[[Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'anh.svg', 'image/svg+xml']], 'không phải ảnh JPEG, PNG'],
      [[1, 2, 3, 4].map((i) => [png, `anh-${i}.png`, 'image/png']), 'tối đa 3 tệp'],
      [[[Buffer.alloc(5 * 1024 * 1024 + 1, 1), 'lon.pdf', 'application/pdf']], 'quá giới hạn 5 MB'],
    ] as Array<[Array<[Buffer, string, string]>, string]>) {
      const res = await form(files, `Từ chối ${run}`);
      const text = await res.text();
      expect(res.status, text).toBe(400);
      expect(text).toContain(words);
    }
    const tooLarge = await form([[Buffer.alloc(16 * 1024 * 1024 + 1, 1), 'rat-lon.pdf', 'application/pdf']], `Quá lớn ${run}`);
    expect(tooLarge.status).toBe(413);
    expect((await list('all', 'editor')).body.counts.all).toBe(before);

    // Erased with the personal data.
    expect((await call(pathOf(EraseQuestionData.Endpoint), { method: 'POST', body: { code, contact: EMAIL, confirm: true } })).status).toBe(200);
    expect(((await detailOf(code, 'editor')).body.data as DeskQuestionDetail).attachments).toEqual([]);
  });

  test('the sender downloads what is stored and erases it: the name and contact go, the question stays masked, the lookup stops', async () => {
    const code = await sendQuestion({ title: `Xoá dữ liệu ${run}` });
    const wrong = await call(pathOf(ExportQuestionData.Endpoint), { method: 'POST', body: { code, contact: 'nguoi.khac@example.vn' } });
    expect(wrong.status).toBe(404);
    const exported = await call(pathOf(ExportQuestionData.Endpoint), { method: 'POST', body: { code, contact: EMAIL } });
    expect(exported.status, exported.text).toBe(200);
    expect(exported.body.data).toMatchObject({ code, contact: { name: NAME, email: EMAIL, phone: PHONE }, question: { text: expect.stringContaining(NAME) }, retention: expect.stringContaining('12 tháng') });
    expect((await call(pathOf(EraseQuestionData.Endpoint), { method: 'POST', body: { code, contact: EMAIL } })).status).toBe(400);
    const erased = await call(pathOf(EraseQuestionData.Endpoint), { method: 'POST', body: { code, contact: PHONE, confirm: true } });
    expect(erased.status, erased.text).toBe(200);
    // Gone for the sender (the same 404 as a wrong contact), and for staff, who see what was kept.
    expect((await call(pathOf(LookUpQuestion.Endpoint), { method: 'POST', body: { code, contact: EMAIL } })).status).toBe(404);
    expect((await call(pathOf(EraseQuestionData.Endpoint), { method: 'POST', body: { code, contact: PHONE, confirm: true } })).status).toBe(404);
    const contact = await call(pathOf(GetQuestionContact.Endpoint, { params: { code } }), { as: 'editor' });
    expect(contact.body.data).toEqual({ name: '', email: null, phone: null, erased: true });
    const detail = (await detailOf(code, 'editor')).body.data as DeskQuestionDetail;
    for (const secret of [NAME, PHONE.slice(-3)]) expect(detail.originalBody).not.toContain(secret);
    expect(detail.history.map((e) => e.action)).toContain('erase-contact');
  });

  test('the compliance report counts the quarter\'s questions per answering agency: on time, late, open, overdue', async () => {
    const report = async (at: Date) => {
      const { year, quarter } = quarterOf(at);
      const res = await call(pathOf(GetCompliance.Endpoint, { query: { year, quarter } }), { as: 'committee' });
      expect(res.status, res.text).toBe(200);
      return (res.body as GetCompliance.Response).data.questions;
    };
    // This file's first question was answered by Sở Nội vụ the day it was assigned: on time, this quarter.
    const now = await report(new Date());
    expect(now.rows.find((r) => r.agency.slug === 'so-noi-vu')!.onTime).toBeGreaterThanOrEqual(1);
    expect(now.totals.received).toBe(now.rows.reduce((n, r) => n + r.received, 0));
    // The seed's overdue item was received 32 days ago and assigned to Sở Nội vụ two days later, never answered.
    const seeded = await report(new Date(Date.now() - 32 * 24 * 3600 * 1000));
    expect(seeded.rows.find((r) => r.agency.slug === 'so-noi-vu')!.overdue).toBeGreaterThanOrEqual(1);
    expect((await call(pathOf(GetCompliance.Endpoint, { query: { ...quarterOf(new Date()), format: 'csv' } }), { as: 'editor' })).status).toBe(403);
  });

  test('the desk needs a signed-in account; the public read needs a published code', async () => {
    expect((await list('open')).status).toBe(401);
    expect((await call(pathOf(GetPublishedQuestion.Endpoint, { params: { code: 'PAKN.20000101.0001' } }))).status).toBe(404);
    expect((await call('/api/cchc/questions/published/khong-phai-ma')).status).toBe(404);
  });
});
