/**
 * Reads what the quarterly compliance report needs. The article counts are aggregated
 * by the database (GROUP BY over the article table and its link tables), so the cost
 * follows the number of agencies, formats and area sets, not the number of articles.
 */
import type { Core } from '@strapi/strapi';
import {
  AGENCY_KIND_CODES,
  isArticleFormat,
  quarterInterval,
  type ComplianceAgencyInput,
  type ComplianceAreaInput,
  type ComplianceExemptionInput,
  type ComplianceInput,
  type CompliancePlanTaskInput,
  type PublishedCell,
  type Quarter,
  type SubmittedCount,
} from '@cchc/shared';
import { z } from 'zod';
import { UID } from '../constants.js';
import { columnOf, joinTableOf, tableOf } from './schema-names.js';

/** A count as the drivers return it: a number (SQLite) or a bigint string (PostgreSQL). */
const Count = z.union([z.number(), z.string()]).transform(Number);
const Id = z.union([z.number(), z.string()]).transform(Number);

const AgencyRow = z.object({
  id: Id,
  slug: z.string(),
  name: z.string(),
  shortName: z.string().nullable().optional(),
  kind: z.enum(AGENCY_KIND_CODES),
  active: z.union([z.boolean(), z.number()]).nullable().transform((v) => v !== false && v !== 0),
});
const SlugRef = z.object({ slug: z.string() }).nullable().optional();
const AreaRow = z.object({ id: Id, code: z.string(), name: z.string(), order: z.number().nullable(), leadAgency: SlugRef });
const PlanRow = z.object({
  tasks: z.array(z.object({ number: z.string(), title: z.string(), order: z.number().nullable(), leadAgencies: z.array(z.object({ slug: z.string() })).optional() })).optional(),
});
const ExemptionRow = z.object({ reason: z.string().nullable(), agency: SlugRef });
const CellRow = z.object({ agency_id: Id.nullable(), format: z.string().nullable(), area_ids: z.string().nullable(), n: Count });
const SubmittedRow = z.object({ agency_id: Id.nullable(), n: Count });

