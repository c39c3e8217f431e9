/**
 * The plugin's routes and controller, derived from the endpoint declarations in
 * @cchc/shared (contracts/endpoint.ts). A handler is written once, with its
 * declaration: `defineRoute(ListArticles.Endpoint, ({ query }, { services }) => …)`.
 * From the pair this module makes the Strapi route (method, path, auth or admin
 * policy) and the controller action, which parses params, query and body with the
 * declaration's schemas (a Vietnamese 400 when they fail), checks the caller's role
 * before the handler runs (403), and sends what the handler answers.
 */
import type { Core } from '@strapi/strapi';
import type { AnyEndpoint } from '@cchc/shared';
import type { z } from 'zod';
import { ConflictError, ForbiddenError, InvalidInputError, MESSAGES } from '../errors.js';
import { pluginServices, type PluginServices } from '../services/index.js';
import type { Actor } from '../services/workflow.js';
import { actorOf, type AdminState } from './actor.js';
import { parseInput } from './parse.js';

/** A file to download instead of a JSON answer (the compliance report as CSV or XLSX). */
export class FileDownload {
  constructor(
    readonly body: string | Buffer,
    readonly contentType: string,
    readonly fileName: string,
  ) {}
}

/** The parsed input of a call, and who made it (an actor on admin endpoints, null on public ones). */
export interface RouteInput<E extends AnyEndpoint> {
  params: z.output<E['params']>;
  query: z.output<E['query']>;
  body: z.output<E['body']>;
  headers: z.output<E['headers']>;
  /** The client the request is for, as the rate limits key it (the site's visitor, or the sender). */
  client: string;
  caller: E['access'] extends 'public' ? null : Actor;
  /** The files of a multipart body, for an endpoint that declares `files` (counted and sized; their type is the handler's to check). */
  files: UploadedFile[];
}

/** A file of a multipart body, as written to a temporary path by the body parser. */
export interface UploadedFile {
  path: string;
  name: string;
  size: number;
}

/** The files a request carries under the endpoint's field, within its rule; a 400 in Vietnamese past it. */
function filesOf(endpoint: AnyEndpoint, files: unknown): UploadedFile[] {
  const rule = endpoint.files;
  if (!rule) return [];
  const raw = (files as Record<string, unknown> | undefined)?.[rule.field];
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as Array<{ filepath?: string; originalFilename?: string | null; size?: number }>;
  // An empty file input sends one part with no name and no bytes: not a file.
  const chosen = list.filter((f) => f.filepath && ((f.size ?? 0) > 0 || (f.originalFilename ?? '') !== ''));
  if (chosen.length > rule.max) throw new InvalidInputError(`Chỉ gửi được tối đa ${rule.max} tệp kèm theo.`);
  return chosen.map((f) => {
    // No control, format (direction overrides) or path characters in a name staff will see and save.
    const name = (f.originalFilename ?? 'tệp').normalize('NFC').replace(/[\p{Cc}\p{Cf}\\/]/gu, '').slice(0, 200) || 'tệp';
    if ((f.size ?? 0) === 0) throw new InvalidInputError(`Tệp "${name}" rỗng.`);
    if ((f.size ?? 0) > rule.maxBytes) throw new InvalidInputError(`Tệp "${name}" nặng ${((f.size ?? 0) / 1024 / 1024).toFixed(1)} MB, quá giới hạn ${rule.maxBytes / 1024 / 1024} MB mỗi tệp.`);
    return { path: f.filepath!, name, size: f.size ?? 0 };
  });
}

/** What a handler reaches: the plugin's services, typed, and Strapi itself. */
export interface RouteTools {
  services: PluginServices;
  strapi: Core.Strapi;
}

export type RouteHandler<E extends AnyEndpoint> = (
  input: RouteInput<E>,
  tools: RouteTools,
) => Promise<z.input<E['response']> | FileDownload>;

/** A declaration with its handler. */
export interface RouteDefinition<E extends AnyEndpoint = AnyEndpoint> {
  endpoint: E;
  handle: RouteHandler<E>;
}

/** Pairs a declaration with its handler; the type of each input and of the answer come from the declaration. */
export function defineRoute<E extends AnyEndpoint>(endpoint: E, handle: RouteHandler<E>): RouteDefinition<E> {
  return { endpoint, handle };
}

