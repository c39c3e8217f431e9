/**
 * Drawing an attempt's questions from the bank and shuffling their options. Everything
 * follows from the attempt's seed, so the server derives the same draw on every
 * request and never needs the browser to say which questions it was given.
 */
import { seededRandom, shuffled } from './random.js';
import { ContestRuleError } from './rules.js';

/** One drawn question: its id in the bank and the order its options are shown in (indexes into its options). */
export interface DrawnQuestion {
  questionId: string;
  optionOrder: number[];
}

/**
 * Draws `count` distinct questions at random from the bank (ids and number of options),
 * in a shuffled order, each with its options shuffled. The bank's own order does not
 * matter: the same seed and bank give the same draw.
 */
export function drawAttempt(bank: ReadonlyArray<{ id: string; optionCount: number }>, count: number, seed: string): DrawnQuestion[] {
  if (!Number.isInteger(count) || count < 1) throw new ContestRuleError('Số câu hỏi mỗi lượt thi phải là số nguyên dương.');
  if (bank.length < count) throw new ContestRuleError(`Ngân hàng có ${bank.length} câu hỏi, ít hơn ${count} câu mỗi lượt thi.`);
  const random = seededRandom(seed);
  const ordered = [...bank].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return shuffled(ordered, random)
    .slice(0, count)
    .map((q) => ({ questionId: q.id, optionOrder: shuffled([...Array(q.optionCount).keys()], random) }));
}
