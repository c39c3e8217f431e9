/**
 * Boots the cluster once for the `cluster` project, as `npm run start:cluster` does
 * (scripts/lib/cluster.mjs): two CMS instances on a fresh PostgreSQL database, two sites
 * and Varnish, plus a purge sink beside Varnish that records every purge the CMS sends.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
// The launchers are shared with `npm run start:cluster` (plain ESM, no types).
// @ts-expect-error scripts/lib is JavaScript without declarations
import { clusterSecrets, startCluster } from '../../scripts/lib/cluster.mjs';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { redisAnswers } from '../../scripts/lib/redis.mjs';
// @ts-expect-error scripts/lib is JavaScript without declarations
import { ensureVarnish } from '../../scripts/lib/varnish.mjs';
import { freePort } from './ports.js';
import { createDatabase } from './postgres.js';
import { startPurgeSink } from './purge-sink.js';

/** One running process of the cluster, as a test reaches it. */
export interface ClusterPart {
  name: string;
  url: string;
  /** Its process id: a test stops a CMS with a signal, as an operator would. */
  pid: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: {
      /** Where readers come in. */
      varnishUrl: string;
      cms: ClusterPart[];
      sites: ClusterPart[];
      demoPassword: string;
      /** The database both CMS instances share. */
      databaseUrl: string;
      /** File where the purge sink writes each purge it received (support/purge-sink.ts). */
      purgeLog: string;
    };
  }
}

const DEMO_PASSWORD = 'TestDemo2024!';
const REDIS_URL = 'redis://127.0.0.1:6379';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureVarnish();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-cluster-'));
  const database = await createDatabase('cchc_cluster');
  const purgeLog = path.join(tmp, 'purges.jsonl');
  const sink = await startPurgeSink(purgeLog);
  const ports = { cms: [await freePort(), await freePort()], sites: [await freePort(), await freePort()], varnish: await freePort() };
  const varnishUrl = `http://127.0.0.1:${ports.varnish}`;
  const redis = (await redisAnswers(REDIS_URL)) ? REDIS_URL : null;
  if (!redis) {
    if (process.env.CI) throw new Error(`Redis does not answer at ${REDIS_URL}; CI must test the cluster with its shared rate limits.`);
    console.warn(`[tests] Redis does not answer at ${REDIS_URL}: the cluster runs without shared rate limits.`);
  }
  const lines: string[] = [];
  const logFile = path.join(tmp, 'cluster.log');
  /** What this setup uses of startCluster's answer (scripts/lib/cluster.mjs). */
  type Started = { name: string; url: string; child: { pid: number } };
  let cluster: { varnishUrl: string; cms: Started[]; sites: Started[]; stop: () => Promise<void> };
  try {
    cluster = await startCluster({
      databaseUrl: database.url,
      dataDir: tmp,
      ports,
      redisUrl: redis,
      // Fresh purge, preview and challenge secrets and site key for this run (Strapi's own come from cms/.env).
      secrets: clusterSecrets({}),
      cmsEnv: {
        NODE_ENV: 'development',
        DEMO_PASSWORD,
        // Scheduled pieces are due within a second, and both instances look every second.
        CCHC_SCHEDULE_CHECK_SECONDS: '1',
        // The purge sink hears every purge Varnish is sent.
        VARNISH_URLS: `${varnishUrl},${sink.url}`,
        // This test process reads the CMS's API directly, often.
        RATE_LIMIT_EXEMPT_IPS: '127.0.0.1',
      },
      // Varnish keeps a page fresh 10 s (s-maxage): the test of stale pages waits that long, not a minute.
      siteEnv: { SITE_RENDERS_PER_MINUTE: '1000000', CACHE_FRESH_SECONDS: '10' },
      log: (line: string) => lines.push(line),
    });
  } catch (error) {
    await fs.writeFile(logFile, lines.join('\n'));
    await sink.close();
    await database.drop();
    throw new Error(`The cluster did not start (log: ${logFile}): ${(error as Error).message}\n${lines.slice(-30).join('\n')}`);
  }
  const part = (p: Started): ClusterPart => ({ name: p.name, url: p.url, pid: p.child.pid });
  project.provide('cluster', {
    varnishUrl: cluster.varnishUrl,
    cms: cluster.cms.map(part),
    sites: cluster.sites.map(part),
    demoPassword: DEMO_PASSWORD,
    databaseUrl: database.url,
    purgeLog,
  });
  return async () => {
    await cluster.stop();
    await sink.close();
    await fs.writeFile(logFile, lines.join('\n'));
    await database.drop();
    if (!process.env.KEEP_TEST_DATA) await fs.rm(tmp, { recursive: true, force: true });
  };
}
