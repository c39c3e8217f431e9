/**
 * The site's one client of the CMS public API (/api/cchc/…). Every answer is
 * validated with the shared contract schema before a page sees it; a 404 becomes
 * `null`, an unreachable or failing CMS a CmsUnavailableError, anything else
 * unexpected a CmsContractError.
 */
import {
  SITE_KEY_HEADER,
  GetAgency,
  GetCommittee,
  GetCommitteeHome,
  GetDocument,
  GetEvent,
  GetPlanTracker,
  ListDocuments,
  ListEvents,
  ListIndices,
  ListPlanYears,
  type CommitteeEvent,
  type DocumentDetail,
  type IndexSeries,
  type PlanTracker,
  GetArticle,
  GetHome,
  ListAgencies,
  ListArticles,
  ListReformAreas,
  ListTopics,
  SearchArticles,
  isSlug,
  type Agency,
  type ArticleDetail,
  type ArticleFormat,
  type ReformArea,
  type Topic,
} from '@cchc/shared';
import { z } from 'zod';
import { AREA_CACHE_TTL_MS, CMS_TIMEOUT_MS, cmsPublicUrl, cmsUrl, siteApiKey } from './config';
import { CmsContractError, CmsUnavailableError } from './errors';

/** Filters and page of an article list, as the site writes them. */
export interface ArticleQuery {
  area?: string;
  topic?: string;
  agency?: string;
  /** One format, or several (sent comma-separated). */
  format?: ArticleFormat | readonly ArticleFormat[];
  year?: number;
  quarter?: number;
  featured?: boolean;
  page?: number;
  pageSize?: number;
}

/** What the client needs from its surroundings; tests pass their own fetch and clock. */
export interface CmsClientOptions {
  /** Base URL of the CMS, read on every request. */
  baseUrl: () => string;
  /** The site's key for the CMS (SITE_API_KEY): exempts it from the CMS's rate limit. */
  siteKey?: () => string | undefined;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  areaCacheTtlMs?: number;
  now?: () => number;
}

/** The operations of the public API the site uses. */
export interface CmsClient {
  getHome(): Promise<GetHome.Response['data']>;
  listArticles(query: ArticleQuery): Promise<ListArticles.Response>;
  getArticle(slug: string): Promise<ArticleDetail | null>;
  listReformAreas(): Promise<ReformArea[]>;
  getReformArea(code: string): Promise<ReformArea | null>;
  listTopics(): Promise<Topic[]>;
  getTopic(slug: string): Promise<Topic | null>;
  /** A text file of the CMS upload folder (caption files), or null when it is not there. */
  getUploadText(fileName: string): Promise<string | null>;
  listAgencies(): Promise<Agency[]>;
  getAgency(slug: string): Promise<Agency | null>;
  searchArticles(query: SearchArticles.Query): Promise<SearchArticles.Response>;
  /** The Steering Committee website. */
  getCommittee(): Promise<GetCommittee.Response['data']>;
  getCommitteeHome(): Promise<GetCommitteeHome.Response['data']>;
  listDocuments(query: DocumentQuery): Promise<ListDocuments.Response>;
  getDocument(slug: string): Promise<DocumentDetail | null>;
  listPlanYears(): Promise<number[]>;
  getPlanTracker(year: number): Promise<PlanTracker | null>;
  listIndices(): Promise<IndexSeries[]>;
  listEvents(when: ListEvents.Query['when']): Promise<CommitteeEvent[]>;
  getEvent(slug: string): Promise<CommitteeEvent | null>;
}

/** Filters, search and page of the documents library, as the site writes them. */
export interface DocumentQuery {
  q?: string;
  type?: string;
  year?: number;
  issuer?: string;
  area?: string;
  page?: number;
  pageSize?: number;
}

/** Statuses that mean "the CMS cannot serve now" rather than "the request was wrong". */
const UNAVAILABLE_STATUSES = new Set([408, 429]);

/** A file name in the upload folder: one path segment, no leading dot. */
const UPLOAD_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}$/;

/** Largest text file read from the upload folder; caption files are a few kilobytes. */
const MAX_UPLOAD_TEXT_BYTES = 1024 * 1024;

/**
 * Serialises an article query in the API's parameter names, leaving out what is unset.
 * @example articleQueryString({ area: 'the-che', page: 2 }) === 'area=the-che&page=2'
 */
export function articleQueryString(query: ArticleQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, string | number | boolean | readonly string[] | undefined][]) {
    if (value !== undefined) params.set(key, String(value));
  }
  return params.toString();
}

/** True for errors that mean the connection or the time budget failed, not the content. */
function isTransportError(error: unknown): boolean {
  if (error instanceof DOMException) return error.name === 'TimeoutError' || error.name === 'AbortError';
  // undici reports refused connections and cut bodies as TypeError ("fetch failed", "terminated").
  return error instanceof TypeError;
}

