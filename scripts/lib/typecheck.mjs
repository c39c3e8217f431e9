// Type-checks the TypeScript that the build does not compile with tsc:
// the admin panel (plugin admin included), the site's modules and the tests.
import path from 'node:path';
import { CMS, ROOT, SITE } from './paths.mjs';
import { runTool } from './tools.mjs';

const PROJECTS = [
  path.join(CMS, 'src', 'admin', 'tsconfig.json'),
  path.join(SITE, 'tsconfig.json'),
  path.join(SITE, 'server', 'tsconfig.json'),
  path.join(ROOT, 'tests', 'tsconfig.json'),
];

/** Runs `tsc --noEmit` on each project; exits on the first failure. */
export function typecheck() {
  for (const project of PROJECTS) runTool('tsc', ['--noEmit', '-p', project]);
  console.log(`[cchc] Type-checked ${PROJECTS.length} projects.`);
}
