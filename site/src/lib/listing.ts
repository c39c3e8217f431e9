/** Paged article listings (area, agency, and later topic and media pages) share one loader. */
import type { ListArticles } from '@cchc/shared';
import { listArticles, type ArticleQuery } from './cms';
import { LIST_PAGE_SIZE, buildPager, isPastLastPage, parsePageParam, type Pager } from './pagination';

/** One page of a listing, ready to render. */
export interface ArticlePage {
  page: number;
  pageCount: number;
  list: ListArticles.Response;
  pager: Pager;
}

/**
 * Loads the page of articles that `?trang=N` asks for, under the listing at `basePath`.
 * Null means the page does not exist (malformed or past the end): the route answers 404.
 */
export async function loadArticlePage(
  params: URLSearchParams,
  filter: Omit<ArticleQuery, 'page' | 'pageSize'>,
  basePath: string,
): Promise<ArticlePage | null> {
  const page = parsePageParam(params);
  if (page === null) return null;
  const list = await listArticles({ ...filter, page, pageSize: LIST_PAGE_SIZE });
  const { pageCount } = list.meta.pagination;
  if (isPastLastPage(page, pageCount)) return null;
  return { page, pageCount, list, pager: buildPager(basePath, page, pageCount) };
}