/** Creates the compliance repository over a Strapi instance. */
export function createComplianceRepository(strapi: Core.Strapi) {
  const knex = () => strapi.db.connection;

  /** Names are read on use: the metadata exists only once the database is initialised. */
  const names = () => ({
    articles: tableOf(strapi, UID.article),
    id: columnOf(strapi, UID.article, 'id'),
    documentId: columnOf(strapi, UID.article, 'documentId'),
    publishedAt: columnOf(strapi, UID.article, 'publishedAt'),
    publicationDate: columnOf(strapi, UID.article, 'publicationDate'),
    submittedAt: columnOf(strapi, UID.article, 'submittedAt'),
    format: columnOf(strapi, UID.article, 'format'),
    agency: joinTableOf(strapi, UID.article, 'agency'),
    areas: joinTableOf(strapi, UID.article, 'areas'),
  });

  /** `column`'s values in a group, comma-separated, as `alias`: the one aggregate the dialects spell differently. */
  const listOf = (column: string, alias: string) =>
    strapi.db.getInfo().client === 'postgres'
      ? knex().raw("string_agg(cast(?? as text), ',') as ??", [column, alias])
      : knex().raw('group_concat(??) as ??', [column, alias]);

  /** Published versions dated in [start, end), counted by agency id, format and set of area ids. */
  async function publishedCells(start: Date, end: Date): Promise<Array<z.output<typeof CellRow>>> {
    const n = names();
    const k = knex();
    const perDocument = k
      .from({ a: n.articles })
      .leftJoin({ g: n.agency.table }, `g.${n.agency.ownColumn}`, `a.${n.id}`)
      .leftJoin({ r: n.areas.table }, `r.${n.areas.ownColumn}`, `a.${n.id}`)
      .whereNotNull(`a.${n.publishedAt}`)
      .where(`a.${n.publicationDate}`, '>=', start)
      .where(`a.${n.publicationDate}`, '<', end)
      .groupBy(`a.${n.id}`, `g.${n.agency.targetColumn}`, `a.${n.format}`)
      .select({ agency_id: `g.${n.agency.targetColumn}`, format: `a.${n.format}` })
      .select(listOf(`r.${n.areas.targetColumn}`, 'area_ids'));
    const rows = await k
      .from(perDocument.as('d'))
      .select('agency_id', 'format', 'area_ids')
      .count({ n: '*' })
      .groupBy('agency_id', 'format', 'area_ids');
    return z.array(CellRow).parse(rows);
  }

  /**
   * Documents sent in during [start, end), by agency id. Either version counts (a piece sent
   * in, published, then revised keeps its quarter); DISTINCT counts the document once.
   * A left join keeps the article table the outer loop: SQLite otherwise walks the link
   * table's index and looks every article up, three times slower.
   */
  async function submittedCounts(start: Date, end: Date): Promise<Array<z.output<typeof SubmittedRow>>> {
    const n = names();
    const rows = await knex()
      .from({ a: n.articles })
      .leftJoin({ g: n.agency.table }, `g.${n.agency.ownColumn}`, `a.${n.id}`)
      .where(`a.${n.submittedAt}`, '>=', start)
      .where(`a.${n.submittedAt}`, '<', end)
      .groupBy(`g.${n.agency.targetColumn}`)
      .select({ agency_id: `g.${n.agency.targetColumn}` })
      .countDistinct({ n: `a.${n.documentId}` });
    return z.array(SubmittedRow).parse(rows);
  }

  async function agencies() {
    const rows = await strapi.db.query(UID.agency).findMany({ select: ['id', 'slug', 'name', 'shortName', 'kind', 'active'] });
    return z.array(AgencyRow).parse(rows);
  }

  async function areas() {
    const rows = await strapi.db.query(UID.reformArea).findMany({
      select: ['id', 'code', 'name', 'order'],
      populate: { leadAgency: { select: ['slug'] } },
    });
    return z.array(AreaRow).parse(rows);
  }

  async function planTasks(year: number): Promise<CompliancePlanTaskInput[]> {
    const plan = await strapi.db.query(UID.plan).findOne({
      where: { year },
      select: ['id'],
      populate: { tasks: { select: ['number', 'title', 'order'], populate: { leadAgencies: { select: ['slug'] } } } },
    });
    if (!plan) return [];
    return (PlanRow.parse(plan).tasks ?? []).map((t) => ({
      number: t.number,
      title: t.title,
      order: t.order ?? 0,
      leadAgencies: (t.leadAgencies ?? []).map((a) => a.slug),
    }));
  }

  async function exemptions(year: number, quarter: Quarter): Promise<ComplianceExemptionInput[]> {
    const rows = await strapi.db.query(UID.complianceExemption).findMany({
      where: { year, quarter },
      select: ['reason'],
      populate: { agency: { select: ['slug'] } },
    });
    return z.array(ExemptionRow).parse(rows).flatMap((e) => (e.agency ? [{ agency: e.agency.slug, reason: e.reason ?? '' }] : []));
  }

  return {
    /** When the most recent piece was sent in, or null when none was. */
    async latestSubmission(): Promise<Date | null> {
      const n = names();
      const row = (await knex().from(n.articles).max({ latest: n.submittedAt }).first()) as { latest?: string | number | Date | null } | undefined;
      return row?.latest ? new Date(row.latest) : null;
    },

    /** Everything the report of a quarter is computed from. */
    async load(year: number, quarter: Quarter): Promise<ComplianceInput> {
      const { start, end } = quarterInterval(year, quarter);
      const [agencyRows, areaRows, tasks, exempt, cells, submitted] = await Promise.all([
        agencies(),
        areas(),
        planTasks(year),
        exemptions(year, quarter),
        publishedCells(start, end),
        submittedCounts(start, end),
      ]);
      const slugById = new Map(agencyRows.map((a) => [a.id, a.slug]));
      const codeById = new Map(areaRows.map((a) => [a.id, a.code]));
      const published: PublishedCell[] = cells.flatMap((c) => {
        if (c.format === null || !isArticleFormat(c.format)) return [];
        const areaCodes = (c.area_ids ?? '').split(',').flatMap((id) => codeById.get(Number(id)) ?? []);
        return [{ agency: c.agency_id === null ? null : (slugById.get(c.agency_id) ?? null), format: c.format, areas: areaCodes, count: c.n }];
      });
      const submittedBySlug: SubmittedCount[] = submitted.flatMap((s) => {
        const slug = s.agency_id === null ? undefined : slugById.get(s.agency_id);
        return slug ? [{ agency: slug, count: s.n }] : [];
      });
      const agencyInputs: ComplianceAgencyInput[] = agencyRows.map((a) => ({ slug: a.slug, name: a.name, shortName: a.shortName ?? '', kind: a.kind, active: a.active }));
      const areaInputs: ComplianceAreaInput[] = areaRows.map((a) => ({ code: a.code, name: a.name, order: a.order ?? 0, leadAgency: a.leadAgency?.slug ?? null }));
      return { year, quarter, agencies: agencyInputs, areas: areaInputs, tasks, submitted: submittedBySlug, published, exemptions: exempt };
    },
  };
}

/** The compliance repository's interface. */
export type ComplianceRepository = ReturnType<typeof createComplianceRepository>;
