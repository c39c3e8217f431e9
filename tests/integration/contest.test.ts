/**
 * The online contest through the public API, against the real CMS and database:
 * registration rules, one entry per person under concurrency, attempts drawn and
 * timed by the server, answer keys never sent, one submission however many tabs,
 * late answers refused, and results ranked with the prediction tie-break.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { Workbook } from 'exceljs';
import {
  BANK_COLUMNS,
  ENTRY_SECRET_HEADER,
  SITE_KEY_HEADER,
  VISITOR_HEADER,
  GetBankTemplate,
  GetRoundRanking,
  ImportBank,
  ListContestActions,
  ListContestRounds,
  OpenRound,
  CloseRound,
  GetAttempt,
  GetContest,
  GetRegistrationChallenge,
  ListContests,
  RegisterEntry,
  SaveAnswer,
  StartAttempt,
  SubmitAttempt,
  pathOf,
  type AttemptView,
  type ContestDetail,
} from '../../shared/src/index.js';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { allKeys, contentManager } from '../support/api.js';

const cms = () => inject('cmsUrl');
const UID = { contest: 'plugin::cchc.contest', round: 'plugin::cchc.contest-round', question: 'plugin::cchc.contest-question' };
const run = Date.now().toString(36);
const slug = `cuoc-thi-kiem-thu-${run}`;
const BANK = 30;
const PER_ATTEMPT = 10;

/** The bank: question i has i % 4 + 2 options; its correct option is the first (single) or the first two (multiple, every fifth). */
const bank = Array.from({ length: BANK }, (_, i) => {
  const options = Array.from({ length: (i % 4) + 2 }, (__, o) => `Phương án ${o + 1} của câu ${i + 1}`);
  const multiple = i % 5 === 0 && options.length >= 3;
  return { text: `Câu hỏi kiểm thử số ${i + 1} về cải cách hành chính?`, kind: multiple ? 'multiple' : 'single', options, correct: multiple ? [0, 1] : [0], explanation: `Giải thích bí mật ${i + 1}` };
});
const correctOf = new Map<string, number[]>();

const cm = (uid: string) => contentManager(cms(), inject('adminTokens').committee, uid);
const created: Array<[string, string]> = [];
let contestId = '';

