/**
 * Citizens' questions and feedback, in tables of the plugin's own (never exposed through
 * the Content Manager or Strapi's REST API): the question as sent and as it will be
 * published, its history, and, in a table apart, the citizen's name and contact, which no
 * public answer ever reads. Codes come from a counter per day, taken in the insert's
 * transaction, so concurrent submissions never share or skip a number.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { QUESTION_STATES } from '@cchc/shared';
import { z } from 'zod';
import { DbInt } from './counts-table.js';
import { qualified } from './schema-names.js';

export const QUESTION_TABLE = 'cchc_questions';
export const QUESTION_CONTACT_TABLE = 'cchc_question_contacts';
export const QUESTION_EVENT_TABLE = 'cchc_question_events';
export const QUESTION_DAY_TABLE = 'cchc_question_days';

const QuestionRow = z.object({
  id: DbInt,
  code: z.string(),
  state: z.enum(QUESTION_STATES),
  subject: z.string(),
  agency_id: DbInt.nullable(),
  assigned_agency_id: DbInt.nullable(),
  title: z.string(),
  body: z.string(),
  public_title: z.string().nullable(),
  public_body: z.string().nullable(),
  answer: z.string().nullable(),
  answered_at: DbInt.nullable(),
  published_at: DbInt.nullable(),
  closed_reason: z.string().nullable(),
  flagged: z.union([z.boolean(), z.number()]).transform((v) => v === true || v === 1),
  received_at: DbInt,
  state_since: DbInt,
});
export type QuestionRecord = z.infer<typeof QuestionRow>;

const ContactRow = z.object({ question_id: DbInt, name: z.string(), email: z.string().nullable(), phone: z.string().nullable() });
export type QuestionContact = z.infer<typeof ContactRow>;

const EventRow = z.object({ at: DbInt, from_state: z.enum(QUESTION_STATES).nullable(), to_state: z.enum(QUESTION_STATES), action: z.string(), actor_name: z.string(), note: z.string() });
export type QuestionEvent = z.infer<typeof EventRow>;

/** Makes the tables that are missing. */
export async function createQuestionTables(schema: () => Knex.SchemaBuilder): Promise<void> {
  if (!(await schema().hasTable(QUESTION_DAY_TABLE))) {
    await schema().createTable(QUESTION_DAY_TABLE, (t) => {
      t.string('day', 8).primary();
      t.integer('last').notNullable();
    });
  }
  if (!(await schema().hasTable(QUESTION_TABLE))) {
    await schema().createTable(QUESTION_TABLE, (t) => {
      t.increments('id');
      t.string('code', 24).notNullable().unique();
      t.string('state', 16).notNullable().index();
      t.string('subject', 60).notNullable();
      t.integer('agency_id').nullable();
      t.integer('assigned_agency_id').nullable().index();
      t.string('title', 300).notNullable();
      t.text('body').notNullable();
      t.string('public_title', 300).nullable();
      t.text('public_body').nullable();
      t.text('answer').nullable();
      t.bigInteger('answered_at').nullable();
      t.bigInteger('published_at').nullable();
      t.string('closed_reason', 40).nullable();
      // A robot's submission (the hidden field filled): kept, flagged, never shown to staff as work.
      t.boolean('flagged').notNullable().defaultTo(false);
      t.bigInteger('received_at').notNullable();
      t.bigInteger('state_since').notNullable();
    });
  }
  if (!(await schema().hasTable(QUESTION_CONTACT_TABLE))) {
    await schema().createTable(QUESTION_CONTACT_TABLE, (t) => {
      t.integer('question_id').primary();
      t.string('name', 200).notNullable();
      t.string('email', 200).nullable();
      t.string('phone', 20).nullable();
      t.bigInteger('consent_at').notNullable();
    });
  }
  if (!(await schema().hasTable(QUESTION_EVENT_TABLE))) {
    await schema().createTable(QUESTION_EVENT_TABLE, (t) => {
      t.increments('id');
      t.integer('question_id').notNullable().index();
      t.bigInteger('at').notNullable();
      t.string('from_state', 16).nullable();
      t.string('to_state', 16).notNullable();
      t.string('action', 40).notNullable();
      t.integer('actor_id').nullable();
      t.string('actor_name', 200).notNullable();
      t.text('note').notNullable();
    });
  }
}