/** The controller of every declared route. */
export const CONTROLLER = 'endpoints';

/** The handler string Strapi stores on the route of a declaration. */
export const handlerOf = (endpoint: AnyEndpoint): string => `${CONTROLLER}.${endpoint.name}`;

/** Koa's context as far as the controller uses it. */
interface Ctx {
  params: Record<string, string>;
  query: unknown;
  request: { body?: unknown; files?: unknown; headers: Record<string, unknown> };
  ip: string;
  status: number;
  state: AdminState;
  body: unknown;
  type: string;
  set: (field: string, value: string) => void;
}

/** The caller of an admin endpoint, refused with a 403 that says why when their role may not call it. */
function callerOf(endpoint: AnyEndpoint, state: AdminState): Actor | null {
  if (endpoint.access === 'public') return null;
  const actor = actorOf(state);
  if (!endpoint.access.includes(actor.role)) {
    throw new ForbiddenError(endpoint.access.length === 1 && endpoint.access[0] === 'committee-admin' ? MESSAGES.committeeOnly : MESSAGES.roleMayNotCall);
  }
  return actor;
}

/** Strapi's route of a declaration. */
function routeOf(endpoint: AnyEndpoint) {
  return {
    method: endpoint.method,
    path: endpoint.path,
    handler: handlerOf(endpoint),
    config: endpoint.access === 'public' ? { auth: false as const } : { policies: ['admin::isAuthenticatedAdmin'] },
  };
}

/** The plugin's `routes` and `controllers` parts, from its route definitions. */
export function mountRoutes(definitions: readonly RouteDefinition[]) {
  const names = new Set<string>();
  for (const { endpoint } of definitions) {
    if (names.has(endpoint.name)) throw new Error(`Two routes are declared as ${endpoint.name}`);
    names.add(endpoint.name);
  }
  const of = (api: AnyEndpoint['api']) => definitions.filter((d) => d.endpoint.api === api).map((d) => routeOf(d.endpoint));
  const controller = ({ strapi }: { strapi: Core.Strapi }) => {
    const tools: RouteTools = { services: pluginServices(strapi), strapi };
    const actions: Record<string, (ctx: Ctx) => Promise<void>> = {};
    for (const { endpoint, handle } of definitions) {
      actions[endpoint.name] = async (ctx: Ctx) => {
        // The role first: an unauthorised caller learns nothing about the input's shape.
        const caller = callerOf(endpoint, ctx.state);
        const input = {
          params: parseInput(endpoint.params, ctx.params ?? {}),
          query: parseInput(endpoint.query, ctx.query ?? {}),
          body: endpoint.method === 'GET' ? {} : parseInput(endpoint.body, ctx.request.body ?? {}),
          headers: parseInput(endpoint.headers, ctx.request.headers ?? {}),
          client: tools.services['rate-limit'].clientOf(ctx.request.headers ?? {}, ctx.ip ?? ''),
          caller,
          files: filesOf(endpoint, ctx.request.files),
        } as RouteInput<AnyEndpoint>;
        // An answer with no cache tags is per caller or per moment (an attempt, a challenge, an admin
        // figure): no cache on the way may keep it.
        if (!endpoint.cacheTags) ctx.set('Cache-Control', 'no-store');
        let answer: Awaited<ReturnType<RouteHandler<AnyEndpoint>>>;
        try {
          answer = await handle(input, tools);
        } catch (error) {
          // Strapi's error middleware knows no 409: a conflict is answered here, in its error shape.
          if (!(error instanceof ConflictError)) throw error;
          ctx.status = 409;
          ctx.body = { data: null, error: { status: 409, name: 'ConflictError', message: error.message } };
          return;
        }
        if (answer instanceof FileDownload) {
          ctx.type = answer.contentType;
          // RFC 6266: an ASCII fallback, and the exact name percent-encoded.
          ctx.set('Content-Disposition', `attachment; filename="${answer.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(answer.fileName)}`);
          ctx.body = answer.body;
        } else {
          ctx.body = answer;
        }
      };
    }
    return actions;
  };
  return {
    routes: {
      'content-api': { type: 'content-api' as const, routes: of('content-api') },
      admin: { type: 'admin' as const, routes: of('admin') },
    },
    controllers: { [CONTROLLER]: controller },
  };
}
