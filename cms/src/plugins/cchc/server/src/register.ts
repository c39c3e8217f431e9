import type { Core } from '@strapi/strapi';
import { createAgencyMemberMiddleware } from './middlewares/agency-member.js';
import { createArticleDocumentMiddleware } from './middlewares/article-document.js';
import { createChangeNoteMiddleware } from './middlewares/change-note.js';
import { createCommitteeContentMiddleware } from './middlewares/committee-content.js';
import { createContestContentMiddleware } from './middlewares/contest-content.js';
import { createPublishedChangesMiddleware } from './middlewares/published-changes.js';
import { createPublishedTalliesMiddleware } from './middlewares/published-tallies.js';
import { createArticleRepository } from './repositories/articles.js';
import { useDocumentMiddleware } from './repositories/documents.js';
import { createPublishedTallies } from './repositories/published-tallies.js';
import { guardStrapiRoutes } from './guards/strapi-routes.js';
import { configurePreview } from './content-manager/preview.js';
import { pluginServices } from './services/index.js';
import { developmentSecretsInUse } from './start-mode.js';

/** Registration: hooks that must exist before any document is written or any route is mounted. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  if (process.env.NODE_ENV === 'production') {
    const refusal = developmentSecretsInUse(strapi.dirs.app.root, process.env);
    if (refusal) throw new Error(refusal);
  }
  guardStrapiRoutes(strapi);
  configurePreview(strapi);
  useDocumentMiddleware(strapi, createArticleDocumentMiddleware(strapi));
  useDocumentMiddleware(strapi, createAgencyMemberMiddleware(strapi));
  useDocumentMiddleware(strapi, createChangeNoteMiddleware(strapi));
  useDocumentMiddleware(strapi, createCommitteeContentMiddleware(strapi));
  useDocumentMiddleware(strapi, createContestContentMiddleware(strapi, () => pluginServices(strapi)['contest-log']));
  useDocumentMiddleware(strapi, createPublishedChangesMiddleware(strapi, createArticleRepository(strapi)));
  // Last, closest to the write: its transaction holds the operation and the counts' update.
  useDocumentMiddleware(strapi, createPublishedTalliesMiddleware(strapi, createPublishedTallies(strapi)));
};
