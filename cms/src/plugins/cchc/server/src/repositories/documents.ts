/**
 * The plugin's one door to Strapi's Document Service, typed loosely on the way in
 * and as `unknown` on the way out: repositories describe their query in plain terms
 * and parse the rows with the schemas of records.ts.
 *
 * Strapi types a query by the content type's attributes, read from the types it
 * generates for the application. The plugin's content types are not among them, so
 * those parameter types collapse (to never) and every query needed a cast; the two
 * casts below, one for queries and one for middlewares, stand for all of them.
 */
import type { Core } from '@strapi/strapi';
import type { PluginUid } from '../constants.js';

/** A sort order: `'order:asc'`, `{ order: 'asc' }`, or a list of them. */
type Sort = string | Readonly<Record<string, 'asc' | 'desc'>>;

/** A Document Service query on one of the plugin's content types. */
export interface DocumentQuery {
  /** Which version of a draft-and-publish document (Strapi's default: the draft). */
  status?: 'draft' | 'published';
  filters?: Readonly<Record<string, unknown>>;
  fields?: readonly string[];
  populate?: Readonly<Record<string, unknown>> | readonly string[] | string | boolean;
  sort?: Sort | readonly Sort[];
  start?: number;
  limit?: number;
}

/** The Document Service of one content type, as the repositories use it. */
export interface Documents {
  findMany(query?: DocumentQuery): Promise<unknown[]>;
  /** The first match, or null. */
  findFirst(query?: DocumentQuery): Promise<unknown>;
  /** The document with this id (in the version `status` asks for), or null. */
  findOne(query: DocumentQuery & { documentId: string }): Promise<unknown>;
  count(query?: Omit<DocumentQuery, 'fields' | 'populate' | 'sort' | 'start' | 'limit'>): Promise<number>;
  create(params: { data: Readonly<Record<string, unknown>>; status?: 'draft' | 'published' }): Promise<unknown>;
  update(params: { documentId: string; data: Readonly<Record<string, unknown>> }): Promise<unknown>;
  publish(params: { documentId: string }): Promise<unknown>;
  unpublish(params: { documentId: string }): Promise<unknown>;
}

/** The Document Service of a content type of the plugin. */
export function documentsOf(strapi: Core.Strapi, uid: PluginUid): Documents {
  // The plugin's UIDs are not in Strapi's generated types, so its typed parameters do not apply (see above).
  return strapi.documents(uid) as unknown as Documents;
}

/** What a Document Service middleware of the plugin receives. */
export interface DocumentContext {
  uid: string;
  action: string;
  params: Record<string, unknown>;
}

/** A Document Service middleware: looks at (or changes) the call, then runs it with `next`. */
export type DocumentMiddleware = (context: DocumentContext, next: () => Promise<unknown>) => Promise<unknown>;

/** Adds a middleware to every Document Service call, in registration order (the last added runs closest to the write). */
export function useDocumentMiddleware(strapi: Core.Strapi, middleware: DocumentMiddleware): void {
  // Strapi types the context per content type of its generated types, which the plugin's are not part of (see above).
  strapi.documents.use(middleware as never);
}