async function makeRound(number: number, opensAt: Date, closesAt: Date, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await cm(UID.round).create({ contest: { connect: [{ documentId: contestId }] }, number, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), questionsPerAttempt: PER_ATTEMPT, timeLimitMinutes: 15, attemptsAllowed: 1, scoreShown: 'ngay', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  created.push([UID.round, res.body.data.documentId]);
  return res.body.data.documentId;
}

async function api(path: string | null, init: { method?: string; body?: unknown; secret?: string } = {}) {
  const res = await fetch(`${cms()}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.secret ? { [ENTRY_SECRET_HEADER]: init.secret } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as any, text }; // answers vary per endpoint; each test reads what it checks
}

let person = 0;
const entrant = (overrides: Record<string, unknown> = {}) => {
  person++;
  return { name: `Người dự thi ${person}`, birthYear: 1990, phone: `09${String(10_000_000 + person * 7919 + Number(run.slice(-3).replace(/\D/g, '') || 0)).slice(-8)}`, audience: 'nguoi-dan', consent: true, ...overrides };
};
const register = (round: string, body: Record<string, unknown>) => api(pathOf(RegisterEntry.Endpoint, { params: { round } }), { method: 'POST', body });
const start = (entry: string, secret: string) => api(pathOf(StartAttempt.Endpoint, { params: { entry } }), { method: 'POST', secret });
const save = (attempt: string, question: string, chosen: number[], secret: string) => api(pathOf(SaveAnswer.Endpoint, { params: { attempt, question } }), { method: 'PUT', body: { chosen }, secret });
const submit = (attempt: string, secret: string, prediction: number, answers: Record<string, number[]> = {}) =>
  api(pathOf(SubmitAttempt.Endpoint, { params: { attempt } }), { method: 'POST', body: { prediction, answers }, secret });

/** A challenge from the CMS, solved as the widget solves it: the form field's value. */
async function solvedProof(): Promise<string> {
  const res = await fetch(`${cms()}${pathOf(GetRegistrationChallenge.Endpoint, {})}`);
  expect(res.headers.get('cache-control'), 'a challenge is never stored').toBe('no-store');
  const challenge = GetRegistrationChallenge.ResponseSchema.parse(await res.json());
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** Registers and starts: the entry's secret and the attempt. */
async function startFresh(round: string, overrides: Record<string, unknown> = {}): Promise<{ secret: string; attempt: AttemptView }> {
  const reg = await register(round, entrant(overrides));
  expect(reg.status, reg.text).toBe(200);
  const started = await start(reg.body.data.entry, reg.body.data.secret);
  expect(started.status, started.text).toBe(200);
  return { secret: reg.body.data.secret, attempt: started.body.data };
}

/** The right answer to each question of an attempt. */
const rightAnswers = (attempt: AttemptView) => Object.fromEntries(attempt.questions.map((q) => [q.id, correctOf.get(q.id)!]));

let openRound = '';

beforeAll(async () => {
  const contest = await cm(UID.contest).create({ title: `Cuộc thi kiểm thử ${run}`, slug, rules: 'Thể lệ: mỗi người thi một lần mỗi đợt.', audiences: ['nguoi-dan', 'can-bo'], minimumAge: 16, resultsPolicy: 'nguoi-doat-giai', winnersPerRound: 3 });
  expect(contest.status, JSON.stringify(contest.body)).toBe(201);
  contestId = contest.body.data.documentId;
  created.push([UID.contest, contestId]);
  for (const q of bank) {
    const res = await cm(UID.question).create({ ...q, contest: { connect: [{ documentId: contestId }] } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    correctOf.set(res.body.data.documentId, q.correct);
    created.push([UID.question, res.body.data.documentId]);
  }
  openRound = await makeRound(1, new Date(Date.now() - 60_000), new Date(Date.now() + 3_600_000));
});

afterAll(async () => {
  // Open rounds and their bank are locked: close the rounds first (a round not yet open refuses the earlier close, and needs none).
  for (const [uid, id] of created) if (uid === UID.round) await cm(uid).update(id, { closesAt: new Date().toISOString() });
  for (const [uid, id] of created.reverse()) await cm(uid).remove(id);
});

/** Closes a round within a moment, as an organiser may (its draw and clock stay as they were). */
async function closeSoon(round: string): Promise<void> {
  const res = await cm(UID.round).update(round, { closesAt: new Date(Date.now() + 300).toISOString() });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await new Promise((r) => setTimeout(r, 800));
}

describe('the organisers\' content', () => {
  test.each([
    ['with one option', { options: ['Chỉ một'], correct: [0] }, 'Cần từ 2 đến 6 phương án'],
    ['with its key outside the options', { options: ['A', 'B'], correct: [2] }, 'không thuộc các phương án'],
    ['single with two keys', { options: ['A', 'B', 'C'], correct: [0, 1] }, 'chỉ có đúng một đáp án đúng'],
    ['with options that are not a list', { options: 'A, B', correct: [0] }, 'danh sách các phương án'],
  ])('a question %s is refused with a 400 that says why', async (_, fields, message) => {
    const res = await cm(UID.question).create({ text: 'Câu hỏi lỗi?', kind: 'single', ...fields, contest: { connect: [{ documentId: contestId }] } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(message);
  });

  test('a round that closes before it opens is refused', async () => {
    const res = await cm(UID.round).create({ contest: { connect: [{ documentId: contestId }] }, number: 8, opensAt: '2030-01-02T00:00:00Z', closesAt: '2030-01-01T00:00:00Z', questionsPerAttempt: 5, timeLimitMinutes: 10, attemptsAllowed: 1, scoreShown: 'ngay' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('phải sau thời điểm mở');
  });

  test('an open round keeps its draw and clock; its title and closing time may change', async () => {
    const locked = await cm(UID.round).update(openRound, { questionsPerAttempt: 5, timeLimitMinutes: 1 });
    expect(locked.status).toBe(400);
    expect(JSON.stringify(locked.body)).toContain('Đợt thi đã mở');
    const renamed = await cm(UID.round).update(openRound, { title: 'Tuần 1 (đổi tên)', closesAt: new Date(Date.now() + 7_200_000).toISOString() });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
  });

  test('the round as the Content Manager sends it back, unchanged, saves', async () => {
    const res = await fetch(`${cms()}/content-manager/collection-types/${UID.round}/${openRound}`, { headers: { authorization: `Bearer ${inject('adminTokens').committee}` } });
    const { data } = (await res.json()) as { data: Record<string, unknown> };
    const fields = ['number', 'title', 'opensAt', 'closesAt', 'attemptsAllowed', 'questionsPerAttempt', 'timeLimitMinutes', 'scoreShown', 'audience', 'resultsPublished', 'demo'];
    const form = { ...Object.fromEntries(fields.map((f) => [f, data[f]])), contest: { connect: [], disconnect: [] } };
    const saved = await cm(UID.round).update(openRound, form);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });

  test('while a round is open, its bank\'s questions and the round itself cannot be changed away', async () => {
    const question = created.find(([uid]) => uid === UID.question)![1];
    const edited = await cm(UID.question).update(question, { text: 'Đổi câu hỏi giữa đợt thi?' });
    expect(edited.status).toBe(400);
    expect(JSON.stringify(edited.body)).toContain('đang mở');
    expect((await cm(UID.question).remove(question)).status).toBe(400);
    expect((await cm(UID.round).remove(openRound)).status).toBe(400);
  });

  test('a contest without a slug gets one from its title', async () => {
    const res = await cm(UID.contest).create({ title: `Tìm hiểu Đề án 06 ${run}`, rules: 'Thể lệ.', audiences: ['can-bo'] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    created.push([UID.contest, res.body.data.documentId]);
    expect(res.body.data.slug).toBe(`tim-hieu-de-an-06-${run}`);
    const bad = await cm(UID.contest).create({ title: `Sai đối tượng ${run}`, rules: 'Thể lệ.', audiences: ['ai-cung-duoc'] });
    expect(bad.status).toBe(400);
  });

  test('a contest and a question as the edit view sends them (its JSON editor\'s text) are saved as lists', async () => {
    const contest = await cm(UID.contest).create({ title: `Gõ trong trình soạn JSON ${run}`, rules: 'Thể lệ.', audiences: '["nguoi-dan", "can-bo"]' });
    expect(contest.status, JSON.stringify(contest.body)).toBe(201);
    created.push([UID.contest, contest.body.data.documentId]);
    expect(contest.body.data.audiences).toEqual(['nguoi-dan', 'can-bo']);
    const question = await cm(UID.question).create({ text: 'Câu hỏi gõ trong trình soạn?', kind: 'single', options: '["Có", "Không"]', correct: '[0]', contest: { connect: [{ documentId: contest.body.data.documentId }] } });
    expect(question.status, JSON.stringify(question.body)).toBe(201);
    created.push([UID.question, question.body.data.documentId]);
    expect(question.body.data).toMatchObject({ options: ['Có', 'Không'], correct: [0] });
    const broken = await cm(UID.contest).create({ title: `JSON hỏng ${run}`, rules: 'Thể lệ.', audiences: '["nguoi-dan"' });
    expect(broken.status).toBe(400);
    expect(JSON.stringify(broken.body)).toContain('danh sách đối tượng dự thi');
  });

  test.each([
    ['audiences that parse to a word', UID.contest, { title: `Một chữ ${run}`, rules: 'Thể lệ.', audiences: '"nguoi-dan"' }, 'danh sách đối tượng dự thi'],
    ['options that parse to an object', UID.question, { text: 'Câu hỏi?', kind: 'single', options: '{"a":1}', correct: '[0]' }, 'danh sách các phương án'],
    ['a key that parses to a number', UID.question, { text: 'Câu hỏi?', kind: 'single', options: '["A","B"]', correct: '0' }, 'số thứ tự'],
  ])('JSON text of the wrong shape (%s) is refused with a 400 that says why', async (_, uid, data, message) => {
    const res = await cm(uid).create(uid === UID.question ? { ...data, contest: { connect: [{ documentId: contestId }] } } : data);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(message);
  });

  test('a contest or round duplicated in the Content Manager is checked like a new one: its own slug, its JSON read, its clock checked', async () => {
    const clone = (uid: string, source: string, data: Record<string, unknown>) =>
      fetch(`${cms()}/content-manager/collection-types/${uid}/clone/${source}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${inject('adminTokens').committee}`, 'content-type': 'application/json' },
        body: JSON.stringify(data),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { data?: Record<string, unknown>; error?: { message: string } } }));
    const copy = await clone(UID.contest, contestId, { title: `Bản sao ${run}`, audiences: '["hoc-sinh"]' });
    expect(copy.status, JSON.stringify(copy.body)).toBe(200);
    const copyId = String(copy.body.data!.documentId);
    created.push([UID.contest, copyId]);
    // Stored as the form sent it: one audience, not the source's two merged item by item.
    const stored = (await cm(UID.contest).list(`&filters[documentId][$eq]=${copyId}`)).body.results[0] as { audiences: string[]; slug: string };
    expect(stored.audiences).toEqual(['hoc-sinh']);
    expect(stored.slug).not.toBe(slug);
    const wrong = await clone(UID.contest, contestId, { audiences: '"hoc-sinh"' });
    expect(wrong.status).toBe(400);
    const backwards = await clone(UID.round, openRound, { opensAt: '2031-01-02T00:00:00Z', closesAt: '2031-01-01T00:00:00Z' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error!.message).toContain('phải sau thời điểm mở');
  });
});

describe('the public pages\' data', () => {
  test('list the contest with its open round, and never an answer key', async () => {
    const list = await api(pathOf(ListContests.Endpoint));
    expect(list.status).toBe(200);
    const contest = (list.body.data as Array<{ slug: string; rounds: Array<{ phase: string }> }>).find((c) => c.slug === slug);
    expect(contest?.rounds.map((r) => r.phase)).toEqual(['open']);
    const detail = await api(pathOf(GetContest.Endpoint, { params: { slug } }));
    expect(detail.status).toBe(200);
    for (const body of [list.text, detail.text]) {
      expect(body).not.toContain('Giải thích bí mật');
      expect([...allKeys(JSON.parse(body))]).not.toContain('correct');
    }
  });
});

describe('registration', () => {
  test.each([
    ['without consent', { consent: false }, 'Hãy đồng ý'],
    ['without a phone or an ID number', { phone: '', citizenId: '' }, 'số điện thoại hoặc số định danh'],
    ['with a phone that is not one', { phone: '12345' }, 'Số điện thoại gồm 10 chữ số'],
    ['too young for the contest', { birthYear: new Date().getFullYear() - 10 }, 'từ 16 tuổi trở lên'],
    ['with a unit that does not exist', { agency: 'khong-co-don-vi-nay' }, 'đơn vị công tác'],
  ])('%s is refused with a 400 that says why', async (_, overrides, message) => {
    const res = await register(openRound, entrant(overrides));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  test('a second entry with the same phone, written otherwise, or the same ID number, is refused with a 409', async () => {
    const first = entrant({ phone: '0905 111 222', citizenId: '052090001234' });
    expect((await register(openRound, first)).status).toBe(200);
    const samePhone = await register(openRound, entrant({ phone: '+84905111222' }));
    expect(samePhone.status).toBe(409);
    expect(samePhone.body.error.message).toContain('Số điện thoại này đã được dùng');
    const sameId = await register(openRound, entrant({ citizenId: '052 090 001 234' }));
    expect(sameId.status).toBe(409);
    expect(sameId.body.error.message).toContain('Số định danh cá nhân này đã được dùng');
  });

  test('ten simultaneous registrations with one phone number: exactly one entry', async () => {
    const body = entrant();
    const answers = await Promise.all(Array.from({ length: 10 }, () => register(openRound, body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(9).fill(409)]);
  });

  test('a visitor past the hourly budget of registrations gets a 429 in Vietnamese; a visitor named without the site\'s key is not believed', async () => {
    const visitor = `10.${Date.now() % 250}.${Math.floor(Math.random() * 250)}.7`;
    const as = async (headers: Record<string, string>) =>
      fetch(`${cms()}${pathOf(RegisterEntry.Endpoint, { params: { round: openRound } })}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(entrant({ proof: await solvedProof() })) });
    const site = { [SITE_KEY_HEADER]: inject('siteApiKey'), [VISITOR_HEADER]: visitor };
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await as(site)).status);
    expect(statuses).toEqual([...Array(20).fill(200), 429]);
    const refused = await as(site);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('quá nhiều lượt đăng ký');
    // Without the key the header is the caller's word: the request is counted by its own address (here, exempt).
    expect((await as({ [VISITOR_HEADER]: visitor })).status).toBe(200);
  });

  test('a solved challenge registers once: the same proof again, a changed one or a made-up one is refused with a 400 that says what to do', async () => {
    const visitor = { [SITE_KEY_HEADER]: inject('siteApiKey'), [VISITOR_HEADER]: `10.77.${Date.now() % 250}.${Math.floor(Math.random() * 250)}` };
    const as = (body: Record<string, unknown>) =>
      fetch(`${cms()}${pathOf(RegisterEntry.Endpoint, { params: { round: openRound } })}`, { method: 'POST', headers: { 'content-type': 'application/json', ...visitor }, body: JSON.stringify(body) });
    const proof = await solvedProof();
    expect((await as(entrant({ proof }))).status).toBe(200);
    const again = await as(entrant({ proof }));
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain('đã được dùng');
    const payload = JSON.parse(Buffer.from(await solvedProof(), 'base64').toString()) as { challenge: { parameters: { cost: number } } };
    payload.challenge.parameters.cost = 1;
    const changed = await as(entrant({ proof: Buffer.from(JSON.stringify(payload)).toString('base64') }));
    expect(changed.status).toBe(400);
    expect(((await changed.json()) as { error: { message: string } }).error.message).toContain('không hợp lệ');
    expect((await as(entrant({ proof: 'bịa-đặt' }))).status).toBe(400);
  });

  test('without a solved challenge a visitor registers a few times an hour, then is asked to turn JavaScript on; with one, it goes on', async () => {
    const visitor = { [SITE_KEY_HEADER]: inject('siteApiKey'), [VISITOR_HEADER]: `10.88.${Date.now() % 250}.${Math.floor(Math.random() * 250)}` };
    const as = (body: Record<string, unknown>) =>
      fetch(`${cms()}${pathOf(RegisterEntry.Endpoint, { params: { round: openRound } })}`, { method: 'POST', headers: { 'content-type': 'application/json', ...visitor }, body: JSON.stringify(body) });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await as(entrant())).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await as(entrant());
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('bật JavaScript');
    expect((await as(entrant({ proof: await solvedProof() }))).status).toBe(200);
  });

  test('an unknown round answers 404 and a round not open answers 409', async () => {
    expect((await register('khongcodotthinay', entrant())).status).toBe(404);
    const later = await makeRound(9, new Date(Date.now() + 86_400_000), new Date(Date.now() + 2 * 86_400_000));
    const res = await register(later, entrant());
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('chưa mở hoặc đã kết thúc');
  });
});

