/** The demo seed: runs at bootstrap, creates only what is missing. */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { CchcConfig } from '../config.js';
import { seedAccounts } from './accounts.js';
import { seedCommittee } from './committee.js';
import { seedContent } from './content.js';
import { loadSeed } from './load.js';

/** Seeds the data set in config.seedDir; demo accounts only outside production. */
export async function seedDemo(strapi: Core.Strapi, config: CchcConfig): Promise<void> {
  const dir = path.resolve(strapi.dirs.app.root, config.seedDir);
  if (!fs.existsSync(dir)) {
    strapi.log.warn(`[cchc] seed folder ${dir} not found; nothing seeded.`);
    return;
  }
  const seed = loadSeed(dir);
  const started = Date.now();
  const counts = { ...(await seedContent(strapi, seed)), committee: await seedCommittee(strapi, seed) };
  strapi.log.info(`[cchc] seed "${seed.manifest.name}": created ${JSON.stringify(counts)} in ${Date.now() - started} ms`);
  if (process.env.NODE_ENV === 'production') return;
  const created = await seedAccounts(strapi, seed.accounts, config.demoPassword);
  if (created.length > 0) strapi.log.info(`[cchc] demo accounts created: ${created.join(', ')}`);
}
