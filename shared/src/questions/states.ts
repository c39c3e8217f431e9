/**
 * The path of a citizen's question or feedback (hỏi đáp, phản ánh – kiến nghị), as data:
 * received → classified → assigned (to an agency) → answered → published, or closed with a
 * reason the citizen sees. Who may take each step, and how many working days each state may
 * last before the item is overdue (defaults: classified within 2 working days of receipt,
 * answered within 15 of assignment). Pure: the CMS applies it.
 */

export const QUESTION_STATES = ['received', 'classified', 'assigned', 'answered', 'published', 'closed'] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

/** Each state as the public and staff read it. */
export const QUESTION_STATE_LABELS: Record<QuestionState, string> = {
  received: 'Đã tiếp nhận',
  classified: 'Đã phân loại',
  assigned: 'Đã chuyển cơ quan xử lý',
  answered: 'Đã có trả lời, đang duyệt',
  published: 'Đã trả lời',
  closed: 'Đã đóng',
};

/** Why an item is closed without an answer: shown to the citizen. */
export const CLOSE_REASONS = [
  { code: 'trung-lap', label: 'Trùng với câu hỏi đã tiếp nhận' },
  { code: 'ngoai-pham-vi', label: 'Không thuộc phạm vi cải cách hành chính' },
  { code: 'vi-pham', label: 'Nội dung vi phạm quy định (xúc phạm, quảng cáo, không phù hợp)' },
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number]['code'];
export const CLOSE_REASON_CODES = CLOSE_REASONS.map((r) => r.code) as [CloseReason, ...CloseReason[]];

/** Who takes the steps: moderators (editors, committee administrators) and the assigned agency's contributors. */
export type QuestionActor = 'moderator' | 'agency';

export const QUESTION_ACTIONS = ['classify', 'assign', 'answer', 'publish', 'close', 'reopen'] as const;
export type QuestionAction = (typeof QUESTION_ACTIONS)[number];

/** A step: from which states, to which, by whom, with its Vietnamese name. */
export interface QuestionTransition {
  action: QuestionAction;
  from: readonly QuestionState[];
  to: QuestionState;
  by: readonly QuestionActor[];
  label: string;
}

export const QUESTION_TRANSITIONS: readonly QuestionTransition[] = [
  { action: 'classify', from: ['received'], to: 'classified', by: ['moderator'], label: 'Phân loại' },
  { action: 'assign', from: ['received', 'classified', 'assigned'], to: 'assigned', by: ['moderator'], label: 'Chuyển cơ quan xử lý' },
  { action: 'answer', from: ['assigned', 'answered'], to: 'answered', by: ['agency', 'moderator'], label: 'Trả lời' },
  { action: 'publish', from: ['answered'], to: 'published', by: ['moderator'], label: 'Duyệt và công bố trả lời' },
  { action: 'close', from: ['received', 'classified', 'assigned', 'answered'], to: 'closed', by: ['moderator'], label: 'Đóng' },
  { action: 'reopen', from: ['closed'], to: 'received', by: ['moderator'], label: 'Mở lại' },
];

/** Working days a state may last before the item is overdue; states without one have no deadline. */
export type StateDeadlines = Partial<Record<QuestionState, number>>;

/** The defaults: classify in 2, assign in 1, answer in 15, publish the answer in 2. */
export const DEFAULT_STATE_DEADLINES: StateDeadlines = { received: 2, classified: 1, assigned: 15, answered: 2 };

/** Why a step is refused, in Vietnamese. */
export class QuestionRuleError extends Error {
  override readonly name = 'QuestionRuleError';
}

/**
 * The step an actor may take from a state, or a refusal that says why.
 * @example transitionFor('received', 'publish', 'moderator') // throws: "Chỉ duyệt và công bố trả lời được khi …"
 */
export function transitionFor(state: QuestionState, action: QuestionAction, actor: QuestionActor): QuestionTransition {
  const step = QUESTION_TRANSITIONS.find((t) => t.action === action);
  if (!step) throw new QuestionRuleError(`Không có thao tác "${action}".`);
  if (!step.by.includes(actor)) throw new QuestionRuleError(`Bạn không được ${step.label.toLowerCase()} câu hỏi này.`);
  if (!step.from.includes(state)) {
    throw new QuestionRuleError(`Chỉ ${step.label.toLowerCase()} được khi câu hỏi ở trạng thái: ${step.from.map((s) => QUESTION_STATE_LABELS[s].toLowerCase()).join(', ')}; câu hỏi đang "${QUESTION_STATE_LABELS[state].toLowerCase()}".`);
  }
  return step;
}

/** The actions an actor may take from a state, in the table's order (the buttons a screen shows). */
export function actionsFrom(state: QuestionState, actor: QuestionActor): QuestionAction[] {
  return QUESTION_TRANSITIONS.filter((t) => t.from.includes(state) && t.by.includes(actor)).map((t) => t.action);
}