describe('an attempt', () => {
  test('draws distinct questions of the bank with shuffled options, and sends no key', async () => {
    const { attempt } = await startFresh(openRound);
    expect(attempt.questions).toHaveLength(PER_ATTEMPT);
    expect(new Set(attempt.questions.map((q) => q.id)).size).toBe(PER_ATTEMPT);
    for (const q of attempt.questions) expect(correctOf.has(q.id)).toBe(true);
    expect(attempt.secondsLeft).toBeGreaterThan(14 * 60);
    expect(attempt.review).toBeNull();
    expect([...allKeys(attempt)]).not.toContain('correct');
    expect(JSON.stringify(attempt)).not.toContain('Giải thích bí mật');
  });

  test('five simultaneous starts of one entry make one attempt; a reload finds it with its answers', async () => {
    const reg = await register(openRound, entrant());
    const { entry, secret } = reg.body.data;
    const starts = await Promise.all(Array.from({ length: 5 }, () => start(entry, secret)));
    expect(starts.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(starts.map((s) => s.body.data.id)).size).toBe(1);
    const attempt: AttemptView = starts[0]!.body.data;
    const q = attempt.questions[0]!;
    expect((await save(attempt.id, q.id, [q.options[0]!.index], secret)).status).toBe(200);
    const reloaded = await api(pathOf(GetAttempt.Endpoint, { params: { attempt: attempt.id } }), { secret });
    expect(reloaded.body.data.answers).toEqual({ [q.id]: [q.options[0]!.index] });
    expect(reloaded.body.data.questions).toEqual(attempt.questions);
  });

  test('answers to a question not drawn, or with an option the question lacks, are refused', async () => {
    const { attempt, secret } = await startFresh(openRound);
    const drawn = new Set(attempt.questions.map((q) => q.id));
    const other = [...correctOf.keys()].find((id) => !drawn.has(id))!;
    expect((await save(attempt.id, other, [0], secret)).status).toBe(400);
    const q = attempt.questions[0]!;
    expect((await save(attempt.id, q.id, [q.options.length], secret)).status).toBe(400);
  });

  test('a wrong secret learns nothing: 404, as for an attempt that does not exist', async () => {
    const { attempt } = await startFresh(openRound);
    const wrong = await api(pathOf(GetAttempt.Endpoint, { params: { attempt: attempt.id } }), { secret: 'x'.repeat(32) });
    expect(wrong.status).toBe(404);
    const none = await api(pathOf(GetAttempt.Endpoint, { params: { attempt: 'khongco' } }), { secret: 'x'.repeat(32) });
    expect(none.status).toBe(404);
    expect(wrong.body.error.message).toBe(none.body.error.message);
    expect((await api(pathOf(GetAttempt.Endpoint, { params: { attempt: attempt.id } }))).status).toBe(400);
  });

  test('ten simultaneous submissions count once, with the score of the right answers', async () => {
    const { attempt, secret } = await startFresh(openRound);
    const answers = rightAnswers(attempt);
    // One wrong answer: the score must be one less than the maximum.
    const wrongQ = attempt.questions.find((q) => q.kind === 'single')!;
    answers[wrongQ.id] = [wrongQ.options.find((o) => !correctOf.get(wrongQ.id)!.includes(o.index))!.index];
    const results = await Promise.all(Array.from({ length: 10 }, () => submit(attempt.id, secret, 5, answers)));
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const done: AttemptView = results.find((r) => r.status === 200)!.body.data;
    expect(done.state).toBe('submitted');
    expect(done.result).toEqual({ score: PER_ATTEMPT - 1, max: PER_ATTEMPT });
    expect((await save(attempt.id, wrongQ.id, correctOf.get(wrongQ.id)!, secret)).status).toBe(409);
  });

  test('the one attempt a round allows cannot be started again once submitted', async () => {
    const reg = await register(openRound, entrant());
    const { entry, secret } = reg.body.data;
    const attempt: AttemptView = (await start(entry, secret)).body.data;
    expect((await submit(attempt.id, secret, 1)).status).toBe(200);
    const second = await start(entry, secret);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('hết số lượt thi');
  });
});

