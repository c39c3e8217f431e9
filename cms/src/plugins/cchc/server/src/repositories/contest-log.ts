/**
 * The record of the contest organisers' actions (imports, exports, changes to rounds and
 * to the bank): who, when, what. A table of the plugin's own, only ever appended to.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { z } from 'zod';
import { DbInt } from './counts-table.js';
import { qualified } from './schema-names.js';

export const CONTEST_LOG_TABLE = 'cchc_contest_actions';

const LogRow = z.object({ at: DbInt, actor_name: z.string(), action: z.string(), subject: z.string(), detail: z.string() });

/** One organiser action. */
export interface ContestAction {
  actorId: number | null;
  actorName: string;
  action: string;
  subject: string;
  detail?: string;
}

/** Makes the table when it is missing. */
export async function createContestLogTable(schema: () => Knex.SchemaBuilder): Promise<void> {
  if (await schema().hasTable(CONTEST_LOG_TABLE)) return;
  await schema().createTable(CONTEST_LOG_TABLE, (t) => {
    t.increments('id');
    t.bigInteger('at').notNullable().index();
    t.integer('actor_id').nullable();
    t.string('actor_name', 200).notNullable();
    t.string('action', 80).notNullable();
    t.string('subject', 300).notNullable();
    t.text('detail').notNullable();
  });
}

/** Creates the log over a Strapi instance. */
export function createContestLog(strapi: Core.Strapi, now: () => number = Date.now) {
  const table = () => qualified(strapi, CONTEST_LOG_TABLE);
  return {
    async ensureTable(): Promise<void> {
      const schemaName = strapi.db.getSchemaName();
      await createContestLogTable(() => (schemaName ? strapi.db.connection.schema.withSchema(schemaName) : strapi.db.connection.schema));
    },
    /** Appends an action, inside the transaction `trx` when the change it records is in one (SQLite has one connection). */
    async record(entry: ContestAction, trx?: Knex.Transaction): Promise<void> {
      await (trx ?? strapi.db.connection)(table()).insert({ at: now(), actor_id: entry.actorId, actor_name: entry.actorName.slice(0, 200), action: entry.action.slice(0, 80), subject: entry.subject.slice(0, 300), detail: entry.detail ?? '' });
    },
    /** The latest actions, newest first. */
    async latest(limit = 200): Promise<Array<{ at: Date; actor: string; action: string; subject: string; detail: string }>> {
      const rows = z.array(LogRow).parse(await strapi.db.connection(table()).orderBy('id', 'desc').limit(limit));
      return rows.map((r) => ({ at: new Date(r.at), actor: r.actor_name, action: r.action, subject: r.subject, detail: r.detail }));
    },
  };
}

/** The contest log's interface. */
export type ContestLog = ReturnType<typeof createContestLog>;
