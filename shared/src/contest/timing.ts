/**
 * Time in the contest, as the server keeps it: a round is upcoming, open or closed;
 * an attempt ends at its time limit or when the round closes, whichever comes first.
 */

/** Where a round stands at `now`. */
export type RoundPhase = 'upcoming' | 'open' | 'closed';

/** The phase of a round with its opening and closing times. */
export function roundPhase(round: { opensAt: Date; closesAt: Date }, now: Date): RoundPhase {
  if (now.getTime() < round.opensAt.getTime()) return 'upcoming';
  return now.getTime() < round.closesAt.getTime() ? 'open' : 'closed';
}

/** When an attempt started at `startedAt` ends: its time limit, or the round's close if sooner. */
export function attemptDeadline(startedAt: Date, timeLimitSeconds: number, roundClosesAt: Date): Date {
  return new Date(Math.min(startedAt.getTime() + timeLimitSeconds * 1000, roundClosesAt.getTime()));
}

/** Whole seconds left before `deadline` (0 once past). */
export function secondsLeft(deadline: Date, now: Date): number {
  return Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / 1000));
}
