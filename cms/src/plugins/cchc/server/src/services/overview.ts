/** Figures for the plugin's home page in the admin panel. */
import type { ArticleRepository } from '../repositories/articles.js';
import type { TaxonomyRepository } from '../repositories/taxonomy.js';

/** What the admin overview shows. */
export interface Overview {
  articles: { published: number; unpublished: number };
  agencies: { total: number; active: number };
  reformAreas: number;
  topics: number;
}

/** Creates the overview service. */
export function createOverviewService({ articles, taxonomy }: { articles: ArticleRepository; taxonomy: TaxonomyRepository }) {
  return {
    /** Counts of the plugin's content. */
    async get(): Promise<Overview> {
      const [counts, agencies, areas, topics] = await Promise.all([
        articles.countByStatus(),
        taxonomy.agencies(),
        taxonomy.reformAreas(),
        taxonomy.topics(),
      ]);
      return {
        articles: counts,
        agencies: { total: agencies.length, active: agencies.filter((a) => a.active).length },
        reformAreas: areas.length,
        topics: topics.length,
      };
    },
  };
}
