// `npm run typecheck`: builds what is out of date (which type-checks the server code), then checks the rest.
import { buildAll } from '../lib/build.mjs';
import { typecheck as check } from '../lib/typecheck.mjs';

export default async function typecheck() {
  buildAll();
  check();
}
