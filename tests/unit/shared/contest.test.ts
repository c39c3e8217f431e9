/** The contest's pure rules: questions in the bank, the draw, scoring, time and the ranking with its tie-breaks. */
import { describe, expect, test } from 'vitest';
import {
  BANK_COLUMNS,
  ContestRuleError,
  attemptDeadline,
  attemptScore,
  drawAttempt,
  maskNumber,
  normalizeCitizenId,
  normalizePhone,
  questionProblems,
  questionScore,
  rankRound,
  readBank,
  roundPhase,
  secondsLeft,
  seededRandom,
  shuffled,
  type AnswerKey,
  type RankableAttempt,
} from '../../../shared/src/index.js';

describe('a question in the bank', () => {
  const ok = { kind: 'single' as const, text: 'Cơ quan nào thường trực CCHC?', options: ['Sở Nội vụ', 'Sở Tư pháp', 'Văn phòng UBND'], correct: [0] };
  test.each([
    ['well formed', ok, []],
    ['without text', { ...ok, text: '  ' }, ['Thiếu nội dung câu hỏi.']],
    ['with one option', { ...ok, options: ['A'], correct: [0] }, ['Cần từ 2 đến 6 phương án trả lời (có 1).']],
    ['with seven options', { ...ok, options: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] }, ['Cần từ 2 đến 6 phương án trả lời (có 7).']],
    ['with an empty option', { ...ok, options: ['A', ' ', 'C'] }, ['Có phương án trả lời để trống.']],
    ['with options equal but for case and form', { ...ok, options: ['Sở Nội vụ', 'sở nội vụ'.normalize('NFD'), 'X'] }, ['Hai phương án trả lời trùng nhau.']],
    ['with a key outside the options', { ...ok, correct: [3] }, ['Đáp án đúng không thuộc các phương án.']],
    ['without a key', { ...ok, correct: [] }, ['Chưa chỉ ra đáp án đúng.']],
    ['single with two keys', { ...ok, correct: [0, 1] }, ['Câu hỏi một đáp án chỉ có đúng một đáp án đúng.']],
    ['multiple with one key', { ...ok, kind: 'multiple' as const, correct: [1] }, ['Câu hỏi nhiều đáp án cần ít nhất hai đáp án đúng.']],
    ['multiple with two keys', { ...ok, kind: 'multiple' as const, correct: [1, 2] }, []],
    ['with a key written twice', { ...ok, kind: 'multiple' as const, correct: [1, 1, 2] }, ['Một đáp án đúng được ghi hai lần.']],
  ])('%s', (_, question, problems) => {
    expect(questionProblems(question)).toEqual(problems);
  });
});

describe('the seeded randomness', () => {
  test('one seed gives one sequence, another seed another', () => {
    const a = seededRandom('lượt-1'), b = seededRandom('lượt-1'), c = seededRandom('lượt-2');
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  test('a shuffle keeps every item, leaves its input alone, and is near uniform', () => {
    const input = [0, 1, 2, 3];
    const firsts = [0, 0, 0, 0];
    const random = seededRandom('đều');
    for (let i = 0; i < 4000; i++) {
      const out = shuffled(input, random);
      expect([...out].sort()).toEqual(input);
      firsts[out[0]!]!++;
    }
    expect(input).toEqual([0, 1, 2, 3]);
    for (const n of firsts) expect(n).toBeGreaterThan(850); // 1000 expected for each
  });
});

describe('drawing an attempt', () => {
  const bank = Array.from({ length: 60 }, (_, i) => ({ id: `q${String(i).padStart(2, '0')}`, optionCount: 2 + (i % 5) }));

  test('draws distinct questions from the bank, each with its options permuted', () => {
    const drawn = drawAttempt(bank, 20, 'seed-a');
    expect(drawn).toHaveLength(20);
    expect(new Set(drawn.map((d) => d.questionId)).size).toBe(20);
    for (const d of drawn) {
      const count = bank.find((q) => q.id === d.questionId)!.optionCount;
      expect([...d.optionOrder].sort()).toEqual([...Array(count).keys()]);
    }
  });

  test('the same seed draws the same, whatever the order the bank comes in; another seed draws otherwise', () => {
    expect(drawAttempt([...bank].reverse(), 20, 'seed-a')).toEqual(drawAttempt(bank, 20, 'seed-a'));
    expect(drawAttempt(bank, 20, 'seed-b').map((d) => d.questionId)).not.toEqual(drawAttempt(bank, 20, 'seed-a').map((d) => d.questionId));
  });

  test('every question of the bank gets drawn over many attempts', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) for (const d of drawAttempt(bank, 20, `s${i}`)) seen.add(d.questionId);
    expect(seen.size).toBe(60);
  });

  test.each([
    [61, 'Ngân hàng có 60 câu hỏi, ít hơn 61 câu mỗi lượt thi.'],
    [0, 'Số câu hỏi mỗi lượt thi phải là số nguyên dương.'],
  ])('refuses %i questions from a bank of 60', (count, message) => {
    expect(() => drawAttempt(bank, count, 's')).toThrow(new ContestRuleError(message));
  });
});

