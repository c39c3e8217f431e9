/**
 * An endpoint declaration: everything about one HTTP endpoint of the plugin, in one
 * value. The CMS derives its Strapi route and validating controller from it
 * (cms/…/http/define-route.ts); the site and the admin panel call it through one
 * typed client each (`pathOf` below builds the request, each side sends it); a test
 * checks that the routes Strapi registers are exactly the declared ones.
 *
 * A declaration names:
 * - `api`: the public content API (/api/cchc/…) or the admin panel's API (/cchc/…);
 * - `method` and `path` (Koa style, `:name` for a parameter);
 * - `params`, `query` and `body`: zod schemas of the input, refused with a 400 in Vietnamese;
 * - `headers`: the schema of the request headers it reads (lower-case names; a secret
 *   that must not go in a URL), refused the same way;
 * - `response`: the zod schema of the JSON answer, which the clients validate;
 * - `access`: `'public'`, or the workflow roles that may call it (signed-in administrators);
 * - `cacheTags` (public reads): the tags of the pages that show the answer (cache-tags.ts);
 * - `cost` (public endpoints): the rate-limit points a call costs, 1 unless the answer
 *   aggregates or searches (cms/…/rate-limit/public-rate-limit.ts reads it);
 * - `files`: the files a multipart body may carry besides its fields (the form field's
 *   name, how many, how large each); without it, no file is taken.
 */
import { z } from 'zod';
import { WORKFLOW_ROLES, type WorkflowRole } from '../workflow/workflow.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type ApiKind = 'content-api' | 'admin';

/** Who may call an endpoint: anyone, or signed-in administrators holding one of the roles. */
export type Access = 'public' | readonly WorkflowRole[];

/** Every holder of a workflow role (the checks inside the handler narrow further). */
export const ANY_WORKFLOW_ROLE: readonly WorkflowRole[] = WORKFLOW_ROLES;

/** Schema of an input part an endpoint does not take. */
const NONE = z.object({});
type None = typeof NONE;

export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  H extends z.ZodType = z.ZodType,
> {
  /** Unique name, used as the controller action: `listArticles`. */
  readonly name: string;
  readonly api: ApiKind;
  readonly method: HttpMethod;
  readonly path: string;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly headers: H;
  readonly response: R;
  readonly access: Access;
  /** Tags of the pages that show this answer (public reads only). */
  readonly cacheTags?: (input: { params: z.output<P>; query: z.output<Q> }, response: z.output<R>) => readonly string[];
  /** What the endpoint answers, in one line (for readers of the contract). */
  readonly summary: string;
  /** Rate-limit points one call costs on the public API (1 unless declared). */
  readonly cost: number;
  /** The files a multipart body may carry, if any. */
  readonly files?: FileRule;
}

/** Files an endpoint takes in a multipart body: under which field, how many at most, how many bytes each at most. */
export interface FileRule {
  field: string;
  max: number;
  maxBytes: number;
}

/** Declares an endpoint; parts it does not take default to an empty object schema. */
export function declareEndpoint<
  R extends z.ZodType,
  P extends z.ZodType = None,
  Q extends z.ZodType = None,
  B extends z.ZodType = None,
  H extends z.ZodType = None,
>(declaration: {
  name: string;
  api: ApiKind;
  method: HttpMethod;
  path: string;
  summary: string;
  response: R;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  headers?: H;
  cacheTags?: (input: { params: z.output<P>; query: z.output<Q> }, response: z.output<R>) => readonly string[];
  cost?: number;
  files?: FileRule;
}): Endpoint<P, Q, B, R, H> {
  const params = (declaration.params ?? NONE) as P;
  const declared = new Set(Object.keys(params instanceof z.ZodObject ? params.shape : {}));
  const inPath = new Set([...declaration.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]));
  if (declared.size !== inPath.size || [...inPath].some((name) => !declared.has(name!))) {
    throw new Error(`Endpoint ${declaration.name}: path ${declaration.path} and params schema disagree`);
  }
  // Plain segments and `:name` only: the rate limit's path patterns and the clients' paths read no other router syntax.
  if (/[()?*+]/.test(declaration.path)) {
    throw new Error(`Endpoint ${declaration.name}: path ${declaration.path} uses router syntax other than :name`);
  }
  if (declaration.access !== 'public' && declaration.api !== 'admin') {
    throw new Error(`Endpoint ${declaration.name}: only admin endpoints take roles`);
  }
  const cost = declaration.cost ?? 1;
  if (!Number.isInteger(cost) || cost < 1 || (cost > 1 && declaration.api !== 'content-api')) {
    throw new Error(`Endpoint ${declaration.name}: a cost is a whole number of points, above 1 only on the public API`);
  }
  return {
    ...declaration,
    cost,
    params,
    query: (declaration.query ?? NONE) as Q,
    body: (declaration.body ?? NONE) as B,
    headers: (declaration.headers ?? NONE) as H,
  };
}

