// Several instances on one machine: two CMS on one PostgreSQL database, two sites, Varnish in
// front of the sites. Used by `npm run start:cluster`, the cluster tests and the cluster benchmark,
// so all three run the same arrangement (README, Deployment).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strapiSecrets } from './secrets.mjs';
import { startCms, startSite, stopProcess } from './stack.mjs';
import { startVarnish } from './varnish.mjs';

/** The ports `npm run start:cluster` uses unless told otherwise: CMS A and B, site A and B, Varnish. */
export const CLUSTER_PORTS = Object.freeze({ cms: [1337, 1338], sites: [4321, 4322], varnish: 8080 });

const random = () => crypto.randomBytes(24).toString('base64url');

/**
 * The secrets every instance must share (one instance refuses what another signed otherwise):
 * Strapi's own, the purge secrets, the preview and challenge secrets, the site's API key. Taken
 * from the environment; the purge secrets and the site's key are new for each run when unset,
 * the preview and challenge secrets default to APP_KEYS as the plugin's own default does.
 */
export function clusterSecrets(env = process.env) {
  const strapi = strapiSecrets();
  return {
    ...strapi,
    PURGE_SECRET: env.PURGE_SECRET ?? random(),
    VARNISH_PURGE_SECRET: env.VARNISH_PURGE_SECRET ?? random(),
    PREVIEW_SECRET: env.PREVIEW_SECRET ?? strapi.APP_KEYS,
    CONTEST_CHALLENGE_SECRET: env.CONTEST_CHALLENGE_SECRET ?? strapi.APP_KEYS,
    SITE_API_KEY: env.SITE_API_KEY ?? random(),
  };
}

/** A line sink: the stack's own printing (true), nothing (false), or a function. */
const sinkOf = (log) => (typeof log === 'function' ? log : log === false ? () => {} : (line) => console.log(line));

/** Instance letters, for log prefixes and names: A, B, … */
const letter = (i) => String.fromCharCode(97 + i);

/**
 * Starts the cluster: CMS A (which creates and seeds the database), then the other CMS
 * instances, then the sites (each reads its own CMS first and the others when it cannot),
 * then Varnish in front of the sites. Resolves once every part answers.
 *
 * - `databaseUrl`: the PostgreSQL database every CMS shares (it must exist).
 * - `dataDir`: the folder the instances share (`public/uploads`, `question-files`) and Varnish's work folder.
 * - `redisUrl`: the rate limit's shared store (none: each CMS counts alone).
 * - `cmsEnv`, `siteEnv`: more environment for every CMS / site (tests shorten the scheduler's tick).
 * - `publicHost`: the host name browsers use for the CMS addresses printed and put in links.
 */
