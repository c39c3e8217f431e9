/**
 * Citizens' questions and feedback, in tables of the plugin's own (never exposed through
 * the Content Manager or Strapi's REST API): the question as sent and as it will be
 * published, its history, and, in a table apart, the citizen's name and contact, which no
 * public answer ever reads. Codes come from a sequence per day on PostgreSQL, from a counter
 * row per day taken in the insert's transaction on SQLite: concurrent submissions never share a
 * number, nor skip one unless an insert fails after taking it.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { QUESTION_STATES, type QuestionFigureInput, type QuestionState } from '@cchc/shared';
import { z } from 'zod';
import { DbInt } from './counts-table.js';
import { qualified } from './schema-names.js';

export const QUESTION_TABLE = 'cchc_questions';
export const QUESTION_CONTACT_TABLE = 'cchc_question_contacts';
export const QUESTION_EVENT_TABLE = 'cchc_question_events';
export const QUESTION_DAY_TABLE = 'cchc_question_days';
export const QUESTION_FILE_TABLE = 'cchc_question_files';

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
  /** When the question reached a final state (published or closed): the erasure clock starts there. */
  ended_at: DbInt.nullable().optional().transform((v) => v ?? null),
});
export type QuestionRecord = z.infer<typeof QuestionRow>;

const ContactRow = z.object({
  question_id: DbInt,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  consent_at: DbInt.optional(),
  erased_at: DbInt.nullable().optional().transform((v) => v ?? null),
});
export type QuestionContact = z.infer<typeof ContactRow>;

