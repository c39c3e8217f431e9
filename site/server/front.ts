/**
 * The site's front server: answers from the page cache when it can, renders
 * through Astro when it must, serves a stale copy when Astro cannot reach the
 * CMS, and takes signed purge calls from the CMS. With its page cache off
 * (SITE_PAGE_CACHE=off, Varnish in front) it renders every page and tells
 * Varnish how to keep it (s-maxage, xkey).
 */
import type http from 'node:http';
import { PURGE_PATH, PURGE_SIGNATURE_HEADER, SITE_HEALTH_PATH, XKEY_HEADER, PURGE_TIMESTAMP_HEADER, PRIVATE_REQUEST_HEADER, PurgeRequestSchema, VISITOR_HEADER, VISITOR_SCHEME_HEADER, QUESTION_ATTACHMENTS, decodedPath, isPreviewPath, isPrivateRequest, pathForLog, questionPaths } from '@cchc/shared';
import type { FrontConfig } from './config.ts';
import { normaliseRequest } from './cache-key.ts';
import { cameOverHttps, securityHeaders } from './security-headers.ts';
import { compressBodies, etagOf, pickEncoding, type CachedPage, type Encoding, type PageCache } from './page-cache.ts';
import { verifyPurge } from './purge-auth.ts';
import { clientOf, createRenderBudget, type RenderBudget } from './render-budget.ts';
import type { Rendered } from './render.ts';

/** Collaborators of the front handler. */
export interface FrontDeps {
  config: FrontConfig;
  cache: PageCache;
  /** Renders a path through Astro, with the visitor's headers. */
  render: (path: string, headers: http.IncomingHttpHeaders) => Promise<Rendered>;
  /** The static files (dist/client) by URL path, served as they are (default: none). */
  staticFiles?: ReadonlyMap<string, CachedPage>;
  now: () => number;
  log: (line: string) => void;
  /** Renders a client may still cause (default: config.rendersPerMinute per client). */
  renderBudget?: RenderBudget;
  /**
   * Hands a private request (shared's `isPrivateRequest`: an entrant's attempt, a form sent
   * to the contest) to Astro as it came, with its method, cookies and body; never cached.
   * Without it, such requests are refused like any other non-GET.
   */
  passThrough?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
}

/** A render, and the page stored from it when it was cacheable. */
interface Refreshed {
  rendered: Rendered;
  page: CachedPage | null;
}

/** Headers never stored or replayed: they describe one connection or one encoding. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date', 'etag', 'vary']);

/** What a CDN in front may do with a cached page: keep it a minute, then serve it stale while it refreshes or while the site is down. */
const CDN_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400';

/**
 * The same, when the site keeps no copy (SITE_PAGE_CACHE=off): the shared cache in front
 * (Varnish) keeps it fresh for CACHE_FRESH_SECONDS, as this cache would have, and purges it by tag.
 * @example sharedCacheControl(60) === 'public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400'
 */
export const sharedCacheControl = (freshSeconds: number): string => `public, max-age=60, s-maxage=${freshSeconds}, stale-while-revalidate=300, stale-if-error=86400`;

const MAX_PURGE_BODY = 64 * 1024;
/** Largest form the contest takes: a round's answers and a registration are a few kilobytes. */
const MAX_FORM_BODY = 64 * 1024;
/** The question form carries up to three attachments of 5 MB: its body may be that large, and no other's. */
const MAX_ATTACHMENT_FORM_BODY = QUESTION_ATTACHMENTS.max * QUESTION_ATTACHMENTS.maxBytes + MAX_FORM_BODY;
const takesAttachments = (url: string | undefined) => (url ?? '').split('?')[0]!.replace(/\/+$/, '') === questionPaths.send;

/** True when a form comes from a page of this site (a browser names the page's origin; a form from elsewhere is refused). */
function sameOrigin(req: http.IncomingMessage): boolean {
  const from = req.headers.origin ?? req.headers.referer;
  if (!from) return true;
  try {
    return new URL(from).host === req.headers.host;
  } catch {
    return false;
  }
}

/** True when a rendered answer may be stored: a public 200. */
function isCacheable(rendered: Rendered): boolean {
  const cacheControl = String(rendered.headers['cache-control'] ?? '');
  return rendered.status === 200 && /\bpublic\b/.test(cacheControl) && !/no-store|private/.test(cacheControl) && rendered.headers['set-cookie'] === undefined;
}

