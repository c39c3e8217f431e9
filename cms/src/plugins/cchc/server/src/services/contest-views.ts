/**
 * What the contest service answers, mapped from its records by small pure functions:
 * a round's summary, an attempt as its entrant sees it (never a key or an explanation),
 * and the check that answers belong to the attempt's questions.
 */
import { roundPhase, secondsLeft, type AttemptView, type DrawnQuestion, type RoundSummary } from '@cchc/shared';
import { InvalidInputError } from '../errors.js';
import type { AnswerRecord, AttemptRecord } from '../repositories/contest-entries.js';
import type { ContestRecord, QuestionRecord, RoundRecord } from '../repositories/contests.js';

export const ANSWER_MESSAGES = {
  questionNotInAttempt: 'Câu hỏi này không thuộc bài thi.',
  optionNotInQuestion: 'Phương án đã chọn không thuộc câu hỏi.',
} as const;

/** The questions an attempt was given, fixed at its start. */
export const drawnOf = (attempt: AttemptRecord): DrawnQuestion[] => attempt.drawn;

/** When an attempt ends: its own deadline, or the round's close if an organiser moved it earlier. */
export const deadlineOf = (attempt: AttemptRecord, round: RoundRecord): number => Math.min(attempt.deadline, round.closesAt.getTime());

/** A round as the public sees it, its phase at `at`. */
export function roundSummary(round: RoundRecord, at: Date): RoundSummary {
  return {
    id: round.documentId,
    number: round.number,
    title: round.title,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    phase: roundPhase(round, at),
    questionsPerAttempt: round.questionsPerAttempt,
    timeLimitMinutes: round.timeLimitMinutes,
    attemptsAllowed: round.attemptsAllowed,
    scoreShown: round.scoreShown,
    audience: round.audience,
  };
}

/** An attempt as its entrant sees it: questions in its order, saved answers, time left, and the score once the round allows. */
export function attemptView(input: {
  attempt: AttemptRecord;
  round: RoundRecord;
  bank: readonly QuestionRecord[];
  contest: ContestRecord | null;
  saved: readonly AnswerRecord[];
  at: Date;
}): AttemptView {
  const { attempt, round, bank, contest, saved, at } = input;
  const byId = new Map(bank.map((q) => [q.documentId, q]));
  const deadline = new Date(deadlineOf(attempt, round));
  const closed = roundPhase(round, at) === 'closed';
  const scoreVisible = attempt.state !== 'open' && (round.scoreShown === 'ngay' || closed);
  return {
    id: attempt.public_id,
    contest: { slug: contest?.slug ?? '', title: contest?.title ?? '' },
    round: { id: round.documentId, number: round.number, closesAt: round.closesAt.toISOString(), scoreShown: round.scoreShown },
    state: attempt.state,
    startedAt: new Date(attempt.started_at).toISOString(),
    deadline: deadline.toISOString(),
    secondsLeft: attempt.state === 'open' ? secondsLeft(deadline, at) : 0,
    questions: drawnOf(attempt).flatMap(({ questionId, optionOrder }) => {
      const q = byId.get(questionId);
      return q ? [{ id: q.documentId, kind: q.kind, text: q.text, options: optionOrder.map((index) => ({ index, text: q.options[index] ?? '' })) }] : [];
    }),
    answers: Object.fromEntries(saved.map((a) => [a.questionId, a.chosen])),
    prediction: attempt.prediction,
    result: scoreVisible && attempt.score !== null ? { score: attempt.score, max: attempt.max_score } : null,
    // The keys leave the CMS only once nobody can still answer: the round has closed.
    review: closed
      ? drawnOf(attempt).flatMap(({ questionId }) => {
          const q = byId.get(questionId);
          return q ? [{ question: q.documentId, correct: q.correct, explanation: q.explanation }] : [];
        })
      : null,
  };
}

/** Checks answers against the attempt's questions: each drawn, each option one of the question's, none twice. */
export function checkAnswers(drawn: readonly DrawnQuestion[], given: ReadonlyArray<{ questionId: string; chosen: readonly number[] }>): void {
  const options = new Map(drawn.map((d) => [d.questionId, d.optionOrder.length]));
  for (const { questionId, chosen } of given) {
    const count = options.get(questionId);
    if (count === undefined) throw new InvalidInputError(ANSWER_MESSAGES.questionNotInAttempt);
    if (chosen.some((i) => i >= count) || new Set(chosen).size !== chosen.length) throw new InvalidInputError(ANSWER_MESSAGES.optionNotInQuestion);
  }
}