const EventRow = z.object({ id: DbInt, at: DbInt, from_state: z.enum(QUESTION_STATES).nullable(), to_state: z.enum(QUESTION_STATES), action: z.string(), actor_name: z.string(), note: z.string() });
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
  // Columns added after the table was first made (a CMS started before them gets them on its next start).
  await addMissingColumns(schema, QUESTION_TABLE, {
    ended_at: (t) => t.bigInteger('ended_at').nullable().index(),
    // The published text, folded (no diacritics, lower case), for search: scanned with LIKE over the
    // published rows (a province publishes hundreds a year); the database search of the articles' issue can take it over.
    search_text: (t) => t.text('search_text').nullable(),
  });
  if (!(await schema().hasTable(QUESTION_CONTACT_TABLE))) {
    await schema().createTable(QUESTION_CONTACT_TABLE, (t) => {
      t.integer('question_id').primary();
      t.string('name', 200).notNullable();
      t.string('email', 200).nullable();
      t.string('phone', 20).nullable();
      t.bigInteger('consent_at').notNullable();
    });
  }
  await addMissingColumns(schema, QUESTION_CONTACT_TABLE, { erased_at: (t) => t.bigInteger('erased_at').nullable() });
  if (!(await schema().hasTable(QUESTION_FILE_TABLE))) {
    await schema().createTable(QUESTION_FILE_TABLE, (t) => {
      t.increments('id');
      t.integer('question_id').notNullable().index();
      // The name in the private store (media/question-files.ts), and the one it was sent with.
      t.string('stored', 64).notNullable();
      t.string('name', 200).notNullable();
      t.string('mime', 60).notNullable();
      t.integer('size').notNullable();
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

async function addMissingColumns(schema: () => Knex.SchemaBuilder, table: string, columns: Record<string, (t: Knex.AlterTableBuilder) => void>): Promise<void> {
  for (const [name, add] of Object.entries(columns)) {
    if (!(await schema().hasColumn(table, name))) await schema().alterTable(table, add);
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
  /** Attachments already in the private store. */
  files: ReadonlyArray<{ stored: string; name: string; mime: string; size: number }>;
}

const FileRow = z.object({ id: DbInt, stored: z.string(), name: z.string(), mime: z.string(), size: DbInt });
export type QuestionFileRecord = z.infer<typeof FileRow>;

/** Creates the repository over a Strapi instance. */
export function createQuestionRepository(strapi: Core.Strapi) {
  const k = (): Knex => strapi.db.connection;
  const table = (name: string) => qualified(strapi, name);

  const postgres = () => strapi.db.getInfo().client === 'postgres';
  /** The days whose sequence this process knows to exist (PostgreSQL). */
  const madeSequences = new Set<string>();

  /**
   * PostgreSQL: the next number of a day from the day's sequence, made when first needed (starting
   * after any number the counter table gave that day). `nextval` holds no lock until the commit,
   * so concurrent submissions commit together instead of one after another behind a counter row;
   * a number is never given twice, and is skipped only when a submission's insert fails after it.
   */
  async function nextOnPostgres(day: string): Promise<number> {
    if (!/^\d{8}$/.test(day)) throw new RangeError(`not a day: ${day}`);
    const name = qualified(strapi, `cchc_question_seq_${day}`);
    if (!madeSequences.has(name)) {
      const counted = (await k()(table(QUESTION_DAY_TABLE)).where({ day }).first('last')) as { last: unknown } | undefined;
      const start = counted ? DbInt.parse(counted.last) + 1 : 1;
      try {
        await k().raw(`create sequence if not exists ?? start with ${start}`, [name]);
      } catch (error) {
        // Another instance made it at the same moment: theirs serves.
        if (!['23505', '42P07'].includes((error as { code?: string }).code ?? '')) throw error;
      }
      madeSequences.add(name);
    }
    const result = (await k().raw('select nextval(?::regclass) as n', [name])) as { rows: Array<{ n: unknown }> };
    return DbInt.parse(result.rows[0]?.n);
  }

  /**
   * Moves a question from the state it was read in, with the changes of the step and its event,
   * in one transaction; false (nothing written) when someone moved it meanwhile.
   */
  async function move(questionId: number, from: QuestionState, to: QuestionState, changes: QuestionChanges, event: NewEvent): Promise<boolean> {
    return k().transaction(async (trx) => {
      const moved = await trx(table(QUESTION_TABLE))
        .where({ id: questionId, state: from })
        .update({ ...changes, state: to, ...(from === to && changes.state_since === undefined ? {} : { state_since: changes.state_since ?? event.at }) });
      if (moved !== 1) return false;
      await trx(table(QUESTION_EVENT_TABLE)).insert(eventRow(questionId, from, to, event));
      return true;
    });
  }

  return {
    async ensureTables(): Promise<void> {
      const schemaName = strapi.db.getSchemaName();
      await createQuestionTables(() => (schemaName ? k().schema.withSchema(schemaName) : k().schema));
    },

    /**
     * Records a submission with the next number of its day, its contact and its first event,
     * in one transaction; answers the number (the code is built from it). The number comes from
     * the day's sequence on PostgreSQL, from the day's counter row in the transaction on SQLite
     * (whose writes are one at a time anyway).
     */
    async receive(question: NewQuestion, codeOf: (sequence: number) => string): Promise<{ id: number; code: string }> {
      const taken = postgres() ? await nextOnPostgres(question.day) : null;
      return k().transaction(async (trx) => {
        let sequence = taken;
        if (sequence === null) {
          // One statement takes the next number: the row is created at 1, or incremented, under the row's lock.
          const [counter] = (await trx(table(QUESTION_DAY_TABLE))
            .insert({ day: question.day, last: 1 })
            .onConflict('day')
            // The table's bare name: in ON CONFLICT's update it names the row already there.
            .merge({ last: trx.raw('??.?? + 1', [QUESTION_DAY_TABLE, 'last']) })
            .returning('last')) as Array<{ last: unknown } | number>;
          sequence = DbInt.parse(typeof counter === 'object' && counter !== null ? counter.last : counter);
        }
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
        for (const file of question.files) await trx(table(QUESTION_FILE_TABLE)).insert({ question_id: id, ...file });
        await trx(table(QUESTION_EVENT_TABLE)).insert({ question_id: id, at: question.receivedAt, from_state: null, to_state: 'received', action: 'receive', actor_id: null, actor_name: 'Người gửi', note: '' });
        return { id, code };
      });
    },

    /** A question with its contact, by code, in one query (a lookup costs the same whether the code exists or not). */
    async withContact(code: string): Promise<{ question: QuestionRecord; contact: QuestionContact } | null> {
      const row = (await k()(`${table(QUESTION_TABLE)} as q`)
        .join(`${table(QUESTION_CONTACT_TABLE)} as c`, 'c.question_id', 'q.id')
        .where('q.code', code)
        .first('q.*', 'c.question_id', 'c.name', 'c.email', 'c.phone', 'c.consent_at', 'c.erased_at')) as Record<string, unknown> | undefined;
      return row ? { question: QuestionRow.parse(row), contact: ContactRow.parse(row) } : null;
    },

    async eventsOf(questionId: number): Promise<QuestionEvent[]> {
      return z.array(EventRow).parse(await k()(table(QUESTION_EVENT_TABLE)).where({ question_id: questionId }).orderBy('id').select('id', 'at', 'from_state', 'to_state', 'action', 'actor_name', 'note'));
    },

    /** A question by code. */
    async byCode(code: string): Promise<QuestionRecord | null> {
      const row = await k()(table(QUESTION_TABLE)).where({ code }).first();
      return row ? QuestionRow.parse(row) : null;
    },

    /** The contact of a question (`erased_at` set, name and contact emptied, once erased). */
    async contactOf(questionId: number): Promise<QuestionContact | null> {
      const row = await k()(table(QUESTION_CONTACT_TABLE)).where({ question_id: questionId }).first('question_id', 'name', 'email', 'phone', 'erased_at');
      return row ? ContactRow.parse(row) : null;
    },

    /** Questions for the desk: by state, not flagged unless asked, one agency's only when given, at most `limit`. */
    async forDesk(filter: { states?: readonly QuestionState[]; flagged?: boolean; assignedAgencyId?: number; oldestFirst?: boolean; limit: number }): Promise<QuestionRecord[]> {
      const query = k()(table(QUESTION_TABLE)).where({ flagged: filter.flagged ?? false });
      if (filter.states) query.whereIn('state', filter.states as QuestionState[]);
      if (filter.assignedAgencyId !== undefined) query.where({ assigned_agency_id: filter.assignedAgencyId });
      // Open work: the longest in its state first (the most overdue are never the ones cut); the rest: newest first.
      if (filter.oldestFirst) query.orderBy('state_since', 'asc').orderBy('id', 'asc');
      else query.orderBy('received_at', 'desc').orderBy('id', 'desc');
      return z.array(QuestionRow).parse(await query.limit(filter.limit).select(QUESTION_COLUMNS));
    },

    /** How many questions are in each state (flagged ones apart), for one agency's when given. */
    async countByState(assignedAgencyId?: number): Promise<{ states: Partial<Record<QuestionState, number>>; flagged: number }> {
      const query = k()(table(QUESTION_TABLE));
      if (assignedAgencyId !== undefined) query.where({ assigned_agency_id: assignedAgencyId });
      const rows = z.array(z.object({ state: z.enum(QUESTION_STATES), flagged: z.union([z.boolean(), z.number()]).transform((v) => v === true || v === 1), n: DbInt })).parse(
        await query.groupBy('state', 'flagged').select('state', 'flagged').count({ n: '*' }),
      );
      const states: Partial<Record<QuestionState, number>> = {};
      let flagged = 0;
      for (const r of rows) {
        if (r.flagged) flagged += r.n;
        else states[r.state] = (states[r.state] ?? 0) + r.n;
      }
      return { states, flagged };
    },

    move,

    /** Changes a question in its current state (its public text), with the event that says so; false when the state moved meanwhile. */
    async change(questionId: number, state: QuestionState, changes: QuestionChanges, event: NewEvent): Promise<boolean> {
      return move(questionId, state, state, changes, event);
    },

    /** Records an event that changes nothing (a view of the contact). */
    async note(questionId: number, state: QuestionState, event: NewEvent): Promise<void> {
      await k()(table(QUESTION_EVENT_TABLE)).insert(eventRow(questionId, state, state, event));
    },

    /**
     * Erases a question's personal data: the name, e-mail and phone (the row stays, marked erased),
     * the details and the name wherever they were typed (original and public text, answer, staff's
     * notes: masked) and the attachments' rows; with its event.
     * Conditional: `erased` only for the call that erased it (two instances running the job erase,
     * and record, once); `files`: the stored attachments for the caller to delete.
     */
    async eraseContact(questionId: number, event: NewEvent, mask: (text: string, name: string) => string): Promise<{ erased: boolean; files: string[] }> {
      return k().transaction(async (trx) => {
        const contact = await trx(table(QUESTION_CONTACT_TABLE)).where({ question_id: questionId }).whereNull('erased_at').first('name');
        if (!contact) return { erased: false, files: [] };
        const { name } = z.object({ name: z.string() }).parse(contact);
        const erased = await trx(table(QUESTION_CONTACT_TABLE)).where({ question_id: questionId }).whereNull('erased_at').update({ name: '', email: null, phone: null, erased_at: event.at });
        if (erased !== 1) return { erased: false, files: [] };
        const row = await trx(table(QUESTION_TABLE)).where({ id: questionId }).first('title', 'body', 'public_title', 'public_body', 'answer', 'state');
        const stored = z
          .object({ title: z.string(), body: z.string(), public_title: z.string().nullable(), public_body: z.string().nullable(), answer: z.string().nullable(), state: z.enum(QUESTION_STATES) })
          .parse(row);
        const masked = (text: string | null) => (text === null ? null : mask(text, name));
        // Every text that may carry them: the original, the public text, the answer ("Kính gửi bà …"), and staff's notes.
        await trx(table(QUESTION_TABLE))
          .where({ id: questionId })
          .update({ title: mask(stored.title, name), body: mask(stored.body, name), public_title: masked(stored.public_title), public_body: masked(stored.public_body), answer: masked(stored.answer) });
        const notes = z.array(z.object({ id: DbInt, note: z.string() })).parse(await trx(table(QUESTION_EVENT_TABLE)).where({ question_id: questionId }).whereNot({ note: '' }).select('id', 'note'));
        for (const n of notes) {
          const note = mask(n.note, name);
          if (note !== n.note) await trx(table(QUESTION_EVENT_TABLE)).where({ id: n.id }).update({ note });
        }
        const state = stored.state;
        await trx(table(QUESTION_EVENT_TABLE)).insert(eventRow(questionId, state, state, event));
        // Attachments (photos of papers, often) go with the rest: their rows now, their files once this commits.
        const files = z.array(z.object({ stored: z.string() })).parse(await trx(table(QUESTION_FILE_TABLE)).where({ question_id: questionId }).select('stored'));
        await trx(table(QUESTION_FILE_TABLE)).where({ question_id: questionId }).delete();
        return { erased: true, files: files.map((f) => f.stored) };
      });
    },

    /** A question's attachments, in the order they were kept. */
    async filesOf(questionId: number): Promise<QuestionFileRecord[]> {
      return z.array(FileRow).parse(await k()(table(QUESTION_FILE_TABLE)).where({ question_id: questionId }).orderBy('id').select('id', 'stored', 'name', 'mime', 'size'));
    },

    /** Questions whose contact is still kept although they ended before `cutoff` (robots' counted from receipt). */
    async contactsDue(cutoff: number, limit: number): Promise<number[]> {
      const rows = await k()(`${table(QUESTION_TABLE)} as q`)
        .join(`${table(QUESTION_CONTACT_TABLE)} as c`, 'c.question_id', 'q.id')
        .whereNull('c.erased_at')
        .where((w) => w.where('q.ended_at', '<', cutoff).orWhere((f) => f.where('q.flagged', true).where('q.received_at', '<', cutoff)))
        .orderBy('q.id')
        .limit(limit)
        .select('q.id');
      return z.array(z.object({ id: DbInt })).parse(rows).map((r) => r.id);
    },

    /** Questions received in [from, to) (robots' left out), with the answering agency's slug and when they were last assigned, for the quarter's figure. */
    async receivedBetween(from: number, to: number, agencySlugs: ReadonlyMap<number, string>): Promise<QuestionFigureInput[]> {
      const assigned = k()(table(QUESTION_EVENT_TABLE)).where({ action: 'assign' }).groupBy('question_id').select('question_id').max({ assigned_at: 'at' }).as('a');
      const rows = z
        .array(z.object({ assigned_agency_id: DbInt.nullable(), answered_at: DbInt.nullable(), state: z.enum(QUESTION_STATES), assigned_at: DbInt.nullable() }))
        .parse(
          await k()(`${table(QUESTION_TABLE)} as q`)
            .leftJoin(assigned, 'a.question_id', 'q.id')
            .where('q.flagged', false)
            .where('q.received_at', '>=', from)
            .where('q.received_at', '<', to)
            .select('q.assigned_agency_id', 'q.answered_at', 'q.state', 'a.assigned_at'),
        );
      return rows.map((r) => ({
        agency: r.assigned_agency_id === null ? null : (agencySlugs.get(r.assigned_agency_id) ?? null),
        assignedAt: r.assigned_at,
        answeredAt: r.answered_at,
        closed: r.state === 'closed',
      }));
    },

    /** Published questions whose words start with the folded words given (all of them), in an area, by an answering agency, newest answer first. */
    async published(filter: { words: readonly string[]; subject?: string; agencyId?: number; offset: number; limit: number }): Promise<{ rows: QuestionRecord[]; total: number }> {
      const base = () => {
        const query = k()(table(QUESTION_TABLE)).where({ state: 'published', flagged: false });
        if (filter.subject) query.where({ subject: filter.subject });
        if (filter.agencyId !== undefined) query.where({ assigned_agency_id: filter.agencyId });
        // '!' escapes LIKE's wildcards: a backslash would depend on PostgreSQL's standard_conforming_strings.
        for (const word of filter.words) query.whereRaw(`search_text like ? escape '!'`, [`% ${word.replace(/[!%_]/g, (c) => `!${c}`)}%`]);
        return query;
      };
      const [counted] = (await base().count({ n: '*' })) as Array<{ n: unknown }>;
      const rows = await base().orderBy('published_at', 'desc').orderBy('id', 'desc').offset(filter.offset).limit(filter.limit).select(QUESTION_COLUMNS);
      return { rows: z.array(QuestionRow).parse(rows), total: DbInt.parse(counted?.n ?? 0) };
    },
  };
}

export type QuestionRepository = ReturnType<typeof createQuestionRepository>;

/** Columns a question is read with (not the search column). */
const QUESTION_COLUMNS = ['id', 'code', 'state', 'subject', 'agency_id', 'assigned_agency_id', 'title', 'body', 'public_title', 'public_body', 'answer', 'answered_at', 'published_at', 'closed_reason', 'flagged', 'received_at', 'state_since', 'ended_at'];

/** What a step may change on a question. */
export interface QuestionChanges {
  subject?: string;
  assigned_agency_id?: number | null;
  /** When the current state's clock starts (a step to another state starts it by itself). */
  state_since?: number;
  public_title?: string;
  public_body?: string;
  answer?: string;
  answered_at?: number;
  published_at?: number | null;
  closed_reason?: string | null;
  ended_at?: number | null;
  search_text?: string | null;
}

/** An event to record: when, who, what. */
export interface NewEvent {
  at: number;
  action: string;
  actorId: number | null;
  actorName: string;
  note: string;
}

const eventRow = (questionId: number, from: QuestionState | null, to: QuestionState, e: NewEvent) => ({
  question_id: questionId,
  at: e.at,
  from_state: from,
  to_state: to,
  action: e.action,
  actor_id: e.actorId,
  actor_name: e.actorName,
  note: e.note,
});
