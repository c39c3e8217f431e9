/** Contracts of the plugin's workflow routes (admin panel API, under /cchc). */
import { z } from 'zod';
import { SnapshotDiffSchema } from '../workflow/changes.js';
import { WORKFLOW_ACTION_NAMES, WORKFLOW_STATES } from '../workflow/workflow.js';
import { rowIdParam } from './common.js';
import { ANY_WORKFLOW_ROLE, declareEndpoint } from './endpoint.js';

/** The Strapi document id of a piece in a workflow path. */
export const DocumentParamsSchema = z.object({ documentId: z.string().regex(/^[a-z0-9]{10,40}$/, { error: 'Mã tin bài không hợp lệ.' }) });

/** One recorded transition. */
export const WorkflowEventSchema = z.object({
  /** The row's id: a snapshot is asked for by it. */
  id: z.number().int(),
  action: z.string(),
  fromState: z.enum(WORKFLOW_STATES),
  toState: z.enum(WORKFLOW_STATES),
  note: z.string(),
  actorName: z.string(),
  occurredAt: z.string(),
  /** Whether the move stored the piece's text and media as they were (transitions do; takes and share links do not). */
  hasSnapshot: z.boolean(),
});
export type WorkflowEvent = z.infer<typeof WorkflowEventSchema>;

/** The editor handling a piece ("Tôi xử lý"), since when. */
export const HandlerSchema = z.object({ id: z.number().int(), name: z.string(), since: z.string(), isMe: z.boolean() });
export type Handler = z.infer<typeof HandlerSchema>;

/** POST /cchc/articles/:documentId/transition */
export namespace TransitionArticle {
  export const BodySchema = z.object({
    action: z.enum(WORKFLOW_ACTION_NAMES as [string, ...string[]], { error: 'Thao tác không tồn tại trong quy trình duyệt tin bài.' }),
    note: z.string({ error: 'Ghi chú phải là một chuỗi.' }).max(2000, { error: 'Ghi chú dài tối đa 2000 ký tự.' }).default(''),
    /** For `publish-update`: show the note on the article ("Cập nhật ngày …"); defaults to yes. */
    publicNote: z.boolean({ error: 'publicNote chỉ nhận true hoặc false.' }).default(true),
    /** For `schedule`: when to publish, ISO 8601 with an offset. */
    scheduledAt: z.iso.datetime({ offset: true, error: 'Thời điểm hẹn đăng phải theo dạng ISO 8601, ví dụ 2024-07-01T08:00:00+07:00.' }).optional(),
  });
  export type Body = z.infer<typeof BodySchema>;
  export const ResponseSchema = z.object({ data: z.object({ state: z.enum(WORKFLOW_STATES), event: WorkflowEventSchema }) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'transitionArticle',
    api: 'admin',
    method: 'POST',
    path: '/articles/:documentId/transition',
    summary: 'Takes a workflow action on a piece (the workflow service checks role, state and note).',
    params: DocumentParamsSchema,
    body: BodySchema,
    response: ResponseSchema,
    access: ANY_WORKFLOW_ROLE,
  });
}

/** GET /cchc/articles/:documentId/history */
export namespace GetArticleHistory {
  export const ResponseSchema = z.object({
    data: z.object({ state: z.enum(WORKFLOW_STATES), actions: z.array(z.string()), events: z.array(WorkflowEventSchema), handler: HandlerSchema.nullable() }),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getArticleHistory',
    api: 'admin',
    method: 'GET',
    path: '/articles/:documentId/history',
    summary: 'The state of a piece, the actions the caller may take, and its recorded transitions.',
    params: DocumentParamsSchema,
    response: ResponseSchema,
    access: ANY_WORKFLOW_ROLE,
  });
}

/** GET /cchc/review-queue */
export namespace GetReviewQueue {
  export const ItemSchema = z.object({
    documentId: z.string(),
    title: z.string(),
    agency: z.string(),
    areas: z.array(z.string()),
    format: z.string(),
    submittedAt: z.string().nullable(),
    ageHours: z.number(),
    /** Working days since submission (weekends and holidays not counted), against the target. */
    ageWorkingDays: z.number().int(),
    overdue: z.boolean(),
    /** Sent back before and submitted again: the workflow panel shows what changed. */
    resubmitted: z.boolean(),
    handler: HandlerSchema.nullable(),
    actions: z.array(z.string()),
  });
  export const ResponseSchema = z.object({ data: z.array(ItemSchema), meta: z.object({ targetDays: z.number().int() }) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getReviewQueue',
    api: 'admin',
    method: 'GET',
    path: '/review-queue',
    summary: 'Submitted pieces waiting for an editor, oldest first.',
    response: ResponseSchema,
    access: ['editor', 'committee-admin'],
  });
}

/** GET /cchc/articles/:documentId/changes */
export namespace GetArticleChanges {
  export const QuerySchema = z.object({
    /** Compare with the snapshot of this history row; without it, with the baseline the piece's state calls for. */
    since: rowIdParam('since').optional(),
  });
  export const ResponseSchema = z.object({
    data: z.object({
      /** The recorded move compared with, or null when there is none (a first submission). */
      baseline: WorkflowEventSchema.nullable(),
      diff: SnapshotDiffSchema.nullable(),
    }),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getArticleChanges',
    api: 'admin',
    method: 'GET',
    path: '/articles/:documentId/changes',
    summary: 'What changed in the draft since a recorded move: by default since it was sent back (submitted pieces) or last put online (published ones).',
    params: DocumentParamsSchema,
    query: QuerySchema,
    response: ResponseSchema,
    access: ANY_WORKFLOW_ROLE,
  });
}

/** POST /cchc/articles/:documentId/take */
export namespace TakeArticle {
  export const BodySchema = z.object({
    /** Let go of the piece instead of taking it. */
    release: z.boolean({ error: 'release chỉ nhận true hoặc false.' }).default(false),
    /** Take a piece another editor handles (they see the change). */
    takeOver: z.boolean({ error: 'takeOver chỉ nhận true hoặc false.' }).default(false),
  });
  export const ResponseSchema = z.object({ data: z.object({ handler: HandlerSchema.nullable() }) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'takeArticle',
    api: 'admin',
    method: 'POST',
    path: '/articles/:documentId/take',
    summary: 'Marks the caller as the editor handling a submitted piece ("Tôi xử lý"), or lets go of it.',
    params: DocumentParamsSchema,
    body: BodySchema,
    response: ResponseSchema,
    access: ['editor', 'committee-admin'],
  });
}
