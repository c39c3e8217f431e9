/**
 * Citizens' questions through the public API, against the real CMS and database: a
 * submission gets a code, is stored with its contact apart and e-mailed its receipt; a
 * lookup needs the code and that contact; bad input gets a 400 in Vietnamese; a robot's
 * submission is answered like anyone's and counts toward the limit; 200 simultaneous
 * submissions get 200 distinct codes of one day, none skipped.
 */
import { describe, expect, inject, test } from 'vitest';
import { LookUpQuestion, SITE_KEY_HEADER, SubmitQuestion, VISITOR_HEADER, pathOf } from '../../shared/src/index.js';
import { readMailbox } from '../support/smtp-sink.js';

const cms = () => inject('cmsUrl');
const run = Date.now().toString(36);
const CODE = /^PAKN\.\d{8}\.\d{4,6}$/;

async function post(path: string | null, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${cms()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as any }; // answers vary: each test reads what it checks
}
const submit = (body: Record<string, unknown>, headers?: Record<string, string>) => post(pathOf(SubmitQuestion.Endpoint), body, headers);
const lookup = (code: string, contact: string) => post(pathOf(LookUpQuestion.Endpoint), { code, contact });

let n = 0;
const question = (overrides: Record<string, unknown> = {}) => {
  n++;
  return {
    subject: 'thu-tuc-hanh-chinh',
    title: `Hỏi về bộ phận một cửa ${run}-${n}`,
    question: 'Xin hỏi thời gian trả kết quả hồ sơ cấp đổi giấy phép lái xe tại bộ phận một cửa là bao lâu?',
    name: 'Nguyễn Văn Hỏi',
    email: `hoi.${run}.${n}@example.vn`,
    phone: `09${String(30_000_000 + n * 7 + (Date.now() % 1000)).slice(-8)}`,
    consent: true,
    ...overrides,
  };
};