/** The headers of a rendered answer worth replaying. */
function storedHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_HEADERS.has(name)) kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}

/** Response headers as a plain object. */
type Headers = Readonly<Record<string, string>>;

/** Writes a cached page, honouring If-None-Match, Accept-Encoding and HEAD. */
function sendPage(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  page: CachedPage,
  state: 'HIT' | 'MISS' | 'STALE',
  now: number,
  secure: Headers,
  cacheControl = CDN_CACHE_CONTROL,
): void {
  const encoding = pickEncoding(req.headers['accept-encoding']);
  const body = page.bodies[encoding];
  const headers: http.OutgoingHttpHeaders = {
    ...secure,
    ...page.headers,
    // The page's tags for Varnish's xkey vmod (which drops them before clients see them).
    ...(page.tags.length > 0 ? { [XKEY_HEADER]: page.tags.join(' ') } : {}),
    'cache-control': cacheControl,
    etag: page.etag,
    vary: 'Accept-Encoding',
    age: String(Math.max(0, Math.floor((now - page.storedAt) / 1000))),
    'x-cache': state,
  };
  if (req.headers['if-none-match'] === page.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  if (body !== page.bodies.identity) headers['content-encoding'] = encoding;
  headers['content-length'] = body.length;
  res.writeHead(page.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Writes an answer that is not cached (404, 503, …) as Astro gave it. */
function sendRendered(req: http.IncomingMessage, res: http.ServerResponse, rendered: Rendered, secure: Headers): void {
  res.writeHead(rendered.status, { ...secure, ...storedHeaders(rendered.headers), 'content-length': rendered.body.length, 'x-cache': 'BYPASS' });
  res.end(req.method === 'HEAD' ? undefined : rendered.body);
}

/** Reads a request body up to `limit` bytes; null when it is larger. */
function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Creates the request handler of the front server. */
export function createFrontHandler({ config, cache, render, now, log, renderBudget = createRenderBudget(config.rendersPerMinute), staticFiles = new Map(), passThrough }: FrontDeps) {
  // An attempt saves each answer: a budget of its own, ten times the renders', so that an office
  // whose officials share one address can take the contest together.
  const privateBudget = createRenderBudget(config.rendersPerMinute * 10);
  // Built once: the hot path only copies them.
  const headersOver: Record<'http' | 'https', Headers> = {
    http: securityHeaders(config.mediaOrigins, false, config.frameHosts),
    https: securityHeaders(config.mediaOrigins, true, config.frameHosts),
  };
  // Drafts' previews: shown in the admin panel's frame, no referrer (their URL carries a token).
  const previewHeadersOver: Record<'http' | 'https', Headers> = {
    http: securityHeaders(config.mediaOrigins, false, config.frameHosts, config.adminOrigins),
    https: securityHeaders(config.mediaOrigins, true, config.frameHosts, config.adminOrigins),
  };
  const inflight = new Map<string, Promise<Refreshed>>();

  /**
   * Renders a path once however many requests wait for it, and stores it when it may be.
   * With the page cache off nothing is stored, and the page is left uncompressed: each
   * request compresses it for its own Accept-Encoding (sendFresh).
   */
  function refresh(key: string, url: string, req: http.IncomingMessage): Promise<Refreshed> {
    let pending = inflight.get(key);
    if (!pending) {
      pending = render(url, req.headers)
        .then((rendered): Refreshed => {
          if (isCacheable(rendered)) {
            const page: CachedPage = {
              status: rendered.status,
              headers: storedHeaders(rendered.headers),
              bodies: compressBodies(rendered.body, config.pageCache ? ['gzip', 'br'] : []),
              etag: etagOf(rendered.body),
              tags: String(rendered.headers['cache-tag'] ?? '').split(' ').filter(Boolean),
              storedAt: now(),
              invalidated: false,
            };
            if (config.pageCache) cache.set(key, page);
            return { rendered, page };
          }
          // A page that is gone must not come back from the cache.
          if (rendered.status === 404 || rendered.status === 410) cache.delete(key);
          return { rendered, page: null };
        })
        .finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    return pending;
  }

  /** A stale copy stays in service while the CMS is down; the log says so. */
  function serveStaleBecause(path: string, why: string): void {
    log(`[cache] ${why}: serving the stale copy of ${path}`);
  }

  /** A render budget spent: 429 with the wait, nothing rendered. */
  function tooManyRenders(res: http.ServerResponse, secure: Headers, wait: number): void {
    res.writeHead(429, { ...secure, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(wait) });
    res.end(`Bạn mở quá nhiều trang trong thời gian ngắn. Vui lòng thử lại sau ${wait} giây.`);
  }

  /** A page rendered for this request (page cache off), compressed for its Accept-Encoding only, with the headers Varnish keeps it by. */
  function sendFresh(req: http.IncomingMessage, res: http.ServerResponse, page: CachedPage, secure: Headers): void {
    const encoding: Encoding = pickEncoding(req.headers['accept-encoding']);
    const bodies = encoding === 'identity' ? page.bodies : compressBodies(page.bodies.identity, [encoding]);
    sendPage(req, res, { ...page, bodies }, 'MISS', now(), secure, sharedCacheControl(config.freshSeconds));
  }

  /** Page cache off: every request is rendered (within the client's render budget); Varnish in front keeps the pages. */
  async function handleUncachedPage(req: http.IncomingMessage, res: http.ServerResponse, key: string, url: string, secure: Headers): Promise<void> {
    const wait = await renderBudget(clientOf(req, config.trustProxy));
    if (wait !== null) return tooManyRenders(res, secure, wait);
    const { rendered, page } = await refresh(key, url, req);
    return page ? sendFresh(req, res, page, secure) : sendRendered(req, res, rendered, secure);
  }

  async function handlePage(req: http.IncomingMessage, res: http.ServerResponse, key: string, url: string, secure: Headers): Promise<void> {
    if (!config.pageCache) return handleUncachedPage(req, res, key, url, secure);
    const page = cache.get(key);
    const current = now();
    if (page && !page.invalidated) {
      if (current - page.storedAt < config.freshSeconds * 1000) return sendPage(req, res, page, 'HIT', current, secure);
      sendPage(req, res, page, 'STALE', current, secure);
      refresh(key, url, req)
        .then(({ rendered }) => rendered.status >= 500 && serveStaleBecause(url, `render answered ${rendered.status}`))
        .catch((error: Error) => serveStaleBecause(url, error.message));
      return;
    }
    // A render costs the CMS: each client has a budget of them (hits cost nothing).
    const wait = await renderBudget(clientOf(req, config.trustProxy));
    if (wait !== null) {
      if (page) return sendPage(req, res, page, 'STALE', current, secure);
      return tooManyRenders(res, secure, wait);
    }
    let refreshed: Refreshed;
    try {
      refreshed = await refresh(key, url, req);
    } catch (error) {
      if (page) {
        serveStaleBecause(url, (error as Error).message);
        return sendPage(req, res, page, 'STALE', current, secure);
      }
      throw error;
    }
    const { rendered, page: fresh } = refreshed;
    if (rendered.status >= 500 && page) {
      serveStaleBecause(url, `render answered ${rendered.status}`);
      return sendPage(req, res, page, 'STALE', current, secure);
    }
    return fresh ? sendPage(req, res, fresh, 'MISS', now(), secure) : sendRendered(req, res, rendered, secure);
  }

  /** A private request: the security headers, no-store, the same render budget, then Astro with the request as it came. */
  async function handlePrivate(req: http.IncomingMessage, res: http.ServerResponse, secure: Headers, passThrough: NonNullable<FrontDeps['passThrough']>): Promise<void> {
    for (const [name, value] of Object.entries(secure)) res.setHeader(name, value);
    const refuse = (status: number, text: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extra });
      res.end(text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') return refuse(405, 'Phương thức không được hỗ trợ.', { allow: 'GET, HEAD, POST' });
    if (req.method === 'POST') {
      const length = Number(req.headers['content-length'] ?? Number.NaN);
      if (!Number.isFinite(length)) return refuse(411, 'Thiếu độ dài nội dung.');
      if (takesAttachments(req.url)) {
        if (length > MAX_ATTACHMENT_FORM_BODY) return refuse(413, `Tệp đính kèm quá lớn: tối đa ${QUESTION_ATTACHMENTS.max} tệp, mỗi tệp ${QUESTION_ATTACHMENTS.maxBytes / 1024 / 1024} MB.`);
      } else if (length > MAX_FORM_BODY) return refuse(413, 'Nội dung gửi lên quá lớn.');
      if (!sameOrigin(req)) return refuse(403, 'Biểu mẫu phải được gửi từ chính trang này.');
    }
    const client = clientOf(req, config.trustProxy);
    // Whatever the visitor sent under these names is replaced: the pages pass the address on to the
    // CMS (which counts registrations by it), mark the answer no-store, and set Secure cookies over https.
    req.headers[VISITOR_HEADER] = client;
    req.headers[PRIVATE_REQUEST_HEADER] = '1';
    req.headers[VISITOR_SCHEME_HEADER] = cameOverHttps(req) ? 'https' : 'http';
    const wait = await privateBudget(client);
    if (wait !== null) return refuse(429, `Bạn gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ${wait} giây.`, { 'retry-after': String(wait) });
    await passThrough(req, res);
  }

  async function handlePurge(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return json(res, 405, { error: 'Chỉ nhận POST.' });
    if (!config.purgeSecret) return json(res, 403, { error: 'Chưa cấu hình PURGE_SECRET: không nhận lệnh xóa bộ nhớ đệm.' });
    const body = await readBody(req, MAX_PURGE_BODY);
    if (body === null) return json(res, 413, { error: 'Nội dung quá lớn.' });
    const auth = verifyPurge(
      config.purgeSecret,
      body,
      req.headers[PURGE_TIMESTAMP_HEADER] as string | undefined,
      req.headers[PURGE_SIGNATURE_HEADER] as string | undefined,
      Math.floor(now() / 1000),
    );
    if (!auth.ok) return json(res, 401, { error: auth.reason });
    let parsed;
    try {
      parsed = PurgeRequestSchema.safeParse(JSON.parse(body));
    } catch {
      return json(res, 400, { error: 'Nội dung không phải JSON.' });
    }
    if (!parsed.success) return json(res, 400, { error: 'Cần { "tags": [...] } hoặc { "all": true }.' });
    // With the page cache off nothing is kept: the call is checked like any other and purges nothing.
    const purged = 'all' in parsed.data ? cache.invalidateAll() : cache.invalidateTags(parsed.data.tags);
    log(`[cache] purge ${'all' in parsed.data ? 'all' : parsed.data.tags.join(' ')}: ${purged} page(s)`);
    return json(res, 200, { purged });
  }

  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const raw = req.url ?? '/';
    // Pages carry absolute URLs built from the Host header (when SITE_URL is unset): only
    // allowed hosts are cached, so a forged Host cannot poison other visitors' pages, and
    // only the parameters a route reads make the key, so junk query strings add no entries.
    const target = normaliseRequest(raw, req.headers.host, config.hostPolicy);
    const url = target.url;
    const secure = headersOver[cameOverHttps(req) ? 'https' : 'http'];
    try {
      // Whether this process is up, for Varnish's probe and load balancers: no render, no CMS call, any host.
      if (raw === SITE_HEALTH_PATH) {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end('ok');
        return;
      }
      if (raw === PURGE_PATH || raw.startsWith(`${PURGE_PATH}?`)) return await handlePurge(req, res);
      // Pages carry the security headers in their one writeHead (the hot path); other answers get them here.
      const other = target.misdirected || (req.method !== 'GET' && req.method !== 'HEAD');
      if (other) for (const [name, value] of Object.entries(secure)) res.setHeader(name, value);
      if (target.misdirected) {
        res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end('Trang này không phục vụ tên miền đã yêu cầu.');
        return;
      }
      const pathname = raw.split('?', 1)[0]!;
      if (passThrough && isPrivateRequest(req.method ?? 'GET', pathname)) {
        const headers = isPreviewPath(decodedPath(pathname)) ? previewHeadersOver[cameOverHttps(req) ? 'https' : 'http'] : secure;
        return await handlePrivate(req, res, headers, passThrough);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
        res.end('Phương thức không được hỗ trợ.');
        return;
      }
      const file = staticFiles.get(raw.split('?', 1)[0]!);
      // Astro's hashed assets say immutable; the rest is kept by CDNs like a page.
      if (file) return sendPage(req, res, file, 'HIT', now(), secure, file.headers['cache-control'] ?? CDN_CACHE_CONTROL);
      // Astro renders with the normalised host: the page matches the key it is stored under.
      req.headers.host = target.host;
      await handlePage(req, res, target.key, url, secure);
    } catch (error) {
      log(`[site] ${pathForLog(url)}: ${(error as Error).message}`);
      if (!res.headersSent) {
        res.writeHead(503, { ...secure, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '60' });
        res.end('Hệ thống đang tạm gián đoạn. Vui lòng thử lại sau ít phút.');
      }
    }
  };
}