/** Any declared endpoint, whatever its schemas. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEndpoint = Endpoint<any, any, any, any, any>;

/** What a caller passes: path parameters, query and body as the handler receives them (defaults optional). */
export interface CallInput<E extends AnyEndpoint> {
  params?: Loose<z.output<E['params']>>;
  query?: Loose<z.output<E['query']>>;
  body?: z.input<E['body']>;
  headers?: z.input<E['headers']>;
  /** Files for an endpoint that takes them (sent as multipart with the body's fields). */
  files?: readonly File[];
}
/** Every key optional and allowed to be undefined (left out of the request). */
type Loose<T> = { [K in keyof T]?: T[K] | undefined };
export type ResponseOf<E extends AnyEndpoint> = z.output<E['response']>;

/** Prefix of each API's paths, as Strapi mounts them. */
export const API_PREFIX: Record<ApiKind, string> = { 'content-api': '/api/cchc', admin: '/cchc' };

/**
 * A query value as the API reads it: arrays comma-separated, numbers and booleans in
 * decimal and `true`/`false`; unset and empty values left out. The one query-string
 * builder of the clients; the contracts' query schemas parse what it writes back
 * into the same value.
 * @example queryString({ format: ['video-clip', 'phong-su'], page: 2, q: undefined }) === 'format=video-clip%2Cphong-su&page=2'
 */
export function queryString(query: object | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params.toString();
}

/**
 * The path of a call, parameters substituted and encoded, query appended; `null`
 * when a parameter is missing or fails its schema (the answer could only be a 404).
 * @example pathOf(GetArticle.Endpoint, { params: { slug: 'mot-cua' } }) === '/api/cchc/articles/mot-cua'
 */
export function pathOf<E extends AnyEndpoint>(endpoint: E, input: CallInput<E> = {}): string | null {
  const params: Record<string, unknown> = input.params ?? {};
  let missing = false;
  const path = endpoint.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) missing = true;
    return encodeURIComponent(String(value));
  });
  if (missing) return null;
  const raw = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  if (!endpoint.params.safeParse(raw).success) return null;
  const qs = queryString(input.query);
  return `${API_PREFIX[endpoint.api]}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * Every endpoint a module declares: the `Endpoint` of each contract namespace it
 * exports. There is no list to keep: `declaredEndpoints(await import('@cchc/shared'))`
 * is the set the plugin must serve (a test compares it with Strapi's routes).
 */
export function declaredEndpoints(module: Readonly<Record<string, unknown>>): AnyEndpoint[] {
  return Object.values(module).flatMap((value) => {
    const declared = (value as { Endpoint?: AnyEndpoint } | null)?.Endpoint;
    return declared && typeof declared.path === 'string' && typeof declared.method === 'string' ? [declared] : [];
  });
}

/**
 * Matches the request paths of an endpoint, as Strapi's router (koa-router) does: the
 * raw, undecoded path, any case, a trailing slash allowed.
 * @example pathPattern(GetPlan.Endpoint).test('/api/cchc/committee/plans/2024') === true
 */
export function pathPattern(endpoint: AnyEndpoint): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = `${API_PREFIX[endpoint.api]}${endpoint.path}`.split(/:[A-Za-z]+/).map(escape);
  return new RegExp(`^${parts.join('[^/]+')}/?$`, 'i');
}

/** True when the endpoint's path has parameters: an unknown one answers 404, which clients read as `null`. */
export function takesParams(endpoint: AnyEndpoint): boolean {
  return endpoint.path.includes(':');
}
