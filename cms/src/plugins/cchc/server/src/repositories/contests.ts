/**
 * Reads the contest's content types (contests, rounds, the question bank) for the
 * contest service, rows checked with zod. Answer keys leave this module only towards
 * scoring; the public views are built from `ContestQuestion` without them.
 */
import type { Core } from '@strapi/strapi';
import { CONTEST_AUDIENCE_CODES, QUESTION_KIND_CODES, RESULTS_POLICY_CODES, SCORE_TIMING_CODES, type AnswerKey } from '@cchc/shared';
import { z } from 'zod';
import { UID } from '../constants.js';
import { DbInt } from './counts-table.js';
import { documentsOf } from './documents.js';

const Timestamp = z.union([z.string(), z.number(), z.date()]).transform((v) => new Date(v));
const Audiences = z
  .unknown()
  .transform((v) => (Array.isArray(v) ? v : []))
  .pipe(z.array(z.unknown()))
  .transform((list) => list.filter((x): x is (typeof CONTEST_AUDIENCE_CODES)[number] => (CONTEST_AUDIENCE_CODES as readonly unknown[]).includes(x)));

const ContestRow = z.object({
  id: DbInt,
  documentId: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string().nullable().transform((v) => v ?? ''),
  rules: z.string().nullable().transform((v) => v ?? ''),
  audiences: Audiences,
  minimumAge: z.number().nullable().transform((v) => v ?? 0),
  prizes: z.string().nullable().transform((v) => v ?? ''),
  organisers: z.string().nullable().transform((v) => v ?? ''),
  resultsPolicy: z.enum(RESULTS_POLICY_CODES).nullable().transform((v) => v ?? 'nguoi-doat-giai'),
  winnersPerRound: z.number().nullable().transform((v) => v ?? 10),
  visible: z.union([z.boolean(), z.number()]).nullable().transform((v) => v !== false && v !== 0),
});
export type ContestRecord = z.infer<typeof ContestRow>;

const RoundRow = z.object({
  id: DbInt,
  documentId: z.string(),
  number: z.number().int(),
  title: z.string().nullable().transform((v) => v ?? ''),
  opensAt: Timestamp,
  closesAt: Timestamp,
  attemptsAllowed: z.number().int(),
  questionsPerAttempt: z.number().int(),
  timeLimitMinutes: z.number().int(),
  scoreShown: z.enum(SCORE_TIMING_CODES),
  audience: z.enum(CONTEST_AUDIENCE_CODES).nullable(),
  resultsPublished: z.union([z.boolean(), z.number()]).nullable().transform((v) => v === true || v === 1),
  contest: z.object({ documentId: z.string() }).nullable().optional(),
});
export type RoundRecord = z.infer<typeof RoundRow>;

const QuestionRow = z.object({
  documentId: z.string(),
  kind: z.enum(QUESTION_KIND_CODES),
  text: z.string(),
  options: z.array(z.string()),
  correct: z.array(z.number().int()),
  explanation: z.string().nullable().transform((v) => v ?? ''),
  audience: z.enum(CONTEST_AUDIENCE_CODES).nullable(),
});
export type QuestionRecord = z.infer<typeof QuestionRow>;

const ROUND_FIELDS = ['id', 'documentId', 'number', 'title', 'opensAt', 'closesAt', 'attemptsAllowed', 'questionsPerAttempt', 'timeLimitMinutes', 'scoreShown', 'audience', 'resultsPublished'];
const CONTEST_FIELDS = ['id', 'documentId', 'slug', 'title', 'summary', 'rules', 'audiences', 'minimumAge', 'prizes', 'organisers', 'resultsPolicy', 'winnersPerRound', 'visible'];

/** The key of a question, for scoring. */
export const keyOf = (q: QuestionRecord): AnswerKey => ({ kind: q.kind, correct: q.correct });

