/**
 * Pieces sent in, counted: how many documents each agency sent in during each quarter
 * (in Vietnam's time), the compliance report's "Đã gửi" column. A document counts once
 * for each quarter and agency its versions name (the draft and the published version
 * normally agree). Kept in a table of the plugin's own (`cchc_submitted_tallies`) like
 * the published counts: moved in the same transaction as each change to a document's
 * `submittedAt` or agency (middlewares/published-tallies.ts, and the workflow's
 * `setState`), rebuilt at every start and after an agency is deleted.
 */
import type { Core } from '@strapi/strapi';
import { isQuarter, quarterOf, type Quarter } from '@cchc/shared';
import type { Knex } from 'knex';
import { z } from 'zod';
import { UID } from '../constants.js';
import { addToCount, DbInt } from './counts-table.js';
import { columnOf, joinTableOf, qualified, tableOf } from './schema-names.js';

export const SUBMITTED_TABLE = 'cchc_submitted_tallies';

/** One document's place: the quarter it was sent in and the agency that sent it (0: none). */
export interface SubmittedKey {
  year: number;
  quarter: Quarter;
  agencyId: number;
}

const Int = DbInt;
const VersionRow = z.object({ id: Int, document_id: z.string(), submitted_at: z.union([z.string(), z.number(), z.date()]).nullable() });
const LinkRow = z.object({ own: Int, target: Int });
const CountRow = z.object({ year: Int, quarter: Int, agency_id: Int, n: Int });

const keyId = (k: SubmittedKey) => `${k.year}/${k.quarter}/${k.agencyId}`;

/** Makes the table when it is missing. */
export async function createSubmittedTable(schema: () => Knex.SchemaBuilder): Promise<void> {
  if (await schema().hasTable(SUBMITTED_TABLE)) return;
  await schema().createTable(SUBMITTED_TABLE, (t) => {
    t.integer('year').notNullable();
    t.integer('quarter').notNullable();
    t.integer('agency_id').notNullable();
    t.integer('n').notNullable();
    t.primary(['year', 'quarter', 'agency_id']);
  });
}