describe('the clock', () => {
  test('answers after the deadline are refused, and the server closes the attempt with what came in time', async () => {
    const round = await makeRound(2, new Date(Date.now() - 1000), new Date(Date.now() + 3_600_000));
    const { attempt, secret } = await startFresh(round);
    const [first, second] = attempt.questions;
    expect((await save(attempt.id, first!.id, correctOf.get(first!.id)!, secret)).status).toBe(200);
    // The round closes before the attempt's 15 minutes are up: the round's close is the deadline.
    await closeSoon(round);
    const late = await save(attempt.id, second!.id, correctOf.get(second!.id)!, secret);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('hết thời gian');
    expect((await submit(attempt.id, secret, 3)).status).toBe(409);
    const view: AttemptView = (await api(pathOf(GetAttempt.Endpoint, { params: { attempt: attempt.id } }), { secret })).body.data;
    expect(view.state).toBe('expired');
    expect(view.answers).toEqual({ [first!.id]: correctOf.get(first!.id) });
    expect(view.result).toEqual({ score: 1, max: PER_ATTEMPT });
    // Closed: the keys and explanations come with the attempt now, and only now.
    expect(view.review!.map((r) => [r.question, r.correct])).toEqual(view.questions.map((q) => [q.id, correctOf.get(q.id)]));
    expect(view.review!.every((r) => r.explanation.startsWith('Giải thích bí mật'))).toBe(true);
  });
});

