/**
 * Test projects: `unit` (pure code), and the integration and site suites run
 * once per database against a real Strapi and the built site: SQLite always,
 * PostgreSQL when it is reachable (and always on CI, where its absence fails the run).
 * `cluster` (with PostgreSQL too) boots two CMS instances and two sites behind Varnish once.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { PG_ADMIN_URL, postgresAvailable } from './support/postgres.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const stackProject = (database: 'sqlite' | 'postgres') => ({
  test: {
    name: database,
    root: ROOT,
    // The browser suite tests the front ends, which do not depend on the database: SQLite only.
    include: ['tests/integration/**/*.test.ts', 'tests/site/**/*.test.ts', ...(database === 'sqlite' ? ['tests/e2e/**/*.test.ts'] : [])],
    globalSetup: [`tests/support/global-${database}.ts`],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One Strapi per project already keeps both cores busy.
    fileParallelism: false,
  },
});

/** Several instances on one database behind Varnish: its tests stop instances, so its one file runs alone. */
const clusterProject = {
  test: {
    name: 'cluster',
    root: ROOT,
    include: ['tests/cluster/**/*.test.ts'],
    globalSetup: ['tests/support/global-cluster.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
};

export default defineConfig(async () => {
  const withPostgres = await postgresAvailable();
  if (!withPostgres) {
    if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}; CI must test on it.`);
    console.warn(`[tests] PostgreSQL not reachable at ${PG_ADMIN_URL}: running the SQLite suites only.`);
  }
  return {
    test: {
      root: ROOT,
      globalSetup: [],
      projects: [
        { test: { name: 'unit', root: ROOT, include: ['tests/unit/**/*.test.ts'] } },
        stackProject('sqlite'),
        ...(withPostgres ? [stackProject('postgres'), clusterProject] : []),
      ],
    },
  };
});
