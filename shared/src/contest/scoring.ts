/**
 * Scoring an attempt: one point per question answered exactly (for a question with
 * several correct options, all of them and nothing else: "all or nothing", as
 * Moodle's multiple-choice questions can be set and as government contests score);
 * answers recorded by the server after the attempt's deadline do not count.
 */
import type { DrawnQuestion } from './draw.js';
import type { QuestionKind } from './rules.js';

/** An answer as the server recorded it: the options chosen (indexes into the question's options) and when it arrived. */
export interface RecordedAnswer {
  questionId: string;
  chosen: readonly number[];
  at: Date;
}

/** The key of a question: its kind and its correct options. */
export interface AnswerKey {
  kind: QuestionKind;
  correct: readonly number[];
}

/**
 * 1 when the chosen options are exactly the correct ones, else 0 (a single-choice
 * question answered with several options scores 0).
 * @example questionScore({ kind: 'multiple', correct: [0, 2] }, [2, 0]) === 1
 */
export function questionScore(key: AnswerKey, chosen: readonly number[]): 0 | 1 {
  const picked = new Set(chosen);
  if (picked.size !== chosen.length || picked.size !== key.correct.length) return 0;
  if (key.kind === 'single' && picked.size !== 1) return 0;
  return key.correct.every((i) => picked.has(i)) ? 1 : 0;
}

/** The score of an attempt: the last on-time answer to each drawn question, against its key. */
export function attemptScore(
  drawn: readonly DrawnQuestion[],
  answers: readonly RecordedAnswer[],
  keys: ReadonlyMap<string, AnswerKey>,
  deadline: Date,
): { score: number; max: number; answered: number } {
  const last = new Map<string, RecordedAnswer>();
  for (const answer of answers) {
    if (answer.at.getTime() > deadline.getTime()) continue;
    const seen = last.get(answer.questionId);
    if (!seen || seen.at.getTime() <= answer.at.getTime()) last.set(answer.questionId, answer);
  }
  let score = 0;
  let answered = 0;
  for (const { questionId } of drawn) {
    const answer = last.get(questionId);
    const key = keys.get(questionId);
    if (!answer || !key || answer.chosen.length === 0) continue;
    answered++;
    score += questionScore(key, answer.chosen);
  }
  return { score, max: drawn.length, answered };
}
