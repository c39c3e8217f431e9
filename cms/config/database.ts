import type { Core } from '@strapi/strapi';
import path from 'node:path';

/**
 * SQLite in a git-ignored data folder by default; DATABASE_URL=postgres://…
 * switches to PostgreSQL.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const url = env('DATABASE_URL', '');
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return {
      connection: {
        client: 'postgres',
        connection: { connectionString: url, ssl: env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: true } : false },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }
  if (url !== '') {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got "${url.split(':')[0]}:…"); leave it unset for SQLite.`);
  }
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', 'data/cchc.db')) },
      useNullAsDefault: true,
      pool: {
        // Write-ahead log: readers never wait for a writer, and a commit appends to one file (one
        // sync) instead of rewriting the database and its journal; better-sqlite3 holds the CMS's one
        // event loop while SQLite syncs. Back up the -wal file with the database (or checkpoint first).
        afterCreate: (connection: { pragma: (statement: string) => unknown }, done: (error: Error | null, connection: unknown) => void) => {
          connection.pragma('journal_mode = WAL');
          done(null, connection);
        },
      },
    },
  };
};
