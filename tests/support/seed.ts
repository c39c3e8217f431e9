/** The demo data set as the tests read it, to compare the API with its source. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'cms', 'seed', 'demo');

const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as T;

export interface SeedArticle {
  title: string;
  summary: string;
  body: string;
  topics: string[];
  areas: string[];
  format: string;
  agency: string;
  publishedAt: string;
  featured: boolean;
  coverAlt: string | null;
}

export const seed = {
  articles: read<SeedArticle[]>('articles.json'),
  agencies: read<Array<{ slug: string; name: string }>>('agencies.json'),
  taxonomy: read<{ reformAreas: Array<{ code: string }>; topics: Array<{ slug: string }> }>('taxonomy.json'),
  plan: read<{ year: number; tasks: unknown[] }>('plan.json'),
  accounts: read<Array<{ email: string; role: string }>>('accounts.json'),
};
