/**
 * Contracts of citizens' questions and feedback on the public API: sending one, and
 * looking it up with its code and the contact given. No answer carries the citizen's
 * name, e-mail or phone: the schemas have no field for them.
 */
import { z } from 'zod';
import { CLOSE_REASON_CODES, QUESTION_STATES } from '../questions/states.js';
import { SLUG_PATTERN } from '../text/vietnamese.js';
import { normalizeLookupCode } from '../questions/lookup-code.js';
import { TAG } from './cache-tags.js';
import { CONTROL_CHARACTERS, PaginationSchema, paginationQuery, requiredText, typedText } from './common.js';
import { declareEndpoint } from './endpoint.js';

/** The subject a citizen picks when no reform area fits, and its name. */
export const OTHER_SUBJECT = 'khac';
export const OTHER_SUBJECT_LABEL = 'Khác';
/** Longest question. */
export const QUESTION_MAX_LENGTH = 5000;
/** Attachments a question may carry: photos (JPEG, PNG) or PDF, read from their content, 3 of 5 MB at most. */
export const QUESTION_ATTACHMENTS = { field: 'attachments', max: 3, maxBytes: 5 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'application/pdf'] } as const;

const optionalText = (message: string, max: number) =>
  z
    .string({ error: message })
    .transform(typedText)
    .pipe(z.string().max(max, { error: message }).refine((s) => !CONTROL_CHARACTERS.test(s), { error: message }))
    .optional()
    .default('');

/** POST /api/cchc/questions */
export namespace SubmitQuestion {
  export const BodySchema = z
    .object({
      // A reform area's code, or "khac"; checked against the areas in the CMS.
      subject: z.string({ error: 'Hãy chọn lĩnh vực của câu hỏi.' }).regex(SLUG_PATTERN, { error: 'Hãy chọn lĩnh vực của câu hỏi.' }),
      agency: z.union([z.literal(''), z.string().regex(SLUG_PATTERN)], { error: 'Cơ quan đã chọn không hợp lệ.' }).optional().default(''),
      title: requiredText('tiêu đề', 200),
      question: requiredText('nội dung câu hỏi', QUESTION_MAX_LENGTH),
      name: requiredText('họ và tên', 120),
      email: optionalText('Địa chỉ thư điện tử không hợp lệ.', 200).pipe(z.union([z.literal(''), z.email({ error: 'Địa chỉ thư điện tử không hợp lệ.' })])),
      phone: optionalText('Số điện thoại không hợp lệ.', 30),
      // Never pre-ticked on the form; the API takes only an explicit yes.
      consent: z
        .union([z.boolean(), z.string()], { error: 'Hãy đồng ý với việc dùng thông tin liên hệ để trả lời bạn.' })
        .refine((v) => v === true || v === 'true' || v === 'on', { error: 'Hãy đồng ý với việc dùng thông tin liên hệ để trả lời bạn.' }),
      // A field people never see (the form hides it): a robot that fills it is answered as if it succeeded (however long it wrote).
      website: z
        .unknown()
        .transform((v) => (typeof v === 'string' ? v.slice(0, 500) : v === undefined || v === null ? '' : 'x'))
        .optional()
        .default(''),
    })
    .refine((b) => b.email !== '' || b.phone !== '', { error: 'Hãy nhập thư điện tử hoặc số điện thoại để nhận trả lời.' });
  export type Body = z.output<typeof BodySchema>;
  /** `mailed`: the receipt goes to the e-mail given (e-mail is set up, and one was given). */
  export const ResponseSchema = z.object({ data: z.object({ code: z.string(), receivedAt: z.string(), mailed: z.boolean() }) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'submitQuestion',
    api: 'content-api',
    method: 'POST',
    path: '/questions',
    summary: 'Receives a citizen\'s question or feedback; answers its lookup code (the contact details are kept apart and never published).',
    body: BodySchema,
    response: ResponseSchema,
    access: 'public',
    cost: 5,
    files: { field: QUESTION_ATTACHMENTS.field, max: QUESTION_ATTACHMENTS.max, maxBytes: QUESTION_ATTACHMENTS.maxBytes },
  });
}

/** A submission as its citizen sees it on lookup: states and dates, and the answer once published; nothing personal. */
export const QuestionStatusSchema = z.object({
  code: z.string(),
  state: z.enum(QUESTION_STATES),
  stateLabel: z.string(),
  title: z.string(),
  subject: z.string(),
  receivedAt: z.string(),
  history: z.array(z.object({ state: z.enum(QUESTION_STATES), label: z.string(), at: z.string() })),
  answer: z.object({ text: z.string(), agency: z.string(), at: z.string() }).nullable(),
  closedReason: z.object({ code: z.enum(CLOSE_REASON_CODES), label: z.string() }).nullable(),
});
export type QuestionStatus = z.infer<typeof QuestionStatusSchema>;

