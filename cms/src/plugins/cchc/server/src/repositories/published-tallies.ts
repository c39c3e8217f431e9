/**
 * Published pieces, counted: how many published articles there are for each quarter
 * (in Vietnam's time), format, agency, set of reform areas and set of topics. The
 * compliance report and the plan tracker read these counts, so their cost follows
 * the number of groups (agencies × formats × area and topic sets), not the number of
 * articles.
 *
 * The counts are kept in a table of the plugin's own (`cchc_published_tallies`, made
 * here, left alone by Strapi's schema sync). Every change to an article's published
 * version moves its piece from one group to another in the same transaction as the
 * change (middlewares/published-tallies.ts); `recount` rebuilds the table from the
 * articles (at every start, and after a taxonomy entry is deleted).
 */
import type { Core } from '@strapi/strapi';
import { isArticleFormat, quarterOf, type ArticleFormat, type Quarter, type QuarterCounts, type TaskMeasure } from '@cchc/shared';
import type { Knex } from 'knex';
import { z } from 'zod';
import { UID } from '../constants.js';
import { columnOf, joinTableOf, qualified, tableOf } from './schema-names.js';
import { addToCount, DbInt } from './counts-table.js';
import { countMeasures } from './measure-counts.js';
import { createSubmittedTallies } from './submitted-tallies.js';

/** Table of the counts. */
export const TALLY_TABLE = 'cchc_published_tallies';
/**
 * The same counts without the agency: far fewer groups, which the plan tracker reads
 * for every measure that names no agency.
 */
export const ROLLUP_TABLE = 'cchc_published_rollup';

/** The group of one published piece; ids of related rows, sorted, comma-separated (empty: none). */
export interface TallyKey {
  year: number;
  quarter: Quarter;
  format: ArticleFormat;
  /** The sending agency's id; 0 for none (a key column cannot be null in a primary key). */
  agencyId: number;
  areaIds: string;
  topicIds: string;
}

const KEY_COLUMNS = ['year', 'quarter', 'format', 'agency_id', 'area_ids', 'topic_ids'] as const;
const ROLLUP_COLUMNS = ['year', 'quarter', 'format', 'area_ids', 'topic_ids'] as const;

/** A number as the drivers return it: a number (SQLite) or a bigint string (PostgreSQL). */
const Int = DbInt;
const TallyRow = z.object({
  year: Int,
  quarter: Int.pipe(z.literal([1, 2, 3, 4])),
  format: z.string(),
  agency_id: Int,
  area_ids: z.string(),
  topic_ids: z.string(),
  n: Int,
});
const ArticleRow = z.object({
  id: Int,
  format: z.string().nullable(),
  publication_date: z.union([z.string(), z.number(), z.date()]).nullable(),
});
const LinkRow = z.object({ own: Int, target: Int });
/** The report's views of a quarter (counts added up: integers in both databases, by the cast). */
const FormatRow = z.object({ agency_id: z.number().int(), format: z.string(), n: z.number().int() });
const AreaSetRow = z.object({ agency_id: z.number().int(), area_ids: z.string(), n: z.number().int() });
const NameRow = z.object({ id: Int, value: z.string() });

/** A quarter's counts as the report reads them, by agency id (0: none) and area ids. */
export interface QuarterTallies {
  byFormat: Array<{ agencyId: number; format: ArticleFormat; count: number }>;
  byAreas: Array<{ agencyId: number; areaIds: number[]; count: number }>;
}

/** Sorted, comma-separated ids: one spelling per set. */
const idList = (ids: Iterable<number>): string => [...new Set(ids)].sort((a, b) => a - b).join(',');

/** The group of a published version, or null when it counts nowhere (no date, unknown format). */
export function tallyKeyOf(row: { format: string | null; publicationDate: Date | null; agencyId: number | null; areaIds: Iterable<number>; topicIds: Iterable<number> }): TallyKey | null {
  if (!row.publicationDate || Number.isNaN(row.publicationDate.getTime()) || !row.format || !isArticleFormat(row.format)) return null;
  const { year, quarter } = quarterOf(row.publicationDate);
  return { year, quarter, format: row.format, agencyId: row.agencyId ?? 0, areaIds: idList(row.areaIds), topicIds: idList(row.topicIds) };
}

const sameKey = (a: TallyKey, b: TallyKey) => KEY_FIELDS.every((field) => a[field] === b[field]);
const KEY_FIELDS = ['year', 'quarter', 'format', 'agencyId', 'areaIds', 'topicIds'] as const;
const columnsOf = (key: TallyKey) => ({ year: key.year, quarter: key.quarter, format: key.format, agency_id: key.agencyId, area_ids: key.areaIds, topic_ids: key.topicIds });
/** One spelling of a group, for comparing: `2024/2/tin-ngan/agency 3/areas 1,4/topics `. */
const groupId = (c: { year: number; quarter: number; format: string; agency_id: number; area_ids: string; topic_ids: string }) =>
  `${c.year}/${c.quarter}/${c.format}/agency ${c.agency_id}/areas ${c.area_ids}/topics ${c.topic_ids}`;

