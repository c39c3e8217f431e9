/**
 * Reads what the quarterly compliance report needs. Pieces published and sent in come
 * counted (published-tallies.ts, submitted-tallies.ts), so the cost follows the number
 * of agencies, formats and area sets, not the number of articles.
 */
import type { Core } from '@strapi/strapi';
import {
  AGENCY_KIND_CODES,
  type ComplianceAgencyInput,
  type ComplianceAreaInput,
  type ComplianceExemptionInput,
  type ComplianceInput,
  type CompliancePlanTaskInput,
  quarterInterval,
  type Holidays,
  type Quarter,
  type SubmittedCount,
} from '@cchc/shared';
import type { QuestionRepository } from './questions.js';
import { z } from 'zod';
import { UID } from '../constants.js';
import type { PublishedTallies } from './published-tallies.js';

/** A count as the drivers return it: a number (SQLite) or a bigint string (PostgreSQL). */
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

/** How the quarter's citizens' questions are read: the days an agency has to answer, and the question tables. */
export interface QuestionSource {
  answerDays: number;
  receivedBetween: QuestionRepository['receivedBetween'];
  holidays: () => Promise<Holidays>;
}

/** Creates the compliance repository over a Strapi instance, the published counts and, when given, the questions. */
export function createComplianceRepository(strapi: Core.Strapi, tallies: PublishedTallies, questions?: QuestionSource) {
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
    /** The latest quarter in which a piece was sent in (from the kept counts), or null when none was. */
    latestSubmittedQuarter: () => tallies.submitted.latestQuarter(),

    /** Everything the report of a quarter is computed from. */
    async load(year: number, quarter: Quarter): Promise<ComplianceInput> {
      const [agencyRows, areaRows, tasks, exempt, submitted, counted] = await Promise.all([
        agencies(),
        areas(),
        planTasks(year),
        exemptions(year, quarter),
        tallies.submitted.ofQuarter(year, quarter),
        tallies.ofQuarter(year, quarter),
      ]);
      const slugById = new Map(agencyRows.map((a) => [a.id, a.slug]));
      const codeById = new Map(areaRows.map((a) => [a.id, a.code]));
      const published: ComplianceInput['published'] = {
        byFormat: counted.byFormat.map(({ agencyId, format, count }) => ({ agency: slugById.get(agencyId) ?? null, format, count })),
        byAreas: counted.byAreas.map(({ agencyId, areaIds, count }) => ({ agency: slugById.get(agencyId) ?? null, areas: areaIds.flatMap((id) => codeById.get(id) ?? []), count })),
      };
      const submittedBySlug: SubmittedCount[] = submitted.flatMap((s) => {
        const slug = slugById.get(s.agencyId);
        return slug ? [{ agency: slug, count: s.count }] : [];
      });
      const agencyInputs: ComplianceAgencyInput[] = agencyRows.map((a) => ({ slug: a.slug, name: a.name, shortName: a.shortName ?? '', kind: a.kind, active: a.active }));
      const areaInputs: ComplianceAreaInput[] = areaRows.map((a) => ({ code: a.code, name: a.name, order: a.order ?? 0, leadAgency: a.leadAgency?.slug ?? null }));
      const input: ComplianceInput = { year, quarter, agencies: agencyInputs, areas: areaInputs, tasks, submitted: submittedBySlug, published, exemptions: exempt };
      if (questions) {
        const { start, end } = quarterInterval(year, quarter);
        const [items, holidays] = await Promise.all([questions.receivedBetween(start.getTime(), end.getTime(), slugById), questions.holidays()]);
        input.questions = { items, answerDays: questions.answerDays, holidays, now: new Date() };
      }
      return input;
    },
  };
}

/** The compliance repository's interface. */
export type ComplianceRepository = ReturnType<typeof createComplianceRepository>;
