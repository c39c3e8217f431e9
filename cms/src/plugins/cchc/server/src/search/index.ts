/** The search store of the database Strapi runs on. */
import type { Core } from '@strapi/strapi';
import { createPostgresStore } from './postgres-store.js';
import { createSqliteStore } from './sqlite-store.js';
import type { SearchStore } from './store.js';

/** PostgreSQL's store when Strapi runs on it, SQLite's otherwise (the only two databases the project supports). */
export function storeFor(strapi: Core.Strapi): SearchStore {
  const client = strapi.db.getInfo().client;
  if (client === 'postgres') return createPostgresStore(strapi.db.getSchemaName() || undefined);
  if (client === 'sqlite') return createSqliteStore();
  throw new Error(`[cchc] search: the database client "${client}" is not supported (PostgreSQL or SQLite)`);
}