describe('a citizen sends a question', () => {
  test('gets a code, looks it up with the e-mail or the phone given, and sees no personal data; the receipt is e-mailed', async () => {
    const sent = question({ agency: 'so-noi-vu' });
    const res = await submit(sent);
    expect(res.status, res.text).toBe(200);
    const { code } = res.body.data as SubmitQuestion.Response['data'];
    expect(code).toMatch(CODE);
    for (const contact of [sent.email, sent.phone.replace(/^0/, '+84 '), ` ${sent.email.toUpperCase()} `]) {
      const found = await lookup(code.toLowerCase().replace(/\./g, '-'), contact);
      expect(found.status, found.text).toBe(200);
      expect(found.body.data).toMatchObject({ code, state: 'received', stateLabel: 'Đã tiếp nhận', title: sent.title, subject: 'Cải cách thủ tục hành chính', answer: null, closedReason: null });
      expect(found.body.data.history).toEqual([{ state: 'received', label: 'Đã tiếp nhận', at: expect.any(String) }]);
      for (const secret of [sent.name, sent.email, sent.phone]) expect(found.text).not.toContain(secret);
    }
    await expect.poll(async () => (await readMailbox(inject('mailDir'))).filter((m) => m.subject.includes(code)).flatMap((m) => m.to), { timeout: 10_000 }).toEqual([sent.email]);
  });

  test('a question with Windows line breaks is measured as typed: 5,000 characters with line breaks pass', async () => {
    const lines = Array.from({ length: 50 }, () => 'x'.repeat(99)).join('\r\n');
    expect(lines.replace(/\r\n/g, '\n')).toHaveLength(4999);
    expect((await submit(question({ question: lines }))).status).toBe(200);
  });

  test('a wrong contact and an unknown code get the same 404', async () => {
    const sent = question();
    const { code } = (await submit(sent)).body.data;
    const wrongContact = await lookup(code, 'nguoi.khac@example.vn');
    const wrongPhone = await lookup(code, '0900000000');
    const unknown = await lookup('PAKN.20000101.9999', sent.email);
    const garbage = await lookup("PAKN' OR 1=1 --", sent.email);
    for (const res of [wrongContact, wrongPhone, unknown, garbage]) {
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(wrongContact.body.error.message);
    }
  });

  test.each([
    ['without consent', { consent: false }, 'Hãy đồng ý'],
    ['without any contact', { email: '', phone: '' }, 'thư điện tử hoặc số điện thoại'],
    ['with an e-mail that is not one', { email: 'khong-phai-thu' }, 'thư điện tử không hợp lệ'],
    ['with a phone that is not one', { phone: '12345' }, '10 hoặc 11 chữ số'],
    ['with a subject that does not exist', { subject: 'khong-co-linh-vuc-nay' }, 'Lĩnh vực'],
    ['with an agency that does not exist', { agency: 'khong-co-co-quan-nay' }, 'Cơ quan'],
    ['without a title', { title: '   ' }, 'Hãy nhập tiêu đề'],
    ['with a question of 5,001 characters', { question: 'a'.repeat(5001) }, 'dài quá 5000 ký tự'],
    ['with a 50,000-character name', { name: 'b'.repeat(50_000) }, 'dài quá 120 ký tự'],
    ['with a subject that is not text', { subject: 42 }, 'lĩnh vực'],
    ['with a NUL in the name', { name: 'Nguyễn\u0000Văn' }, 'ký tự không hợp lệ'],
    ['with a control character in the question', { question: 'Hỏi\u0007 gì?' }, 'ký tự không hợp lệ'],
  ])('%s is refused with a 400 that says why', async (_, overrides, message) => {
    const res = await submit(question(overrides));
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  test('malformed bodies (bytes that are not UTF-8, broken JSON, a form of another type) get a 4xx, never a 500', async () => {
    const json = Buffer.concat([Buffer.from('{"subject":"thu-tuc-hanh-chinh","title":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('","question":"x","name":"A","email":"a@b.vn","consent":true}')]);
    for (const [body, type] of [
      [json, 'application/json'],
      [Buffer.from('{"subject": "thu-tuc'), 'application/json'],
      [Buffer.from('subject=%ZZ&title=%E0%A4%A'), 'application/x-www-form-urlencoded'],
      [Buffer.from('<xml/>'), 'text/xml'],
    ] as const) {
      const res = await fetch(`${cms()}${pathOf(SubmitQuestion.Endpoint)}`, { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(body) });
      expect(res.status, `${type}: ${await res.clone().text()}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });

  test('a script in the question is kept as the text it was', async () => {
    const sent = question({ title: '<script>alert(1)</script> Hỏi', question: '<img src=x onerror=alert(1)> nội dung' });
    const { code } = (await submit(sent)).body.data;
    const found = await lookup(code, sent.email);
    expect(found.body.data.title).toBe('<script>alert(1)</script> Hỏi');
  });

  test('200 simultaneous submissions get 200 distinct codes, numbered without a gap', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, () => submit(question())));
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(200));
    const codes = answers.map((a) => a.body.data.code as string);
    expect(new Set(codes).size).toBe(200);
    const byDay = new Map<string, number[]>();
    for (const code of codes) {
      const [, day, number] = code.split('.');
      byDay.set(day!, [...(byDay.get(day!) ?? []), Number(number)]);
    }
    for (const numbers of byDay.values()) {
      numbers.sort((a, b) => a - b);
      expect(numbers.at(-1)! - numbers[0]! + 1, 'no number skipped or taken twice').toBe(numbers.length);
    }
  });
});

describe('limits and robots', () => {
  test('a visitor that fails ten lookups in an hour is refused the eleventh with a 429, however right it is', async () => {
    const sent = question();
    const { code } = (await submit(sent)).body.data;
    const as = { [SITE_KEY_HEADER]: inject('siteApiKey'), [VISITOR_HEADER]: `10.67.${Date.now() % 250}.9` };
    for (let i = 0; i < 10; i++) expect((await post(pathOf(LookUpQuestion.Endpoint), { code: `PAKN.20240101.${String(i + 1).padStart(4, '0')}`, contact: sent.email }, as)).status).toBe(404);
    const refused = await post(pathOf(LookUpQuestion.Endpoint), { code, contact: sent.email }, as);
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain('tra cứu sai nhiều lần');
  });

  let visitors = 0;
  const visitor = () => ({ [SITE_KEY_HEADER]: inject('siteApiKey'), [VISITOR_HEADER]: `10.66.${Date.now() % 250}.${++visitors}` });

  test('a visitor sends one question a minute; the next gets a 429 in Vietnamese with when to try again', async () => {
    const as = visitor();
    expect((await submit(question(), as)).status).toBe(200);
    const again = await submit(question(), as);
    expect(again.status).toBe(429);
    expect(again.body.error.message).toMatch(/thử lại sau \d+ (giây|phút)/);
  });

  test('a robot that fills the hidden field is answered exactly like a person, and its submission counts toward the limit', async () => {
    const as = visitor();
    const robot = await submit(question({ website: 'http://quang-cao.example' }), as);
    expect(robot.status).toBe(200);
    const person = await submit(question(), visitor());
    expect(Object.keys(robot.body.data).sort()).toEqual(Object.keys(person.body.data).sort());
    expect(robot.body.data.mailed).toBe(person.body.data.mailed);
    expect(robot.body.data.code).toMatch(CODE);
    // No receipt goes to a robot's address (it could be anyone's).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await readMailbox(inject('mailDir'))).some((m) => m.subject.includes(robot.body.data.code))).toBe(false);
    expect((await submit(question(), as)).status).toBe(429);
  });
});