export async function startCluster({ databaseUrl, dataDir, ports = CLUSTER_PORTS, host = '127.0.0.1', publicHost = 'localhost', redisUrl = null, secrets = clusterSecrets(), cmsEnv = {}, siteEnv = {}, log = true }) {
  if (!databaseUrl) throw new Error('startCluster needs the PostgreSQL database every CMS shares (databaseUrl)');
  const sink = sinkOf(log);
  const cmsUrls = ports.cms.map((port) => `http://127.0.0.1:${port}`);
  const cmsPublicUrls = ports.cms.map((port) => `http://${publicHost}:${port}`);
  const varnishUrl = `http://127.0.0.1:${ports.varnish}`;
  const varnishPublicUrl = `http://${publicHost}:${ports.varnish}`;
  const publicDir = path.join(dataDir, 'public');
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });

  const cmsEnvOf = (i) => ({
    ...secrets,
    DATABASE_URL: databaseUrl,
    // One uploads folder and one folder of citizens' attachments for every instance (on several machines: a shared volume or S3).
    PUBLIC_DIR: publicDir,
    QUESTION_FILES_DIR: path.join(dataDir, 'question-files'),
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    // No TRUST_PROXY: nothing stands in front of these instances, so X-Forwarded-For would be the browser's own
    // word; the sites name their visitors in x-cchc-visitor, believed with SITE_API_KEY.
    // Every change the public can see purges Varnish; the sites keep no pages to purge.
    VARNISH_URLS: varnishUrl,
    PREVIEW_SITE_URL: varnishPublicUrl,
    ADMIN_URL: `${cmsPublicUrls[i]}/admin`,
    // An instance clears only its own aggregated answers after a change; with several, a re-render through
    // another would show them stale for minutes after Varnish purged the page. Varnish keeps the pages instead.
    CCHC_RESPONSE_CACHE_SECONDS: '0',
    // The first instance seeds; the others start on what it made.
    ...(i > 0 ? { CCHC_SEED: 'false' } : {}),
    ...cmsEnv,
  });
  const siteEnvOf = () => ({
    PURGE_SECRET: secrets.PURGE_SECRET,
    SITE_API_KEY: secrets.SITE_API_KEY,
    // Varnish caches the pages; the site renders every request it is sent.
    SITE_PAGE_CACHE: 'off',
    // The visitor's address is the last X-Forwarded-For entry, which Varnish adds.
    TRUST_PROXY: 'true',
    // Every admin panel may frame a draft's preview.
    ADMIN_ORIGINS: cmsPublicUrls.join(','),
    ...siteEnv,
  });

  const cms = ports.cms.map((port, i) => ({ name: `cms-${letter(i)}`, port, url: cmsUrls[i], publicUrl: cmsPublicUrls[i], child: null }));
  const sites = ports.sites.map((port, i) => ({ name: `site-${letter(i)}`, port, url: `http://127.0.0.1:${port}`, child: null }));
  let varnish = null;
  const prefixed = (name) => (line) => sink(line.replace(/^\[(cms|site)\]/, `[${name}]`));

  /** Starts CMS instance `i` (again), with the same environment. */
  const startCmsAt = async (i) => {
    const started = await startCms({ port: cms[i].port, host, env: cmsEnvOf(i), log: prefixed(cms[i].name) });
    cms[i].child = started.child;
  };
  /** Stops CMS instance `i`. */
  const stopCmsAt = async (i) => {
    await stopProcess(cms[i].child);
  };
  const stop = async () => {
    await varnish?.stop();
    await Promise.all(sites.map((s) => stopProcess(s.child)));
    await Promise.all(cms.map((c) => stopProcess(c.child)));
  };

  try {
    // One after the other: the first creates the tables and the seed, which the others then find in place.
    for (const i of cms.keys()) {
      sink(`[cluster] starting ${cms[i].name} on port ${cms[i].port} …`);
      await startCmsAt(i);
    }
    for (const [i, site] of sites.entries()) {
      // Its own CMS first (site A → CMS A, site B → CMS B), then the others in turn.
      const order = cmsUrls.map((_, k) => cmsUrls[(i + k) % cmsUrls.length]);
      sink(`[cluster] starting ${site.name} on port ${site.port} …`);
      const started = await startSite({ port: site.port, host, cmsUrl: order.join(','), cmsPublicUrl: cmsPublicUrls[0], env: siteEnvOf(i), log: prefixed(site.name) });
      site.child = started.child;
    }
    sink(`[cluster] starting Varnish on port ${ports.varnish} …`);
    varnish = await startVarnish({
      port: ports.varnish,
      backends: sites.map((s) => ({ host: '127.0.0.1', port: s.port })),
      purgeSecret: secrets.VARNISH_PURGE_SECRET,
      workDir: path.join(dataDir, 'varnish'),
      log: sink,
    });
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    varnishUrl,
    varnishPublicUrl,
    cms,
    sites,
    secrets,
    /** Varnish's handle (`child`, `stop()`), for its statistics. */
    get varnish() {
      return varnish;
    },
    startCms: startCmsAt,
    stopCms: stopCmsAt,
    /** Stops Varnish, the sites and the CMS instances. */
    stop,
  };
}
