// `npm run bench [-- site|search|compliance|contest|questions|cluster]`: the benchmarks (not timed tests); each prints
// its figures with the baseline or target measured in the same run.
import { benchCluster } from '../bench/cluster.mjs';
import { benchCompliance } from '../bench/compliance.mjs';
import { benchContest } from '../bench/contest.mjs';
import { benchQuestions } from '../bench/questions.mjs';
import { benchSearch } from '../bench/search.mjs';
import { benchSite } from '../bench/site.mjs';
import { buildAll } from '../lib/build.mjs';
import { ensureSecrets } from '../lib/secrets.mjs';

const BENCHES = {
  site: () => benchSite(),
  search: () => benchSearch({ size: Number(process.env.BENCH_ARTICLES ?? 100_000) }),
  compliance: () => benchCompliance(),
  contest: () => benchContest(),
  questions: () => benchQuestions(),
  cluster: () => benchCluster(),
};

export default async function bench(args) {
  // `node scripts/run.mjs bench -- questions` passes the `--` that npm would have taken.
  const named = args.filter((arg) => arg !== '--');
  const chosen = named.length > 0 ? named : Object.keys(BENCHES);
  const unknown = chosen.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(`[bench] unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  ensureSecrets();
  buildAll();
  for (const name of chosen) await BENCHES[name]();
}
