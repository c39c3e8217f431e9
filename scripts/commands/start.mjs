// `npm start`: build what is out of date, start Strapi (which migrates and seeds
// the database), then the site; print both addresses; Ctrl-C stops both.
import crypto from 'node:crypto';
import { buildAll } from '../lib/build.mjs';
import { printDemoAccounts } from '../lib/demo-accounts.mjs';
import { ensureSecrets } from '../lib/secrets.mjs';
import { startCms, startSite, stopProcess } from '../lib/stack.mjs';

const int = (value, fallback) => (value && /^\d+$/.test(value) ? Number(value) : fallback);

/** Loopback unless HOST says otherwise: the demo accounts' password is public (README). */
const HOST = process.env.HOST ?? '127.0.0.1';

export default async function start() {
  ensureSecrets();
  buildAll();
  const cmsPort = int(process.env.CMS_PORT, 1337);
  const sitePort = int(process.env.SITE_PORT, 4321);
  const children = [];
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\n[cchc] Stopping …');
    await Promise.all(children.map((c) => stopProcess(c)));
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  try {
    // The CMS signs its purge calls to the site with a secret both are given (one per run unless set).
    const purgeSecret = process.env.PURGE_SECRET ?? crypto.randomBytes(24).toString('base64url');
    // The site's key exempts it from the public API's rate limit (it serves readers from its page cache).
    const siteApiKey = process.env.SITE_API_KEY ?? crypto.randomBytes(24).toString('base64url');
    const siteUrl = `http://127.0.0.1:${sitePort}`;
    console.log(`[cchc] Starting the CMS on port ${cmsPort} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite, cms/data/cchc.db'}) …`);
    const cms = await startCms({ port: cmsPort, host: HOST, env: { PURGE_SECRET: purgeSecret, SITE_API_KEY: siteApiKey, SITE_PURGE_URLS: process.env.SITE_PURGE_URLS ?? siteUrl } });
    children.push(cms.child);
    cms.child.on('exit', (c) => stop(c ?? 1));
    const site = await startSite({
      port: sitePort,
      host: HOST,
      cmsUrl: cms.url,
      cmsPublicUrl: process.env.CMS_PUBLIC_URL ?? `http://localhost:${cmsPort}`,
      env: { PURGE_SECRET: purgeSecret, SITE_API_KEY: siteApiKey },
    });
    children.push(site.child);
    site.child.on('exit', (c) => stop(c ?? 1));

    console.log('');
    console.log(`  Chuyên mục CCHC (site):  http://localhost:${sitePort}`);
    console.log(`  Trang Ban Chỉ đạo:       http://localhost:${sitePort}/ban-chi-dao`);
    console.log(`  Quản trị (Strapi admin): http://localhost:${cmsPort}/admin`);
    printDemoAccounts(HOST);
    console.log('  Ctrl-C stops both servers.\n');
  } catch (error) {
    console.error(`[cchc] ${error.message}`);
    await stop(1);
  }
}
