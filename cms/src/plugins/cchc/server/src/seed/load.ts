/** Reads and validates the demo data set's JSON files. */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AccountsSchema, AgenciesSchema, ArticlesSchema, CommitteeSeedSchema, ContestSeedSchema, DeskSeedSchema, ManifestSchema, QuestionsSeedSchema, PlanSchema, TaxonomySchema } from './schema.js';

function readJson<S extends z.ZodType>(dir: string, file: string, schema: S): z.output<S> {
  const full = path.join(dir, file);
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(full, 'utf8')));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Seed file ${full} is invalid at ${first?.path.join('.')}: ${first?.message}`);
  }
  return parsed.data;
}

/** The whole demo data set. */
export function loadSeed(dir: string) {
  return {
    /** The folder itself: files named in the data are read from it. */
    dir,
    manifest: readJson(dir, 'manifest.json', ManifestSchema),
    taxonomy: readJson(dir, 'taxonomy.json', TaxonomySchema),
    agencies: readJson(dir, 'agencies.json', AgenciesSchema),
    plan: readJson(dir, 'plan.json', PlanSchema),
    articles: readJson(dir, 'articles.json', ArticlesSchema),
    accounts: readJson(dir, 'accounts.json', AccountsSchema),
    committee: readJson(dir, 'committee.json', CommitteeSeedSchema),
    contest: readJson(dir, 'contest.json', ContestSeedSchema),
    questions: readJson(dir, 'questions.json', QuestionsSeedSchema),
    desk: readJson(dir, 'desk.json', DeskSeedSchema),
  };
}

/** Only the demo accounts (read on every start, seeding or not). */
export function loadAccounts(dir: string) {
  return readJson(dir, 'accounts.json', AccountsSchema);
}

/** The demo data set as loaded. */
export type Seed = ReturnType<typeof loadSeed>;
