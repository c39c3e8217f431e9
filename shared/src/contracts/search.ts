/** Contract of the search endpoint of the public API. */
import { z } from 'zod';
import { MAX_SEARCH_RESULTS } from '../search/terms.js';
import { ArticleSummarySchema, ListArticles } from './articles.js';
import { PaginationSchema } from './common.js';
import { TAG } from './cache-tags.js';
import { declareEndpoint } from './endpoint.js';

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 200;

/** A piece of a result snippet; the site escapes the text and marks `match` pieces. */
export const SnippetPartSchema = z.object({ text: z.string(), match: z.boolean() });

/** One search result: the article as in lists, a snippet around the match, and whether it matched with diacritics. */
export const SearchHitSchema = ArticleSummarySchema.extend({
  snippet: z.array(SnippetPartSchema),
  exact: z.boolean(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** GET /api/cchc/search?q=… (same filters and paging as /articles) */
export namespace SearchArticles {
  export const QuerySchema = ListArticles.BaseQuerySchema.extend({
    q: z
      .string({ error: 'Tham số "q" (từ khóa) là bắt buộc.' })
      .transform((q) => q.normalize('NFC').trim())
      .pipe(
        z
          .string()
          .min(1, { error: 'Tham số "q" (từ khóa) không được để trống.' })
          .max(MAX_QUERY_LENGTH, { error: `Tham số "q" dài tối đa ${MAX_QUERY_LENGTH} ký tự.` }),
      ),
  })
    .refine(...ListArticles.quarterNeedsYear)
    .refine((q) => q.page * q.pageSize <= MAX_SEARCH_RESULTS, {
      error: `Chỉ xem được ${MAX_SEARCH_RESULTS} kết quả đầu tiên; hãy thu hẹp từ khóa hoặc bộ lọc.`,
      path: ['page'],
    });
  export type Query = z.infer<typeof QuerySchema>;
  export const ResponseSchema = z.object({
    data: z.array(SearchHitSchema),
    meta: z.object({
      pagination: PaginationSchema,
      /** True when more articles match than the total says (it stops at MAX_SEARCH_RESULTS). */
      totalCapped: z.boolean(),
      words: z.array(z.string()),
    }),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'searchArticles',
    api: 'content-api',
    method: 'GET',
    path: '/search',
    summary: 'One page of ranked search results with snippets (same filters and paging as /articles).',
    query: QuerySchema,
    response: ResponseSchema,
    access: 'public',
    // Ranks full-text matches.
    cost: 3,
    cacheTags: () => [TAG.latest],
  });
}