/** What receiving a submission writes. */
export interface NewQuestion {
  day: string;
  subject: string;
  agencyId: number | null;
  title: string;
  body: string;
  flagged: boolean;
  receivedAt: number;
  contact: { name: string; email: string | null; phone: string | null };
}

/** Creates the repository over a Strapi instance. */
export function createQuestionRepository(strapi: Core.Strapi) {
  const k = (): Knex => strapi.db.connection;
  const table = (name: string) => qualified(strapi, name);

  return {
    async ensureTables(): Promise<void> {
      const schemaName = strapi.db.getSchemaName();
      await createQuestionTables(() => (schemaName ? k().schema.withSchema(schemaName) : k().schema));
    },

    /**
     * Records a submission with the next number of its day, its contact and its first event,
     * in one transaction; answers the number (the code is built from it).
     */
    async receive(question: NewQuestion, codeOf: (sequence: number) => string): Promise<{ id: number; code: string }> {
      return k().transaction(async (trx) => {
        // One statement takes the next number: the row is created at 1, or incremented, under the row's lock.
        const [counter] = (await trx(table(QUESTION_DAY_TABLE))
          .insert({ day: question.day, last: 1 })
          .onConflict('day')
          // The table's bare name: in ON CONFLICT's update it names the row already there.
          .merge({ last: trx.raw('??.?? + 1', [QUESTION_DAY_TABLE, 'last']) })
          .returning('last')) as Array<{ last: unknown } | number>;
        const sequence = DbInt.parse(typeof counter === 'object' && counter !== null ? counter.last : counter);
        const code = codeOf(sequence);
        const [inserted] = (await trx(table(QUESTION_TABLE))
          .insert({
            code,
            state: 'received',
            subject: question.subject,
            agency_id: question.agencyId,
            title: question.title,
            body: question.body,
            flagged: question.flagged,
            received_at: question.receivedAt,
            state_since: question.receivedAt,
          })
          .returning('id')) as Array<{ id: unknown } | number>;
        const id = DbInt.parse(typeof inserted === 'object' && inserted !== null ? inserted.id : inserted);
        await trx(table(QUESTION_CONTACT_TABLE)).insert({ question_id: id, name: question.contact.name, email: question.contact.email, phone: question.contact.phone, consent_at: question.receivedAt });
        await trx(table(QUESTION_EVENT_TABLE)).insert({ question_id: id, at: question.receivedAt, from_state: null, to_state: 'received', action: 'receive', actor_id: null, actor_name: 'Người gửi', note: '' });
        return { id, code };
      });
    },

    /** A question with its contact, by code, in one query (a lookup costs the same whether the code exists or not). */
    async withContact(code: string): Promise<{ question: QuestionRecord; contact: QuestionContact } | null> {
      const row = (await k()(`${table(QUESTION_TABLE)} as q`)
        .join(`${table(QUESTION_CONTACT_TABLE)} as c`, 'c.question_id', 'q.id')
        .where('q.code', code)
        .first('q.*', 'c.question_id', 'c.name', 'c.email', 'c.phone')) as Record<string, unknown> | undefined;
      return row ? { question: QuestionRow.parse(row), contact: ContactRow.parse(row) } : null;
    },

    async eventsOf(questionId: number): Promise<QuestionEvent[]> {
      return z.array(EventRow).parse(await k()(table(QUESTION_EVENT_TABLE)).where({ question_id: questionId }).orderBy('id').select('at', 'from_state', 'to_state', 'action', 'actor_name', 'note'));
    },
  };
}

export type QuestionRepository = ReturnType<typeof createQuestionRepository>;
