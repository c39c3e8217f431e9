/**
 * Contracts of the questions desk (admin API, /cchc/questions…): moderators (editors and
 * committee administrators) classify, assign, redact, publish and close; the assigned
 * agency's contributors see and answer only their agency's items. The citizen's contact is
 * in none of these answers but one, which records who looked (GetQuestionContact).
 */
import { z } from 'zod';
import { normalizeLookupCode } from '../questions/lookup-code.js';
import { CLOSE_REASON_CODES, QUESTION_ACTIONS, QUESTION_STATES } from '../questions/states.js';
import { SLUG_PATTERN } from '../text/vietnamese.js';
import { requiredText, typedText } from './common.js';
import { declareEndpoint } from './endpoint.js';
import { QUESTION_MAX_LENGTH } from './questions.js';

const desk = ['contributor', 'editor', 'committee-admin'] as const;
const moderators = ['editor', 'committee-admin'] as const;

/** Longest answer an agency writes. */
export const ANSWER_MAX_LENGTH = 20_000;

/** A lookup code in a path, normalised (`pakn-20241105-0007` works too). */
export const codeParam = z
  .string()
  .transform((s, ctx) => {
    const code = normalizeLookupCode(s);
    if (!code) {
      ctx.addIssue({ code: 'custom', message: 'Mã câu hỏi không hợp lệ (dạng PAKN.20241105.0001).' });
      return z.NEVER;
    }
    return code;
  });

const Named = z.object({ slug: z.string(), name: z.string() });

/** An item in the desk's list. */
export const DeskQuestionSchema = z.object({
  code: z.string(),
  state: z.enum(QUESTION_STATES),
  stateLabel: z.string(),
  subject: z.object({ code: z.string(), name: z.string() }),
  /** The agency the citizen named, if any. */
  namedAgency: Named.nullable(),
  /** The agency answering it, once assigned. */
  assignedAgency: Named.nullable(),
  /** The title as published (the citizen's own until a moderator edits it). */
  title: z.string(),
  receivedAt: z.string(),
  stateSince: z.string(),
  /** When the current state is due to end (working days), or null for states without a deadline. */
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Sent by a robot (the hidden field filled): kept for the record, never work. */
  flagged: z.boolean(),
});
export type DeskQuestion = z.infer<typeof DeskQuestionSchema>;

export const DeskEventSchema = z.object({
  at: z.string(),
  action: z.string(),
  label: z.string(),
  fromState: z.enum(QUESTION_STATES).nullable(),
  toState: z.enum(QUESTION_STATES),
  actorName: z.string(),
  note: z.string(),
});
export type DeskEvent = z.infer<typeof DeskEventSchema>;

/** An item with everything staff work on: the original, the public text, the answer, the steps open to the caller, the history. */
export const DeskQuestionDetailSchema = DeskQuestionSchema.extend({
  originalTitle: z.string(),
  originalBody: z.string(),
  body: z.string(),
  /** True when the public text differs from what the citizen sent. */
  redacted: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  closedReason: z.object({ code: z.enum(CLOSE_REASON_CODES), label: z.string() }).nullable(),
  /** The steps the caller may take now. */
  actions: z.array(z.enum(QUESTION_ACTIONS)),
  /** Whether the caller may edit the public text (moderators, before publication). */
  canEditText: z.boolean(),
  /** The files the citizen sent (downloaded through GetQuestionAttachment; each download is recorded). */
  attachments: z.array(z.object({ id: z.number().int(), name: z.string(), mime: z.string(), size: z.number().int() })),
  history: z.array(DeskEventSchema),
});
export type DeskQuestionDetail = z.infer<typeof DeskQuestionDetailSchema>;

/** Which items a list shows. */
export const DESK_VIEWS = ['open', 'overdue', 'published', 'closed', 'flagged', 'all'] as const;
export type DeskView = (typeof DESK_VIEWS)[number];

/** GET /cchc/questions?view=open|overdue|published|closed|flagged|all */
export namespace ListDeskQuestions {
  export const QuerySchema = z.object({
    view: z.enum(DESK_VIEWS, { error: 'Tham số "view" chỉ nhận open, overdue, published, closed, flagged hoặc all.' }).default('open'),
  });
  export type Query = z.output<typeof QuerySchema>;
  export const ResponseSchema = z.object({
    data: z.array(DeskQuestionSchema),
    /** How many items each view holds for this caller. */
    counts: z.record(z.enum(DESK_VIEWS), z.number().int()),
    /** The agencies a moderator may assign to. */
    agencies: z.array(Named),
    /** The reform areas a moderator may classify under. */
    subjects: z.array(z.object({ code: z.string(), name: z.string() })),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'listDeskQuestions',
    api: 'admin',
    method: 'GET',
    path: '/questions',
    summary: 'Citizens\' questions for the desk, oldest due first: moderators see all, contributors their agency\'s assigned items only.',
    query: QuerySchema,
    response: ResponseSchema,
    access: desk,
  });
}