/** Creates a client; the site uses the default one below, tests make their own. */
export function createCmsClient(options: CmsClientOptions): CmsClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? CMS_TIMEOUT_MS;
  const ttlMs = options.areaCacheTtlMs ?? AREA_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  let areaCache: { expires: number; value: Promise<ReformArea[]> } | null = null;

  /** GETs a path of the CMS; `null` on 404 when `allowNotFound`, other failures mapped as the module comment says. */
  async function request(path: string, accept: string, allowNotFound: boolean): Promise<Response | null> {
    const signal = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      const key = options.siteKey?.();
      response = await fetchImpl(`${options.baseUrl()}${path}`, { headers: key ? { accept, [SITE_KEY_HEADER]: key } : { accept }, signal });
    } catch (cause) {
      throw new CmsUnavailableError(`CMS unreachable: GET ${path}`, { cause });
    }
    if (response.status === 404 && allowNotFound) {
      await response.body?.cancel();
      return null;
    }
    if (response.status >= 500 || UNAVAILABLE_STATUSES.has(response.status)) {
      await response.body?.cancel();
      throw new CmsUnavailableError(`CMS answered ${response.status}: GET ${path}`);
    }
    if (!response.ok) {
      const detail = await response.text().catch(() => '');
      throw new CmsContractError(`CMS answered ${response.status}: GET ${path} ${detail.slice(0, 300)}`);
    }
    return response;
  }

  /** GETs a path of the public API and validates the JSON body; `null` on 404 when `allowNotFound`. */
  async function get<T>(apiPath: string, schema: z.ZodType<T>, allowNotFound: boolean): Promise<T | null> {
    const path = `/api/cchc${apiPath}`;
    const response = await request(path, 'application/json', allowNotFound);
    if (response === null) return null;
    let json: unknown;
    try {
      json = await response.json();
    } catch (cause) {
      if (isTransportError(cause)) throw new CmsUnavailableError(`CMS body cut off: GET ${path}`, { cause });
      throw new CmsContractError(`CMS sent invalid JSON: GET ${path}`, { cause });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new CmsContractError(`CMS response breaks the contract: GET ${path}\n${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
  }

  /** GETs a path that must exist. */
  async function getRequired<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const result = await get(path, schema, false);
    if (result === null) throw new CmsContractError(`CMS answered 404: GET ${path}`);
    return result;
  }

  async function listReformAreas(): Promise<ReformArea[]> {
    const current = now();
    if (areaCache && areaCache.expires > current) return areaCache.value;
    const value = getRequired('/reform-areas', ListReformAreas.ResponseSchema).then((r) =>
      [...r.data].sort((a, b) => a.order - b.order),
    );
    const entry = { expires: current + ttlMs, value };
    areaCache = entry;
    // A failed load must not be served from the cache for the next minute.
    value.catch(() => {
      if (areaCache === entry) areaCache = null;
    });
    return value;
  }

  async function listTopics(): Promise<Topic[]> {
    return (await getRequired('/topics', ListTopics.ResponseSchema)).data;
  }

  /** GETs a list endpoint with query parameters (unset ones left out). */
  function withQuery(path: string, query: object): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
    const qs = params.toString();
    return qs ? `${path}?${qs}` : path;
  }

  return {
    async getCommittee() {
      return (await getRequired('/committee', GetCommittee.ResponseSchema)).data;
    },
    async getCommitteeHome() {
      return (await getRequired('/committee/home', GetCommitteeHome.ResponseSchema)).data;
    },
    async listDocuments(query) {
      return getRequired(withQuery('/committee/documents', query), ListDocuments.ResponseSchema);
    },
    async getDocument(slug) {
      if (!isSlug(slug)) return null;
      return (await get(`/committee/documents/${encodeURIComponent(slug)}`, GetDocument.ResponseSchema, true))?.data ?? null;
    },
    async listPlanYears() {
      return (await getRequired('/committee/plans', ListPlanYears.ResponseSchema)).data;
    },
    async getPlanTracker(year) {
      if (!Number.isInteger(year) || year < 1990 || year > 2100) return null;
      return (await get(`/committee/plans/${year}`, GetPlanTracker.ResponseSchema, true))?.data ?? null;
    },
    async listIndices() {
      return (await getRequired('/committee/indices', ListIndices.ResponseSchema)).data;
    },
    async listEvents(when) {
      return (await getRequired(`/committee/events?when=${when}`, ListEvents.ResponseSchema)).data;
    },
    async getEvent(slug) {
      if (!isSlug(slug)) return null;
      return (await get(`/committee/events/${encodeURIComponent(slug)}`, GetEvent.ResponseSchema, true))?.data ?? null;
    },
    async getHome() {
      return (await getRequired('/home', GetHome.ResponseSchema)).data;
    },
    async listArticles(query) {
      const qs = articleQueryString(query);
      return getRequired(`/articles${qs ? `?${qs}` : ''}`, ListArticles.ResponseSchema);
    },
    async getArticle(slug) {
      if (!isSlug(slug)) return null;
      return (await get(`/articles/${encodeURIComponent(slug)}`, GetArticle.ResponseSchema, true))?.data ?? null;
    },
    listReformAreas,
    async getReformArea(code) {
      if (!isSlug(code)) return null;
      return (await listReformAreas()).find((area) => area.code === code) ?? null;
    },
    listTopics,
    async getTopic(slug) {
      if (!isSlug(slug)) return null;
      return (await listTopics()).find((topic) => topic.slug === slug) ?? null;
    },
    async getUploadText(fileName) {
      if (!UPLOAD_FILE_NAME.test(fileName)) return null;
      const path = `/uploads/${encodeURIComponent(fileName)}`;
      const response = await request(path, 'text/plain, */*', true);
      if (response === null) return null;
      if (Number(response.headers.get('content-length') ?? 0) > MAX_UPLOAD_TEXT_BYTES) {
        await response.body?.cancel();
        throw new CmsContractError(`CMS file too large: GET ${path}`);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        throw new CmsUnavailableError(`CMS body cut off: GET ${path}`, { cause });
      }
      if (new TextEncoder().encode(text).byteLength > MAX_UPLOAD_TEXT_BYTES) throw new CmsContractError(`CMS file too large: GET ${path}`);
      return text;
    },
    async listAgencies() {
      return (await getRequired('/agencies', ListAgencies.ResponseSchema)).data;
    },
    async getAgency(slug) {
      if (!isSlug(slug)) return null;
      return (await get(`/agencies/${encodeURIComponent(slug)}`, GetAgency.ResponseSchema, true))?.data ?? null;
    },
    async searchArticles({ q, ...filters }) {
      const params = new URLSearchParams({ q });
      // Arrays (formats) serialise comma-separated, as the API reads them.
      for (const [key, value] of Object.entries(filters)) if (value !== undefined) params.set(key, String(value));
      return getRequired(`/search?${params}`, SearchArticles.ResponseSchema);
    },
  };
}

const client = createCmsClient({ baseUrl: cmsUrl, siteKey: siteApiKey });

/** GET /api/cchc/home: featured, latest and per-area articles for the home page. */
export const getHome = client.getHome;
/** GET /api/cchc/articles: one page of published articles matching the filters. */
export const listArticles = client.listArticles;
/** GET /api/cchc/articles/:slug: one article, or null when unknown. */
export const getArticle = client.getArticle;
/** GET /api/cchc/reform-areas, in display order, kept in memory for a minute. */
export const listReformAreas = client.listReformAreas;
/** One reform area by code (from the cached list), or null when unknown. */
export const getReformArea = client.getReformArea;
/** GET /api/cchc/topics. */
export const listTopics = client.listTopics;
/** One topic by slug (from the topic list), or null when unknown. */
export const getTopic = client.getTopic;
/** GET /uploads/:file as text (caption files), or null when it is not there. */
export const getUploadText = client.getUploadText;
/** GET /api/cchc/agencies. */
export const listAgencies = client.listAgencies;
/** GET /api/cchc/agencies/:slug: one agency, or null when unknown. */
export const getAgency = client.getAgency;
/** GET /api/cchc/search: one page of ranked search results with snippets. */
export const searchArticles = client.searchArticles;

/** GET /api/cchc/committee: the committee, members and channels. */
export const getCommittee = client.getCommittee;
/** GET /api/cchc/committee/home. */
export const getCommitteeHome = client.getCommitteeHome;
/** GET /api/cchc/committee/documents: a page of the documents library with its facets. */
export const listDocuments = client.listDocuments;
/** GET /api/cchc/committee/documents/:slug, or null when unknown. */
export const getDocument = client.getDocument;
/** GET /api/cchc/committee/plans: the years that have a plan, newest first. */
export const listPlanYears = client.listPlanYears;
/** GET /api/cchc/committee/plans/:year: the plan with its progress, or null when there is none. */
export const getPlanTracker = client.getPlanTracker;
/** GET /api/cchc/committee/indices. */
export const listIndices = client.listIndices;
/** GET /api/cchc/committee/events?when=… */
export const listEvents = client.listEvents;
/** GET /api/cchc/committee/events/:slug, or null when unknown. */
export const getEvent = client.getEvent;

/**
 * The browser URL of a CMS media path (CMS_PUBLIC_URL prefix); absolute URLs pass through.
 * @example mediaUrl('/uploads/a.png') === 'http://127.0.0.1:1337/uploads/a.png' // with no env set
 */
export function mediaUrl(path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${cmsPublicUrl()}${path.startsWith('/') ? '' : '/'}${path}`;
}