/** What an audit of the counts found. */
export interface TallyAudit {
  groups: number;
  pieces: number;
  differences: Array<{ group: string; kept: number; counted: number }>;
}

/** Table and column names of the articles, read from Strapi's metadata (on use: it exists once the database is up). */
const namesOf = (strapi: Core.Strapi) => ({
  articles: tableOf(strapi, UID.article),
  id: columnOf(strapi, UID.article, 'id'),
  documentId: columnOf(strapi, UID.article, 'documentId'),
  publishedAt: columnOf(strapi, UID.article, 'publishedAt'),
  publicationDate: columnOf(strapi, UID.article, 'publicationDate'),
  format: columnOf(strapi, UID.article, 'format'),
  agency: joinTableOf(strapi, UID.article, 'agency'),
  areas: joinTableOf(strapi, UID.article, 'areas'),
  topics: joinTableOf(strapi, UID.article, 'topics'),
});

/** Links of a relation as (article id, related id) rows, for some articles or all. */
async function links(k: Knex, join: { table: string; ownColumn: string; targetColumn: string }, articleIds: number[] | null) {
  const query = k.from(join.table).select({ own: join.ownColumn, target: join.targetColumn });
  if (articleIds) query.whereIn(join.ownColumn, articleIds);
  return z.array(LinkRow).parse(await query);
}

/** The groups of published versions: of one document, or of all when `documentId` is null. */
async function keysOf(strapi: Core.Strapi, k: Knex, documentId: string | null): Promise<TallyKey[]> {
  const n = namesOf(strapi);
  const query = k
    .from(n.articles)
    .select({ id: n.id, format: n.format, publication_date: n.publicationDate })
    .whereNotNull(n.publishedAt);
  if (documentId !== null) query.where(n.documentId, documentId);
  const rows = z.array(ArticleRow).parse(await query);
  if (rows.length === 0) return [];
  const ids = documentId === null ? null : rows.map((r) => r.id);
  const [agencyLinks, areaLinks, topicLinks] = await Promise.all([links(k, n.agency, ids), links(k, n.areas, ids), links(k, n.topics, ids)]);
  const group = (list: Array<{ own: number; target: number }>) => {
    const byArticle = new Map<number, number[]>();
    for (const { own, target } of list) byArticle.set(own, [...(byArticle.get(own) ?? []), target]);
    return byArticle;
  };
  const agencies = group(agencyLinks);
  const areas = group(areaLinks);
  const topics = group(topicLinks);
  return rows.flatMap((row) => {
    const key = tallyKeyOf({
      format: row.format,
      publicationDate: row.publication_date === null ? null : new Date(row.publication_date),
      agencyId: agencies.get(row.id)?.[0] ?? null,
      areaIds: areas.get(row.id) ?? [],
      topicIds: topics.get(row.id) ?? [],
    });
    return key ? [key] : [];
  });
}

/** Every group's count, computed from the articles (nothing written). */
async function countAll(strapi: Core.Strapi, k: Knex): Promise<Map<string, { key: TallyKey; n: number }>> {
  const counts = new Map<string, { key: TallyKey; n: number }>();
  for (const key of await keysOf(strapi, k, null)) {
    const id = groupId(columnsOf(key));
    const entry = counts.get(id);
    if (entry) entry.n += 1;
    else counts.set(id, { key, n: 1 });
  }
  return counts;
}

/** Makes the counts tables that are missing, with `schema` (a knex schema builder for the right schema). */
export async function createTallyTables(schema: () => Knex.SchemaBuilder): Promise<void> {
  for (const [name, keys] of [[TALLY_TABLE, KEY_COLUMNS], [ROLLUP_TABLE, ROLLUP_COLUMNS]] as const) {
    if (await schema().hasTable(name)) continue;
    await schema().createTable(name, (t) => {
      t.integer('year').notNullable();
      t.integer('quarter').notNullable();
      t.string('format', 40).notNullable();
      if (name === TALLY_TABLE) t.integer('agency_id').notNullable();
      t.text('area_ids').notNullable();
      t.text('topic_ids').notNullable();
      t.integer('n').notNullable();
      t.primary([...keys]);
    });
  }
}

