// `npm start`: build what is out of date, start Strapi (which migrates and seeds
// the database), then the site; print both addresses; Ctrl-C stops both.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildAll } from '../lib/build.mjs';
import { CMS } from '../lib/paths.mjs';
import { ensureSecrets } from '../lib/secrets.mjs';
import { startCms, startSite, stopProcess } from '../lib/stack.mjs';

const int = (value, fallback) => (value && /^\d+$/.test(value) ? Number(value) : fallback);

/** Loopback unless HOST says otherwise: the demo accounts' password is public (README). */
const HOST = process.env.HOST ?? '127.0.0.1';
const isLoopback = (host) => ['localhost', '::1', '[::1]'].includes(host) || /^127(\.\d{1,3}){3}$/.test(host);

/** The demo accounts the CMS creates, by the rule of the plugin's start-mode.ts. */
function demoAccounts() {
  const file = path.join(CMS, process.env.CCHC_SEED_DIR ?? 'seed/demo', 'accounts.json');
  const demo = process.env.CCHC_DEMO === 'true' || (process.env.NODE_ENV !== 'production' && isLoopback(HOST));
  if (!demo || !fs.existsSync(file)) return [];
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

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

    const accounts = demoAccounts();
    const password = process.env.DEMO_PASSWORD ?? 'CchcDemo2024!';
    console.log('');
    console.log(`  Chuyên mục CCHC (site):  http://localhost:${sitePort}`);
    console.log(`  Trang Ban Chỉ đạo:       http://localhost:${sitePort}/ban-chi-dao`);
    console.log(`  Quản trị (Strapi admin): http://localhost:${cmsPort}/admin`);
    if (accounts.length > 0) {
      console.log(`  Demo accounts (password: ${password}):`);
      for (const a of accounts) console.log(`    ${a.email.padEnd(24)} ${a.role}${a.agency ? ` (${a.agency})` : ''}`);
    } else if (!isLoopback(HOST)) {
      console.log(`  Listening on ${HOST}: no demo accounts (set CCHC_DEMO=true for a public demo).`);
    }
    console.log('  Ctrl-C stops both servers.\n');
  } catch (error) {
    console.error(`[cchc] ${error.message}`);
    await stop(1);
  }
}
