import type { Core } from '@strapi/strapi';
import { createArticleDocumentMiddleware } from './middlewares/article-document.js';

/** Registration: hooks that must exist before any document is written. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(createArticleDocumentMiddleware(strapi) as never);
};
