import type { Core } from '@strapi/strapi';
import type { CchcConfig } from '../config.js';
import { PLUGIN_ID } from '../constants.js';
import { createArticleRepository } from '../repositories/articles.js';
import { createComplianceRepository } from '../repositories/compliance.js';
import { createTaxonomyRepository } from '../repositories/taxonomy.js';
import { createAgencyLineage } from './agency-lineage.js';
import { createComplianceService } from './compliance.js';
import { createCommitteeService } from './committee.js';
import { createCommitteeRepository } from '../repositories/committee.js';
import { createOverviewService } from './overview.js';
import { createResponseCache, type ResponseCache } from './response-cache.js';
import { createPublicContentService } from './public-content.js';
import { createPublishedChangesService } from './published-changes.js';
import { createSearchService, type SearchService } from './search.js';
import { createSeedService } from './seed.js';
import { createSitePurgeService, type SitePurgeService } from './site-purge.js';
import { createStartupService } from './startup.js';
import { createWorkflowService } from './workflow.js';
import { createNotificationService } from './notifications.js';
import { createWorkflowRepository } from '../repositories/workflow.js';
import { createPublicRateLimit } from '../rate-limit/public-rate-limit.js';

type Ctx = { strapi: Core.Strapi };

const repositories = (strapi: Core.Strapi) => {
  const taxonomy = createTaxonomyRepository(strapi);
  return { articles: createArticleRepository(strapi), taxonomy, agencyLineage: createAgencyLineage(taxonomy) };
};
const config = (strapi: Core.Strapi) => strapi.config.get(`plugin::${PLUGIN_ID}`) as CchcConfig;
const service = <T>(strapi: Core.Strapi, name: string) => strapi.plugin(PLUGIN_ID).service(name) as T;

/** Services are wired once here with their collaborators. */
export default {
  'public-content': ({ strapi }: Ctx) => createPublicContentService(repositories(strapi)),
  committee: ({ strapi }: Ctx) =>
    createCommitteeService({ repo: createCommitteeRepository(strapi), articles: repositories(strapi).articles }),
  overview: ({ strapi }: Ctx) => createOverviewService(repositories(strapi)),
  compliance: ({ strapi }: Ctx) => createComplianceService({ repository: createComplianceRepository(strapi) }),
  seed: ({ strapi }: Ctx) => createSeedService(strapi),
  search: ({ strapi }: Ctx) => {
    const { articles, agencyLineage } = repositories(strapi);
    return createSearchService({ streamPublished: () => articles.streamPublished(), agencyLineage, log: strapi.log });
  },
  'site-purge': ({ strapi }: Ctx) =>
    createSitePurgeService({ siteUrls: config(strapi).sitePurgeUrls, secret: config(strapi).purgeSecret, log: strapi.log }),
  'published-changes': ({ strapi }: Ctx) =>
    createPublishedChangesService({
      search: service<SearchService>(strapi, 'search'),
      purge: service<SitePurgeService>(strapi, 'site-purge'),
      responses: service<ResponseCache>(strapi, 'response-cache'),
      warn: (m) => strapi.log.warn(m),
    }),
  'response-cache': ({ strapi }: Ctx) => createResponseCache({ ttlMs: config(strapi).responseCacheSeconds * 1000 }),
  'rate-limit': ({ strapi }: Ctx) => createPublicRateLimit(config(strapi).rateLimit, (m) => strapi.log.warn(m)),
  startup: ({ strapi }: Ctx) =>
    createStartupService({ strapi, seed: service<ReturnType<typeof createSeedService>>(strapi, 'seed'), search: service<SearchService>(strapi, 'search') }),
  workflow: ({ strapi }: Ctx) => {
    const repo = createWorkflowRepository(strapi);
    const notifications = createNotificationService({
      enabled: config(strapi).notify,
      send: (mail) => strapi.plugin('email').service('email').send(mail),
      editorEmails: repo.editorEmails,
      agencyEmails: repo.agencyEmails,
      adminUrl: config(strapi).adminUrl,
      log: strapi.log,
    });
    return createWorkflowService({ repo, notify: notifications.afterTransition });
  },
};

