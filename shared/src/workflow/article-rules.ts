/**
 * What may be done to a piece outside the workflow's transitions: the document
 * operations every path reaches (the Content Manager's single and bulk actions,
 * clone, discard, delete, scripts). Pure rules; the CMS adapts every path to them.
 *
 * The invariant they keep: nothing becomes public, and no approved text changes,
 * without an editor's recorded decision. Publication and withdrawal happen only
 * through the workflow (WORKFLOW_ACTIONS), which writes the history row.
 */
import type { WorkflowRole, WorkflowState } from './workflow.js';

/** Document operations on a piece. */
export const ARTICLE_OPERATIONS = ['create', 'update', 'clone', 'delete', 'discardDraft', 'publish', 'unpublish'] as const;
export type ArticleOperation = (typeof ARTICLE_OPERATIONS)[number];

/**
 * Who sends an operation:
 * - `system`: no signed-in user at all (the seed at start, the scheduler, a script);
 * - `workflow`: the workflow service, after its own checks, on behalf of a user;
 * - `user`: a signed-in administrator through any other route (role null: none of the workflow's).
 */
export type ArticleCaller = { kind: 'system' } | { kind: 'workflow' } | { kind: 'user'; role: WorkflowRole | null };

/** Fields that only transitions (or the system) set: a save from any form leaves them as they are. */
export const TRANSITION_ONLY_FIELDS = ['workflowState', 'submittedAt', 'scheduledAt', 'publicationDate', 'demo'] as const;

/** Fields an editor sets and a contributor does not: promotion on the home page, and the agency (forced to the contributor's own). */
export const EDITOR_ONLY_FIELDS = ['featured', 'agency'] as const;

/** States in which a contributor may change a piece: before it is submitted, and after it is sent back. */
export const CONTRIBUTOR_EDITABLE_STATES: readonly WorkflowState[] = ['draft', 'changes-requested'];

/** States, besides a never-submitted draft, in which an editor may delete a piece: it was refused or withdrawn, with the reason on record. */
export const EDITOR_DELETABLE_STATES: readonly WorkflowState[] = ['rejected', 'withdrawn'];

/** What the rules know of a stored piece. */
export interface StoredPiece {
  state: WorkflowState;
  /** True once the piece was ever submitted or published (a decision may be on record). */
  everSubmitted: boolean;
  /** True when the piece belongs to the caller's agency (always true for editors' purposes). */
  sameAgency: boolean;
}

/** Why an operation is refused. */
export type ArticleRefusal = 'no-role' | 'not-found' | 'other-agency' | 'locked' | 'use-workflow' | 'delete-after-review' | 'delete-submitted';

/** Vietnamese messages of the refusals, for 4xx answers. */
export const ARTICLE_REFUSAL_MESSAGES: Record<ArticleRefusal, string> = {
  'no-role': 'Tài khoản của bạn không có vai trò nào trong quy trình duyệt tin bài.',
  'not-found': 'Không tìm thấy bài viết.',
  'other-agency': 'Tin bài này thuộc cơ quan khác; bạn chỉ làm việc với tin bài của cơ quan mình.',
  locked:
    'Tin bài đã gửi duyệt nên đang khoá: chỉ sửa được khi biên tập viên trả lại để chỉnh sửa. Nếu bài bị từ chối hoặc đã gỡ, hãy bấm "Mở lại để sửa" trong bảng Quy trình duyệt.',
  'use-workflow': 'Hãy đăng hoặc gỡ tin bài bằng bảng "Quy trình duyệt" bên phải: mỗi lần đăng, gỡ đều được ghi lại cùng người thực hiện và lý do.',
  'delete-after-review':
    'Tin bài đã gửi duyệt hoặc đã đăng không xoá thẳng được: hãy "Không duyệt" hoặc "Gỡ bài" kèm lý do trong bảng Quy trình duyệt, sau đó mới xoá.',
  'delete-submitted': 'Cộng tác viên chỉ xoá được bản nháp chưa từng gửi duyệt.',
};

