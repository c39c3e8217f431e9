/**
 * The ranking of a closed round. In government knowledge contests half the entrants
 * or more score full marks, so the tie-breaks decide the prizes: score first, then how
 * close the entrant's prediction came to the true number of full-score entrants, then
 * the earliest submission.
 */

/** A submitted attempt, as the ranking reads it. */
export interface RankableAttempt {
  attemptId: string;
  entrantId: string;
  score: number;
  /** The entrant's answer to "how many entrants will score full marks?"; null when the server closed the attempt at its time limit. */
  prediction: number | null;
  submittedAt: Date;
}

/** An attempt in the ranking, with its place and the distance of its prediction. */
export interface RankedAttempt extends RankableAttempt {
  rank: number;
  /** How far the prediction was from the true count; null without a prediction (ranked after every prediction). */
  predictionDistance: number | null;
}

const byMerit = (a: RankableAttempt, b: RankableAttempt) =>
  b.score - a.score || a.submittedAt.getTime() - b.submittedAt.getTime() || (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0);

/** Each entrant's best attempt (when a round allows several): highest score, then earliest. */
export function bestAttempts<T extends RankableAttempt>(attempts: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const attempt of attempts) {
    const seen = best.get(attempt.entrantId);
    if (!seen || byMerit(attempt, seen) < 0) best.set(attempt.entrantId, attempt);
  }
  return [...best.values()];
}

/**
 * Ranks the round's submitted attempts, one per entrant (the best), and counts the
 * entrants with full marks (`maxScore`), the number every prediction is measured against.
 */
export function rankRound<T extends RankableAttempt>(attempts: readonly T[], maxScore: number): { fullScoreCount: number; ranking: Array<T & RankedAttempt> } {
  const best = bestAttempts(attempts);
  const fullScoreCount = best.filter((a) => a.score >= maxScore).length;
  const ranking = best
    .map((a) => ({ ...a, predictionDistance: a.prediction === null ? null : Math.abs(a.prediction - fullScoreCount) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.predictionDistance ?? Infinity) - (b.predictionDistance ?? Infinity) ||
        a.submittedAt.getTime() - b.submittedAt.getTime() ||
        (a.attemptId < b.attemptId ? -1 : a.attemptId > b.attemptId ? 1 : 0),
    )
    .map((a, i) => ({ ...a, rank: i + 1 }));
  return { fullScoreCount, ranking };
}