/** Creates the repository of the counts of pieces sent in. */
export function createSubmittedTallies(strapi: Core.Strapi) {
  const table = () => qualified(strapi, SUBMITTED_TABLE);
  const db = (trx?: Knex.Transaction | null): Knex => trx ?? strapi.db.connection;
  const names = () => ({
    articles: tableOf(strapi, UID.article),
    id: columnOf(strapi, UID.article, 'id'),
    documentId: columnOf(strapi, UID.article, 'documentId'),
    submittedAt: columnOf(strapi, UID.article, 'submittedAt'),
    agency: joinTableOf(strapi, UID.article, 'agency'),
  });

  /** The places of documents (one, or all when `documentId` is null), by document id. */
  async function placesOf(k: Knex, documentId: string | null): Promise<Map<string, Map<string, SubmittedKey>>> {
    const n = names();
    const query = k.from(n.articles).select({ id: n.id, document_id: n.documentId, submitted_at: n.submittedAt }).whereNotNull(n.submittedAt);
    if (documentId !== null) query.where(n.documentId, documentId);
    const versions = z.array(VersionRow).parse(await query);
    const places = new Map<string, Map<string, SubmittedKey>>();
    if (versions.length === 0) return places;
    const links = k.from(n.agency.table).select({ own: n.agency.ownColumn, target: n.agency.targetColumn });
    if (documentId !== null) links.whereIn(n.agency.ownColumn, versions.map((v) => v.id));
    const agencyOf = new Map(z.array(LinkRow).parse(await links).map((l) => [l.own, l.target]));
    for (const version of versions) {
      const at = new Date(version.submitted_at!);
      if (Number.isNaN(at.getTime())) continue;
      const { year, quarter } = quarterOf(at);
      const key: SubmittedKey = { year, quarter, agencyId: agencyOf.get(version.id) ?? 0 };
      const own = places.get(version.document_id) ?? new Map<string, SubmittedKey>();
      own.set(keyId(key), key);
      places.set(version.document_id, own);
    }
    return places;
  }

  async function add(k: Knex, key: SubmittedKey, delta: number): Promise<void> {
    await addToCount(k, SUBMITTED_TABLE, table(), ['year', 'quarter', 'agency_id'], { year: key.year, quarter: key.quarter, agency_id: key.agencyId }, delta);
  }

  /** Every place's count, computed from the articles (nothing written). */
  async function countAll(k: Knex): Promise<Map<string, { key: SubmittedKey; n: number }>> {
    const counts = new Map<string, { key: SubmittedKey; n: number }>();
    for (const places of (await placesOf(k, null)).values()) {
      for (const [id, key] of places) counts.set(id, { key, n: (counts.get(id)?.n ?? 0) + 1 });
    }
    return counts;
  }

  return {
    /** The table's name, schema-qualified. */
    table,

    ensureTable(): Promise<void> {
      const schemaName = strapi.db.getSchemaName();
      return createSubmittedTable(() => (schemaName ? strapi.db.connection.schema.withSchema(schemaName) : strapi.db.connection.schema));
    },

    /** A document's places now (inside the transaction `trx`). */
    async placesOfDocument(documentId: string, trx?: Knex.Transaction | null): Promise<SubmittedKey[]> {
      return [...((await placesOf(db(trx), documentId)).get(documentId)?.values() ?? [])];
    },

    /** Moves a document from the places it had to those it has. */
    async move(before: readonly SubmittedKey[], after: readonly SubmittedKey[], trx?: Knex.Transaction | null): Promise<void> {
      const was = new Set(before.map(keyId));
      const is = new Set(after.map(keyId));
      const k = db(trx);
      for (const key of before) if (!is.has(keyId(key))) await add(k, key, -1);
      for (const key of after) if (!was.has(keyId(key))) await add(k, key, 1);
    },

    /** Rebuilds every count from the articles (inside the caller's transaction `trx`). */
    async recount(trx: Knex.Transaction): Promise<void> {
      const counts = await countAll(trx);
      await trx(table()).delete();
      const rows = [...counts.values()].map(({ key, n }) => ({ year: key.year, quarter: key.quarter, agency_id: key.agencyId, n }));
      for (let i = 0; i < rows.length; i += 500) await trx(table()).insert(rows.slice(i, i + 500));
    },

    /** Documents sent in during a quarter, by agency id (0: documents naming no agency). */
    async ofQuarter(year: number, quarter: Quarter): Promise<Array<{ agencyId: number; count: number }>> {
      const rows = z.array(CountRow).parse(await strapi.db.connection.from(table()).where({ year, quarter }).select('*'));
      return rows.map((r) => ({ agencyId: r.agency_id, count: r.n }));
    },

    /** The latest quarter in which a piece was sent in, or null when none was. */
    async latestQuarter(): Promise<{ year: number; quarter: Quarter } | null> {
      const row = await strapi.db.connection.from(table()).where('n', '>', 0).orderBy([{ column: 'year', order: 'desc' }, { column: 'quarter', order: 'desc' }]).first('year', 'quarter');
      if (!row) return null;
      const { year, quarter } = CountRow.pick({ year: true, quarter: true }).parse(row);
      return isQuarter(quarter) ? { year, quarter } : null;
    },

    /** The kept counts against a recount, in the snapshot `trx`: the places whose counts differ. */
    async differences(trx: Knex.Transaction): Promise<Array<{ group: string; kept: number; counted: number }>> {
      const kept = new Map(z.array(CountRow).parse(await trx.from(table()).select('*')).map((r) => [`sent in ${r.year}/${r.quarter}/agency ${r.agency_id}`, r.n]));
      const counted = new Map([...(await countAll(trx))].map(([, { key, n }]) => [`sent in ${key.year}/${key.quarter}/agency ${key.agencyId}`, n]));
      const found: Array<{ group: string; kept: number; counted: number }> = [];
      for (const [id, n] of counted) if (kept.get(id) !== n) found.push({ group: id, kept: kept.get(id) ?? 0, counted: n });
      for (const [id, n] of kept) if (!counted.has(id)) found.push({ group: id, kept: n, counted: 0 });
      return found;
    },
  };
}

export type SubmittedTallies = ReturnType<typeof createSubmittedTallies>;
