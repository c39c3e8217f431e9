/**
 * The public (read-only) face of the column: published articles, taxonomies,
 * agencies and plans, mapped to the shared contracts.
 */
import { articleFilterOf, type Agency, type ArticleDetail, type GetHome, type ListArticles, type Plan, type ReformArea, type Topic } from '@cchc/shared';
import { MESSAGES, NotFoundError } from '../errors.js';
import { toAgency, toArticleDetail, toArticleSummary, toPlan, toReformArea, toTopic } from '../mappers/public.js';
import type { ArticleRepository } from '../repositories/articles.js';
import type { TaxonomyRepository } from '../repositories/taxonomy.js';

const HOME_FEATURED = 4;
const HOME_LATEST = 8;
const HOME_PER_AREA = 4;
const RELATED_COUNT = 4;

/** Collaborators of the public content service. */
export interface PublicContentDeps {
  articles: ArticleRepository;
  taxonomy: TaxonomyRepository;
  /** Slugs of an agency and of the agencies merged into it. */
  agencyLineage: (slug: string) => Promise<string[]>;
}

/** Creates the public content service. */
export function createPublicContentService({ articles, taxonomy, agencyLineage }: PublicContentDeps) {
  return {
    /** A page of published articles matching the query. */
    async listArticles(query: ListArticles.Query): Promise<ListArticles.Response> {
      const { page, pageSize, agency } = query;
      const filter = articleFilterOf(query, agency ? await agencyLineage(agency) : undefined);
      const { rows, total } = await articles.findPublished(filter, page, pageSize);
      return {
        data: rows.map(toArticleSummary),
        meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
      };
    },

    /** A published article by slug with related and neighbouring articles; NotFoundError otherwise (drafts included). */
    async getArticle(slug: string): Promise<ArticleDetail> {
      const row = await articles.findPublishedBySlug(slug);
      if (!row) throw new NotFoundError(MESSAGES.articleNotFound);
      const area = row.areas?.[0]?.code;
      const date = row.publicationDate ?? row.publishedAt ?? row.updatedAt;
      const [sameArea, { older, newer }, changes] = await Promise.all([
        area ? articles.findPublished({ areas: [area] }, 1, RELATED_COUNT + 1) : Promise.resolve({ rows: [], total: 0 }),
        articles.findNeighbours(date),
        articles.publicChangeNotes(row.documentId),
      ]);
      const related = sameArea.rows.filter((r) => r.slug !== row.slug).slice(0, RELATED_COUNT);
      return toArticleDetail(row, { related, older, newer, changes });
    },

    /** An article's draft as its page would show it (without neighbours or related pieces, which a draft has not), or null. */
    async draftArticle(documentId: string): Promise<ArticleDetail | null> {
      const [row, changes] = await Promise.all([articles.findDraft(documentId), articles.publicChangeNotes(documentId)]);
      if (!row) return null;
      const detail = toArticleDetail(row, { related: [], older: null, newer: null, changes });
      // Never published: no publication date to show (the page leaves the line out), not the last save's.
      return row.publicationDate || row.publishedAt ? detail : { ...detail, publicationDate: '' };
    },

    /** Everything the column's home page shows. */
    async home(): Promise<GetHome.Response['data']> {
      const areas = await taxonomy.reformAreas();
      const [featured, latest, ...perArea] = await Promise.all([
        articles.findPublished({ featured: true }, 1, HOME_FEATURED),
        articles.findPublished({}, 1, HOME_LATEST),
        ...areas.map((area) => articles.findPublished({ areas: [area.code] }, 1, HOME_PER_AREA)),
      ]);
      return {
        featured: featured!.rows.map(toArticleSummary),
        latest: latest!.rows.map(toArticleSummary),
        areas: areas.map((area, i) => ({ area: toReformArea(area), articles: perArea[i]!.rows.map(toArticleSummary) })),
      };
    },

    /** All reform areas. */
    async reformAreas(): Promise<ReformArea[]> {
      return (await taxonomy.reformAreas()).map(toReformArea);
    },

    /** All topics. */
    async topics(): Promise<Topic[]> {
      return (await taxonomy.topics()).map(toTopic);
    },

    /** All agencies. */
    async agencies(): Promise<Agency[]> {
      const rows = await taxonomy.agencies();
      return rows.map((a) => toAgency(a, rows.filter((p) => p.successor?.slug === a.slug)));
    },

    /** One agency with the agencies merged into it. */
    async agency(slug: string): Promise<Agency> {
      const row = await taxonomy.agencyBySlug(slug);
      if (!row) throw new NotFoundError(MESSAGES.agencyNotFound);
      return toAgency(row, await taxonomy.predecessorsOf(slug));
    },

    /** The plan of a year. */
    async plan(year: number): Promise<Plan> {
      const row = await taxonomy.planByYear(year);
      if (!row) throw new NotFoundError(MESSAGES.planNotFound);
      return toPlan(row);
    },
  };
}

/** The public content service's interface. */
export type PublicContentService = ReturnType<typeof createPublicContentService>;
