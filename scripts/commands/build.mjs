// `npm run build`: builds every part (`-- --force` rebuilds all).
import { buildAll } from '../lib/build.mjs';

export default async function build(args) {
  buildAll({ force: args.includes('--force') });
}
