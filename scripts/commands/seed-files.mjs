// `npm run seed-files`: writes the demo data set's files (covers, audio, PDF and DOCX
// documents) from its JSON, into cms/seed/demo/files/ (see scripts/seed/demo-files.mjs).
import path from 'node:path';
import { CMS } from '../lib/paths.mjs';
import { writeDemoFiles } from '../seed/demo-files.mjs';

export default async function seedFiles(args) {
  const dir = path.resolve(CMS, args[0] ?? 'seed/demo');
  const written = await writeDemoFiles(dir);
  console.log(`[cchc] demo files written to ${path.join(dir, 'files')}: ${JSON.stringify(written)}`);
}
