import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { pluginConfig } from '../config.js';
import { PLUGIN_ID, UID } from '../constants.js';
import { columnOf, tableOf } from '../repositories/schema-names.js';
import { storeFor } from '../search/index.js';
import { createArticleRepository } from '../repositories/articles.js';
import { createComplianceRepository } from '../repositories/compliance.js';
import { createPublishedTallies } from '../repositories/published-tallies.js';
import { createTaxonomyRepository } from '../repositories/taxonomy.js';
import { createAgencyLineage } from './agency-lineage.js';
import { createComplianceService } from './compliance.js';
import { createContestService } from './contest.js';
import { createContestAdminService } from './contest-admin.js';
import { createContestChallenge } from './contest-challenge.js';
import { createQuestionService } from './questions.js';
import { createQuestionRepository } from '../repositories/questions.js';
import { createReceiptSender } from './question-mail.js';
import { createQuestionDesk } from './question-desk.js';
import { questionDeskDeps, questionFilesOf } from './question-desk-deps.js';
import { holidaysOf } from '../repositories/holidays.js';
import { createSpentChallenges } from '../repositories/contest-challenges.js';
import { createContestLog } from '../repositories/contest-log.js';
import { createContestEntries } from '../repositories/contest-entries.js';
import { createContestRepository } from '../repositories/contests.js';
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
import { createDeskRepository } from '../repositories/desk.js';
import { activeActor } from '../repositories/admin-users.js';
import { createPreviewService } from './preview.js';
import { createDeskCalendarService } from './desk-calendar.js';
import { createDeskCalendarRepository } from '../repositories/desk-calendar.js';
import { createPublicRateLimit } from '../rate-limit/public-rate-limit.js';

type Ctx = { strapi: Core.Strapi };

