import type { Core } from '@strapi/strapi';
import { createArticleRepository } from '../repositories/articles.js';
import { createTaxonomyRepository } from '../repositories/taxonomy.js';
import { createOverviewService } from './overview.js';
import { createPublicContentService } from './public-content.js';
import { createSeedService } from './seed.js';

const repositories = (strapi: Core.Strapi) => ({
  articles: createArticleRepository(strapi),
  taxonomy: createTaxonomyRepository(strapi),
});

/** Services are wired once here with their collaborators. */
export default {
  'public-content': ({ strapi }: { strapi: Core.Strapi }) => createPublicContentService(repositories(strapi)),
  overview: ({ strapi }: { strapi: Core.Strapi }) => createOverviewService(repositories(strapi)),
  seed: ({ strapi }: { strapi: Core.Strapi }) => createSeedService(strapi),
};
