/** Citizens' questions: the path of an item, working days with holidays, lookup codes and masked contacts (shared/src/questions). */
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_STATE_DEADLINES,
  MASK,
  QUESTION_STATES,
  QUESTION_TRANSITIONS,
  QuestionRuleError,
  actionsFrom,
  addWorkingDays,
  dayKeyOf,
  eraseDetails,
  monthsBefore,
  hasContacts,
  isPrivateRequest,
  lookupCode,
  normalizeContactPhone,
  normalizeEmail,
  lookupDay,
  maskContacts,
  normalizeLookupCode,
  questionFigures,
  questionsTable,
  transitionFor,
  AGENCY_KIND_CODES,
  computeCompliance,
  vietnamInstant,
  workingDaysBetween,
} from '../../../shared/src/index.js';

/** Tết 2025 and the 30/4–1/5 holidays of 2024, as a province would enter them. */
const HOLIDAYS = new Set(['2024-04-29', '2024-04-30', '2024-05-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
const NONE = new Set<string>();
const endOf = (year: number, month: number, day: number) => new Date(vietnamInstant(year, month, day + 1).getTime() - 1);

describe('working days', () => {
  test.each([
    ['Monday + 2, no holidays', vietnamInstant(2024, 5, 6, 9), 2, NONE, endOf(2024, 5, 8)],
    ['Friday + 1 is Monday', vietnamInstant(2024, 5, 3, 16), 1, NONE, endOf(2024, 5, 6)],
    ['Saturday + 1 is Monday', vietnamInstant(2024, 5, 4, 10), 1, NONE, endOf(2024, 5, 6)],
    ['Friday 26/4/2024 + 2 skips the weekend and 29/4–1/5', vietnamInstant(2024, 4, 26, 9), 2, HOLIDAYS, endOf(2024, 5, 3)],
    ['Friday 24/1/2025 + 1 skips Tết', vietnamInstant(2025, 1, 24, 15), 1, HOLIDAYS, endOf(2025, 2, 3)],
    ['15 working days from Monday 3/6/2024: Monday 24/6', vietnamInstant(2024, 6, 3, 8), 15, NONE, endOf(2024, 6, 24)],
    ['late at night in Vietnam is already the next day', new Date('2024-05-05T18:00:00Z'), 1, NONE, endOf(2024, 5, 7)],
    ['zero days on a working day: its end', vietnamInstant(2024, 5, 6, 9), 0, NONE, endOf(2024, 5, 6)],
    ['zero days on a Sunday: the end of Monday', vietnamInstant(2024, 5, 5, 9), 0, NONE, endOf(2024, 5, 6)],
  ])('%s', (_, from, days, holidays, due) => {
    expect(addWorkingDays(from, days, holidays).toISOString()).toBe(due.toISOString());
  });

  test.each([
    ['same day', vietnamInstant(2024, 5, 6, 8), vietnamInstant(2024, 5, 6, 17), NONE, 0],
    ['Friday to Monday', vietnamInstant(2024, 5, 3), vietnamInstant(2024, 5, 6), NONE, 1],
    ['across 30/4–1/5', vietnamInstant(2024, 4, 26), vietnamInstant(2024, 5, 2), HOLIDAYS, 1],
    ['backwards', vietnamInstant(2024, 5, 6), vietnamInstant(2024, 5, 3), NONE, -1],
  ])('working days between: %s', (_, from, to, holidays, days) => {
    expect(workingDaysBetween(from, to, holidays)).toBe(days);
  });

  test('a deadline and the days counted to it agree', () => {
    const from = vietnamInstant(2025, 1, 20, 10);
    const due = addWorkingDays(from, 15, HOLIDAYS);
    expect(workingDaysBetween(from, due, HOLIDAYS)).toBe(15);
  });

  test('a negative or fractional count is refused; a calendar with no working day is a data error', () => {
    expect(() => addWorkingDays(new Date(), -1, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(), 1.5, NONE)).toThrow(RangeError);
    const everyDay = new Set(Array.from({ length: 800 }, (_, i) => dayKeyOf(new Date(Date.now() + i * 86_400_000))));
    expect(() => addWorkingDays(new Date(), 1, everyDay)).toThrow(/holidays/);
  });

  test('the default deadlines: classify in 2, answer in 15', () => {
    expect(DEFAULT_STATE_DEADLINES).toMatchObject({ received: 2, assigned: 15 });
  });
});

describe('the path of an item', () => {
  test.each([
    ['received', 'moderator', ['classify', 'assign', 'close']],
    ['assigned', 'agency', ['answer']],
    ['assigned', 'moderator', ['assign', 'answer', 'close']],
    ['answered', 'moderator', ['answer', 'publish', 'close']],
    ['published', 'moderator', []],
    ['closed', 'moderator', ['reopen']],
    ['received', 'agency', []],
  ] as const)('from %s, a %s may %j', (state, actor, actions) => {
    expect(actionsFrom(state, actor)).toEqual(actions);
  });

  test.each([
    ['an agency publishing', 'answered', 'publish', 'agency', 'không được'],
    ['publishing before an answer', 'assigned', 'publish', 'moderator', 'đã có trả lời'],
    ['answering a closed item', 'closed', 'answer', 'agency', 'đã đóng'],
  ] as const)('%s is refused in Vietnamese', (_, state, action, actor, message) => {
    expect(() => transitionFor(state, action, actor)).toThrow(QuestionRuleError);
    expect(() => transitionFor(state, action, actor)).toThrow(message);
  });

  test('every state but published is reachable, and every transition leads to a known state', () => {
    const targets = new Set(QUESTION_TRANSITIONS.map((t) => t.to));
    for (const state of QUESTION_STATES) if (state !== 'received') expect(targets.has(state), state).toBe(true);
    for (const t of QUESTION_TRANSITIONS) for (const s of [...t.from, t.to]) expect(QUESTION_STATES).toContain(s);
  });
});

describe('lookup codes', () => {
  test.each([
    [vietnamInstant(2024, 11, 5, 9), 7, 'PAKN.20241105.0007'],
    [new Date('2024-11-04T17:30:00Z'), 1, 'PAKN.20241105.0001'],
    [vietnamInstant(2024, 11, 5), 12_345, 'PAKN.20241105.12345'],
  ])('the code of %s, number %i, is %s', (at, n, code) => {
    expect(lookupCode(lookupDay(at), n)).toBe(code);
  });

  test.each([
    [' pakn-20241105-0007 ', 'PAKN.20241105.0007'],
    ['PAKN 20241105 0007', 'PAKN.20241105.0007'],
    ['PAKN.20241305.0007', null],
    ['PAKN.20241105.7', null],
    ['20241105.0007', null],
    ["PAKN.20241105.0007' OR 1=1", null],
  ])('%j is read as %j', (typed, code) => {
    expect(normalizeLookupCode(typed)).toBe(code);
  });

  test('no code for a number out of range', () => {
    expect(() => lookupCode('20241105', 0)).toThrow(RangeError);
    expect(() => lookupCode('2024115', 1)).toThrow(RangeError);
  });
});

describe('contact details masked in the public text', () => {
  test.each([
    ['Số của tôi là 0905 123 456, gọi giúp.', `Số của tôi là ${MASK}, gọi giúp.`],
    ['ĐT: 0905.123.456', `ĐT: ${MASK}`],
    ['+84 905 123 456 là số nhà tôi', `${MASK} là số nhà tôi`],
    ['Máy bàn (0256) 3822 123.', `Máy bàn ${MASK}.`],
    ['Email nguyen.van.an@gmail.com nhé', `Email ${MASK} nhé`],
    ['CCCD 052090001234 bị sai tên', `CCCD ${MASK} bị sai tên`],
    ['Hồ sơ nộp ngày 12/3/2024, chờ 15 ngày, mã hồ sơ 000.00.12.H09-240312-0001', 'Hồ sơ nộp ngày 12/3/2024, chờ 15 ngày, mã hồ sơ 000.00.12.H09-240312-0001'],
    ['Năm 2024 có 2.350 người dân', 'Năm 2024 có 2.350 người dân'],
  ])('%j', (text, masked) => {
    expect(maskContacts(text)).toBe(masked);
    expect(hasContacts(text)).toBe(masked !== text);
  });
});

describe('contacts, written one way', () => {
  test.each([
    ['0905 123 456', '0905123456'],
    ['+84 905.123.456', '0905123456'],
    ['84905123456', '0905123456'],
    ['+84 (0) 905 123 456', '0905123456'],
    ['(0256) 3822 123', '02563822123'],
    ['+84 256 3822 123', '02563822123'],
  ])('%j is %s', (typed, phone) => {
    expect(normalizeContactPhone(typed)).toBe(phone);
  });

  test.each(['12345', '0905 123', '+1 415 555 0100', '09051234567890'])('%j is not a Vietnamese phone number', (typed) => {
    expect(() => normalizeContactPhone(typed)).toThrow(QuestionRuleError);
  });

  test('an e-mail address is compared trimmed and in lower case', () => {
    expect(normalizeEmail(' An.Nguyen@Gmail.COM ')).toBe('an.nguyen@gmail.com');
  });
});

describe('the questions\' private pages', () => {
  test.each([
    ['GET', '/hoi-dap/tra-cuu', true],
    ['GET', '/hoi-dap/tra-cuu/', true],
    ['POST', '/hoi-dap/gui', true],
    ['POST', '/hoi-dap/gui/', true],
    ['GET', '/hoi-dap/gui', false],
    ['GET', '/hoi-dap', false],
    ['GET', '/', false],
  ])('%s %s is private: %s', (method, path, expected) => {
    expect(isPrivateRequest(method, path)).toBe(expected);
  });
});

describe('the quarter\'s figure per answering agency', () => {
  // Monday 6 May 2024, 09:00 in Vietnam; no holidays; 2 working days to answer → due end of Wednesday 8 May.
  const monday = vietnamInstant(2024, 5, 6, 9).getTime();
  const day = 24 * 3600 * 1000;
  const now = new Date(vietnamInstant(2024, 5, 20, 9));
  test.each([
    ['answered the next day', { answeredAt: monday + day }, { onTime: 1 }],
    ['answered at the last moment of the deadline day', { answeredAt: vietnamInstant(2024, 5, 9).getTime() - 1 }, { onTime: 1 }],
    ['answered the day after the deadline', { answeredAt: monday + 3 * day }, { late: 1 }],
    ['not answered, past the deadline', { answeredAt: null }, { open: 1, overdue: 1 }],
    ['closed without an answer: received only', { answeredAt: null, closed: true }, {}],
  ] as const)('%s', (_, item, expected) => {
    const { rows } = questionFigures([{ agency: 'so-noi-vu', assignedAt: monday, closed: false, ...item }], 2, new Set(), now);
    expect(rows).toEqual([{ agency: 'so-noi-vu', received: 1, onTime: 0, late: 0, open: 0, overdue: 0, ...expected }]);
  });

  test('a holiday moves the deadline: answered on Thursday is on time when Wednesday is a holiday', () => {
    const thursday = vietnamInstant(2024, 5, 9, 10).getTime();
    const item = { agency: 'a', assignedAt: monday, answeredAt: thursday, closed: false };
    expect(questionFigures([item], 2, new Set(), now).rows[0]).toMatchObject({ late: 1 });
    expect(questionFigures([item], 2, new Set(['2024-05-08']), now).rows[0]).toMatchObject({ onTime: 1 });
  });

  test('questions never assigned are counted apart, and the table ends with the total', () => {
    const figures = questionFigures([{ agency: null, assignedAt: null, answeredAt: null, closed: false }, { agency: 'a', assignedAt: monday, answeredAt: monday, closed: false }], 15, new Set(), now);
    expect(figures.unassigned).toBe(1);
    const report = computeCompliance({
      year: 2024,
      quarter: 2,
      agencies: [{ slug: 'a', name: 'Sở A', shortName: '', kind: AGENCY_KIND_CODES[0], active: true }],
      areas: [],
      tasks: [],
      submitted: [],
      published: { byFormat: [], byAreas: [] },
      exemptions: [],
      questions: { items: [{ agency: null, assignedAt: null, answeredAt: null, closed: false }, { agency: 'a', assignedAt: monday, answeredAt: monday, closed: false }], answerDays: 15, holidays: new Set(), now },
    });
    expect(report.questions.rows).toEqual([{ agency: { slug: 'a', name: 'Sở A', shortName: '' }, received: 1, onTime: 1, late: 0, open: 0, overdue: 0 }]);
    expect(questionsTable(report).rows).toEqual([
      ['Sở A', 1, 1, 0, 0, 0],
      ['Chưa chuyển cơ quan trả lời', 1, '', '', '', ''],
      ['Tổng cộng', 2, 1, 0, 0, 0],
    ]);
  });
});

describe('what stays of a citizen\'s text once their personal data is erased', () => {
  test.each([
    ['Tôi là Lê Văn An, gọi 0905 123 456', 'Lê Văn An', 'Tôi là [đã ẩn], gọi [đã ẩn]'],
    ['LÊ VĂN AN hỏi: thư an@gmail.com', 'Lê Văn An', '[đã ẩn] hỏi: thư [đã ẩn]'],
    ['Lê  Văn\nAn ký tên', 'Lê Văn An', '[đã ẩn] ký tên'],
    ['Một chữ: A', 'A', 'Một chữ: A'],
    ['Tên có ký tự đặc biệt (a+b)', '(a+b)', 'Tên có ký tự đặc biệt [đã ẩn]'],
    ['Cơ quan An Nhơn trả lời bà An', 'An', 'Cơ quan [đã ẩn] Nhơn trả lời bà [đã ẩn]'],
    ['Hỏi về quan hệ lao động', 'An', 'Hỏi về quan hệ lao động'],
  ])('%s', (text, name, expected) => {
    expect(eraseDetails(text, name)).toBe(expected);
  });
});

describe('the retention period, in calendar months in Vietnam', () => {
  test.each([
    [vietnamInstant(2025, 3, 31, 10), 1, vietnamInstant(2025, 2, 28, 10)],
    [vietnamInstant(2024, 3, 31, 10), 1, vietnamInstant(2024, 2, 29, 10)],
    [vietnamInstant(2025, 1, 15, 0, 30), 12, vietnamInstant(2024, 1, 15, 0, 30)],
    [vietnamInstant(2025, 6, 1, 1), 0, vietnamInstant(2025, 6, 1, 1)],
  ])('%s less %i months', (from, months, expected) => {
    expect(monthsBefore(from, months).toISOString()).toBe(expected.toISOString());
  });
});

