/**
 * The contest's entries, attempts and answers, in tables of the plugin's own (made here,
 * left alone by Strapi's schema sync, never exposed through the Content Manager or the
 * REST API). The rules that must hold under concurrency are database constraints:
 * one entry per phone number and per ID number in a round (unique keys), one attempt
 * per number per entry (unique key), one answer per question of an attempt (primary
 * key, upserted), and one submission per attempt (a conditional update).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { z } from 'zod';
import { DbInt } from './counts-table.js';
import { qualified } from './schema-names.js';

export const ENTRY_TABLE = 'cchc_contest_entries';
export const ATTEMPT_TABLE = 'cchc_contest_attempts';
export const ANSWER_TABLE = 'cchc_contest_answers';

/** An attempt's state: open until submitted by the entrant or closed by the server at its deadline. */
export type AttemptState = 'open' | 'submitted' | 'expired';

const Millis = DbInt;
const EntryRow = z.object({
  id: DbInt,
  public_id: z.string(),
  round_id: z.string(),
  secret_hash: z.string(),
  name: z.string(),
  birth_year: DbInt,
  phone: z.string().nullable(),
  citizen_id: z.string().nullable(),
  audience: z.string(),
  agency_id: DbInt.nullable(),
  commune: z.string().nullable(),
  created_at: Millis,
});
export type EntryRecord = z.infer<typeof EntryRow>;

/** The questions drawn for an attempt, in the order shown, each with its options' order. */
const DrawnList = z.array(z.object({ questionId: z.string(), optionOrder: z.array(z.number().int()) }));

const AttemptRow = z.object({
  id: DbInt,
  public_id: z.string(),
  entry_id: DbInt,
  round_id: z.string(),
  attempt_no: DbInt,
  seed: z.string(),
  drawn: z.string().transform((text, ctx) => {
    const parsed = DrawnList.safeParse(JSON.parse(text));
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'malformed drawn questions' });
      return z.NEVER;
    }
    return parsed.data;
  }),
  started_at: Millis,
  deadline: Millis,
  submitted_at: Millis.nullable(),
  prediction: DbInt.nullable(),
  score: DbInt.nullable(),
  max_score: DbInt,
  state: z.enum(['open', 'submitted', 'expired']),
});
export type AttemptRecord = z.infer<typeof AttemptRow>;

const AnswerRow = z.object({ question_id: z.string(), chosen: z.string(), saved_at: Millis });
export interface AnswerRecord {
  questionId: string;
  chosen: number[];
  savedAt: number;
}

/** Makes the tables that are missing, with `schema` (a knex schema builder for the right schema). */
export async function createContestTables(schema: () => Knex.SchemaBuilder): Promise<void> {
  if (!(await schema().hasTable(ENTRY_TABLE))) {
    await schema().createTable(ENTRY_TABLE, (t) => {
      t.increments('id');
      t.string('public_id', 32).notNullable().unique();
      t.string('round_id', 40).notNullable();
      t.string('secret_hash', 64).notNullable();
      t.string('name', 200).notNullable();
      t.integer('birth_year').notNullable();
      // Normalised (contest/identity.ts): one spelling per person, so the keys below mean "one person".
      t.string('phone', 20).nullable();
      t.string('citizen_id', 20).nullable();
      t.string('audience', 40).notNullable();
      t.integer('agency_id').nullable();
      t.string('commune', 200).nullable();
      t.bigInteger('created_at').notNullable();
      // NULLs never collide, in PostgreSQL as in SQLite: an entrant without an ID number is keyed by phone alone.
      t.unique(['round_id', 'phone']);
      t.unique(['round_id', 'citizen_id']);
    });
  }
  if (!(await schema().hasTable(ATTEMPT_TABLE))) {
    await schema().createTable(ATTEMPT_TABLE, (t) => {
      t.increments('id');
      t.string('public_id', 32).notNullable().unique();
      t.integer('entry_id').notNullable();
      t.string('round_id', 40).notNullable().index();
      t.integer('attempt_no').notNullable();
      t.string('seed', 64).notNullable();
      // Fixed at the start: a question added to or removed from the bank later changes no attempt.
      t.text('drawn').notNullable();
      t.bigInteger('started_at').notNullable();
      t.bigInteger('deadline').notNullable();
      t.bigInteger('submitted_at').nullable();
      t.integer('prediction').nullable();
      t.integer('score').nullable();
      t.integer('max_score').notNullable();
      t.string('state', 16).notNullable();
      t.unique(['entry_id', 'attempt_no']);
    });
  }
  if (!(await schema().hasTable(ANSWER_TABLE))) {
    await schema().createTable(ANSWER_TABLE, (t) => {
      t.integer('attempt_id').notNullable();
      t.string('question_id', 40).notNullable();
      t.string('chosen', 40).notNullable();
      t.bigInteger('saved_at').notNullable();
      t.primary(['attempt_id', 'question_id']);
    });
  }
}

