/**
 * The public face of the Steering Committee website: the committee, its members
 * and channels, the documents library, the plan tracker, index results and events.
 */
import {
  DOCUMENT_TYPE_CODES,
  compareVi,
  documentMatches,
  documentQueryTerms,
  type Committee,
  type CommitteeEvent,
  type DocumentDetail,
  type GetCommittee,
  type GetCommitteeHome,
  type IndexSeries,
  type ListDocuments,
  type ListEvents,
  type PlanTracker,
} from '@cchc/shared';
import { MESSAGES, NotFoundError } from '../errors.js';
import {
  toChannel,
  toCommittee,
  toDocumentDetail,
  toDocumentSummary,
  toEvent,
  toIndexSeries,
  toMember,
  measureOf,
  toTaskProgress,
  toTrackedTasks,
} from '../mappers/committee.js';
import { toArticleSummary, toPlanFields } from '../mappers/public.js';
import type { ArticleRepository } from '../repositories/articles.js';
import type { CommitteeRepository } from '../repositories/committee.js';
import type { EventRecord } from '../repositories/records.js';
import type { PublishedTallies } from '../repositories/published-tallies.js';

const HOME_NEWS = 5;
const HOME_EVENTS = 3;
const HOME_DOCUMENTS = 5;

/** Shown until an administrator fills in the committee's record. */
const UNNAMED_COMMITTEE: Committee = {
  name: 'Ban Chỉ đạo cải cách hành chính',
  nameEn: 'Public Administration Reform Steering Committee',
  shortName: 'Ban Chỉ đạo CCHC',
  functions: '',
  functionsEn: '',
  structure: '',
  structureEn: '',
  address: '',
  addressEn: '',
  phone: '',
  email: '',
  officeHours: '',
  officeHoursEn: '',
  newsTopic: null,
  demo: false,
};

/** Collaborators of the service. */
export interface CommitteeServiceDeps {
  repo: CommitteeRepository;
  articles: ArticleRepository;
  /** Published pieces, counted: the plan tracker measures tasks from them. */
  tallies: PublishedTallies;
  now?: () => Date;
}

