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

/** A task of the seeded plan, with how its progress is shown. */
export interface SeedPlanTask {
  number: string;
  title: string;
  leadAgencies: string[];
  coordinatingAgencies: string[];
  progress?:
    | { mode: 'measured'; unit: 'articles' | 'agencies'; formats: string[]; areas: string[]; topics: string[]; agencies: string[]; expectedPerQuarter: number }
    | { mode: 'manual'; status: string; statusNote: string; evidence: string };
}

/** The Steering Committee website's seed (cms/seed/demo/committee.json). */
export interface SeedCommitteeData {
  committee: { name: string; nameEn: string; functions: string; functionsEn: string; structure: string; phone: string; email: string; newsTopic: string | null };
  members: Array<{ name: string; position: string; officeTitle: string; officeTitleEn: string; agency: string | null; order: number }>;
  channels: Array<{ name: string; kind: string; url: string; phone: string; description: string; order: number }>;
  documents: Array<{
    number: string;
    type: string;
    issuedOn: string;
    issuer: string;
    signer: string;
    abstract: string;
    areas: string[];
    status: string;
    files: Array<{ name: string; title: string; paragraphs: string[] }>;
    planYear: number | null;
  }>;
  indices: Array<{ index: string; year: number; score: number | null; rank: number | null; outOf: number | null; subject: string; sourceNote: string }>;
  events: Array<{
    title: string;
    kind: string;
    time: { startsAt: string; endsAt: string } | { inDays: number; startTime: string; hours: number };
    place: string;
    onlineUrl: string;
    organiser: string;
    description: string;
    planTask: string | null;
    report: string | null;
  }>;
}

export const seed = {
  articles: read<SeedArticle[]>('articles.json'),
  agencies: read<Array<{ slug: string; name: string }>>('agencies.json'),
  taxonomy: read<{ reformAreas: Array<{ code: string }>; topics: Array<{ slug: string }> }>('taxonomy.json'),
  plan: read<{ year: number; code: string; title: string; tasks: SeedPlanTask[] }>('plan.json'),
  committee: read<SeedCommitteeData>('committee.json'),
  accounts: read<Array<{ email: string; role: string }>>('accounts.json'),
};