/** True when a database error is a unique-key violation (PostgreSQL 23505, SQLite's constraint error). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

/** What registering writes. */
export interface NewEntry {
  publicId: string;
  roundId: string;
  secretHash: string;
  name: string;
  birthYear: number;
  phone: string | null;
  citizenId: string | null;
  audience: string;
  agencyId: number | null;
  commune: string | null;
  createdAt: number;
}

/** What starting an attempt writes. */
export interface NewAttempt {
  publicId: string;
  entryId: number;
  roundId: string;
  attemptNo: number;
  seed: string;
  drawn: ReadonlyArray<{ questionId: string; optionOrder: readonly number[] }>;
  startedAt: number;
  deadline: number;
  maxScore: number;
}

/** Creates the repository over a Strapi instance; with `bound`, every query runs in that transaction (the seed's). */
export function createContestEntries(strapi: Core.Strapi, bound?: Knex.Transaction) {
  const k = (): Knex => bound ?? strapi.db.connection;
  const entries = () => qualified(strapi, ENTRY_TABLE);
  const attempts = () => qualified(strapi, ATTEMPT_TABLE);
  const answers = () => qualified(strapi, ANSWER_TABLE);
  const parseAnswers = (rows: unknown[]): AnswerRecord[] =>
    z
      .array(AnswerRow)
      .parse(rows)
      .map((r) => ({ questionId: r.question_id, chosen: r.chosen === '' ? [] : r.chosen.split(',').map(Number), savedAt: r.saved_at }));

  return {
    /** Makes the tables when they are missing (at start). */
    async ensureTables(): Promise<void> {
      const schemaName = strapi.db.getSchemaName();
      await createContestTables(() => (schemaName ? k().schema.withSchema(schemaName) : k().schema));
    },

    /** Records an entry; a unique-key violation (the phone or ID already entered) is thrown as it comes. */
    async insertEntry(entry: NewEntry): Promise<void> {
      await k()(entries()).insert({
        public_id: entry.publicId,
        round_id: entry.roundId,
        secret_hash: entry.secretHash,
        name: entry.name,
        birth_year: entry.birthYear,
        phone: entry.phone,
        citizen_id: entry.citizenId,
        audience: entry.audience,
        agency_id: entry.agencyId,
        commune: entry.commune,
        created_at: entry.createdAt,
      });
    },

    /** Which of a phone or an ID number already has an entry in the round. */
    async takenIdentity(roundId: string, phone: string | null, citizenId: string | null): Promise<'phone' | 'citizenId' | null> {
      if (phone && (await k()(entries()).where({ round_id: roundId, phone }).first('id'))) return 'phone';
      if (citizenId && (await k()(entries()).where({ round_id: roundId, citizen_id: citizenId }).first('id'))) return 'citizenId';
      return null;
    },

    async entryByPublicId(publicId: string): Promise<EntryRecord | null> {
      const row = await k()(entries()).where({ public_id: publicId }).first();
      return row ? EntryRow.parse(row) : null;
    },

    async entriesByIds(ids: readonly number[]): Promise<EntryRecord[]> {
      if (ids.length === 0) return [];
      const found: EntryRecord[] = [];
      // Batches: SQLite binds at most 32766 values per statement.
      for (let i = 0; i < ids.length; i += 500) found.push(...z.array(EntryRow).parse(await k()(entries()).whereIn('id', ids.slice(i, i + 500))));
      return found;
    },

    /** Records an attempt; a unique-key violation (this number already started) is thrown as it comes. */
    async insertAttempt(attempt: NewAttempt): Promise<void> {
      await k()(attempts()).insert({
        public_id: attempt.publicId,
        entry_id: attempt.entryId,
        round_id: attempt.roundId,
        attempt_no: attempt.attemptNo,
        seed: attempt.seed,
        drawn: JSON.stringify(attempt.drawn),
        started_at: attempt.startedAt,
        deadline: attempt.deadline,
        max_score: attempt.maxScore,
        state: 'open',
      });
    },

    async attemptByPublicId(publicId: string): Promise<AttemptRecord | null> {
      const row = await k()(attempts()).where({ public_id: publicId }).first();
      return row ? AttemptRow.parse(row) : null;
    },

    /** An entry's attempts, oldest first. */
    async attemptsOfEntry(entryId: number): Promise<AttemptRecord[]> {
      return z.array(AttemptRow).parse(await k()(attempts()).where({ entry_id: entryId }).orderBy('attempt_no'));
    },

    /** A round's attempts in one state (`open` ones past their deadline are what the server closes). */
    async attemptsOfRound(roundId: string, state?: AttemptState): Promise<AttemptRecord[]> {
      const query = k()(attempts()).where({ round_id: roundId });
      return z.array(AttemptRow).parse(await (state ? query.where({ state }) : query));
    },

    async answersOf(attemptId: number, trx?: Knex.Transaction): Promise<AnswerRecord[]> {
      return parseAnswers(await (trx ?? k())(answers()).where({ attempt_id: attemptId }).select('question_id', 'chosen', 'saved_at'));
    },

    /** Saves answers (the last one to each question stands). */
    async saveAnswers(attemptId: number, given: ReadonlyArray<{ questionId: string; chosen: readonly number[] }>, savedAt: number, trx?: Knex.Transaction): Promise<void> {
      if (given.length === 0) return;
      const rows = given.map((a) => ({ attempt_id: attemptId, question_id: a.questionId, chosen: a.chosen.join(','), saved_at: savedAt }));
      await (trx ?? k())(answers()).insert(rows).onConflict(['attempt_id', 'question_id']).merge(['chosen', 'saved_at']);
    },

    /**
     * Closes an open attempt (submitted by its entrant, or expired at its deadline) with its
     * score, in one conditional update: true when this call closed it, false when it was
     * closed already (a second tab, a second device, the server's sweep).
     */
    async closeAttempt(attemptId: number, close: { state: Exclude<AttemptState, 'open'>; at: number; prediction: number | null; score: number }, trx?: Knex.Transaction): Promise<boolean> {
      const changed = await (trx ?? k())(attempts())
        .where({ id: attemptId, state: 'open' })
        .update({ state: close.state, submitted_at: close.at, prediction: close.prediction, score: close.score });
      return changed === 1;
    },

    /**
     * Holds an open attempt's row until the transaction ends (PostgreSQL takes the row lock
     * with the no-op update; SQLite has one writer): true when the attempt is open.
     */
    async holdOpen(attemptId: number, trx: Knex.Transaction): Promise<boolean> {
      return (await trx(attempts()).where({ id: attemptId, state: 'open' }).update({ state: 'open' })) === 1;
    },

    /** Runs `work` in a transaction. */
    transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
      return k().transaction(work);
    },

    /** Live figures of a round: entries, attempts by state. */
    async figures(roundId: string): Promise<{ entries: number; open: number; submitted: number; expired: number }> {
      const [entryCount, states] = await Promise.all([
        k()(entries()).where({ round_id: roundId }).count({ n: '*' }).first(),
        k()(attempts()).where({ round_id: roundId }).groupBy('state').select('state').count({ n: '*' }),
      ]);
      const byState = new Map(z.array(z.object({ state: z.string(), n: DbInt })).parse(states).map((r) => [r.state, r.n]));
      return {
        entries: DbInt.parse(z.object({ n: z.union([z.number(), z.string()]) }).parse(entryCount).n),
        open: byState.get('open') ?? 0,
        submitted: byState.get('submitted') ?? 0,
        expired: byState.get('expired') ?? 0,
      };
    },
  };
}

/** The contest entries repository's interface. */
export type ContestEntries = ReturnType<typeof createContestEntries>;
