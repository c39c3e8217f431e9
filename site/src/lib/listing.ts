/** Article listings: the paged lists of area, agency, topic and media pages, and the whole-column reads of feeds and sitemaps. */
import { GetArticle, ListArticles, MAX_PAGE_SIZE, type ArticleDetail, type ArticleSummary } from '@cchc/shared';
import { call } from './cms';
import { LIST_PAGE_SIZE, buildPager, isPastLastPage, parsePageParam, type Pager } from './pagination';

/** One page of a listing, ready to render. */
export interface ArticlePage {
  page: number;
  pageCount: number;
  list: ListArticles.Response;
  pager: Pager;
}

/** The query of an article list, as the site writes it. */
export type ArticleQuery = Partial<ListArticles.Query>;

/** A filter of an article list, without paging. */
export type ArticleFilter = Omit<ArticleQuery, 'page' | 'pageSize'>;

/** Reads one page of the article list (the CMS client's call; tests pass their own). */
export type ListArticlesFn = (query: ArticleQuery) => Promise<ListArticles.Response>;

/** Reads one page of published articles from the CMS. */
const listArticles: ListArticlesFn = (query) => call(ListArticles.Endpoint, { query });

/**
 * Loads the page of articles that `?trang=N` asks for, under the listing at `basePath`.
 * Null means the page does not exist (malformed or past the end): the route answers 404.
 */
export async function loadArticlePage(params: URLSearchParams, filter: ArticleFilter, basePath: string): Promise<ArticlePage | null> {
  const page = parsePageParam(params);
  if (page === null) return null;
  const list = await listArticles({ ...filter, page, pageSize: LIST_PAGE_SIZE });
  const { pageCount } = list.meta.pagination;
  if (isPastLastPage(page, pageCount)) return null;
  return { page, pageCount, list, pager: buildPager(basePath, page, pageCount) };
}

/**
 * The whole articles of a list, in the list's order. One request each (the list API
 * carries no attachments); an article unpublished meanwhile is left out.
 */
export async function loadDetails(articles: readonly ArticleSummary[]): Promise<ArticleDetail[]> {
  const details = await Promise.all(articles.map(async (a) => (await call(GetArticle.Endpoint, { params: { slug: a.slug } }))?.data ?? null));
  return details.filter((d): d is ArticleDetail => d !== null);
}

/**
 * Reads a list page by page (largest page size, one request at a time so a big column
 * does not flood the CMS) while `more` says the last page read calls for the next one.
 * An article that moved across a page boundary meanwhile is kept once.
 */
async function readPages(list: ListArticlesFn, filter: ArticleFilter, more: (page: ArticleSummary[]) => boolean): Promise<ArticleSummary[]> {
  const seen = new Map<string, ArticleSummary>();
  for (let page = 1; ; page += 1) {
    const result = await list({ ...filter, page, pageSize: MAX_PAGE_SIZE });
    for (const article of result.data) if (!seen.has(article.slug)) seen.set(article.slug, article);
    if (page >= result.meta.pagination.pageCount || result.data.length === 0 || !more(result.data)) break;
  }
  return [...seen.values()];
}

/** Every published article matching a filter, newest first (for the sitemap). */
export function listAllArticles(filter: ArticleFilter = {}, list: ListArticlesFn = listArticles): Promise<ArticleSummary[]> {
  return readPages(list, filter, () => true);
}

/** The published articles whose publication date is at or after `since`, newest first (for the news sitemap). */
export async function listArticlesSince(since: Date, filter: ArticleFilter = {}, list: ListArticlesFn = listArticles): Promise<ArticleSummary[]> {
  const isNew = (a: ArticleSummary) => new Date(a.publicationDate).getTime() >= since.getTime();
  // Newest first: once a page ends with an older article, later pages hold only older ones.
  const read = await readPages(list, filter, (page) => page.every(isNew));
  return read.filter(isNew);
}
