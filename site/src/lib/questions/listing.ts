/**
 * The published questions' list page and its query string: Vietnamese parameter names
 * (`q`, `linh-vuc`, `co-quan`, `trang`) mapped to the public API's, each at most once.
 */
import { ListPublishedQuestions, MAX_PAGE_SIZE, questionPaths, type PublishedQuestion } from '@cchc/shared';
import { call } from '../cms';
import { PAGE_PARAM } from '../pagination';

/** Questions per page. */
export const QUESTIONS_PAGE_SIZE = 10;

/** What the form shows back. */
export interface QuestionFilter {
  q: string;
  area: string;
  agency: string;
}

const PARAMS = { q: 'q', 'linh-vuc': 'area', 'co-quan': 'agency', [PAGE_PARAM]: 'page' } as const;

/**
 * Reads the list page's query string into the API's query, or says what is wrong.
 * @example parseQuestionParams(new URLSearchParams('q=mot+cua&trang=2')).query?.page === 2
 */
export function parseQuestionParams(params: URLSearchParams): { form: QuestionFilter; query: ListPublishedQuestions.Query | null; message: string } {
  const form: QuestionFilter = { q: params.get('q') ?? '', area: params.get('linh-vuc') ?? '', agency: params.get('co-quan') ?? '' };
  const api: Record<string, string> = { pageSize: String(QUESTIONS_PAGE_SIZE) };
  for (const [siteName, apiName] of Object.entries(PARAMS)) {
    const values = params.getAll(siteName);
    if (values.length > 1) return { form, query: null, message: `Tham số "${siteName}" chỉ được có một giá trị.` };
    const [value] = values;
    if (value !== undefined && value !== '') api[apiName] = value;
  }
  const parsed = ListPublishedQuestions.QuerySchema.safeParse(api);
  if (!parsed.success) return { form, query: null, message: parsed.error.issues.map((i) => i.message).join(' ') };
  return { form, query: parsed.data, message: '' };
}

/**
 * The URL of a page of the same list.
 * @example questionListHref({ q: 'một cửa', area: '', agency: '' }, 2) === '/hoi-dap?q=m%E1%BB%99t+c%E1%BB%ADa&trang=2'
 */
export function questionListHref(form: QuestionFilter, page: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of [['q', form.q], ['linh-vuc', form.area], ['co-quan', form.agency]] as const) if (value.trim() !== '') params.set(name, value);
  if (page > 1) params.set(PAGE_PARAM, String(page));
  const qs = params.toString();
  return qs ? `${questionPaths.list}?${qs}` : questionPaths.list;
}

/** Every published question (newest first), page by page, for the sitemap; at most `limit`. */
export async function listAllPublishedQuestions(limit = 5000): Promise<PublishedQuestion[]> {
  const all: PublishedQuestion[] = [];
  for (let page = 1; all.length < limit; page++) {
    const { data, meta } = await call(ListPublishedQuestions.Endpoint, { query: { page, pageSize: MAX_PAGE_SIZE } });
    all.push(...data);
    if (page >= meta.pagination.pageCount) break;
  }
  return all.slice(0, limit);
}

/** A typed text as paragraphs: split on blank lines; single line breaks kept inside a paragraph. */
export function paragraphsOf(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);
}