const repositories = (strapi: Core.Strapi) => {
  const taxonomy = createTaxonomyRepository(strapi);
  return { articles: createArticleRepository(strapi), taxonomy, agencyLineage: createAgencyLineage(taxonomy), tallies: createPublishedTallies(strapi) };
};
const config = pluginConfig;
/** Services are wired once here with their collaborators. */
const services = {
  'public-content': ({ strapi }: Ctx) => createPublicContentService(repositories(strapi)),
  committee: ({ strapi }: Ctx) =>
    createCommitteeService({ repo: createCommitteeRepository(strapi), ...repositories(strapi) }),
  overview: ({ strapi }: Ctx) => createOverviewService(repositories(strapi)),
  compliance: ({ strapi }: Ctx) =>
    createComplianceService({
      repository: createComplianceRepository(strapi, repositories(strapi).tallies, {
        answerDays: config(strapi).questions.answerDays,
        receivedBetween: createQuestionRepository(strapi).receivedBetween,
        holidays: () => holidaysOf(strapi),
      }),
    }),
  contest: ({ strapi }: Ctx) =>
    createContestService({
      contests: createContestRepository(strapi),
      entries: createContestEntries(strapi),
      limitRegistration: (client, identity, proved) => pluginServices(strapi)['rate-limit'].registration(client, identity, proved),
      challenge: { verify: (proof) => pluginServices(strapi)['contest-challenge'].verify(proof), spend: (proof) => pluginServices(strapi)['contest-challenge'].spend(proof) },
    }),
  /** The editors' calendar: pieces scheduled and published by day, beside the quarter's counts of the compliance report. */
  'desk-calendar': ({ strapi }: Ctx) =>
    createDeskCalendarService({ repository: createDeskCalendarRepository(strapi), quarterReport: (year, quarter) => pluginServices(strapi).compliance.report(year, quarter) }),
  /** Citizens' questions and feedback, for the citizen: sending and looking up. */
  questions: ({ strapi }: Ctx) => {
    const limits = () => pluginServices(strapi)['rate-limit'];
    return createQuestionService({
      questions: createQuestionRepository(strapi),
      areas: () => createContestRepository(strapi).areas(),
      agencies: () => createContestRepository(strapi).units(),
      limits: {
        submission: (client) => limits().question(client),
        lookupAllowed: (client) => limits().lookupAllowed(client),
        lookupFailed: (client) => limits().lookupFailed(client),
      },
      receipts: { enabled: config(strapi).notify, send: createReceiptSender(strapi, (address) => limits().receiptAllowed(address)) },
      keepContactMonths: config(strapi).questions.keepContactMonths,
      attachments: questionFilesOf(strapi),
      warn: (m) => strapi.log.warn(m),
    });
  },
  /** Citizens' questions for staff: classify, assign, redact, answer, publish, close. */
  'question-desk': ({ strapi }: Ctx) => createQuestionDesk({ ...questionDeskDeps(strapi), purge: (tags) => pluginServices(strapi)['site-purge'].purge(tags) }),
  /** The questions' tables (the plugin's own). */
  'question-repository': ({ strapi }: Ctx) => createQuestionRepository(strapi),
  /** The proof-of-work challenge on registration, and the challenges already spent (a table of the plugin's own). */
  'contest-challenge': ({ strapi }: Ctx) => createContestChallenge(config(strapi).contestChallenge, (nonce, expiresAt) => pluginServices(strapi)['spent-challenges'].record(nonce, expiresAt)),
  'spent-challenges': ({ strapi }: Ctx) => createSpentChallenges(strapi),
  'contest-admin': ({ strapi }: Ctx) =>
    createContestAdminService({ contests: createContestRepository(strapi), entries: createContestEntries(strapi), log: createContestLog(strapi), contest: pluginServices(strapi).contest }),
  /** What the contest's organisers did (a table of the plugin's own). */
  'contest-log': ({ strapi }: Ctx) => createContestLog(strapi),
  /** The contest's entries, attempts and answers (tables of the plugin's own). */
  'contest-entries': ({ strapi }: Ctx) => createContestEntries(strapi),
  /** Published pieces, counted (kept by middlewares/published-tallies.ts, rebuilt at start). */
  tallies: ({ strapi }: Ctx) => repositories(strapi).tallies,
  seed: ({ strapi }: Ctx) => createSeedService(strapi),
  search: ({ strapi }: Ctx) => {
    const { articles, agencyLineage } = repositories(strapi);
    return createSearchService({
      store: storeFor(strapi),
      db: () => strapi.db.connection,
      transaction: async <T,>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> => (await strapi.db.transaction(({ trx }) => work(trx))) as T,
      schema: strapi.db.getSchemaName() || undefined,
      articleTable: {
        name: tableOf(strapi, UID.article),
        id: 'id',
        documentId: columnOf(strapi, UID.article, 'documentId'),
        publishedAt: columnOf(strapi, UID.article, 'publishedAt'),
      },
      articles,
      agencyLineage,
      log: strapi.log,
    });
  },
  'site-purge': ({ strapi }: Ctx) =>
    createSitePurgeService({
      siteUrls: config(strapi).sitePurgeUrls,
      secret: config(strapi).purgeSecret,
      varnishUrls: config(strapi).varnish.urls,
      varnishSecret: config(strapi).varnish.purgeSecret,
      log: strapi.log,
    }),
  'published-changes': ({ strapi }: Ctx) =>
    createPublishedChangesService({
      search: pluginServices(strapi).search,
      purge: pluginServices(strapi)['site-purge'],
      responses: pluginServices(strapi)['response-cache'],
      warn: (m) => strapi.log.warn(m),
    }),
  'response-cache': ({ strapi }: Ctx) => createResponseCache({ ttlMs: config(strapi).responseCacheSeconds * 1000 }),
  'rate-limit': ({ strapi }: Ctx) => createPublicRateLimit(config(strapi).rateLimit, (m) => strapi.log.warn(m)),
  startup: ({ strapi }: Ctx) =>
    createStartupService({ strapi, seed: pluginServices(strapi).seed, search: pluginServices(strapi).search, tallies: repositories(strapi).tallies }),
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
    return createWorkflowService({
      repo,
      desk: pluginServices(strapi).desk,
      holidays: () => holidaysOf(strapi),
      reviewTargetDays: config(strapi).desk.reviewTargetDays,
      notify: notifications.afterTransition,
    });
  },
  /** The editors' desk's own tables (review claims, share links). */
  desk: ({ strapi }: Ctx) => createDeskRepository(strapi),
  /** Previews of drafts: the edit view's signed token, and share links. */
  preview: ({ strapi }: Ctx) => {
    const { desk: settings } = config(strapi);
    const services = pluginServices(strapi);
    return createPreviewService({
      links: services.desk,
      drafts: {
        article: (documentId) => services['public-content'].draftArticle(documentId),
        document: (documentId) => services.committee.documentDraft(documentId),
        event: (documentId) => services.committee.eventPreview(documentId),
      },
      checkVisible: async (documentId, actor) => {
        await services.workflow.visible(documentId, actor);
      },
      actorOfUser: (userId) => activeActor(strapi, userId),
      recordEvent: (documentId, actor, action, note) => services.workflow.recordShare(documentId, actor, action, note),
      transaction: (work) => services.desk.transaction(() => work()),
      secret: settings.previewSecret,
      siteUrl: settings.previewSiteUrl,
      previewMinutes: settings.previewMinutes,
      shareLinkHours: settings.shareLinkHours,
      shareLinkMaxHours: settings.shareLinkMaxHours,
    });
  },
};

export default services;

export type ServiceName = keyof typeof services;
/** The plugin's services by name, typed. */
export type PluginServices = { readonly [K in ServiceName]: ReturnType<(typeof services)[K]> };

/**
 * The plugin's services, typed: the one place that fetches them from Strapi by name.
 * Each is read from Strapi when used, so the accessor can be made before Strapi has
 * instantiated them (controllers and middlewares are made at registration).
 */
export function pluginServices(strapi: Core.Strapi): PluginServices {
  const accessor = {};
  for (const name of Object.keys(services)) {
    Object.defineProperty(accessor, name, { get: () => strapi.plugin(PLUGIN_ID).service(name), enumerable: true });
  }
  return accessor as PluginServices;
}
