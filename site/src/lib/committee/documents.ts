/**
 * The documents library's query string: Vietnamese parameter names on the site
 * (`q`, `loai`, `nam`, `co-quan-ban-hanh`, `linh-vuc`, `trang`), checked with the
 * API's own schema so the site refuses, with a message, what the CMS would refuse.
 */
import { DOCUMENT_TYPE_CODES, ListDocuments, committeePaths, type DocumentType } from '@cchc/shared';
import { PAGE_PARAM, parsePageParam } from '../pagination';

/** Documents per page of the library. */
export const DOCUMENT_PAGE_SIZE = 20;

/** Site parameter → field of the form and of the API query. */
const FIELDS = { q: 'q', loai: 'type', nam: 'year', 'co-quan-ban-hanh': 'issuer', 'linh-vuc': 'area' } as const;
type SiteParam = keyof typeof FIELDS;

/** The filter form's values, as typed (for refilling the form and building links). */
export interface DocumentForm {
  q: string;
  type: string;
  year: string;
  issuer: string;
  area: string;
}

/** What the library page does with a query string. */
export type DocumentRequest =
  | { kind: 'list'; form: DocumentForm; query: ListDocuments.Query }
  /** A filter the API would refuse: the page answers 400 with the message. */
  | { kind: 'invalid'; form: DocumentForm; message: string }
  /** A malformed page number: the page answers 404, as every list does. */
  | { kind: 'no-page'; form: DocumentForm };

/** Messages for fields whose API message names the API's parameter rather than the site's field. */
const FIELD_MESSAGES: Partial<Record<keyof DocumentForm, string>> = {
  year: 'Năm ban hành không hợp lệ: hãy chọn một năm trong danh sách.',
  area: 'Lĩnh vực không có trong danh sách.',
};

/** True for the site's own parameter names. */
const isSiteParam = (name: string): name is SiteParam => Object.hasOwn(FIELDS, name);

/**
 * Reads the library's query string. Empty values count as absent (a GET form sends every
 * field); `areaCodes`, when given, are the reform areas that exist.
 * @example parseDocumentParams(new URLSearchParams('loai=quyet-dinh&nam=2024')).kind === 'list'
 * @example parseDocumentParams(new URLSearchParams('nam=abc')).kind === 'invalid'
 */
export function parseDocumentParams(params: URLSearchParams, areaCodes?: readonly string[]): DocumentRequest {
  const form: DocumentForm = { q: '', type: '', year: '', issuer: '', area: '' };
  for (const name of Object.keys(FIELDS) as SiteParam[]) form[FIELDS[name]] = params.get(name) ?? '';
  const page = parsePageParam(params);
  if (page === null) return { kind: 'no-page', form };
  for (const name of new Set(params.keys())) {
    if (isSiteParam(name) && params.getAll(name).length > 1) {
      return { kind: 'invalid', form, message: `Tham số "${name}" chỉ được có một giá trị.` };
    }
  }
  const input: Record<string, string> = {};
  for (const [field, value] of Object.entries(form)) if (value.trim() !== '') input[field] = field === 'q' ? value.trim() : value;
  const parsed = ListDocuments.QuerySchema.safeParse({ ...input, page: String(page), pageSize: String(DOCUMENT_PAGE_SIZE) });
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => FIELD_MESSAGES[String(issue.path[0]) as keyof DocumentForm] ?? issue.message);
    return { kind: 'invalid', form, message: [...new Set(messages)].join(' ') };
  }
  const { area } = parsed.data;
  if (area !== undefined && areaCodes !== undefined && !areaCodes.includes(area)) {
    return { kind: 'invalid', form, message: FIELD_MESSAGES.area ?? '' };
  }
  // The parsed query is the API's own (unset filters are left out of the query string).
  return { kind: 'list', form, query: parsed.data };
}

/** True when any filter or the search is in use. */
export function isFiltering(form: DocumentForm): boolean {
  return Object.values(form).some((value) => value.trim() !== '');
}

/**
 * The URL of a page of the library with the same search and filters; page 1 has no page parameter.
 * @example documentsHref({ q: '', type: 'ke-hoach', year: '2024', issuer: '', area: '' }, 2) === '/ban-chi-dao/van-ban?loai=ke-hoach&nam=2024&trang=2'
 */
export function documentsHref(form: DocumentForm, page = 1): string {
  const params = new URLSearchParams();
  for (const name of Object.keys(FIELDS) as SiteParam[]) {
    const value = form[FIELDS[name]];
    if (value.trim() !== '') params.set(name, value);
  }
  if (page > 1) params.set(PAGE_PARAM, String(page));
  const qs = params.toString();
  return qs ? `${committeePaths.documents}?${qs}` : committeePaths.documents;
}

/**
 * The URL of the library filtered on one reform area.
 * @example documentsOfAreaHref('the-che') === '/ban-chi-dao/van-ban?linh-vuc=the-che'
 */
export function documentsOfAreaHref(code: string): string {
  return documentsHref({ q: '', type: '', year: '', issuer: '', area: code });
}

/**
 * The document types the library holds, in the vocabulary's order (the API lists them as found).
 * @example orderedTypes(['cong-van', 'quyet-dinh']) // ['quyet-dinh', 'cong-van']
 */
export function orderedTypes(types: readonly DocumentType[]): DocumentType[] {
  return DOCUMENT_TYPE_CODES.filter((code) => types.includes(code));
}