const CodeParams = z.object({ code: codeParam });
const DetailResponse = z.object({ data: DeskQuestionDetailSchema });

/** GET /cchc/questions/:code */
export namespace GetDeskQuestion {
  export const ParamsSchema = CodeParams;
  export const ResponseSchema = DetailResponse;
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getDeskQuestion',
    api: 'admin',
    method: 'GET',
    path: '/questions/:code',
    summary: 'One question with its original and public texts, answer, history and the steps open to the caller (404 for another agency\'s).',
    params: ParamsSchema,
    response: ResponseSchema,
    access: desk,
  });
}

const note = z.string({ error: 'Ghi chú phải là văn bản.' }).transform(typedText).pipe(z.string().max(2000, { error: 'Ghi chú dài quá 2.000 ký tự.' })).optional().default('');
const slug = (message: string) => z.string({ error: message }).regex(SLUG_PATTERN, { error: message });

/** POST /cchc/questions/:code/actions */
export namespace ActOnQuestion {
  export const ParamsSchema = CodeParams;
  export const BodySchema = z.discriminatedUnion(
    'action',
    [
      z.object({ action: z.literal('classify'), subject: slug('Hãy chọn lĩnh vực.'), note }),
      z.object({ action: z.literal('assign'), agency: slug('Hãy chọn cơ quan xử lý.'), note }),
      z.object({ action: z.literal('answer'), answer: requiredText('nội dung trả lời', ANSWER_MAX_LENGTH), note }),
      z.object({ action: z.literal('publish'), note }),
      z.object({ action: z.literal('close'), reason: z.enum(CLOSE_REASON_CODES, { error: 'Hãy chọn lý do đóng.' }), note }),
      z.object({ action: z.literal('reopen'), note }),
    ],
    { error: 'Thao tác không hợp lệ.' },
  );
  export type Body = z.output<typeof BodySchema>;
  export const ResponseSchema = DetailResponse;
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'actOnQuestion',
    api: 'admin',
    method: 'POST',
    path: '/questions/:code/actions',
    summary: 'Takes one step of the question\'s path (classify, assign, answer, publish, close, reopen) if the caller may, from its state; 409 when someone moved it first.',
    params: ParamsSchema,
    body: BodySchema,
    response: ResponseSchema,
    access: desk,
  });
}

/** PUT /cchc/questions/:code/public-text: a moderator edits or redacts what will be published (the original is kept). */
export namespace EditQuestionText {
  export const ParamsSchema = CodeParams;
  export const BodySchema = z.object({
    title: requiredText('tiêu đề công khai', 200),
    body: requiredText('nội dung công khai', QUESTION_MAX_LENGTH),
    note,
  });
  export type Body = z.output<typeof BodySchema>;
  export const ResponseSchema = DetailResponse;
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'editQuestionText',
    api: 'admin',
    method: 'PUT',
    path: '/questions/:code/public-text',
    summary: 'Sets the public title and text of a question not yet published (the citizen\'s original is kept; the edit is recorded).',
    params: ParamsSchema,
    body: BodySchema,
    response: ResponseSchema,
    access: moderators,
  });
}

/** GET /cchc/questions/:code/contact: the citizen's name and contact, each view recorded in the history. */
export namespace GetQuestionContact {
  export const ParamsSchema = CodeParams;
  export const ResponseSchema = z.object({ data: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), erased: z.boolean() }) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getQuestionContact',
    api: 'admin',
    method: 'GET',
    path: '/questions/:code/contact',
    summary: 'The name and contact the citizen gave (moderators, and the assigned agency); the view is recorded with who and when.',
    params: ParamsSchema,
    response: ResponseSchema,
    access: desk,
  });
}

/** GET /cchc/questions/:code/attachments/:file: one of the citizen's files, as a download; recorded in the history. */
export namespace GetQuestionAttachment {
  export const ParamsSchema = z.object({
    code: codeParam,
    file: z.string({ error: 'Tệp không hợp lệ.' }).regex(/^[1-9]\d{0,9}$/, { error: 'Tệp không hợp lệ.' }).transform(Number),
  });
  export const ResponseSchema = z.object({ data: z.null() });
  export const Endpoint = declareEndpoint({
    name: 'getQuestionAttachment',
    api: 'admin',
    method: 'GET',
    path: '/questions/:code/attachments/:file',
    summary: 'A file the citizen sent with the question (moderators, and the assigned agency); the download is recorded with who and when.',
    params: ParamsSchema,
    response: ResponseSchema,
    access: desk,
  });
}
