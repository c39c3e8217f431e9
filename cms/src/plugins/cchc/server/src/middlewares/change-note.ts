/** Document Service middleware for change notes: they must name an existing article, and are stored in NFC. */
import type { Core } from '@strapi/strapi';
import { nfc } from '@cchc/shared';
import { UID } from '../constants.js';
import { InvalidInputError, MESSAGES } from '../errors.js';

/** Creates the middleware, bound to a Strapi instance. */
export function createChangeNoteMiddleware(strapi: Core.Strapi) {
  return async (context: { uid: string; action: string; params: Record<string, unknown> }, next: () => Promise<unknown>) => {
    if (context.uid !== UID.changeNote || (context.action !== 'create' && context.action !== 'update')) return next();
    const data = context.params.data as Record<string, unknown> | undefined;
    if (data && typeof data.note === 'string') data.note = nfc(data.note);
    if (data && 'articleDocumentId' in data) {
      const id = data.articleDocumentId;
      const exists = typeof id === 'string' && (await strapi.db.query(UID.article).count({ where: { documentId: id } })) > 0;
      if (!exists) throw new InvalidInputError(MESSAGES.changeNoteArticle);
    }
    return next();
  };
}
