// The demo accounts a CMS creates, as the launchers print them.
import fs from 'node:fs';
import path from 'node:path';
import { CMS } from './paths.mjs';

/** True for a loopback address: the demo accounts' password is public (README), so they exist only there. */
export const isLoopback = (host) => ['localhost', '::1', '[::1]'].includes(host) || /^127(\.\d{1,3}){3}$/.test(host);

/** The demo accounts the CMS creates when it listens on `host`, by the rule of the plugin's start-mode.ts. */
export function demoAccounts(host) {
  const file = path.join(CMS, process.env.CCHC_SEED_DIR ?? 'seed/demo', 'accounts.json');
  const demo = process.env.CCHC_DEMO === 'true' || (process.env.NODE_ENV !== 'production' && isLoopback(host));
  if (!demo || !fs.existsSync(file)) return [];
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Prints the demo accounts (or why there are none) under the addresses a launcher printed. */
export function printDemoAccounts(host) {
  const accounts = demoAccounts(host);
  const password = process.env.DEMO_PASSWORD ?? 'CchcDemo2024!';
  if (accounts.length > 0) {
    console.log(`  Demo accounts (password: ${password}):`);
    for (const a of accounts) console.log(`    ${a.email.padEnd(24)} ${a.role}${a.agency ? ` (${a.agency})` : ''}`);
  } else if (!isLoopback(host)) {
    console.log(`  Listening on ${host}: no demo accounts (set CCHC_DEMO=true for a public demo).`);
  }
}
