/**
 * Contracts of the online contest's public endpoints. What an entrant sees of a
 * question never includes its answer key: the schemas below have no field that
 * could carry it, and the site validates every answer against them.
 */
import { z } from 'zod';
import { CONTEST_AUDIENCE_CODES, RESULTS_POLICY_CODES, SCORE_TIMING_CODES, QUESTION_KIND_CODES } from '../contest/rules.js';
import { CHALLENGE_PROOF_MAX_LENGTH } from '../contest/challenge.js';
import { SLUG_PATTERN } from '../text/vietnamese.js';
import { TAG } from './cache-tags.js';
import { idParam, requiredText, slugParam } from './common.js';
import { declareEndpoint } from './endpoint.js';

/** The refusal of a proof of work that is not one (the CMS's checks say the same). */
export const PROOF_INVALID = 'Bước xác minh chống tự động không hợp lệ. Vui lòng tải lại trang và gửi lại.';

/** The header that carries an entry's secret (kept by the site in an HttpOnly cookie, never in a URL). */
export const ENTRY_SECRET_HEADER = 'x-cchc-entry-secret';

const isoDate = z.string();
const secretHeaders = z.object({
  [ENTRY_SECRET_HEADER]: z.string({ error: 'Thiếu mã bài thi; hãy đăng ký lại từ trang cuộc thi.' }).regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'Mã bài thi không hợp lệ.' }),
});

/** A round as the public sees it. */
export const RoundSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  opensAt: isoDate,
  closesAt: isoDate,
  phase: z.enum(['upcoming', 'open', 'closed']),
  questionsPerAttempt: z.number().int(),
  timeLimitMinutes: z.number().int(),
  attemptsAllowed: z.number().int(),
  scoreShown: z.enum(SCORE_TIMING_CODES),
  audience: z.enum(CONTEST_AUDIENCE_CODES).nullable(),
});
export type RoundSummary = z.infer<typeof RoundSummarySchema>;

/** A contest in the list. */
export const ContestSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  audiences: z.array(z.enum(CONTEST_AUDIENCE_CODES)),
  rounds: z.array(RoundSummarySchema),
});
export type ContestSummary = z.infer<typeof ContestSummarySchema>;

/** One winner as the site publishes them: name, unit and score, never a phone or ID number. */
export const WinnerSchema = z.object({ rank: z.number().int(), name: z.string(), unit: z.string(), score: z.number().int(), max: z.number().int() });
export type Winner = z.infer<typeof WinnerSchema>;

/** A contest with its rules, rounds and published results. */
export const ContestDetailSchema = ContestSummarySchema.extend({
  rules: z.string(),
  prizes: z.string(),
  organisers: z.string(),
  minimumAge: z.number().int(),
  resultsPolicy: z.enum(RESULTS_POLICY_CODES),
  results: z.array(z.object({ round: z.string(), number: z.number().int(), fullScoreCount: z.number().int(), entrants: z.number().int(), winners: z.array(WinnerSchema) })),
  /** Agencies an official can name as their unit. */
  units: z.array(z.object({ slug: z.string(), name: z.string() })),
});
export type ContestDetail = z.infer<typeof ContestDetailSchema>;

/** A question as the entrant sees it: the options in the attempt's order, each with its index in the bank. */
export const AttemptQuestionSchema = z.object({
  id: z.string(),
  kind: z.enum(QUESTION_KIND_CODES),
  text: z.string(),
  options: z.array(z.object({ index: z.number().int(), text: z.string() })),
});

/** An attempt as its entrant sees it. */
export const AttemptViewSchema = z.object({
  id: z.string(),
  contest: z.object({ slug: z.string(), title: z.string() }),
  round: z.object({ id: z.string(), number: z.number().int(), closesAt: isoDate, scoreShown: z.enum(SCORE_TIMING_CODES) }),
  state: z.enum(['open', 'submitted', 'expired']),
  startedAt: isoDate,
  deadline: isoDate,
  secondsLeft: z.number().int(),
  questions: z.array(AttemptQuestionSchema),
  answers: z.record(z.string(), z.array(z.number().int())),
  prediction: z.number().int().nullable(),
  /** The score, once the round's policy lets the entrant see it; null before. */
  result: z.object({ score: z.number().int(), max: z.number().int() }).nullable(),
  /** Once the round has closed (never before): each question's correct options and explanation. */
  review: z.array(z.object({ question: z.string(), correct: z.array(z.number().int()), explanation: z.string() })).nullable(),
});
export type AttemptView = z.infer<typeof AttemptViewSchema>;