describe('scoring', () => {
  const single: AnswerKey = { kind: 'single', correct: [2] };
  const multiple: AnswerKey = { kind: 'multiple', correct: [0, 3] };
  test.each([
    ['single, right', single, [2], 1],
    ['single, wrong', single, [1], 0],
    ['single, right and wrong together', single, [2, 1], 0],
    ['single, nothing', single, [], 0],
    ['multiple, all right in any order', multiple, [3, 0], 1],
    ['multiple, part of the right ones', multiple, [0], 0],
    ['multiple, the right ones and one more', multiple, [0, 3, 1], 0],
    ['multiple, a right one twice', multiple, [0, 0], 0],
  ])('%s', (_, key, chosen, score) => {
    expect(questionScore(key, chosen)).toBe(score);
  });

  const drawn = [
    { questionId: 'a', optionOrder: [0, 1, 2] },
    { questionId: 'b', optionOrder: [3, 2, 1, 0] },
    { questionId: 'c', optionOrder: [1, 0] },
  ];
  const keys = new Map<string, AnswerKey>([
    ['a', single],
    ['b', multiple],
    ['c', { kind: 'single', correct: [0] }],
    ['x', { kind: 'single', correct: [0] }],
  ]);
  const deadline = new Date('2024-08-01T03:15:00Z');
  const at = (s: number) => new Date(deadline.getTime() + s * 1000);

  test('counts the last on-time answer to each drawn question, and nothing after the deadline', () => {
    const result = attemptScore(
      drawn,
      [
        { questionId: 'a', chosen: [1], at: at(-100) },
        { questionId: 'a', chosen: [2], at: at(-50) }, // changed to the right one in time
        { questionId: 'b', chosen: [0, 3], at: at(-10) },
        { questionId: 'b', chosen: [0], at: at(1) }, // late: the earlier answer stands
        { questionId: 'c', chosen: [0], at: at(5) }, // late: not counted at all
        { questionId: 'x', chosen: [0], at: at(-5) }, // not drawn for this attempt
      ],
      keys,
      deadline,
    );
    expect(result).toEqual({ score: 2, max: 3, answered: 2 });
  });

  test('an answer exactly at the deadline counts', () => {
    expect(attemptScore(drawn, [{ questionId: 'c', chosen: [0], at: deadline }], keys, deadline).score).toBe(1);
  });
});

describe('time', () => {
  const round = { opensAt: new Date('2024-08-01T00:00:00Z'), closesAt: new Date('2024-08-08T00:00:00Z') };
  test.each([
    ['2024-07-31T23:59:59Z', 'upcoming'],
    ['2024-08-01T00:00:00Z', 'open'],
    ['2024-08-07T23:59:59Z', 'open'],
    ['2024-08-08T00:00:00Z', 'closed'],
  ])('at %s a round is %s', (now, phase) => {
    expect(roundPhase(round, new Date(now))).toBe(phase);
  });

  test.each([
    ['2024-08-01T01:00:00Z', '2024-08-01T01:15:00Z'],
    ['2024-08-07T23:50:00Z', '2024-08-08T00:00:00Z'],
  ])('an attempt started at %s with 15 minutes ends at %s', (started, deadline) => {
    expect(attemptDeadline(new Date(started), 900, round.closesAt).toISOString()).toBe(new Date(deadline).toISOString());
  });

  test('seconds left never go below zero', () => {
    const deadline = new Date('2024-08-01T01:15:00Z');
    expect(secondsLeft(deadline, new Date('2024-08-01T01:14:00.5Z'))).toBe(59);
    expect(secondsLeft(deadline, new Date('2024-08-01T01:16:00Z'))).toBe(0);
  });
});

