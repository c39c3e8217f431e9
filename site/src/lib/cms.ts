/**
 * The site's one client of the CMS: `call(Endpoint, input)` for every declared
 * endpoint of the public API (@cchc/shared contracts), plus the two reads that are
 * not endpoints (the cached reform-area list every page's navigation uses, and the
 * caption files of the upload folder, or of the bucket when media are kept on S3).
 *
 * With several CMS instances (CMS_URL lists them), a request goes to the first that
 * can answer: one that cannot be reached, or answers as unavailable, is tried after the
 * others for a few seconds (see `fetchAny`).
 *
 * Every answer is validated with the endpoint's response schema before a page sees
 * it. For an endpoint with path parameters a 404, or a parameter its schema refuses,
 * is `null`; an unreachable or failing CMS is a CmsUnavailableError, anything else
 * unexpected a CmsContractError. Given the page's response headers, a call adds the
 * endpoint's cache tags to them (contracts/cache-tags.ts).
 */
import {
  ErrorResponseSchema,
  SITE_KEY_HEADER,
  VISITOR_HEADER,
  ListReformAreas,
  pathOf,
  queryString,
  takesParams,
  type AnyEndpoint,
  type CallInput,
  type ReformArea,
  type ResponseOf,
} from '@cchc/shared';
import { z } from 'zod';
import { addCacheTags } from './cache-tags';
import { AREA_CACHE_TTL_MS, CMS_DOWN_MS, CMS_TIMEOUT_MS, cmsUrls, mediaPublicUrl, siteApiKey } from './config';
import { CmsContractError, CmsUnavailableError } from './errors';

/** What `call` answers: the response, or null on a 404 for endpoints with path parameters. */
export type Answer<E extends AnyEndpoint> = {} extends z.output<E['params']> ? ResponseOf<E> : ResponseOf<E> | null;

/** What the client needs from its surroundings; tests pass their own fetch and clock. */
export interface CmsClientOptions {
  /** Base URLs of the CMS instances in the order to try them, read on every request. */
  baseUrls: () => readonly string[];
  /** The site's key for the CMS (SITE_API_KEY): exempts it from the CMS's rate limit. */
  siteKey?: () => string | undefined;
  /** Public base URL of media kept in a bucket (MEDIA_PUBLIC_URL), read on every request; null: the CMS's /uploads. */
  mediaBaseUrl?: () => string | null;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  areaCacheTtlMs?: number;
  /** How long a CMS that failed is tried after the others. */
  downMs?: number;
  now?: () => number;
}

/** What `send` answers: the response, or the CMS's refusal (a 4xx) with its message for the visitor. */
export type Sent<E extends AnyEndpoint> = { ok: true; data: ResponseOf<E> } | { ok: false; status: number; message: string };

export interface CmsClient {
  /** Calls a declared endpoint; with `tags`, adds the endpoint's cache tags to them. */
  call<E extends AnyEndpoint>(endpoint: E, input?: CallInput<E>, tags?: Headers): Promise<Answer<E>>;
  /**
   * Sends a visitor's action to a public endpoint (a form of the contest): body and headers
   * as declared, nothing cached or tagged; a refusal (4xx) is an answer, not an error.
   * `visitor` is the address the front server named (the CMS counts registrations by it); with
   * one, a 429 is the visitor's own refusal (a form sent too often) and comes back as `{ ok: false }`.
   */
  send<E extends AnyEndpoint>(endpoint: E, input?: CallInput<E>, visitor?: string | null): Promise<Sent<E>>;
  /** The reform areas in display order, kept in memory for a minute (the navigation of every page). */
  reformAreas(): Promise<ReformArea[]>;
  /**
   * A text file of the media (caption files), or null when it is not there: `file` is its path
   * under the bucket's public base (`media/phu_de_a1.vtt`), or its name in the CMS's upload folder.
   */
  uploadText(file: string): Promise<string | null>;
}

/** Statuses that mean "the CMS cannot serve now" rather than "the request was wrong". */
const UNAVAILABLE_STATUSES = new Set([408, 429]);

/** A file name in the upload folder: one path segment, no leading dot. */
const UPLOAD_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}$/;

/** A file's path under the bucket's public base: such names, separated by slashes (the objects' prefix, then the name). */
const MEDIA_FILE_PATH = /^(?:[A-Za-z0-9][A-Za-z0-9_.-]{0,200}\/){0,8}[A-Za-z0-9][A-Za-z0-9_.-]{0,200}$/;

/** Largest text file read from the upload folder; caption files are a few kilobytes. */
const MAX_UPLOAD_TEXT_BYTES = 1024 * 1024;

/** True for errors that mean the connection or the time budget failed, not the content. */
function isTransportError(error: unknown): boolean {
  if (error instanceof DOMException) return error.name === 'TimeoutError' || error.name === 'AbortError';
  // undici reports refused connections and cut bodies as TypeError ("fetch failed", "terminated").
  return error instanceof TypeError;
}

