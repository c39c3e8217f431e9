/** Page numbers in the `?trang=N` query parameter, and the links of a pager. */
import { MAX_PAGE } from '@cchc/shared';

/** The query parameter holding the page number ("trang" is Vietnamese for page). */
export const PAGE_PARAM = 'trang';

/** Articles per page on area and agency pages. */
export const LIST_PAGE_SIZE = 12;

/**
 * Reads the page number from a query string: absent → 1; anything but one positive
 * integer up to MAX_PAGE → null, which the page answers with 404.
 * @example parsePageParam(new URLSearchParams('trang=3')) === 3
 * @example parsePageParam(new URLSearchParams('trang=abc')) === null
 */
export function parsePageParam(params: URLSearchParams): number | null {
  const values = params.getAll(PAGE_PARAM);
  if (values.length === 0) return 1;
  const [value] = values;
  if (values.length > 1 || value === undefined || !/^[1-9]\d{0,4}$/.test(value)) return null;
  const page = Number(value);
  return page <= MAX_PAGE ? page : null;
}

/**
 * True when a page is past the end of a list. An empty list still has page 1,
 * which says there is nothing yet.
 */
export function isPastLastPage(page: number, pageCount: number): boolean {
  return page > Math.max(1, pageCount);
}

/**
 * The URL of a page of a list; page 1 is the bare path, so it has one address.
 * @example pageHref('/linh-vuc/the-che', 2) === '/linh-vuc/the-che?trang=2'
 */
export function pageHref(basePath: string, page: number): string {
  return page <= 1 ? basePath : `${basePath}?${PAGE_PARAM}=${page}`;
}

/** One entry of a pager: a page link, or a gap shown as an ellipsis. */
export type PagerItem = { kind: 'page'; page: number; href: string; current: boolean } | { kind: 'gap'; key: string };

/** Everything a pager renders. */
export interface Pager {
  prev: string | null;
  next: string | null;
  items: PagerItem[];
}

/**
 * Builds the links of a pager: first, last, and `radius` pages either side of the current one.
 * @example buildPager('/x', 5, 9).items.map((i) => i.kind === 'page' ? i.page : '…') // [1, '…', 4, 5, 6, '…', 9]
 */
export function buildPager(
  basePath: string,
  current: number,
  pageCount: number,
  radius = 1,
  hrefOf: (page: number) => string = (page) => pageHref(basePath, page),
): Pager {
  const items: PagerItem[] = [];
  let previous = 0;
  for (let page = 1; page <= pageCount; page += 1) {
    const shown = page === 1 || page === pageCount || Math.abs(page - current) <= radius;
    if (!shown) continue;
    if (page - previous === 2) {
      // A gap of one page is shown as that page: "…" would take the same room.
      items.push({ kind: 'page', page: page - 1, href: hrefOf(page - 1), current: false });
    } else if (page - previous > 2) {
      items.push({ kind: 'gap', key: `gap-${previous}` });
    }
    items.push({ kind: 'page', page, href: hrefOf(page), current: page === current });
    previous = page;
  }
  return {
    prev: current > 1 && current <= pageCount ? hrefOf(current - 1) : null,
    next: current < pageCount ? hrefOf(current + 1) : null,
    items,
  };
}