/** Creates the repository over a Strapi instance. */
export function createContestRepository(strapi: Core.Strapi) {
  const rounds = (where: Record<string, unknown>) =>
    strapi.db
      .query(UID.contestRound)
      .findMany({ where, select: ROUND_FIELDS, populate: { contest: { select: ['documentId'] } }, orderBy: [{ number: 'asc' }] })
      .then((rows) => z.array(RoundRow).parse(rows));

  return {
    /** Every contest, shown on the site or not, newest first. */
    async allContests(): Promise<ContestRecord[]> {
      return z.array(ContestRow).parse(await strapi.db.query(UID.contest).findMany({ select: CONTEST_FIELDS, orderBy: [{ id: 'desc' }] }));
    },

    /** The visible contests, newest first. */
    async visibleContests(): Promise<ContestRecord[]> {
      const rows = await strapi.db.query(UID.contest).findMany({ where: { visible: { $ne: false } }, select: CONTEST_FIELDS, orderBy: [{ id: 'desc' }] });
      return z.array(ContestRow).parse(rows);
    },

    async contestBySlug(slug: string): Promise<ContestRecord | null> {
      const row = await strapi.db.query(UID.contest).findOne({ where: { slug }, select: CONTEST_FIELDS });
      return row ? ContestRow.parse(row) : null;
    },

    async contestByDocumentId(documentId: string): Promise<ContestRecord | null> {
      const row = await strapi.db.query(UID.contest).findOne({ where: { documentId }, select: CONTEST_FIELDS });
      return row ? ContestRow.parse(row) : null;
    },

    /** The rounds of some contests (by row id), in number order. */
    roundsOf: (contestIds: readonly number[]): Promise<RoundRecord[]> => (contestIds.length === 0 ? Promise.resolve([]) : rounds({ contest: { id: { $in: [...contestIds] } } })),

    async round(documentId: string): Promise<RoundRecord | null> {
      return (await rounds({ documentId }))[0] ?? null;
    },

    /** The bank a round draws from: its contest's questions, for the round's audience when it names one. */
    async bankOf(round: RoundRecord): Promise<QuestionRecord[]> {
      const contest = round.contest?.documentId;
      if (!contest) return [];
      const where: Record<string, unknown> = { contest: { documentId: contest } };
      if (round.audience) where.$or = [{ audience: round.audience }, { audience: null }];
      const rows = await strapi.db.query(UID.contestQuestion).findMany({ where, select: ['documentId', 'kind', 'text', 'options', 'correct', 'explanation', 'audience'] });
      // A question the Content Manager let through malformed is left out of the bank rather than breaking every attempt.
      return rows.flatMap((row: unknown) => {
        const parsed = QuestionRow.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
    },

    /** The reform areas a question may name: code, name, documentId. */
    async areas(): Promise<Array<{ code: string; name: string; documentId: string }>> {
      const rows = await strapi.db.query(UID.reformArea).findMany({ select: ['code', 'name', 'documentId'], orderBy: [{ order: 'asc' }] });
      return z.array(z.object({ code: z.string(), name: z.string(), documentId: z.string() })).parse(rows);
    },

    /** Adds questions to a contest's bank, all or none (one transaction). */
    async addQuestions(
      contestDocumentId: string,
      questions: ReadonlyArray<{ kind: string; text: string; options: string[]; correct: number[]; explanation: string; difficulty: string; audience: string | null; reformArea: string | null }>,
    ): Promise<void> {
      await strapi.db.transaction(async () => {
        for (const { reformArea, ...q } of questions) {
          await documentsOf(strapi, UID.contestQuestion).create({ data: { ...q, reformArea, contest: contestDocumentId } });
        }
      });
    },

    /** Moves a round's opening or closing, through the Document Service (its checks, and the organisers' log with who did it). */
    async moveRound(documentId: string, times: { opensAt?: Date; closesAt?: Date }): Promise<void> {
      await documentsOf(strapi, UID.contestRound).update({ documentId, data: Object.fromEntries(Object.entries(times).map(([field, at]) => [field, at.toISOString()])) });
    },

    /** Agencies an official may name as their unit: id, slug and name. */
    async units(): Promise<Array<{ id: number; slug: string; name: string }>> {
      const rows = await strapi.db.query(UID.agency).findMany({ where: { active: { $ne: false } }, select: ['id', 'slug', 'name'], orderBy: [{ name: 'asc' }] });
      return z.array(z.object({ id: DbInt, slug: z.string(), name: z.string() })).parse(rows);
    },
  };
}

/** The contest repository's interface. */
export type ContestRepository = ReturnType<typeof createContestRepository>;
