/** The only place that reads articles from the database for the public API. */
import type { Core } from '@strapi/strapi';
import type { ArticleFilter } from '@cchc/shared';
import { z } from 'zod';
import { UID } from '../constants.js';
import { documentsOf } from './documents.js';
import {
  ArticleLinkRecordSchema,
  ArticleRecordSchema,
  ChangeNoteRecordSchema,
  type ArticleLinkRecord,
  type ArticleRecord,
  type ChangeNoteRecord,
} from './records.js';

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

/** Translates the shared article filter into a Document Service filter object. */
export function toDocumentFilters(f: ArticleFilter): Record<string, unknown> {
  const and: Record<string, unknown>[] = [];
  if (f.areas) and.push({ areas: { code: { $in: f.areas } } });
  if (f.topics) and.push({ topics: { slug: { $in: f.topics } } });
  if (f.agencies) and.push({ agency: { slug: { $in: f.agencies } } });
  if (f.formats) and.push({ format: { $in: f.formats } });
  if (f.featured !== undefined) and.push({ featured: { $eq: f.featured } });
  if (f.from !== undefined) and.push({ publicationDate: { $gte: new Date(f.from).toISOString() } });
  if (f.to !== undefined) and.push({ publicationDate: { $lt: new Date(f.to).toISOString() } });
  return and.length > 0 ? { $and: and } : {};
}

/** A published article and the id of its published row (a new one at each publication). */
export interface IndexedArticle {
  articleId: number;
  record: ArticleRecord;
}
const toIndexedArticle = (row: unknown): IndexedArticle => ({ articleId: z.object({ id: z.number().int() }).parse(row).id, record: ArticleRecordSchema.parse(row) });

/** Creates the article repository over a Strapi instance. */
export function createArticleRepository(strapi: Core.Strapi) {
  const documents = () => documentsOf(strapi, UID.article);
  /** The published version of an article with the id of its row, or null (for the search store and purges). */
  async function findPublishedForIndex(documentId: string): Promise<IndexedArticle | null> {
    const row = await documents().findOne({ documentId, status: 'published', populate: SUMMARY_POPULATE });
    return row ? toIndexedArticle(row) : null;
  }

  /** The published versions of these articles with the ids of their rows, in no particular order (a missing one is left out). */
  async function findPublishedForIndexMany(documentIds: readonly string[]): Promise<IndexedArticle[]> {
    if (documentIds.length === 0) return [];
    const rows = await documents().findMany({
      status: 'published',
      filters: { documentId: { $in: [...documentIds] } },
      limit: documentIds.length,
      populate: SUMMARY_POPULATE,
    });
    return rows.map(toIndexedArticle);
  }
  return {
    /** A page of published articles, newest publication date first, with the total count. */
    async findPublished(filters: ArticleFilter, page: number, pageSize: number): Promise<{ rows: ArticleRecord[]; total: number }> {
      const where = toDocumentFilters(filters);
      const [rows, total] = await Promise.all([
        documents().findMany({
          status: 'published',
          filters: where,
          sort: SORT,
          start: (page - 1) * pageSize,
          limit: pageSize,
          populate: SUMMARY_POPULATE,
        }),
        documents().count({ status: 'published', filters: where }),
      ]);
      return { rows: z.array(ArticleRecordSchema).parse(rows), total };
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
    async findNeighbours(publicationDate: string): Promise<{ older: ArticleLinkRecord | null; newer: ArticleLinkRecord | null }> {
      const link = { fields: ['slug', 'title', 'publicationDate'] };
      const [older, newer] = await Promise.all([
        documents().findFirst({ status: 'published', ...link, filters: { publicationDate: { $lt: publicationDate } }, sort: [{ publicationDate: 'desc' }] }),
        documents().findFirst({ status: 'published', ...link, filters: { publicationDate: { $gt: publicationDate } }, sort: [{ publicationDate: 'asc' }] }),
      ]);
      const Link = ArticleLinkRecordSchema.nullable();
      return { older: Link.parse(older ?? null), newer: Link.parse(newer ?? null) };
    },

    /** The published version of an article with what lists and purges need, or null. */
    async findPublishedByDocumentId(documentId: string): Promise<ArticleRecord | null> {
      return (await findPublishedForIndex(documentId))?.record ?? null;
    },

    /** Every published article with the id of its published row, `batchSize` at a time, oldest first (for re-indexing). */
    async *streamPublished(batchSize = 500): AsyncGenerator<IndexedArticle[]> {
      for (let start = 0; ; start += batchSize) {
        const rows = await documents().findMany({
          status: 'published',
          sort: [{ id: 'asc' }],
          start,
          limit: batchSize,
          populate: SUMMARY_POPULATE,
        });
        if (rows.length > 0) yield rows.map(toIndexedArticle);
        if (rows.length < batchSize) return;
      }
    },

    findPublishedForIndex,

    findPublishedForIndexMany,

    /** The published versions of these articles, in no particular order (search hits; a missing one is left out). */
    async findPublishedByDocumentIds(documentIds: readonly string[]): Promise<ArticleRecord[]> {
      return (await findPublishedForIndexMany(documentIds)).map((a) => a.record);
    },

    /** The public change notes of an article, newest first. */
    async publicChangeNotes(documentId: string): Promise<ChangeNoteRecord[]> {
      const rows = await documentsOf(strapi, UID.changeNote).findMany({
        filters: { articleDocumentId: { $eq: documentId }, public: { $eq: true } },
        fields: ['note', 'notedAt'],
        sort: [{ notedAt: 'desc' }],
        limit: 100,
      });
      return z.array(ChangeNoteRecordSchema).parse(rows);
    },

    /** The draft of an article, by document id (previews); a draft not yet titled or slugged reads as untitled. */
    async findDraft(documentId: string): Promise<ArticleRecord | null> {
      const row = (await documents().findOne({ documentId, status: 'draft', populate: DETAIL_POPULATE })) as Record<string, unknown> | null;
      if (!row) return null;
      const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
      return ArticleRecordSchema.parse({ ...row, title: text(row['title']) ?? '', slug: text(row['slug']) ?? 'ban-nhap' });
    },

    /** The published version of an article, by slug. */
    async findPublishedBySlug(slug: string): Promise<ArticleRecord | null> {
      const row = await documents().findFirst({
        status: 'published',
        filters: { slug: { $eq: slug } },
        populate: DETAIL_POPULATE,
      });
      return ArticleRecordSchema.nullable().parse(row ?? null);
    },
  };
}

/** The article repository's interface. */
export type ArticleRepository = ReturnType<typeof createArticleRepository>;
