/** The demo seed: runs at bootstrap, creates only what is missing; and the demo accounts' start-mode rule. */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { CchcConfig } from '../config.js';
import { demoAccountsAllowed } from '../start-mode.js';
import { disableAccounts, seedAccounts } from './accounts.js';
import { seedCommittee } from './committee.js';
import { seedContest } from './contest.js';
import { seedQuestions } from './questions.js';
import { seedContent } from './content.js';
import { seedDesk } from './desk.js';
import { loadAccounts, loadSeed } from './load.js';

/**
 * Seeds the data set in config.seedDir when seeding is on. Whether seeding is on or
 * not, the demo accounts (their password is public) are disabled wherever start-mode.ts
 * does not allow them, and created (when seeding) where it does.
 */
export async function seedDemo(strapi: Core.Strapi, config: CchcConfig): Promise<void> {
  const dir = path.resolve(strapi.dirs.app.root, config.seedDir);
  if (!fs.existsSync(dir)) {
    strapi.log.warn(`[cchc] seed folder ${dir} not found; nothing seeded.`);
    return;
  }
  if (config.seed) {
    const seed = loadSeed(dir);
    const started = Date.now();
    const counts = { ...(await seedContent(strapi, seed)), committee: await seedCommittee(strapi, seed), contest: await seedContest(strapi, seed), questions: await seedQuestions(strapi, seed), desk: await seedDesk(strapi, seed, config.desk.reviewTargetDays) };
    strapi.log.info(`[cchc] seed "${seed.manifest.name}": created ${JSON.stringify(counts)} in ${Date.now() - started} ms`);
  }
  const accounts = loadAccounts(dir);
  const host = String(strapi.config.get('server.host') ?? '');
  if (!demoAccountsAllowed({ production: process.env.NODE_ENV === 'production', host, demoFlag: config.demo })) {
    const disabled = await disableAccounts(strapi, accounts);
    if (disabled.length > 0) strapi.log.warn(`[cchc] the CMS listens on ${host}: demo accounts disabled (${disabled.join(', ')}); set CCHC_DEMO=true for a public demo.`);
    return;
  }
  if (!config.seed) return;
  const created = await seedAccounts(strapi, accounts, config.demoPassword);
  if (created.length > 0) strapi.log.info(`[cchc] demo accounts created: ${created.join(', ')}`);
}
