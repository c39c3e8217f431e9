import type { Core } from '@strapi/strapi';
import { createArticleDocumentMiddleware } from './middlewares/article-document.js';
import { createChangeNoteMiddleware } from './middlewares/change-note.js';
import { createCommitteeContentMiddleware } from './middlewares/committee-content.js';
import { createPublishedChangesMiddleware } from './middlewares/published-changes.js';
import { createArticleRepository } from './repositories/articles.js';

/** Registration: hooks that must exist before any document is written. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(createArticleDocumentMiddleware(strapi) as never);
  strapi.documents.use(createChangeNoteMiddleware(strapi) as never);
  strapi.documents.use(createCommitteeContentMiddleware(strapi) as never);
  strapi.documents.use(createPublishedChangesMiddleware(strapi, createArticleRepository(strapi)) as never);
};