/** Creates the service. */
export function createCommitteeService({ repo, articles, tallies, now = () => new Date() }: CommitteeServiceDeps) {
  async function committee(): Promise<Committee> {
    const row = await repo.committee();
    return row ? toCommittee(row) : UNNAMED_COMMITTEE;
  }

  async function toEvents(rows: EventRecord[]): Promise<CommitteeEvent[]> {
    const reports = await repo.publishedArticleRefs(rows.flatMap((e) => (e.report?.documentId ? [e.report.documentId] : [])));
    return rows.map((e) => toEvent(e, (e.report && reports.get(e.report.documentId)) ?? null));
  }

  async function indices(): Promise<IndexSeries[]> {
    return toIndexSeries(await repo.indexResults());
  }

  /** Events split at `at`: upcoming (not yet over) soonest first, past most recent first. */
  async function events(when: ListEvents.Query['when']): Promise<CommitteeEvent[]> {
    const at = now().getTime();
    const rows = await repo.events();
    const upcoming = rows.filter((e) => new Date(e.endsAt).getTime() >= at);
    const past = rows.filter((e) => new Date(e.endsAt).getTime() < at).reverse();
    return toEvents(when === 'upcoming' ? upcoming : when === 'past' ? past : [...upcoming, ...past]);
  }

  return {
    committee,

    /** The committee with its members and channels. */
    async about(): Promise<GetCommittee.Response['data']> {
      const [c, members, channels] = await Promise.all([committee(), repo.members(), repo.channels()]);
      return { committee: c, members: members.map(toMember), channels: channels.map(toChannel) };
    },

    /** What the committee's home page shows. */
    async home(): Promise<GetCommitteeHome.Response['data']> {
      const [c, upcoming, series, channels, documents] = await Promise.all([committee(), events('upcoming'), indices(), repo.channels(), repo.publishedDocuments(HOME_DOCUMENTS)]);
      const news = c.newsTopic ? (await articles.findPublished({ topics: [c.newsTopic.slug] }, 1, HOME_NEWS)).rows.map(toArticleSummary) : [];
      // The main subject is the one most results are about (the province); DDCI's agencies are on the indices page.
      const counts = new Map<string, number>();
      for (const r of series.flatMap((s) => s.results)) counts.set(r.subject, (counts.get(r.subject) ?? 0) + 1);
      const main = [...counts].sort((a, b) => b[1] - a[1] || compareVi(a[0], b[0]))[0]?.[0];
      const glance = series.flatMap((s) => {
        const own = s.results.filter((r) => r.subject === main);
        return own.length === 0 ? [] : [{ code: s.code, label: s.label, name: s.name, latest: own[own.length - 1]!, previous: own[own.length - 2] ?? null }];
      });
      return {
        committee: c,
        news,
        upcomingEvents: upcoming.slice(0, HOME_EVENTS),
        indices: glance,
        channels: channels.map(toChannel),
        latestDocuments: documents.map(toDocumentSummary),
      };
    },

    /** A page of documents matching the filters and the search, with the values the filters can take. */
    async documents(query: ListDocuments.Query): Promise<ListDocuments.Response> {
      const all = await repo.publishedDocuments();
      const terms = documentQueryTerms(query.q);
      const issuer = query.issuer?.normalize('NFC').trim();
      const matching = all.filter(
        (d) =>
          (!query.type || d.type === query.type) &&
          (!query.year || d.issuedOn.startsWith(`${query.year}-`)) &&
          (!issuer || d.issuer === issuer) &&
          (!query.area || (d.areas ?? []).some((a) => a.code === query.area)) &&
          documentMatches(terms, d),
      );
      const { page, pageSize } = query;
      return {
        data: matching.slice((page - 1) * pageSize, page * pageSize).map(toDocumentSummary),
        meta: {
          pagination: { page, pageSize, pageCount: Math.ceil(matching.length / pageSize), total: matching.length },
          facets: {
            types: DOCUMENT_TYPE_CODES.filter((code) => all.some((d) => d.type === code)),
            years: [...new Set(all.map((d) => Number(d.issuedOn.slice(0, 4))))].sort((a, b) => b - a),
            issuers: [...new Set(all.map((d) => d.issuer))].sort(compareVi),
          },
        },
      };
    },

    /** One published document with its files; NotFoundError otherwise. */
    async document(slug: string): Promise<DocumentDetail> {
      const row = await repo.documentBySlug(slug);
      if (!row) throw new NotFoundError(MESSAGES.documentNotFound);
      return toDocumentDetail(row, await repo.planYearOfCode(row.number));
    },

    async planYears(): Promise<number[]> {
      return repo.planYears();
    },

    /** A year's plan with every task's progress at this moment. */
    async planTracker(year: number): Promise<PlanTracker> {
      const plan = await repo.trackedPlan(year);
      if (!plan) throw new NotFoundError(MESSAGES.planNotFound);
      const at = now();
      // The measured tasks' counts, from the database in one pass over the year's published counts.
      const measured = (plan.tasks ?? []).flatMap((t) => {
        const measure = measureOf(t);
        return measure ? [{ task: t, measure }] : [];
      });
      const [counts, document, years] = await Promise.all([
        tallies.measureCounts(year, measured.map((m) => m.measure)),
        plan.code ? repo.documentByNumber(plan.code) : Promise.resolve(null),
        repo.planYears(),
      ]);
      const countsOf = new Map(measured.map((m, i) => [m.task, counts[i]]));
      return {
        ...toPlanFields(plan),
        document: document ? { slug: document.slug, number: document.number } : null,
        tasks: toTrackedTasks(plan.tasks ?? [], (t) => toTaskProgress(t, countsOf.get(t), year, at)),
        measuredAt: at.toISOString(),
        years,
      };
    },

    indices,
    events,

    /** A document's draft as its page would show it, or null (previews). */
    async documentDraft(documentId: string): Promise<DocumentDetail | null> {
      const row = await repo.documentDraft(documentId);
      return row ? toDocumentDetail(row, await repo.planYearOfCode(row.number)) : null;
    },

    /** An event by document id as its page would show it, or null (previews). */
    async eventPreview(documentId: string): Promise<CommitteeEvent | null> {
      const row = await repo.eventByDocumentId(documentId);
      return row ? (await toEvents([row]))[0]! : null;
    },

    /** One event; NotFoundError otherwise. */
    async event(slug: string): Promise<CommitteeEvent> {
      const row = await repo.eventBySlug(slug);
      if (!row) throw new NotFoundError(MESSAGES.eventNotFound);
      return (await toEvents([row]))[0]!;
    },
  };
}

/** The service's interface. */
export type CommitteeService = ReturnType<typeof createCommitteeService>;
