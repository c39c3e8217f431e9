/**
 * The review workflow of a piece, as data: states, the actions between them, who
 * may take each, and when a note is required. The CMS enforces it; the admin
 * panel shows it; nothing here knows about Strapi.
 */

/** Where a piece is in its life. */
export const WORKFLOW_STATES = ['draft', 'submitted', 'changes-requested', 'rejected', 'approved', 'scheduled', 'published', 'withdrawn'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** Vietnamese names of the states, for the admin panel and reports. */
export const WORKFLOW_STATE_LABELS: Record<WorkflowState, string> = {
  draft: 'Bản nháp',
  submitted: 'Đã gửi, chờ duyệt',
  'changes-requested': 'Yêu cầu chỉnh sửa',
  rejected: 'Không duyệt',
  approved: 'Đã duyệt',
  scheduled: 'Hẹn giờ đăng',
  published: 'Đã đăng',
  withdrawn: 'Đã gỡ',
};

/** Who takes actions: an agency's contributor, an editor, the committee's administrator (super admins act as one). */
export const WORKFLOW_ROLES = ['contributor', 'editor', 'committee-admin'] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];

/** One action of the workflow. */
export interface WorkflowAction {
  from: readonly WorkflowState[];
  to: WorkflowState;
  roles: readonly WorkflowRole[];
  /** A note the submitting agency or the history reader needs: the reason. */
  noteRequired: boolean;
  label: string;
}

const EDITORS: readonly WorkflowRole[] = ['editor', 'committee-admin'];
const EVERYONE: readonly WorkflowRole[] = ['contributor', 'editor', 'committee-admin'];

/** The actions, by name. */
export const WORKFLOW_ACTIONS = {
  submit: { from: ['draft', 'changes-requested'], to: 'submitted', roles: EVERYONE, noteRequired: false, label: 'Gửi duyệt' },
  'request-changes': { from: ['submitted'], to: 'changes-requested', roles: EDITORS, noteRequired: true, label: 'Trả lại để chỉnh sửa' },
  reject: { from: ['submitted'], to: 'rejected', roles: EDITORS, noteRequired: true, label: 'Không duyệt' },
  approve: { from: ['submitted'], to: 'approved', roles: EDITORS, noteRequired: false, label: 'Duyệt' },
  schedule: { from: ['approved'], to: 'scheduled', roles: EDITORS, noteRequired: false, label: 'Hẹn giờ đăng' },
  unschedule: { from: ['scheduled'], to: 'approved', roles: EDITORS, noteRequired: false, label: 'Hủy hẹn giờ' },
  publish: { from: ['approved', 'scheduled'], to: 'published', roles: EDITORS, noteRequired: false, label: 'Đăng' },
  'publish-directly': { from: ['draft', 'submitted', 'changes-requested'], to: 'published', roles: EDITORS, noteRequired: true, label: 'Đăng ngay (bỏ qua duyệt)' },
  'publish-update': { from: ['published'], to: 'published', roles: EDITORS, noteRequired: true, label: 'Đăng bản sửa' },
  withdraw: { from: ['published'], to: 'withdrawn', roles: EDITORS, noteRequired: true, label: 'Gỡ bài' },
  revise: { from: ['withdrawn', 'rejected'], to: 'draft', roles: EVERYONE, noteRequired: false, label: 'Mở lại để sửa' },
} as const satisfies Record<string, WorkflowAction>;

export type WorkflowActionName = keyof typeof WORKFLOW_ACTIONS;

/** Names of all actions. */
export const WORKFLOW_ACTION_NAMES = Object.keys(WORKFLOW_ACTIONS) as WorkflowActionName[];

/** Why an action cannot be taken. */
export type WorkflowRefusal = 'unknown-action' | 'wrong-state' | 'not-allowed' | 'note-required';

/** Vietnamese messages of the refusals, for 4xx answers. */
export const WORKFLOW_REFUSAL_MESSAGES: Record<WorkflowRefusal, string> = {
  'unknown-action': 'Thao tác không tồn tại trong quy trình duyệt tin bài.',
  'wrong-state': 'Thao tác này không áp dụng được cho tin bài ở trạng thái hiện tại.',
  'not-allowed': 'Vai trò của bạn không được thực hiện thao tác này.',
  'note-required': 'Thao tác này cần ghi rõ lý do.',
};

/** Narrows a string to an action name. */
export function isWorkflowAction(name: string): name is WorkflowActionName {
  return Object.hasOwn(WORKFLOW_ACTIONS, name);
}

/**
 * Checks an action and returns the state it leads to, or why it cannot be taken.
 * @example decideTransition('submitted', 'approve', 'editor', '') // { ok: true, to: 'approved' }
 */
export function decideTransition(
  state: WorkflowState,
  action: string,
  role: WorkflowRole,
  note: string,
): { ok: true; to: WorkflowState } | { ok: false; refusal: WorkflowRefusal } {
  if (!isWorkflowAction(action)) return { ok: false, refusal: 'unknown-action' };
  const rule: WorkflowAction = WORKFLOW_ACTIONS[action];
  if (!rule.roles.includes(role)) return { ok: false, refusal: 'not-allowed' };
  if (!rule.from.includes(state)) return { ok: false, refusal: 'wrong-state' };
  if (rule.noteRequired && note.trim() === '') return { ok: false, refusal: 'note-required' };
  return { ok: true, to: rule.to };
}

/** The actions a role may take on a piece in a state, in display order. */
export function availableActions(state: WorkflowState, role: WorkflowRole): WorkflowActionName[] {
  return WORKFLOW_ACTION_NAMES.filter((name) => {
    const rule: WorkflowAction = WORKFLOW_ACTIONS[name];
    return rule.from.includes(state) && rule.roles.includes(role);
  });
}

/** History rows that are not transitions: an editor taking or letting go of a piece, share links made or revoked. */
export const DESK_EVENT_LABELS = {
  take: 'Nhận xử lý',
  release: 'Thôi xử lý',
  'share-preview': 'Tạo liên kết xem trước',
  'revoke-preview': 'Thu hồi liên kết xem trước',
} as const satisfies Record<string, string>;

/** A history row's action that moves nothing. */
export type DeskEventAction = keyof typeof DESK_EVENT_LABELS;

/** Narrows a string to a desk event's action. */
function isDeskEvent(action: string): action is DeskEventAction {
  return Object.hasOwn(DESK_EVENT_LABELS, action);
}

/**
 * The Vietnamese name of a history row's action.
 * @example eventLabel('approve') === 'Duyệt'
 * @example eventLabel('take') === 'Nhận xử lý'
 */
export function eventLabel(action: string): string {
  if (isWorkflowAction(action)) return WORKFLOW_ACTIONS[action].label;
  return isDeskEvent(action) ? DESK_EVENT_LABELS[action] : action;
}