/** GET /api/cchc/contest-challenge */
export namespace GetRegistrationChallenge {
  /** An altcha (v2 proof of work) challenge, signed by the CMS: what the widget solves. */
  export const ResponseSchema = z.object({
    // Loose: the signature covers every parameter the CMS wrote, so none may be dropped on the way.
    parameters: z.looseObject({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number().int(),
      keyLength: z.number().int(),
      keyPrefix: z.string(),
      keySignature: z.string().optional(),
      expiresAt: z.number().int().optional(),
    }),
    signature: z.string(),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getRegistrationChallenge',
    api: 'content-api',
    method: 'GET',
    path: '/contest-challenge',
    summary: 'A new proof-of-work challenge for a registration form (never cached); its solution counts once.',
    response: ResponseSchema,
    access: 'public',
    cost: 2,
  });
}

/** GET /api/cchc/contests */
export namespace ListContests {
  export const ResponseSchema = z.object({ data: z.array(ContestSummarySchema) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'listContests',
    api: 'content-api',
    method: 'GET',
    path: '/contests',
    summary: 'The visible contests with their rounds, newest first.',
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.contest],
  });
}

/** GET /api/cchc/contests/:slug */
export namespace GetContest {
  export const ParamsSchema = z.object({ slug: slugParam('slug') });
  export const ResponseSchema = z.object({ data: ContestDetailSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getContest',
    api: 'content-api',
    method: 'GET',
    path: '/contests/:slug',
    summary: 'One contest: rules, prizes, rounds and the published winners, or 404.',
    params: ParamsSchema,
    response: ResponseSchema,
    access: 'public',
    cacheTags: () => [TAG.contest],
  });
}

/** POST /api/cchc/contest-rounds/:round/entries: registration for a round. */
export namespace RegisterEntry {
  export const ParamsSchema = z.object({ round: idParam('round') });
  export const BodySchema = z
    .object({
      name: requiredText('họ và tên', 120),
      birthYear: z.coerce.number({ error: 'Năm sinh phải là một số.' }).int({ error: 'Năm sinh phải là một số nguyên.' }).min(1900, { error: 'Năm sinh không hợp lệ.' }).max(2100, { error: 'Năm sinh không hợp lệ.' }),
      phone: z.string({ error: 'Số điện thoại không hợp lệ.' }).max(30, { error: 'Số điện thoại không hợp lệ.' }).optional().default(''),
      citizenId: z.string({ error: 'Số định danh cá nhân không hợp lệ.' }).max(30, { error: 'Số định danh cá nhân không hợp lệ.' }).optional().default(''),
      // Plain strings in, as a form sends them; the codes are checked inside.
      audience: z.string({ error: 'Hãy chọn đối tượng dự thi.' }).pipe(z.enum(CONTEST_AUDIENCE_CODES, { error: 'Hãy chọn đối tượng dự thi.' })),
      agency: z.union([z.literal(''), z.string().regex(SLUG_PATTERN)], { error: 'Đơn vị công tác không hợp lệ.' }).optional().default(''),
      // Normalised first, then measured: NFC can lengthen a string.
      commune: z
        .string({ error: 'Tên xã, phường không hợp lệ.' })
        .transform((s) => s.normalize('NFC').trim())
        .pipe(z.string().max(200, { error: 'Tên xã, phường dài quá 200 ký tự.' }))
        .optional()
        .default(''),
      // The solved proof-of-work challenge the widget put in the form (base64); empty from a browser without JavaScript.
      proof: z.string({ error: PROOF_INVALID }).max(CHALLENGE_PROOF_MAX_LENGTH, { error: PROOF_INVALID }).optional().default(''),
      // Never pre-ticked on the form; the API takes only an explicit yes.
      consent: z
        .union([z.boolean(), z.string()], { error: 'Hãy đồng ý với việc sử dụng thông tin cá nhân cho cuộc thi.' })
        .refine((v) => v === true || v === 'true' || v === 'on', { error: 'Hãy đồng ý với việc sử dụng thông tin cá nhân cho cuộc thi.' }),
    })
    .refine((b) => b.phone.trim() !== '' || b.citizenId.trim() !== '', { error: 'Hãy nhập số điện thoại hoặc số định danh cá nhân.' });
  export type Body = z.output<typeof BodySchema>;
  export const ResponseSchema = z.object({ data: z.object({ entry: z.string(), secret: z.string() }) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'registerEntry',
    api: 'content-api',
    method: 'POST',
    path: '/contest-rounds/:round/entries',
    summary: 'Registers an entrant for an open round (one entry per phone and per ID number); answers the entry and its secret.',
    params: ParamsSchema,
    body: BodySchema,
    response: ResponseSchema,
    access: 'public',
    cost: 5,
  });
}

