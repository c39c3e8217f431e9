import type { Core } from '@strapi/strapi';
import { createAgencyMemberMiddleware } from './middlewares/agency-member.js';
import { createArticleDocumentMiddleware } from './middlewares/article-document.js';
import { createChangeNoteMiddleware } from './middlewares/change-note.js';
import { createCommitteeContentMiddleware } from './middlewares/committee-content.js';
import { createPublishedChangesMiddleware } from './middlewares/published-changes.js';
import { createArticleRepository } from './repositories/articles.js';
import { guardStrapiRoutes } from './guards/strapi-routes.js';
import { developmentSecretsInUse } from './start-mode.js';

/** Registration: hooks that must exist before any document is written or any route is mounted. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  if (process.env.NODE_ENV === 'production') {
    const refusal = developmentSecretsInUse(strapi.dirs.app.root, process.env);
    if (refusal) throw new Error(refusal);
  }
  guardStrapiRoutes(strapi);
  strapi.documents.use(createArticleDocumentMiddleware(strapi) as never);
  strapi.documents.use(createAgencyMemberMiddleware(strapi) as never);
  strapi.documents.use(createChangeNoteMiddleware(strapi) as never);
  strapi.documents.use(createCommitteeContentMiddleware(strapi) as never);
  strapi.documents.use(createPublishedChangesMiddleware(strapi, createArticleRepository(strapi)) as never);
};
