// `npm run start:cluster`: on one machine, two CMS instances on one PostgreSQL database and two
// sites behind Varnish, to try the arrangement of several instances (README, Deployment).
// Ctrl-C stops everything it started.
import path from 'node:path';
import { buildAll } from '../lib/build.mjs';
import { CLUSTER_PORTS, clusterSecrets, startCluster } from '../lib/cluster.mjs';
import { printDemoAccounts } from '../lib/demo-accounts.mjs';
import { CMS } from '../lib/paths.mjs';
import { databaseName, ensureDatabase, postgresProblem } from '../lib/postgres.mjs';
import { redisAnswers, startRedis } from '../lib/redis.mjs';
import { ensureSecrets } from '../lib/secrets.mjs';
import { stopProcess } from '../lib/stack.mjs';
import { ensureVarnish } from '../lib/varnish.mjs';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/cchc_cluster';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const int = (value, fallback) => (value && /^\d+$/.test(value) ? Number(value) : fallback);

/** The ports, each from its variable when set. */
function portsFromEnv(env) {
  return {
    cms: [int(env.CMS_PORT, CLUSTER_PORTS.cms[0]), int(env.CMS_B_PORT, CLUSTER_PORTS.cms[1])],
    sites: [int(env.SITE_PORT, CLUSTER_PORTS.sites[0]), int(env.SITE_B_PORT, CLUSTER_PORTS.sites[1])],
    varnish: int(env.VARNISH_PORT, CLUSTER_PORTS.varnish),
  };
}

export default async function cluster() {
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const problem = await postgresProblem(databaseUrl);
  if (problem) {
    console.error(`[cluster] PostgreSQL does not answer at ${new URL(databaseUrl).host} (${problem}).`);
    console.error('[cluster] The instances share one PostgreSQL database: start PostgreSQL, or set DATABASE_URL=postgres://user@host:5432/db.');
    process.exit(1);
  }
  ensureSecrets();
  ensureVarnish();
  buildAll();
  if (await ensureDatabase(databaseUrl)) console.log(`[cluster] created the database ${databaseName(databaseUrl)}`);

  const children = [];
  let running = null;
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\n[cluster] Stopping …');
    await running?.stop();
    await Promise.all(children.map((c) => stopProcess(c)));
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  // Rate-limit counts shared by the instances; a Redis installed but stopped is started for the run.
  let redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  if (!(await redisAnswers(redisUrl))) {
    const redis = redisUrl === DEFAULT_REDIS_URL ? await startRedis({ port: 6379 }) : null;
    if (redis) {
      children.push(redis);
      console.log('[cluster] started redis-server on 127.0.0.1:6379 for this run');
    } else {
      console.warn(`[cluster] Redis does not answer at ${redisUrl}: each CMS counts its rate limits alone (apt-get install redis-server).`);
      redisUrl = null;
    }
  }

  const ports = portsFromEnv(process.env);
  try {
    running = await startCluster({
      databaseUrl,
      dataDir: path.resolve(CMS, process.env.CLUSTER_DATA_DIR ?? 'data/cluster'),
      ports,
      redisUrl,
      secrets: clusterSecrets(),
    });
  } catch (error) {
    console.error(`[cluster] ${error.message}`);
    await stop(1);
    return;
  }
  for (const part of [...running.cms, ...running.sites]) part.child.on('exit', (c) => !stopping && console.warn(`[cluster] ${part.name} exited (${c ?? 'signal'}); the others go on`));

  const list = (urls) => urls.join(', ');
  console.log('');
  console.log(`  Chuyên mục CCHC (Varnish):  ${running.varnishPublicUrl}`);
  console.log(`  Sites A, B (direct):        ${list(running.sites.map((s) => `http://localhost:${s.port}`))}`);
  console.log(`  Quản trị (Strapi admin):    ${list(running.cms.map((c) => `${c.publicUrl}/admin`))}`);
  console.log(`  Database: PostgreSQL ${databaseName(databaseUrl)}; shared rate limits: ${redisUrl ?? 'none (each CMS counts alone)'}`);
  printDemoAccounts('127.0.0.1');
  console.log('  Ctrl-C stops every part.\n');
}