/** POST /api/cchc/contest-entries/:entry/attempts: starts an attempt (or answers the one already open). */
export namespace StartAttempt {
  export const ParamsSchema = z.object({ entry: idParam('entry') });
  export const HeadersSchema = secretHeaders;
  export const ResponseSchema = z.object({ data: AttemptViewSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'startAttempt',
    api: 'content-api',
    method: 'POST',
    path: '/contest-entries/:entry/attempts',
    summary: 'Starts an attempt: questions drawn and shuffled, the clock started by the server; the open attempt if there is one.',
    params: ParamsSchema,
    headers: HeadersSchema,
    response: ResponseSchema,
    access: 'public',
    cost: 3,
  });
}

/** GET /api/cchc/contest-attempts/:attempt */
export namespace GetAttempt {
  export const ParamsSchema = z.object({ attempt: idParam('attempt') });
  export const HeadersSchema = secretHeaders;
  export const ResponseSchema = z.object({ data: AttemptViewSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getAttempt',
    api: 'content-api',
    method: 'GET',
    path: '/contest-attempts/:attempt',
    summary: 'An attempt with its questions, saved answers and time left (after a reload or a dropped connection).',
    params: ParamsSchema,
    headers: HeadersSchema,
    response: ResponseSchema,
    access: 'public',
  });
}

/** A choice of options, as a list of indexes (JSON) or a comma-separated string (a form). */
const chosenSchema = z
  .union([z.array(z.coerce.number().int().min(0).max(5)), z.string().regex(/^(\d(,\d){0,5})?$/).transform((s) => (s === '' ? [] : s.split(',').map(Number)))], { error: 'Đáp án không hợp lệ.' })
  .refine((a) => a.length <= 6, { error: 'Đáp án không hợp lệ.' });

/** PUT /api/cchc/contest-attempts/:attempt/answers/:question: saves one answer (autosave). */
export namespace SaveAnswer {
  export const ParamsSchema = z.object({ attempt: idParam('attempt'), question: idParam('question') });
  export const HeadersSchema = secretHeaders;
  export const BodySchema = z.object({ chosen: chosenSchema });
  export const ResponseSchema = z.object({ data: z.object({ savedAt: isoDate, secondsLeft: z.number().int() }) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'saveAnswer',
    api: 'content-api',
    method: 'PUT',
    path: '/contest-attempts/:attempt/answers/:question',
    summary: 'Saves the answer to one question of an open attempt, at the server\'s time; refused after the time limit.',
    params: ParamsSchema,
    headers: HeadersSchema,
    body: BodySchema,
    response: ResponseSchema,
    access: 'public',
  });
}

/** POST /api/cchc/contest-attempts/:attempt/submit */
export namespace SubmitAttempt {
  export const ParamsSchema = z.object({ attempt: idParam('attempt') });
  export const HeadersSchema = secretHeaders;
  export const BodySchema = z.object({
    // A number, or the digits a form sends; an empty field is no answer (not 0).
    prediction: z
      .union([z.number(), z.string().trim().regex(/^\d{1,9}$/).transform(Number)], { error: 'Hãy trả lời câu hỏi dự đoán bằng một số nguyên.' })
      .pipe(
        z
          .number()
          .int({ error: 'Câu trả lời dự đoán phải là số nguyên.' })
          .min(0, { error: 'Câu trả lời dự đoán không được âm.' })
          .max(100_000_000, { error: 'Câu trả lời dự đoán quá lớn.' }),
      ),
    /** Answers sent with the submission (a form without JavaScript sends them all at once). */
    answers: z.record(idParam('question'), chosenSchema).optional().default({}),
  });
  export const ResponseSchema = z.object({ data: AttemptViewSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'submitAttempt',
    api: 'content-api',
    method: 'POST',
    path: '/contest-attempts/:attempt/submit',
    summary: 'Submits an open attempt with the prediction; counted once, whatever the number of tabs or devices.',
    params: ParamsSchema,
    headers: HeadersSchema,
    body: BodySchema,
    response: ResponseSchema,
    access: 'public',
  });
}
