/**
 * Contracts of the contest's organiser endpoints (admin API, committee administrators
 * only): the rounds with live figures, a round's full ranking and its exports, the
 * question bank's template and import (previewed, then committed), and the record of
 * every organiser action.
 */
import { z } from 'zod';
import { CONTEST_AUDIENCE_CODES } from '../contest/rules.js';
import { idParam } from './common.js';
import { declareEndpoint } from './endpoint.js';

const organisers = ['committee-admin'] as const;

/** A round as its organisers see it: phase, figures, size of its bank. */
export const AdminRoundSchema = z.object({
  id: z.string(),
  contest: z.object({ id: z.string(), slug: z.string(), title: z.string() }),
  number: z.number().int(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  phase: z.enum(['upcoming', 'open', 'closed']),
  resultsPublished: z.boolean(),
  bank: z.number().int(),
  figures: z.object({ entries: z.number().int(), open: z.number().int(), submitted: z.number().int(), expired: z.number().int() }),
});
export type AdminRound = z.infer<typeof AdminRoundSchema>;

/** GET /cchc/contest-rounds */
export namespace ListContestRounds {
  export const ResponseSchema = z.object({
    data: z.array(AdminRoundSchema),
    /** Every contest, shown on the site or not, with or without rounds (the bank can be filled before the first round). */
    contests: z.array(z.object({ id: z.string(), slug: z.string(), title: z.string() })),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'listContestRounds',
    api: 'admin',
    method: 'GET',
    path: '/contest-rounds',
    summary: 'Every round, newest contest first, with entries and attempts counted now.',
    response: ResponseSchema,
    access: organisers,
  });
}

const MoveParamsSchema = z.object({ round: idParam('round') });
const MovedSchema = z.object({ data: AdminRoundSchema });

/** POST /cchc/contest-rounds/:round/open-now: an organiser opens an upcoming round now. */
export namespace OpenRound {
  export const ParamsSchema = MoveParamsSchema;
  export const ResponseSchema = MovedSchema;
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'openRoundNow',
    api: 'admin',
    method: 'POST',
    path: '/contest-rounds/:round/open-now',
    summary: 'Opens an upcoming round now (its bank must hold enough questions); 409 otherwise.',
    params: ParamsSchema,
    response: ResponseSchema,
    access: organisers,
  });
}

/** POST /cchc/contest-rounds/:round/close-now: an organiser closes an open round now. */
export namespace CloseRound {
  export const ParamsSchema = MoveParamsSchema;
  export const ResponseSchema = MovedSchema;
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'closeRoundNow',
    api: 'admin',
    method: 'POST',
    path: '/contest-rounds/:round/close-now',
    summary: 'Closes an open round now: attempts under way end with what they saved; 409 when it is not open.',
    params: ParamsSchema,
    response: ResponseSchema,
    access: organisers,
  });
}

/** One line of a round's ranking, as organisers see it (phone and ID included, for contacting winners). */
export const RankingRowSchema = z.object({
  rank: z.number().int(),
  name: z.string(),
  birthYear: z.number().int(),
  phone: z.string(),
  citizenId: z.string(),
  unit: z.string(),
  audience: z.enum(CONTEST_AUDIENCE_CODES).or(z.string()),
  score: z.number().int(),
  max: z.number().int(),
  prediction: z.number().int().nullable(),
  distance: z.number().int().nullable(),
  submittedAt: z.string(),
  closedBy: z.enum(['entrant', 'server']),
});
export type RankingRow = z.infer<typeof RankingRowSchema>;

export const RANKING_FORMATS = ['json', 'xlsx', 'winners'] as const;

/** GET /cchc/contest-rounds/:round/ranking?format=json|xlsx|winners */
export namespace GetRoundRanking {
  export const ParamsSchema = z.object({ round: idParam('round') });
  export const QuerySchema = z.object({
    format: z.enum(RANKING_FORMATS, { error: 'Tham số "format" chỉ nhận json, xlsx hoặc winners.' }).default('json'),
  });
  export type Query = z.output<typeof QuerySchema>;
  export const ResponseSchema = z.object({
    data: z.object({
      round: AdminRoundSchema,
      fullScoreCount: z.number().int(),
      rows: z.array(RankingRowSchema),
      /** Entrants per unit (agency, or commune for citizens), for the group prizes. */
      units: z.array(z.object({ unit: z.string(), entrants: z.number().int(), fullScores: z.number().int() })),
    }),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  /** With `format=xlsx` (every result) or `winners` (the first places), the answer is the file. */
  export const Endpoint = declareEndpoint({
    name: 'getRoundRanking',
    api: 'admin',
    method: 'GET',
    path: '/contest-rounds/:round/ranking',
    summary: 'A round\'s ranking (score, prediction, earliest), closing what the clock has closed; or its XLSX exports.',
    params: ParamsSchema,
    query: QuerySchema,
    response: ResponseSchema,
    access: organisers,
  });
}

/** GET /cchc/contests/:contest/bank-template: the XLSX template of the question bank. */
export namespace GetBankTemplate {
  export const ParamsSchema = z.object({ contest: idParam('contest') });
  export const ResponseSchema = z.never();
  export const Endpoint = declareEndpoint({
    name: 'getBankTemplate',
    api: 'admin',
    method: 'GET',
    path: '/contests/:contest/bank-template',
    summary: 'The question bank\'s XLSX template, with an example row and the area codes.',
    params: ParamsSchema,
    response: ResponseSchema,
    access: organisers,
  });
}

/** Largest spreadsheet taken: 700 KB (sent as base64 in JSON, within the CMS's 1 MB body limit); a bank of 1,000 questions is about 100 KB. */
export const MAX_BANK_FILE_BYTES = 700 * 1024;

/** POST /cchc/contests/:contest/bank: previews (commit false) or imports (commit true) a filled template. */
export namespace ImportBank {
  export const ParamsSchema = z.object({ contest: idParam('contest') });
  export const BodySchema = z.object({
    file: z
      .string({ error: 'Hãy chọn tệp XLSX theo mẫu.' })
      .max(Math.ceil((MAX_BANK_FILE_BYTES * 4) / 3) + 4, { error: 'Tệp quá lớn (tối đa 700 KB).' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Tệp không đọc được.' }),
    commit: z.boolean().default(false),
  });
  export type Body = z.output<typeof BodySchema>;
  export const ResponseSchema = z.object({
    data: z.object({
      questions: z.array(z.object({ row: z.number().int(), text: z.string(), kind: z.string(), options: z.number().int() })),
      errors: z.array(z.object({ row: z.number().int(), messages: z.array(z.string()) })),
      imported: z.number().int(),
    }),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'importBank',
    api: 'admin',
    method: 'POST',
    path: '/contests/:contest/bank',
    summary: 'Reads a filled template: every row checked and reported; with commit, imports the questions when no row is wrong.',
    params: ParamsSchema,
    body: BodySchema,
    response: ResponseSchema,
    access: organisers,
  });
}

/** GET /cchc/contest-actions: the organisers' actions, newest first. */
export namespace ListContestActions {
  export const ResponseSchema = z.object({
    data: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), subject: z.string(), detail: z.string() })),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'listContestActions',
    api: 'admin',
    method: 'GET',
    path: '/contest-actions',
    summary: 'The last 200 organiser actions on the contest (who, when, what).',
    response: ResponseSchema,
    access: organisers,
  });
}
