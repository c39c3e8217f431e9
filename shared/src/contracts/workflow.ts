/** Contracts of the plugin's workflow routes (admin panel API, under /cchc). */
import { z } from 'zod';
import { WORKFLOW_ACTION_NAMES, WORKFLOW_STATES } from '../workflow/workflow.js';
import { ANY_WORKFLOW_ROLE, declareEndpoint } from './endpoint.js';

/** The Strapi document id of a piece in a workflow path. */
export const DocumentParamsSchema = z.object({ documentId: z.string().regex(/^[a-z0-9]{10,40}$/, { error: 'Mã tin bài không hợp lệ.' }) });

/** One recorded transition. */
export const WorkflowEventSchema = z.object({
  action: z.string(),
  fromState: z.enum(WORKFLOW_STATES),
  toState: z.enum(WORKFLOW_STATES),
  note: z.string(),
  actorName: z.string(),
  occurredAt: z.string(),
});
export type WorkflowEvent = z.infer<typeof WorkflowEventSchema>;

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
    data: z.object({ state: z.enum(WORKFLOW_STATES), actions: z.array(z.string()), events: z.array(WorkflowEventSchema) }),
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
    actions: z.array(z.string()),
  });
  export const ResponseSchema = z.object({ data: z.array(ItemSchema) });
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