describe('results', () => {
  test('rank by score, then the prediction, then the earliest; winners show without phone or ID', async () => {
    const round = await makeRound(3, new Date(Date.now() - 1000), new Date(Date.now() + 3_600_000), { scoreShown: 'sau-khi-dong' });
    const people = [
      { name: 'Trần Văn An', predict: 9, right: true },
      { name: 'Lê Thị Bình', predict: 2, right: true },
      { name: 'Phạm Minh Cường', predict: 3, right: false },
      { name: 'Võ Thị Dung', predict: 2, right: true },
    ];
    const phones: string[] = [];
    for (const p of people) {
      const body = entrant({ name: p.name });
      phones.push(String(body.phone));
      const reg = await register(round, body);
      const attempt: AttemptView = (await start(reg.body.data.entry, reg.body.data.secret)).body.data;
      const answers = rightAnswers(attempt);
      if (!p.right) delete answers[attempt.questions[0]!.id];
      const done = await submit(attempt.id, reg.body.data.secret, p.predict, answers);
      expect(done.status).toBe(200);
      expect(done.body.data.result).toBeNull(); // shown after the round closes
    }
    await closeSoon(round);
    expect((await cm(UID.round).update(round, { resultsPublished: true })).status).toBe(200);
    const detail = await api(pathOf(GetContest.Endpoint, { params: { slug } }));
    const results = (detail.body.data as ContestDetail).results.find((r) => r.round === round)!;
    // Three full scores: Bình and Dung predicted 2 (distance 1; Bình submitted first), An 9 (distance 6); three winners shown.
    expect(results.fullScoreCount).toBe(3);
    expect(results.entrants).toBe(4);
    expect(results.winners.map((w) => [w.rank, w.name, w.score])).toEqual([
      [1, 'Lê Thị Bình', PER_ATTEMPT],
      [2, 'Võ Thị Dung', PER_ATTEMPT],
      [3, 'Trần Văn An', PER_ATTEMPT],
    ]);
    for (const phone of phones) expect(detail.text).not.toContain(phone);
  });
});