describe('the ranking', () => {
  const t = (s: number) => new Date(Date.UTC(2024, 7, 1, 2, 0, s));
  const attempt = (attemptId: string, entrantId: string, score: number, prediction: number, s: number): RankableAttempt => ({ attemptId, entrantId, score, prediction, submittedAt: t(s) });

  test('score first, then the prediction closest to the number of full scores, then the earliest submission', () => {
    const { fullScoreCount, ranking } = rankRound(
      [
        attempt('a1', 'an', 20, 10, 5), // full marks, far prediction, earliest
        attempt('b1', 'binh', 20, 3, 50),
        attempt('c1', 'cuong', 20, 4, 10),
        attempt('d1', 'dung', 19, 3, 1), // one wrong: after every full score, whatever the prediction
        attempt('e1', 'em', 20, 2, 40),
      ],
      20,
    );
    expect(fullScoreCount).toBe(4);
    // Four full scores: cuong |4-4|=0, binh |3-4|=1, em |2-4|=2, an |10-4|=6.
    expect(ranking.map((r) => [r.rank, r.entrantId, r.predictionDistance])).toEqual([
      [1, 'cuong', 0],
      [2, 'binh', 1],
      [3, 'em', 2],
      [4, 'an', 6],
      [5, 'dung', 1],
    ]);
  });

  test('equal score and distance: the earlier submission goes first', () => {
    const { ranking } = rankRound([attempt('x', 'late', 10, 0, 30), attempt('y', 'early', 10, 0, 20)], 20);
    expect(ranking.map((r) => r.entrantId)).toEqual(['early', 'late']);
  });

  test('an entrant with several attempts is ranked once, on the best (then earliest) one', () => {
    const { ranking, fullScoreCount } = rankRound([attempt('1', 'an', 15, 1, 1), attempt('2', 'an', 18, 1, 2), attempt('3', 'an', 18, 0, 3), attempt('4', 'binh', 20, 1, 4)], 20);
    expect(fullScoreCount).toBe(1);
    expect(ranking.map((r) => r.attemptId)).toEqual(['4', '2']);
  });

  test('an attempt closed by the server has no prediction and goes after those with one', () => {
    const { ranking } = rankRound([{ ...attempt('x', 'timed-out', 20, 0, 1), prediction: null }, attempt('y', 'far', 20, 99, 50)], 20);
    expect(ranking.map((r) => [r.entrantId, r.predictionDistance])).toEqual([
      ['far', 97], // two full scores: |99 - 2|
      ['timed-out', null],
    ]);
  });

  test('an empty round ranks nobody', () => {
    expect(rankRound([], 20)).toEqual({ fullScoreCount: 0, ranking: [] });
  });
});

describe('phone and ID numbers', () => {
  test.each([
    ['0905123456', '0905123456'],
    ['0905 123 456', '0905123456'],
    ['+84 905.123.456', '0905123456'],
    ['84905123456', '0905123456'],
    ['(0256) 382-2222', 'error'], // a landline: eleven digits
    ['090512345', 'error'],
    ['09051234567', 'error'],
    ['abc', 'error'],
  ])('phone %s → %s', (raw, expected) => {
    if (expected === 'error') expect(() => normalizePhone(raw)).toThrow(ContestRuleError);
    else expect(normalizePhone(raw)).toBe(expected);
  });

  test.each([
    [' 052 090 001 234 ', '052090001234'],
    ['215123456', '215123456'],
    ['05209000123', 'error'],
    ['05209000123x', 'error'],
  ])('ID %s → %s', (raw, expected) => {
    if (expected === 'error') expect(() => normalizeCitizenId(raw)).toThrow(ContestRuleError);
    else expect(normalizeCitizenId(raw)).toBe(expected);
  });

  test('shown masked but for the last three digits', () => {
    expect(maskNumber('0905123456')).toBe('*******456');
    expect(maskNumber('12')).toBe('12');
  });
});

describe('reading the bank from a spreadsheet', () => {
  const header = [...BANK_COLUMNS];
  const row = (over: Record<number, string> = {}) => {
    const cells = ['Cơ quan nào thường trực CCHC cấp tỉnh?', 'một', 'Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', '', '', '', 'A', 'Theo quy định.', 'cong-vu', 'dễ', ''];
    for (const [k, v] of Object.entries(over)) cells[Number(k)] = v;
    return cells;
  };

  test('reads a single and a multiple choice question, skipping empty rows and options', () => {
    const { questions, errors } = readBank([header, row(), ['', '', ''], row({ 1: 'nhiều', 8: 'a, c', 11: '', 12: 'Người dân, doanh nghiệp' })], ['cong-vu']);
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.row, q.kind, q.options.length, q.correct, q.difficulty, q.audience])).toEqual([
      [2, 'single', 3, [0], 'de', null],
      [4, 'multiple', 3, [0, 2], 'trung-binh', 'nguoi-dan'],
    ]);
    expect(questions[0]!.explanation).toBe('Theo quy định.');
  });

  test.each([
    ['an unknown kind', { 1: 'tự luận' }, 'Cột "Loại" phải là "một" hoặc "nhiều"'],
    ['an answer naming an empty option', { 8: 'D' }, 'Đáp án "D" không phải là một phương án có nội dung.'],
    ['an unknown area', { 10: 'van-hoa' }, 'Mã lĩnh vực "van-hoa" không có'],
    ['an unknown difficulty', { 11: 'rất khó' }, 'Độ khó "rất khó"'],
    ['one option only', { 3: '', 4: '' }, 'Cần từ 2 đến 6 phương án'],
    ['no answer', { 8: '' }, 'Chưa chỉ ra đáp án đúng.'],
  ])('reports %s by its row, and imports nothing from that row', (_, over, message) => {
    const { questions, errors } = readBank([header, row(), row(over)], ['cong-vu']);
    expect(questions).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.row).toBe(3);
    expect(errors[0]!.messages.join(' ')).toContain(message);
  });
});
