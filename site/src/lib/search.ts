/**
 * The search page's query string: Vietnamese parameter names on the site
 * (`q`, `linh-vuc`, `co-quan`, `hinh-thuc`, `nam`, `quy`, `trang`), checked with the
 * API's own schema so both refuse the same things.
 */
import { SITE_PATHS, SearchArticles, vietnamParts } from '@cchc/shared';
import { PAGE_PARAM } from './pagination';

/** Site parameter → API parameter. */
const PARAMS = { q: 'q', 'linh-vuc': 'area', 'co-quan': 'agency', 'hinh-thuc': 'format', nam: 'year', quy: 'quarter', [PAGE_PARAM]: 'page' } as const;

/** Results per page of the search page. */
export const SEARCH_PAGE_SIZE = 10;

/** The search form's values, as typed (for refilling the form). */
export interface SearchForm {
  q: string;
  area: string;
  agency: string;
  format: string;
  year: string;
  quarter: string;
}

/** What the page does with a query string. */
export type SearchRequest =
  | { kind: 'empty'; form: SearchForm }
  | { kind: 'invalid'; form: SearchForm; message: string }
  | { kind: 'search'; form: SearchForm; query: SearchArticles.Query };

/**
 * Reads the search page's query string. Empty values count as absent (a form sends
 * every field); no keyword means no search yet.
 * @example parseSearchParams(new URLSearchParams('q=cai+cach&nam=2024')).kind === 'search'
 */
export function parseSearchParams(params: URLSearchParams): SearchRequest {
  const form: SearchForm = {
    q: params.get('q') ?? '',
    area: params.get('linh-vuc') ?? '',
    agency: params.get('co-quan') ?? '',
    format: params.get('hinh-thuc') ?? '',
    year: params.get('nam') ?? '',
    quarter: params.get('quy') ?? '',
  };
  if (form.q.trim() === '') return { kind: 'empty', form };
  const api: Record<string, string> = { pageSize: String(SEARCH_PAGE_SIZE) };
  for (const [siteName, apiName] of Object.entries(PARAMS)) {
    const values = params.getAll(siteName);
    if (values.length > 1) return { kind: 'invalid', form, message: `Tham số "${siteName}" chỉ được có một giá trị.` };
    const [value] = values;
    if (value !== undefined && value !== '') api[apiName] = value;
  }
  const parsed = SearchArticles.QuerySchema.safeParse(api);
  if (!parsed.success) return { kind: 'invalid', form, message: parsed.error.issues.map((i) => i.message).join(' ') };
  return { kind: 'search', form, query: parsed.data };
}

/**
 * The URL of another page of the same search.
 * @example searchHref({ q: 'một cửa', area: '', agency: '', format: '', year: '2024', quarter: '' }, 2) === '/tim-kiem?q=m%E1%BB%99t+c%E1%BB%ADa&nam=2024&trang=2'
 */
export function searchHref(form: SearchForm, page: number): string {
  const params = new URLSearchParams();
  const pairs: [string, string][] = [['q', form.q], ['linh-vuc', form.area], ['co-quan', form.agency], ['hinh-thuc', form.format], ['nam', form.year], ['quy', form.quarter]];
  for (const [name, value] of pairs) if (value !== '') params.set(name, value);
  if (page > 1) params.set(PAGE_PARAM, String(page));
  return `${SITE_PATHS.search}?${params.toString()}`;
}

/**
 * The years offered in the search form: this year (in Vietnam) and the nine before.
 * @example searchYears(new Date('2026-11-27T00:00:00Z'))[0] === 2026
 */
export function searchYears(now: Date): number[] {
  const { year } = vietnamParts(now);
  return Array.from({ length: 10 }, (_, i) => year - i);
}
