/** Agencies merged into another keep their articles reachable through it. */
import type { TaxonomyRepository } from '../repositories/taxonomy.js';

/** How many merged-agency generations a lookup reaches back through. */
const MAX_SUCCESSION_DEPTH = 5;

/** Creates the lookup: the slug of an agency and of every agency merged into it, transitively. */
export function createAgencyLineage(taxonomy: TaxonomyRepository) {
  return async function agencyLineage(slug: string): Promise<string[]> {
    const lineage = [slug];
    let frontier = [slug];
    for (let depth = 0; depth < MAX_SUCCESSION_DEPTH && frontier.length > 0; depth++) {
      const found = (await Promise.all(frontier.map((s) => taxonomy.predecessorsOf(s)))).flat().map((a) => a.slug);
      frontier = found.filter((s) => !lineage.includes(s));
      lineage.push(...frontier);
    }
    return lineage;
  };
}