describe('the organisers', () => {
  const admin = (path: string | null, init: { method?: string; body?: unknown; token?: string } = {}) =>
    fetch(`${cms()}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${init.token ?? inject('adminTokens').committee}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  test('see every round with its figures, and only they do', async () => {
    const res = await admin(pathOf(ListContestRounds.Endpoint));
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as ListContestRounds.Response;
    const open = data.find((r) => r.id === openRound)!;
    expect(open.phase).toBe('open');
    expect(open.bank).toBeGreaterThanOrEqual(BANK);
    expect(open.figures.entries).toBeGreaterThan(5);
    expect(open.figures.submitted).toBeGreaterThan(0);
    for (const token of [inject('adminTokens').editor, inject('adminTokens').tuPhap]) expect((await admin(pathOf(ListContestRounds.Endpoint), { token })).status).toBe(403);
  });

  test('open an upcoming round now and close an open one now, each recorded with who did it; a round in the wrong phase, or with too small a bank, is refused with a 409 that says why', async () => {
    const opens = new Date(Date.now() + 86_400_000);
    const round = await makeRound(11, opens, new Date(opens.getTime() + 86_400_000));
    const greedy = await makeRound(12, opens, new Date(opens.getTime() + 86_400_000), { questionsPerAttempt: 100 });
    const openNow = (id: string, token?: string) => admin(pathOf(OpenRound.Endpoint, { params: { round: id } }), { method: 'POST', token });
    const closeNow = (id: string) => admin(pathOf(CloseRound.Endpoint, { params: { round: id } }), { method: 'POST' });
    expect((await openNow(round, inject('adminTokens').editor)).status).toBe(403);
    const tooSmall = await openNow(greedy);
    expect(tooSmall.status).toBe(409);
    expect(((await tooSmall.json()) as { error: { message: string } }).error.message).toContain('ít hơn 100 câu');
    const early = await closeNow(round);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { message: string } }).error.message).toContain('đang mở');
    const opened = await openNow(round);
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as OpenRound.Response).data.phase).toBe('open');
    expect((await register(round, entrant())).status).toBe(200);
    const again = await openNow(round);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain('chưa mở');
    const closed = await closeNow(round);
    expect(closed.status).toBe(200);
    expect(((await closed.json()) as OpenRound.Response).data.phase).toBe('closed');
    expect((await register(round, entrant())).status).toBe(409);
    const log = (await (await admin(pathOf(ListContestActions.Endpoint))).json()) as ListContestActions.Response;
    // Named by its number (it was created without a title), moved twice, each time with who and to when.
    const mine = log.data.filter((a) => a.subject === 'Đợt 11' && a.action === 'Sửa đợt thi');
    expect(mine.map((a) => a.detail.replace(/\d/g, '0')).slice(0, 2)).toEqual(['kết thúc lúc 00:00, 00/00/0000', 'mở lúc 00:00, 00/00/0000']);
    expect(mine.slice(0, 2).every((a) => a.actor !== '')).toBe(true);
  });

  test('read the ranking with contact details, and export it as XLSX with the same rows', async () => {
    const res = await admin(pathOf(GetRoundRanking.Endpoint, { params: { round: openRound } }));
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as GetRoundRanking.Response;
    expect(data.rows.length).toBeGreaterThan(0);
    expect(data.rows.map((r) => r.rank)).toEqual(data.rows.map((_, i) => i + 1));
    expect(data.rows.every((r) => r.phone !== '' || r.citizenId !== '')).toBe(true);
    const file = await admin(pathOf(GetRoundRanking.Endpoint, { params: { round: openRound }, query: { format: 'xlsx' } }));
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const names: string[] = [];
    sheet.eachRow((row, n) => n > 1 && names.push(row.getCell(2).text));
    expect(names).toEqual(data.rows.map((r) => r.name));
  });

  test('import a bank from the template: previewed with each wrong row named, refused while one is wrong, then imported whole', async () => {
    const template = await admin(pathOf(GetBankTemplate.Endpoint, { params: { contest: contestId } }));
    expect(template.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(await template.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toBe(BANK_COLUMNS[0]);
    for (let i = 0; i < 12; i++) sheet.addRow([`Câu hỏi nhập từ tệp số ${i + 1} (${run})?`, i % 4 === 0 ? 'nhiều' : 'một', 'Phương án một', 'Phương án hai', 'Phương án ba', '', '', '', i % 4 === 0 ? 'A, B' : 'B', '', 'the-che', 'trung bình', '']);
    sheet.getRow(5).getCell(9).value = 'F'; // row 5: names an empty option
    const file = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const bankPath = pathOf(ImportBank.Endpoint, { params: { contest: contestId } });
    const preview = (await (await admin(bankPath, { method: 'POST', body: { file } })).json()) as ImportBank.Response;
    expect(preview.data.errors).toEqual([{ row: 5, messages: ['Đáp án "F" không phải là một phương án có nội dung.', 'Chưa chỉ ra đáp án đúng.'] }]);
    expect(preview.data.questions).toHaveLength(12); // the example row and eleven of the twelve
    const refused = await admin(bankPath, { method: 'POST', body: { file, commit: true } });
    expect(refused.status).toBe(400);
    const before = (await cm(UID.question).list(`&filters[contest][documentId][$eq]=${contestId}`)).body.pagination.total as number;
    sheet.getRow(5).getCell(9).value = 'C';
    const fixed = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const imported = await admin(bankPath, { method: 'POST', body: { file: fixed, commit: true } });
    expect(imported.status).toBe(200);
    expect(((await imported.json()) as ImportBank.Response).data.imported).toBe(13);
    const after = (await cm(UID.question).list(`&filters[contest][documentId][$eq]=${contestId}`)).body.pagination.total as number;
    expect(after - before).toBe(13);
    const notXlsx = await admin(bankPath, { method: 'POST', body: { file: Buffer.from('không phải tệp xlsx').toString('base64') } });
    expect(notXlsx.status).toBe(400);
  });

  test('each action is recorded with who and when', async () => {
    const res = await admin(pathOf(ListContestActions.Endpoint));
    const { data } = (await res.json()) as ListContestActions.Response;
    const actions = data.map((a) => a.action);
    expect(actions).toContain('Nhập ngân hàng câu hỏi');
    expect(actions).toContain('Xuất kết quả');
    expect(actions).toContain('Tạo đợt thi');
    expect(data.every((a) => a.actor.trim() !== '' && !Number.isNaN(Date.parse(a.at)))).toBe(true);
  });
});