/** Creates the repository of the counts over a Strapi instance. */
export function createPublishedTallies(strapi: Core.Strapi) {
  /** The pieces sent in, counted the same way (the report's other column). */
  const submitted = createSubmittedTallies(strapi);
  const table = () => qualified(strapi, TALLY_TABLE);
  const rollup = () => qualified(strapi, ROLLUP_TABLE);
  const postgres = () => strapi.db.getInfo().client === 'postgres';
  /** The knex of the current transaction, when there is one. */
  const db = (trx?: Knex.Transaction | null): Knex => trx ?? strapi.db.connection;

  /** Adds `delta` pieces to a group (creating it), and drops the group when it falls to zero. */
  async function add(k: Knex, key: TallyKey, delta: number): Promise<void> {
    const { agency_id: _agency, ...rollupKey } = columnsOf(key);
    for (const [name, qualifiedName, columns, keys] of [
      [TALLY_TABLE, table(), columnsOf(key), KEY_COLUMNS],
      [ROLLUP_TABLE, rollup(), rollupKey, ROLLUP_COLUMNS],
    ] as const) {
      await addToCount(k, name, qualifiedName, keys, columns, delta);
    }
  }

  /** Names of related rows by id (agency slugs, area codes, topic slugs). */
  async function namesOf(uid: string, column: string): Promise<Map<number, string>> {
    const rows = await strapi.db.connection.from(tableOf(strapi, uid)).select({ id: columnOf(strapi, uid, 'id'), value: columnOf(strapi, uid, column) });
    return new Map(z.array(NameRow).parse(rows).map((r) => [r.id, r.value]));
  }

  /** Ids by name (agency slug, area code, topic slug). */
  async function idsOf(uid: string, column: string): Promise<Map<string, number>> {
    return new Map([...(await namesOf(uid, column))].map(([id, name]) => [name, id]));
  }

  return {
    /** Makes the table when it is missing (at start, before anything is counted). */
    async ensureTable(): Promise<void> {
      const schemaName = strapi.db.getSchemaName();
      await createTallyTables(() => (schemaName ? strapi.db.connection.schema.withSchema(schemaName) : strapi.db.connection.schema));
      await submitted.ensureTable();
    },

    /**
     * Serialises the transactions that move one document's counts (PostgreSQL; SQLite has one
     * writer): without it, two concurrent writes would both move it from the same old group.
     */
    async lockDocument(documentId: string, trx: Knex.Transaction): Promise<void> {
      if (postgres()) await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`cchc-tally:${documentId}`]);
    },

    /** The group of a document's published version now (inside the transaction `trx`), or null. */
    async keyOfDocument(documentId: string, trx?: Knex.Transaction | null): Promise<TallyKey | null> {
      return (await keysOf(strapi, db(trx), documentId))[0] ?? null;
    },

    /** Moves a piece from the group it was in (`before`) to the one it is in now (`after`); either may be null. */
    async move(before: TallyKey | null, after: TallyKey | null, trx?: Knex.Transaction | null): Promise<void> {
      if (before && after && sameKey(before, after)) return;
      const k = db(trx);
      if (before) await add(k, before, -1);
      if (after) await add(k, after, 1);
    },

    /**
     * True when the counts cannot be right: their sum differs from the number of published pieces that have a
     * group (two counts, read in SQL). Then start-up rebuilds them before serving; otherwise it rebuilds them in
     * the background, so the start does not grow with the number of articles.
     */
    async looksStale(): Promise<boolean> {
      const column = (attribute: string) => columnOf(strapi, UID.article, attribute);
      const [pieces, counted] = await Promise.all([
        strapi.db.connection.from(tableOf(strapi, UID.article)).whereNotNull(column('publishedAt')).whereNotNull(column('publicationDate')).count({ c: '*' }).first(),
        strapi.db.connection.from(table()).sum({ c: 'n' }).first(),
      ]);
      return Number(pieces?.c ?? 0) !== Number(counted?.c ?? 0);
    },

    /**
     * Rebuilds every count from the published articles, in one transaction, then has the
     * database gather the tables' statistics afresh (statistics from before the rebuild
     * mislead the planner: measured, a sort instead of a hash on PostgreSQL); answers the
     * number of groups.
     */
    async recount(): Promise<number> {
      const groups = await strapi.db.transaction(async ({ trx }) => {
        const k = db(trx);
        // PostgreSQL: writers that move counts wait until the rebuild commits (and it waits for
        // those that already moved some), so no move is lost or counted twice; SQLite has one writer.
        if (postgres()) await k.raw('LOCK TABLE ??, ??, ?? IN SHARE ROW EXCLUSIVE MODE', [table(), rollup(), submitted.table()]);
        const counts = await countAll(strapi, k);
        const rows = [...counts.values()].map(({ key, n }) => ({ ...columnsOf(key), n }));
        const rolled = new Map<string, { year: number; quarter: number; format: string; area_ids: string; topic_ids: string; n: number }>();
        for (const { agency_id: _agency, n, ...rest } of rows) {
          const id = JSON.stringify(rest);
          const entry = rolled.get(id);
          if (entry) entry.n += n;
          else rolled.set(id, { ...rest, n });
        }
        for (const [name, batch] of [[table(), rows], [rollup(), [...rolled.values()]]] as const) {
          await k(name).delete();
          // Small batches: SQLite allows at most 32766 bound values per statement.
          for (let i = 0; i < batch.length; i += 500) await k(name).insert(batch.slice(i, i + 500));
        }
        await submitted.recount(trx);
        return rows.length;
      });
      const k = strapi.db.connection;
      try {
        for (const name of [table(), rollup(), submitted.table()]) await k.raw('ANALYZE ??', [name]);
      } catch (error) {
        // The counts are committed; fresh statistics only help the planner.
        strapi.log.warn(`[cchc] could not analyse the counts tables: ${(error as Error).message}`);
      }
      return groups;
    },

    submitted,

    /**
     * The counts of one quarter as the compliance report reads them, added up by the
     * database: by agency and format, and by agency and set of areas (agencies and areas
     * by id; 0 is no agency). Unknown formats are left out.
     */
    async ofQuarter(year: number, quarter: Quarter): Promise<QuarterTallies> {
      const k = strapi.db.connection;
      const sum = k.raw('CAST(SUM(n) AS integer) AS n');
      const [formatRows, areaRows] = await Promise.all([
        k.from(table()).where({ year, quarter }).groupBy('agency_id', 'format').select('agency_id', 'format', sum),
        k.from(table()).where({ year, quarter }).groupBy('agency_id', 'area_ids').select('agency_id', 'area_ids', sum),
      ]);
      return {
        byFormat: z.array(FormatRow).parse(formatRows).flatMap((row) => (isArticleFormat(row.format) ? [{ agencyId: row.agency_id, format: row.format, count: row.n }] : [])),
        byAreas: z.array(AreaSetRow).parse(areaRows).map((row) => ({ agencyId: row.agency_id, areaIds: row.area_ids ? row.area_ids.split(',').map(Number) : [], count: row.n })),
      };
    },

    /**
     * What each measure counts in each quarter of `year`, computed by the database in one
     * pass over the year's groups (so the answer's cost does not grow with the articles).
     */
    async measureCounts(year: number, measures: readonly TaskMeasure[]): Promise<QuarterCounts[]> {
      if (measures.length === 0) return [];
      const [agencies, areas, topics] = await Promise.all([idsOf(UID.agency, 'slug'), idsOf(UID.reformArea, 'code'), idsOf(UID.topic, 'slug')]);
      return countMeasures(strapi.db.connection, { tallies: table(), rollup: rollup() }, year, measures, { agencies, areas, topics });
    },

    /** Compares the kept counts with a recount (nothing written): the groups whose counts differ. */
    async audit(): Promise<TallyAudit> {
      // One snapshot for both reads, so that a publication in between is no difference.
      const options = strapi.db.getInfo().client === 'postgres' ? { isolationLevel: 'repeatable read' as const } : {};
      const [kept, rolled, counted, sentIn] = await strapi.db.connection.transaction(
        async (trx) =>
          [
            z.array(TallyRow).parse(await trx.from(table()).select('*')),
            z.array(TallyRow.omit({ agency_id: true })).parse(await trx.from(rollup()).select('*')),
            await countAll(strapi, trx),
            await submitted.differences(trx),
          ] as const,
        options,
      );
      const differences: TallyAudit['differences'] = [...sentIn];
      const compare = (keptBy: Map<string, number>, countedBy: Map<string, number>) => {
        for (const [id, n] of countedBy) if (keptBy.get(id) !== n) differences.push({ group: id, kept: keptBy.get(id) ?? 0, counted: n });
        for (const [id, n] of keptBy) if (!countedBy.has(id)) differences.push({ group: id, kept: n, counted: 0 });
      };
      compare(new Map(kept.map((row) => [groupId(row), row.n])), new Map([...counted].map(([id, { n }]) => [id, n])));
      // The rollup is the same counts without the agency.
      const rollupOf = new Map<string, number>();
      for (const { key, n } of counted.values()) {
        const id = groupId({ ...columnsOf(key), agency_id: 0 }).replace('/agency 0', '/all agencies');
        rollupOf.set(id, (rollupOf.get(id) ?? 0) + n);
      }
      compare(new Map(rolled.map((row) => [groupId({ ...row, agency_id: 0 }).replace('/agency 0', '/all agencies'), row.n])), rollupOf);
      return { groups: counted.size, pieces: [...counted.values()].reduce((sum, { n }) => sum + n, 0), differences };
    },
  };
}

export type PublishedTallies = ReturnType<typeof createPublishedTallies>;