/** How a permitted write must be shaped before it is stored. */
export interface WriteShape {
  /** Fields removed from the data sent. */
  strip: readonly string[];
  /** The piece belongs to the caller's agency, whatever was sent. */
  forceOwnAgency: boolean;
  /** The result is a new draft: workflow fields start afresh (clone). */
  freshDraft: boolean;
}

export type ArticleDecision = ({ ok: true } & WriteShape) | { ok: false; refusal: ArticleRefusal };

const ALLOWED_AS_IS: ArticleDecision = { ok: true, strip: [], forceOwnAgency: false, freshDraft: false };
const refuse = (refusal: ArticleRefusal): ArticleDecision => ({ ok: false, refusal });

/** Fields a role's saves never write. */
export function fieldsNotWritableBy(role: WorkflowRole): readonly string[] {
  return role === 'contributor' ? [...TRANSITION_ONLY_FIELDS, ...EDITOR_ONLY_FIELDS] : TRANSITION_ONLY_FIELDS;
}

/**
 * Decides a document operation on a piece (`piece` is null for create).
 * @example decideArticleOperation({ kind: 'user', role: 'contributor' }, 'update', { state: 'approved', everSubmitted: true, sameAgency: true }) // { ok: false, refusal: 'locked' }
 */
export function decideArticleOperation(caller: ArticleCaller, operation: ArticleOperation, piece: StoredPiece | null): ArticleDecision {
  if (caller.kind === 'system' || caller.kind === 'workflow') return ALLOWED_AS_IS;
  const { role } = caller;
  if (!role) return refuse('no-role');
  if (operation === 'publish' || operation === 'unpublish') return refuse('use-workflow');
  const contributor = role === 'contributor';
  const shape = (freshDraft: boolean): ArticleDecision => ({ ok: true, strip: fieldsNotWritableBy(role), forceOwnAgency: contributor, freshDraft });
  if (operation === 'create') return shape(false);
  if (!piece) return refuse('not-found');
  if (contributor && !piece.sameAgency) return refuse('other-agency');
  switch (operation) {
    case 'clone':
      return shape(true);
    case 'update':
    case 'discardDraft':
      if (contributor && !CONTRIBUTOR_EDITABLE_STATES.includes(piece.state)) return refuse('locked');
      return operation === 'update' ? shape(false) : ALLOWED_AS_IS;
    case 'delete': {
      const neverSubmittedDraft = piece.state === 'draft' && !piece.everSubmitted;
      if (neverSubmittedDraft) return ALLOWED_AS_IS;
      if (contributor) return refuse('delete-submitted');
      return EDITOR_DELETABLE_STATES.includes(piece.state) ? ALLOWED_AS_IS : refuse('delete-after-review');
    }
  }
}

/** True when a caller may change any media file, whatever uses it: editors, the workflow and the system. */
export function changesAnyMedia(caller: ArticleCaller): boolean {
  return caller.kind !== 'user' || caller.role === 'editor' || caller.role === 'committee-admin';
}

/**
 * Whether a caller may replace, re-describe or delete a media file used by these pieces:
 * editors always; anyone else only while every piece using it is theirs to edit (a
 * decided piece's cover is part of its decided text).
 * @example mayChangeMediaOf({ kind: 'user', role: 'contributor' }, [{ state: 'approved', published: false }]) // false
 */
export function mayChangeMediaOf(caller: ArticleCaller, pieces: ReadonlyArray<{ state: WorkflowState; published: boolean }>): boolean {
  return changesAnyMedia(caller) || pieces.every((p) => !p.published && CONTRIBUTOR_EDITABLE_STATES.includes(p.state));
}

/** Why a media change is refused. */
export const DECIDED_MEDIA_MESSAGE = 'Tệp này đang dùng trong tin bài đã gửi duyệt hoặc đã đăng, nên không sửa, thay hay xoá được. Hãy tải lên tệp mới cho bản nháp của bạn, hoặc nhờ biên tập viên.';

/** The workflow fields of a new draft (a clone starts its life afresh). */
export const FRESH_DRAFT_FIELDS = { workflowState: 'draft', submittedAt: null, scheduledAt: null, publicationDate: null, demo: false, featured: false } as const;
