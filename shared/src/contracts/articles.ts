/** Contracts of the article endpoints of the public API. */
import { z } from 'zod';
import { ARTICLE_FORMAT_CODES } from '../domain/formats.js';
import { AgencyRefSchema } from './agencies.js';
import { TAG } from './cache-tags.js';
import { AttachmentSchema, ImageSchema, PaginationSchema, intParam, paginationQuery, slugParam } from './common.js';
import { declareEndpoint } from './endpoint.js';

const AreaRefSchema = z.object({ code: z.string(), name: z.string() });
const TopicRefSchema = z.object({ slug: z.string(), name: z.string() });

/** An article in a list: what a card or a feed item needs. */
export const ArticleSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  format: z.enum(ARTICLE_FORMAT_CODES),
  publicationDate: z.string(),
  featured: z.boolean(),
  demo: z.boolean(),
  areas: z.array(AreaRefSchema),
  topics: z.array(TopicRefSchema),
  agency: AgencyRefSchema.nullable(),
  cover: ImageSchema.nullable(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

/** A link to a neighbouring article (previous or next by publication date). */
export const ArticleLinkSchema = z.object({ slug: z.string(), title: z.string(), publicationDate: z.string() });
export type ArticleLink = z.infer<typeof ArticleLinkSchema>;

/**
 * A whole article. The body is markdown; the site renders and sanitizes it.
 * `related` shares the article's first reform area; `previous` is the next older
 * article of the column and `next` the next newer one; `changes` are the public
 * notes of edits made after publication, newest first.
 */
export const ArticleDetailSchema = ArticleSummarySchema.extend({
  body: z.string(),
  byline: z.string(),
  attachments: z.array(AttachmentSchema),
  updatedAt: z.string(),
  related: z.array(ArticleSummarySchema),
  previous: ArticleLinkSchema.nullable(),
  next: ArticleLinkSchema.nullable(),
  changes: z.array(z.object({ date: z.string(), note: z.string() })),
});
export type ArticleDetail = z.infer<typeof ArticleDetailSchema>;

/** GET /api/cchc/articles */
export namespace ListArticles {
  /** Filters and paging, before the cross-field checks (shared with the search endpoint). */
  export const BaseQuerySchema = z.object({
    area: slugParam('area').optional(),
    topic: slugParam('topic').optional(),
    agency: slugParam('agency').optional(),
    // One format or several, comma-separated: `format=video-clip,phong-su`.
    format: z
      .string({ error: 'Tham số "format" phải là một chuỗi.' })
      .transform((value) => value.split(','))
      .pipe(z.array(z.enum(ARTICLE_FORMAT_CODES, { error: 'Tham số "format" không phải là một hình thức hợp lệ.' })).min(1).max(ARTICLE_FORMAT_CODES.length))
      .optional(),
    year: intParam('year', 1990, 2100).optional(),
    quarter: intParam('quarter', 1, 4).optional(),
    featured: z.enum(['true', 'false'], { error: 'Tham số "featured" chỉ nhận true hoặc false.' }).optional(),
    ...paginationQuery,
  });
  /** A quarter means nothing without its year. */
  export const quarterNeedsYear: [
    (q: { quarter?: number | undefined; year?: number | undefined }) => boolean,
    { error: string; path: string[] },
  ] = [(q) => q.quarter === undefined || q.year !== undefined, { error: 'Tham số "quarter" cần đi kèm tham số "year".', path: ['quarter'] }];
  /** Query string; `quarter` needs `year`. Unknown parameters are ignored. */
  export const QuerySchema = BaseQuerySchema.refine(...quarterNeedsYear);
  export type Query = z.infer<typeof QuerySchema>;
  export const ResponseSchema = z.object({
    data: z.array(ArticleSummarySchema),
    meta: z.object({ pagination: PaginationSchema }),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'listArticles',
    api: 'content-api',
    method: 'GET',
    path: '/articles',
    summary: 'One page of published articles matching the filters, newest first.',
    query: QuerySchema,
    response: ResponseSchema,
    access: 'public',
    cacheTags: ({ query }) => filterTags(query),
  });
}

/**
 * The tags of a list filtered by `query`: a filtered list changes when a piece of its
 * area, topic, agency or format does; an unfiltered one whenever anything is published.
 * @example filterTags({ area: 'the-che' }) // ['area:the-che']
 */
export function filterTags(query: { area?: string | undefined; topic?: string | undefined; agency?: string | undefined; format?: readonly string[] | undefined }): string[] {
  const tags = [
    ...(query.area ? [TAG.area(query.area)] : []),
    ...(query.topic ? [TAG.topic(query.topic)] : []),
    ...(query.agency ? [TAG.agency(query.agency)] : []),
    ...(query.format ?? []).map(TAG.format),
  ];
  return tags.length > 0 ? tags : [TAG.latest];
}

/** GET /api/cchc/articles/:slug */
export namespace GetArticle {
  export const ParamsSchema = z.object({ slug: slugParam('slug') });
  export const ResponseSchema = z.object({ data: ArticleDetailSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getArticle',
    api: 'content-api',
    method: 'GET',
    path: '/articles/:slug',
    summary: 'One published article with its related pieces, neighbours and public change notes.',
    params: ParamsSchema,
    response: ResponseSchema,
    access: 'public',
    // Related articles come from its areas, and previous/next links from the latest list.
    cacheTags: (_, { data }) => [TAG.article(data.slug), TAG.latest, ...data.areas.map((a) => TAG.area(a.code))],
  });
}