/** True when the connection was refused: the request never reached that CMS, so another may take it whatever it is. */
function neverReached(error: unknown): boolean {
  return error instanceof TypeError && (error.cause as { code?: unknown } | undefined)?.code === 'ECONNREFUSED';
}

/** Creates a client; the site uses the default one below, tests make their own. */
export function createCmsClient(options: CmsClientOptions): CmsClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? CMS_TIMEOUT_MS;
  const ttlMs = options.areaCacheTtlMs ?? AREA_CACHE_TTL_MS;
  const downMs = options.downMs ?? CMS_DOWN_MS;
  const now = options.now ?? Date.now;
  let areaCache: { expires: number; value: Promise<ReformArea[]> } | null = null;
  /** When each CMS last failed (unreachable or 5xx). */
  const failedAt = new Map<string, number>();

  /** The CMS URLs in the order to try them: those that have not failed lately first, each group in the configured order. */
  function candidates(): string[] {
    const urls = [...options.baseUrls()];
    const failedLately = (url: string) => {
      const at = failedAt.get(url);
      return at !== undefined && now() - at < downMs;
    };
    return [...urls.filter((url) => !failedLately(url)), ...urls.filter(failedLately)];
  }

  /**
   * Sends a request to the first CMS that can take it. The next is tried when one is unreachable or answers
   * with a status `unavailable` accepts; a request that is not a GET only when the connection was refused
   * (the CMS never saw it, so it cannot be done twice). The last CMS's answer or failure is the result.
   */
  async function fetchAny(method: string, path: string, init: RequestInit, unavailable: (status: number) => boolean): Promise<Response> {
    const urls = candidates();
    for (const [index, base] of urls.entries()) {
      const last = index === urls.length - 1;
      let response: Response;
      try {
        response = await fetchImpl(`${base}${path}`, { ...init, method, signal: AbortSignal.timeout(timeoutMs) });
      } catch (cause) {
        failedAt.set(base, now());
        if (last || (method !== 'GET' && !neverReached(cause))) throw new CmsUnavailableError(`CMS unreachable: ${method} ${path}`, { cause });
        continue;
      }
      if (response.status >= 500) failedAt.set(base, now());
      else failedAt.delete(base);
      if (last || method !== 'GET' || !unavailable(response.status)) return response;
      await response.body?.cancel();
    }
    throw new CmsUnavailableError(`No CMS configured: ${method} ${path}`);
  }

  /**
   * GETs a path of the CMS (or, given `base`, of the media bucket, which is never sent the site's key);
   * `null` on 404 when `allowNotFound`, other failures mapped as the module comment says.
   */
  async function request(path: string, accept: string, allowNotFound: boolean, base?: string): Promise<Response | null> {
    let response: Response;
    if (base === undefined) {
      const key = options.siteKey?.();
      const unavailable = (status: number) => status >= 500 || UNAVAILABLE_STATUSES.has(status);
      response = await fetchAny('GET', path, { headers: key ? { accept, [SITE_KEY_HEADER]: key } : { accept } }, unavailable);
    } else {
      try {
        response = await fetchImpl(`${base}${path}`, { headers: { accept }, signal: AbortSignal.timeout(timeoutMs) });
      } catch (cause) {
        throw new CmsUnavailableError(`CMS unreachable: GET ${path}`, { cause });
      }
    }
    // A public bucket answers 403 for a key it does not hold when its readers may not list it.
    if ((response.status === 404 || (base !== undefined && response.status === 403)) && allowNotFound) {
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

  async function call<E extends AnyEndpoint>(endpoint: E, input: CallInput<E> = {}, tags?: Headers): Promise<Answer<E>> {
    if (endpoint.api !== 'content-api' || endpoint.method !== 'GET') throw new CmsContractError(`The site only reads the public API: ${endpoint.name}`);
    const nullable = takesParams(endpoint);
    const path = pathOf(endpoint, input);
    // A parameter its schema refuses could only be a 404: no request.
    if (path === null) return null as Answer<E>;
    const response = await request(path, 'application/json', nullable);
    if (response === null) return null as Answer<E>;
    let json: unknown;
    try {
      json = await response.json();
    } catch (cause) {
      if (isTransportError(cause)) throw new CmsUnavailableError(`CMS body cut off: GET ${path}`, { cause });
      throw new CmsContractError(`CMS sent invalid JSON: GET ${path}`, { cause });
    }
    const parsed = endpoint.response.safeParse(json);
    if (!parsed.success) throw new CmsContractError(`CMS response breaks the contract: GET ${path}\n${z.prettifyError(parsed.error)}`);
    if (tags && endpoint.cacheTags) {
      // The tags are read from the input as the CMS parsed it (it has just accepted it).
      const asSent = (values: object | undefined) => Object.fromEntries(new URLSearchParams(queryString(values)));
      addCacheTags(tags, endpoint.cacheTags({ params: endpoint.params.parse(asSent(input.params)), query: endpoint.query.parse(asSent(input.query)) }, parsed.data));
    }
    return parsed.data as Answer<E>;
  }

  async function send<E extends AnyEndpoint>(endpoint: E, input: CallInput<E> = {}, visitor: string | null = null): Promise<Sent<E>> {
    if (endpoint.api !== 'content-api') throw new CmsContractError(`The site only calls the public API: ${endpoint.name}`);
    const path = pathOf(endpoint, input);
    if (path === null) return { ok: false, status: 404, message: 'Không tìm thấy.' };
    const key = options.siteKey?.();
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(key ? { [SITE_KEY_HEADER]: key } : {}),
      ...(visitor ? { [VISITOR_HEADER]: visitor } : {}),
      ...((input.headers ?? {}) as Record<string, string>),
    };
    const hasBody = endpoint.method !== 'GET';
    const files = endpoint.files ? (input.files ?? []) : [];
    let body: string | FormData | null = null;
    if (files.length > 0 && endpoint.files) {
      // Fields and files in one multipart body (fetch writes its boundary into the content type).
      const form = new FormData();
      for (const [name, value] of Object.entries((input.body ?? {}) as Record<string, unknown>)) if (value !== undefined && value !== null) form.append(name, String(value));
      for (const file of files) form.append(endpoint.files.field, file, file.name);
      body = form;
    } else if (hasBody) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(input.body ?? {});
    }
    // A 429 on a visitor's own request (a form sent too often) is the visitor's to read, with when to try again.
    const unavailable = (status: number) => status >= 500 || (UNAVAILABLE_STATUSES.has(status) && !(status === 429 && visitor !== null));
    const response = await fetchAny(endpoint.method, path, { headers, body }, unavailable);
    const limited = response.status === 429 && visitor !== null;
    if (response.status >= 500 || (UNAVAILABLE_STATUSES.has(response.status) && !limited)) {
      await response.body?.cancel();
      throw new CmsUnavailableError(`CMS answered ${response.status}: ${endpoint.method} ${path}`);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch (cause) {
      if (isTransportError(cause)) throw new CmsUnavailableError(`CMS body cut off: ${endpoint.method} ${path}`, { cause });
      throw new CmsContractError(`CMS sent invalid JSON: ${endpoint.method} ${path}`, { cause });
    }
    if (!response.ok) {
      const refusal = ErrorResponseSchema.safeParse(json);
      if (!refusal.success) throw new CmsContractError(`CMS answered ${response.status} without an error body: ${endpoint.method} ${path}`);
      return { ok: false, status: response.status, message: refusal.data.error.message };
    }
    const parsed = endpoint.response.safeParse(json);
    if (!parsed.success) throw new CmsContractError(`CMS response breaks the contract: ${endpoint.method} ${path}\n${z.prettifyError(parsed.error)}`);
    return { ok: true, data: parsed.data as ResponseOf<E> };
  }

  async function reformAreas(): Promise<ReformArea[]> {
    const current = now();
    if (areaCache && areaCache.expires > current) return areaCache.value;
    const value = call(ListReformAreas.Endpoint).then((r) => [...r.data].sort((a, b) => a.order - b.order));
    const entry = { expires: current + ttlMs, value };
    areaCache = entry;
    // A failed load must not be served from the cache for the next minute.
    value.catch(() => {
      if (areaCache === entry) areaCache = null;
    });
    return value;
  }

  /** A text file at a path of the CMS (or of the bucket, given its base); null when it is not there. */
  async function readText(path: string, base?: string): Promise<string | null> {
    const response = await request(path, 'text/plain, */*', true, base);
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
  }

  async function uploadText(file: string): Promise<string | null> {
    const bucket = options.mediaBaseUrl?.() ?? null;
    const inFolder = UPLOAD_FILE_NAME.test(file);
    if (bucket !== null && MEDIA_FILE_PATH.test(file)) {
      const text = await readText(`/${file.split('/').map(encodeURIComponent).join('/')}`, bucket);
      // A file uploaded before media moved to the bucket is still in the CMS's folder.
      if (text !== null || !inFolder) return text;
    }
    return inFolder ? readText(`/uploads/${encodeURIComponent(file)}`) : null;
  }

  return { call, send, reformAreas, uploadText };
}

/** The site's client, on the CMS instances of CMS_URL with SITE_API_KEY (and MEDIA_PUBLIC_URL for media kept in a bucket). */
export const { call, send, reformAreas, uploadText } = createCmsClient({ baseUrls: cmsUrls, siteKey: siteApiKey, mediaBaseUrl: mediaPublicUrl });
