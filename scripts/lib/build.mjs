// Builds what is out of date: shared → plugin server → Strapi (server + admin) → site.
// A step runs when its output stamp is older than the newest file of its inputs.
import fs from 'node:fs';
import path from 'node:path';
import { CACHE, CMS, PLUGIN, ROOT, SHARED, SITE } from './paths.mjs';
import { STRAPI_ENV, runTool } from './tools.mjs';

const SKIP = new Set(['node_modules', 'dist', 'build', '.astro', '.cache', '.strapi', '.tmp', 'data', 'uploads']);

function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) {
    if (SKIP.has(name)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

const STEPS = [
  {
    name: 'shared',
    inputs: [path.join(SHARED, 'src'), path.join(SHARED, 'tsconfig.json'), path.join(ROOT, 'tsconfig.json')],
    output: path.join(SHARED, 'dist', 'index.js'),
    run: () => runTool('tsc', ['-p', path.join(SHARED, 'tsconfig.json')]),
  },
  {
    name: 'plugin server',
    inputs: [path.join(PLUGIN, 'server'), path.join(SHARED, 'dist')],
    output: path.join(PLUGIN, 'dist', 'server', 'index.js'),
    run: () => runTool('tsc', ['-p', path.join(PLUGIN, 'server', 'tsconfig.json')]),
  },
  {
    name: 'cms (server and admin panel)',
    inputs: [path.join(CMS, 'config'), path.join(CMS, 'src'), path.join(CMS, 'tsconfig.json'), path.join(SHARED, 'dist')],
    output: path.join(CMS, 'dist', 'build', 'index.html'),
    run: () => runTool('strapi', ['build'], { cwd: CMS, env: { ...STRAPI_ENV, NODE_ENV: 'production' } }),
  },
  {
    name: 'site',
    inputs: [path.join(SITE, 'src'), path.join(SITE, 'public'), path.join(SITE, 'astro.config.mjs'), path.join(SHARED, 'dist')],
    output: path.join(SITE, 'dist', 'server', 'entry.mjs'),
    run: () => runTool('astro', ['build'], { cwd: SITE }),
  },
];

/** Builds every out-of-date step, in order. */
export function buildAll({ force = false } = {}) {
  fs.mkdirSync(path.join(CACHE, 'build'), { recursive: true });
  for (const step of STEPS) {
    const stamp = path.join(CACHE, 'build', `${step.name.split(' ')[0]}.stamp`);
    const built = fs.existsSync(step.output) && fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
    const newest = Math.max(...step.inputs.map(newestMtime));
    if (!force && built > newest) continue;
    console.log(`[cchc] Building ${step.name} …`);
    const started = Date.now();
    step.run();
    fs.writeFileSync(stamp, new Date().toISOString());
    console.log(`[cchc] Built ${step.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
