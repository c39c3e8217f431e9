/** The only place that reads articles from the database for the public API. */
import type { Core } from '@strapi/strapi';
import { quarterInterval, yearInterval, type ListArticles, type Quarter } from '@cchc/shared';
import { UID } from '../constants.js';
import type { ArticleRecord, ChangeNoteRecord } from '../mappers/public.js';

const REF_AGENCY = { fields: ['slug', 'name', 'shortName'] } as const;

/** Relations a list item needs. */
const SUMMARY_POPULATE = {
  areas: { fields: ['code', 'name'], sort: ['order:asc'] },
  topics: { fields: ['slug', 'name'], sort: ['order:asc'] },
  agency: REF_AGENCY,
  cover: true,
} as const;

/** Relations a whole article needs. */
const DETAIL_POPULATE = { ...SUMMARY_POPULATE, attachments: true } as const;

const SORT = [{ publicationDate: 'desc' }, { id: 'desc' }] as const;

/** Filters of a public article list, already validated. */
export type ArticleFilters = Omit<ListArticles.Query, 'page' | 'pageSize' | 'agency'> & {
  /** Agency slugs to include: the agency itself and the ones merged into it. */
  agencySlugs?: string[];
};

/** Translates validated filters into a Document Service filter object. */
export function toDocumentFilters(f: ArticleFilters): Record<string, unknown> {
  const and: Record<string, unknown>[] = [];
  if (f.area) and.push({ areas: { code: { $eq: f.area } } });
  if (f.topic) and.push({ topics: { slug: { $eq: f.topic } } });
  if (f.agencySlugs) and.push({ agency: { slug: { $in: f.agencySlugs } } });
  if (f.format) and.push({ format: { $in: f.format } });
  if (f.featured !== undefined) and.push({ featured: { $eq: f.featured === 'true' } });
  if (f.year !== undefined) {
    const { start, end } = f.quarter !== undefined ? quarterInterval(f.year, f.quarter as Quarter) : yearInterval(f.year);
    and.push({ publicationDate: { $gte: start.toISOString(), $lt: end.toISOString() } });
  }
  return and.length > 0 ? { $and: and } : {};
}

/** Creates the article repository over a Strapi instance. */
export function createArticleRepository(strapi: Core.Strapi) {
  const documents = () => strapi.documents(UID.article);
  return {
    /** A page of published articles, newest publication date first, with the total count. */
    async findPublished(filters: ArticleFilters, page: number, pageSize: number): Promise<{ rows: ArticleRecord[]; total: number }> {
      const where = toDocumentFilters(filters);
      const [rows, total] = await Promise.all([
        documents().findMany({
          status: 'published',
          filters: where as never,
          sort: SORT as never,
          start: (page - 1) * pageSize,
          limit: pageSize,
          populate: SUMMARY_POPULATE as never,
        }),
        documents().count({ status: 'published', filters: where as never }),
      ]);
      // The Document Service returns loosely typed rows; their shape is fixed by the populate above.
      return { rows: rows as unknown as ArticleRecord[], total };
    },

    /**
     * How many articles are published, and how many have never been published.
     * Every document has a draft version, published ones included, hence the difference.
     */
    async countByStatus(): Promise<{ published: number; unpublished: number }> {
      const [published, all] = await Promise.all([
        documents().count({ status: 'published' }),
        documents().count({ status: 'draft' }),
      ]);
      return { published, unpublished: all - published };
    },

    /**
     * The published articles just before and just after a publication date
     * (older first, then newer), as links.
     */
    async findNeighbours(publicationDate: string): Promise<{ older: ArticleRecord | null; newer: ArticleRecord | null }> {
      const link = { fields: ['slug', 'title', 'publicationDate'] as never };
      const [older, newer] = await Promise.all([
        documents().findFirst({ status: 'published', ...link, filters: { publicationDate: { $lt: publicationDate } } as never, sort: [{ publicationDate: 'desc' }] as never }),
        documents().findFirst({ status: 'published', ...link, filters: { publicationDate: { $gt: publicationDate } } as never, sort: [{ publicationDate: 'asc' }] as never }),
      ]);
      return { older: (older as unknown as ArticleRecord | null) ?? null, newer: (newer as unknown as ArticleRecord | null) ?? null };
    },

    /** The published version of an article with what lists and the search index need, or null. */
    async findPublishedByDocumentId(documentId: string): Promise<ArticleRecord | null> {
      const row = await documents().findOne({ documentId, status: 'published', populate: SUMMARY_POPULATE as never });
      return (row as unknown as ArticleRecord | null) ?? null;
    },

    /** Every published article, `batchSize` at a time, oldest first (for building the search index). */
    async *streamPublished(batchSize = 500): AsyncGenerator<ArticleRecord[]> {
      for (let start = 0; ; start += batchSize) {
        const rows = await documents().findMany({
          status: 'published',
          sort: [{ id: 'asc' }] as never,
          start,
          limit: batchSize,
          populate: SUMMARY_POPULATE as never,
        });
        if (rows.length > 0) yield rows as unknown as ArticleRecord[];
        if (rows.length < batchSize) return;
      }
    },

    /** The public change notes of an article, newest first. */
    async publicChangeNotes(documentId: string): Promise<ChangeNoteRecord[]> {
      const rows = await strapi.documents(UID.changeNote).findMany({
        filters: { articleDocumentId: { $eq: documentId }, public: { $eq: true } } as never,
        fields: ['note', 'notedAt'] as never,
        sort: [{ notedAt: 'desc' }] as never,
        limit: 100,
      });
      return rows as unknown as ChangeNoteRecord[];
    },

    /** The published version of an article, by slug. */
    async findPublishedBySlug(slug: string): Promise<ArticleRecord | null> {
      const row = await documents().findFirst({
        status: 'published',
        filters: { slug: { $eq: slug } },
        populate: DETAIL_POPULATE as never,
      });
      return (row as unknown as ArticleRecord | null) ?? null;
    },
  };
}

/** The article repository's interface. */
export type ArticleRepository = ReturnType<typeof createArticleRepository>;