/** POST /api/cchc/questions/lookup (POST: the contact never goes in a URL) */
export namespace LookUpQuestion {
  export const BodySchema = z.object({
    code: z.string({ error: 'Hãy nhập mã tra cứu.' }).max(40, { error: 'Mã tra cứu không hợp lệ.' }),
    contact: requiredText('thư điện tử hoặc số điện thoại đã dùng khi gửi', 200),
  });
  export type Body = z.output<typeof BodySchema>;
  export const ResponseSchema = z.object({ data: QuestionStatusSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'lookUpQuestion',
    api: 'content-api',
    method: 'POST',
    path: '/questions/lookup',
    summary: 'A submission\'s state and, once published, its answer, for its code and the contact given with it; the same 404 for a wrong code or contact.',
    body: BodySchema,
    response: ResponseSchema,
    access: 'public',
    cost: 3,
  });
}

/** A published question and its answer, as the public reads it: no name, e-mail or phone. */
export const PublishedQuestionSchema = z.object({
  code: z.string(),
  title: z.string(),
  question: z.string(),
  subject: z.object({ code: z.string(), name: z.string() }),
  /** The agency that answered. */
  agency: z.object({ slug: z.string(), name: z.string() }).nullable(),
  askedAt: z.string(),
  answer: z.string(),
  publishedAt: z.string(),
});
export type PublishedQuestion = z.infer<typeof PublishedQuestionSchema>;

/** GET /api/cchc/questions/published?q=&area=&agency=&page=&pageSize= */
export namespace ListPublishedQuestions {
  export const QuerySchema = z.object({
    q: z.string().max(200, { error: 'Từ khoá tìm kiếm dài quá 200 ký tự.' }).transform(typedText).optional().default(''),
    area: z.union([z.literal(''), z.string().regex(SLUG_PATTERN)], { error: 'Lĩnh vực không hợp lệ.' }).optional().default(''),
    agency: z.union([z.literal(''), z.string().regex(SLUG_PATTERN)], { error: 'Cơ quan không hợp lệ.' }).optional().default(''),
    ...paginationQuery,
  });
  export type Query = z.output<typeof QuerySchema>;
  export const ResponseSchema = z.object({ data: z.array(PublishedQuestionSchema), meta: z.object({ pagination: PaginationSchema }) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'listPublishedQuestions',
    api: 'content-api',
    method: 'GET',
    path: '/questions/published',
    summary: 'Published questions and answers, newest answer first; searchable with or without diacritics, filtered by area and answering agency.',
    query: QuerySchema,
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.questions],
    cost: 2,
  });
}

/** GET /api/cchc/questions/published/:code */
export namespace GetPublishedQuestion {
  export const ParamsSchema = z.object({ code: z.string().max(40).transform((s) => normalizeLookupCode(s) ?? '') });
  export const ResponseSchema = z.object({ data: PublishedQuestionSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getPublishedQuestion',
    api: 'content-api',
    method: 'GET',
    path: '/questions/published/:code',
    summary: 'One published question and its answer (404 for any other code).',
    params: ParamsSchema,
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.questions],
  });
}

/** Everything stored about a submission, as its citizen downloads it (their own data, with the code and contact they gave). */
export const QuestionExportSchema = z.object({
  code: z.string(),
  exportedAt: z.string(),
  contact: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), consentAt: z.string() }),
  question: z.object({ subject: z.string(), title: z.string(), text: z.string(), receivedAt: z.string() }),
  /** The agency the sender named, if any. */
  namedAgency: z.string().nullable(),
  /** The files sent (their content is not in the export; staff read them). */
  attachments: z.array(z.object({ name: z.string(), type: z.string(), size: z.number().int() })),
  publicText: z.object({ title: z.string(), text: z.string() }).nullable(),
  state: z.string(),
  answer: z.string().nullable(),
  history: z.array(z.object({ at: z.string(), step: z.string() })),
  retention: z.string(),
});
export type QuestionExport = z.infer<typeof QuestionExportSchema>;

/** POST /api/cchc/questions/export: the citizen's own data (code and contact as for a lookup). */
export namespace ExportQuestionData {
  export const BodySchema = LookUpQuestion.BodySchema;
  export type Body = z.output<typeof BodySchema>;
  export const ResponseSchema = z.object({ data: QuestionExportSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'exportQuestionData',
    api: 'content-api',
    method: 'POST',
    path: '/questions/export',
    summary: 'Everything stored about a submission and its sender, for the sender (code and contact as for a lookup; the same 404 otherwise).',
    body: BodySchema,
    response: ResponseSchema,
    access: 'public',
    cost: 3,
  });
}

/** POST /api/cchc/questions/erase: the citizen erases their name and contact (and masks them in the text) now. */
export namespace EraseQuestionData {
  export const BodySchema = LookUpQuestion.BodySchema.extend({
    confirm: z
      .union([z.boolean(), z.string()], { error: 'Hãy xác nhận việc xoá thông tin cá nhân.' })
      .refine((v) => v === true || v === 'true' || v === 'on', { error: 'Hãy xác nhận việc xoá thông tin cá nhân.' }),
  });
  export type Body = z.output<typeof BodySchema>;
  export const ResponseSchema = z.object({ data: z.object({ code: z.string(), erasedAt: z.string() }) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'eraseQuestionData',
    api: 'content-api',
    method: 'POST',
    path: '/questions/erase',
    summary: 'Erases the sender\'s name, e-mail and phone, and masks them in the question\'s text; the question and its answer stay. Code and contact as for a lookup.',
    body: BodySchema,
    response: ResponseSchema,
    access: 'public',
    cost: 3,
  });
}
