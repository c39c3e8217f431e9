/**
 * The contest's rules as data: kinds of question, bounds of a question and of a round,
 * and the checks that a question in the bank is well formed (the XLSX import and the
 * Content Manager both refuse what these refuse, row by row, in Vietnamese).
 */

/** Kinds of question: one correct option, or several (all of them must be chosen). */
export const QUESTION_KINDS = [
  { code: 'single', label: 'Một đáp án đúng' },
  { code: 'multiple', label: 'Nhiều đáp án đúng' },
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number]['code'];
export const QUESTION_KIND_CODES = QUESTION_KINDS.map((k) => k.code) as [QuestionKind, ...QuestionKind[]];

/** Options per question, as contests on provincial portals use them. */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;

/** Who a contest or a round's bank is meant for. */
export const CONTEST_AUDIENCES = [
  { code: 'can-bo', label: 'Cán bộ, công chức, viên chức' },
  { code: 'nguoi-dan', label: 'Người dân, doanh nghiệp' },
  { code: 'hoc-sinh', label: 'Học sinh, sinh viên' },
] as const;
export type ContestAudience = (typeof CONTEST_AUDIENCES)[number]['code'];
export const CONTEST_AUDIENCE_CODES = CONTEST_AUDIENCES.map((a) => a.code) as [ContestAudience, ...ContestAudience[]];

/** A broken contest rule, said in Vietnamese so that it can be shown as it is. */
export class ContestRuleError extends Error {
  override readonly name = 'ContestRuleError';
}

/** A question as the bank holds it. `correct` are indexes into `options`. */
export interface BankQuestion {
  id: string;
  kind: QuestionKind;
  text: string;
  options: readonly string[];
  correct: readonly number[];
}

/**
 * What is wrong with a question, in Vietnamese; empty when it can go in the bank.
 * @example questionProblems({ kind: 'single', text: 'Hỏi?', options: ['A'], correct: [0] }) // ['Cần từ 2 đến 6 phương án trả lời (có 1).']
 */
export function questionProblems(q: Omit<BankQuestion, 'id'>): string[] {
  const problems: string[] = [];
  if (q.text.trim() === '') problems.push('Thiếu nội dung câu hỏi.');
  if (q.options.length < MIN_OPTIONS || q.options.length > MAX_OPTIONS) {
    problems.push(`Cần từ ${MIN_OPTIONS} đến ${MAX_OPTIONS} phương án trả lời (có ${q.options.length}).`);
  }
  if (q.options.some((o) => o.trim() === '')) problems.push('Có phương án trả lời để trống.');
  const trimmed = q.options.map((o) => o.trim().normalize('NFC').toLocaleLowerCase('vi'));
  if (new Set(trimmed).size !== trimmed.length) problems.push('Hai phương án trả lời trùng nhau.');
  const correct = new Set(q.correct);
  if (correct.size !== q.correct.length) problems.push('Một đáp án đúng được ghi hai lần.');
  if ([...correct].some((i) => !Number.isInteger(i) || i < 0 || i >= q.options.length)) problems.push('Đáp án đúng không thuộc các phương án.');
  if (correct.size === 0) problems.push('Chưa chỉ ra đáp án đúng.');
  else if (q.kind === 'single' && correct.size !== 1) problems.push('Câu hỏi một đáp án chỉ có đúng một đáp án đúng.');
  else if (q.kind === 'multiple' && correct.size < 2) problems.push('Câu hỏi nhiều đáp án cần ít nhất hai đáp án đúng.');
  return problems;
}

/** When an entrant sees the score: as soon as the attempt is submitted, or once the round has closed. */
export const SCORE_TIMINGS = [
  { code: 'ngay', label: 'Ngay sau khi nộp bài' },
  { code: 'sau-khi-dong', label: 'Sau khi đợt thi kết thúc' },
] as const;
export type ScoreTiming = (typeof SCORE_TIMINGS)[number]['code'];
export const SCORE_TIMING_CODES = SCORE_TIMINGS.map((s) => s.code) as [ScoreTiming, ...ScoreTiming[]];

/** What the site shows of a closed round's results. */
export const RESULTS_POLICIES = [
  { code: 'nguoi-doat-giai', label: 'Công bố người đoạt giải (họ tên, đơn vị, điểm)' },
  { code: 'khong-cong-bo', label: 'Không công bố trên trang' },
] as const;
export type ResultsPolicy = (typeof RESULTS_POLICIES)[number]['code'];
export const RESULTS_POLICY_CODES = RESULTS_POLICIES.map((r) => r.code) as [ResultsPolicy, ...ResultsPolicy[]];

/** How hard a question of the bank is. */
export const QUESTION_DIFFICULTIES = [
  { code: 'de', label: 'Dễ' },
  { code: 'trung-binh', label: 'Trung bình' },
  { code: 'kho', label: 'Khó' },
] as const;
export const QUESTION_DIFFICULTY_CODES = QUESTION_DIFFICULTIES.map((d) => d.code) as [string, ...string[]];
