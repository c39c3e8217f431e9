/**
 * The question bank's spreadsheet: the columns of the template organisers fill in, and
 * the reading of its rows into questions, with every problem reported by row number in
 * Vietnamese (nothing is imported while one row is wrong).
 */
import { CONTEST_AUDIENCES, QUESTION_DIFFICULTIES, MAX_OPTIONS, questionProblems, type ContestAudience, type QuestionKind } from './rules.js';

/** Option letters, in column order. */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** The template's header row. */
export const BANK_COLUMNS = [
  'Câu hỏi',
  'Loại (một / nhiều)',
  ...OPTION_LETTERS.map((l) => `Phương án ${l}`),
  'Đáp án đúng (ví dụ: A hoặc A, C)',
  'Giải thích (hiện sau khi đợt thi kết thúc)',
  'Mã lĩnh vực',
  'Độ khó (dễ / trung bình / khó)',
  'Đối tượng (để trống: mọi đối tượng)',
] as const;

/** A question read from the sheet, ready for the bank. */
export interface ImportedQuestion {
  row: number;
  kind: QuestionKind;
  text: string;
  options: string[];
  correct: number[];
  explanation: string;
  area: string | null;
  difficulty: string;
  audience: ContestAudience | null;
}

/** What a sheet gives: the questions, or the problems of each wrong row. */
export interface BankImport {
  questions: ImportedQuestion[];
  errors: Array<{ row: number; messages: string[] }>;
}

/** Column of each field (0-based), as BANK_COLUMNS lists them. */
const COL = { text: 0, kind: 1, firstOption: 2, answer: 2 + MAX_OPTIONS, explanation: 3 + MAX_OPTIONS, area: 4 + MAX_OPTIONS, difficulty: 5 + MAX_OPTIONS, audience: 6 + MAX_OPTIONS } as const;

/** Longest question, option and explanation (the content type's limits). */
const MAX_TEXT = 2000;
const MAX_OPTION = 500;
const MAX_EXPLANATION = 3000;

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi');
const KINDS: Record<string, QuestionKind> = { 'một': 'single', 'mot': 'single', single: 'single', 'nhiều': 'multiple', 'nhieu': 'multiple', multiple: 'multiple' };

/**
 * Reads the rows under the header (row 2 onwards; empty rows skipped). `areas` are the
 * reform area codes the bank may name.
 * @example readBank([[...header], ['Hỏi?', 'một', 'Có', 'Không', '', '', '', '', 'A']], ['the-che']).questions[0].correct // [0]
 */
export function readBank(rows: ReadonlyArray<ReadonlyArray<string>>, areas: readonly string[]): BankImport {
  const questions: ImportedQuestion[] = [];
  const errors: BankImport['errors'] = [];
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (k: number) => (cells[k] ?? '').normalize('NFC').trim();
    if (cells.every((c) => (c ?? '').trim() === '')) return;
    const messages: string[] = [];
    const text = cell(COL.text);
    const kind = KINDS[fold(cell(COL.kind))];
    if (!kind) messages.push(`Cột "Loại" phải là "một" hoặc "nhiều" (đang là "${cell(COL.kind)}").`);
    const options: string[] = [];
    const letterIndex = new Map<string, number>();
    OPTION_LETTERS.forEach((letter, k) => {
      const option = cell(COL.firstOption + k);
      if (option === '') return;
      letterIndex.set(letter, options.length);
      options.push(option);
    });
    const answerCell = cell(COL.answer).toUpperCase();
    const letters = answerCell.split(/[\s,;]+/).filter(Boolean);
    const correct: number[] = [];
    for (const letter of letters) {
      const index = letterIndex.get(letter);
      if (index === undefined) messages.push(`Đáp án "${letter}" không phải là một phương án có nội dung.`);
      else correct.push(index);
    }
    const area = cell(COL.area);
    if (area !== '' && !areas.includes(area)) messages.push(`Mã lĩnh vực "${area}" không có; các mã: ${areas.join(', ')}.`);
    const difficultyLabel = fold(cell(COL.difficulty));
    const difficulty = difficultyLabel === '' ? 'trung-binh' : QUESTION_DIFFICULTIES.find((d) => fold(d.label) === difficultyLabel || d.code === difficultyLabel)?.code;
    if (!difficulty) messages.push(`Độ khó "${cell(COL.difficulty)}" phải là dễ, trung bình hoặc khó.`);
    const audienceLabel = fold(cell(COL.audience));
    const audience = audienceLabel === '' ? null : CONTEST_AUDIENCES.find((a) => a.code === audienceLabel || fold(a.label) === audienceLabel)?.code;
    if (audience === undefined) messages.push(`Đối tượng "${cell(COL.audience)}" không có; các mã: ${CONTEST_AUDIENCES.map((a) => a.code).join(', ')}.`);
    if (text.length > MAX_TEXT) messages.push(`Câu hỏi dài quá ${MAX_TEXT} ký tự.`);
    if (options.some((o) => o.length > MAX_OPTION)) messages.push(`Có phương án dài quá ${MAX_OPTION} ký tự.`);
    if (cell(COL.explanation).length > MAX_EXPLANATION) messages.push(`Giải thích dài quá ${MAX_EXPLANATION} ký tự.`);
    if (kind) messages.push(...questionProblems({ kind, text, options, correct }));
    if (messages.length > 0) {
      errors.push({ row, messages: [...new Set(messages)] });
      return;
    }
    questions.push({ row, kind: kind!, text, options, correct, explanation: cell(COL.explanation), area: area || null, difficulty: difficulty!, audience: audience ?? null });
  });
  return { questions, errors };
}
