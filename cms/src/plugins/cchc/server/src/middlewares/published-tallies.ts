/**
 * Document Service middleware that keeps the counts (repositories/published-tallies.ts
 * and submitted-tallies.ts) equal to the articles, in the same transaction as each
 * operation: one that can change an article's published version (publish, unpublish,
 * delete, a create or update straight to published) moves its piece from its old group
 * to its new one; any write moves the document's "sent in" places (its agency or
 * `submittedAt` may change). Deleting an agency, area or topic changes the groups of
 * every piece linked to it: the counts are rebuilt once the delete has committed.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../constants.js';
import type { PublishedTallies } from '../repositories/published-tallies.js';

const ARTICLE_ACTIONS = new Set(['publish', 'unpublish', 'delete', 'create', 'update', 'discardDraft']);
const LINKED_UIDS = new Set<string>([UID.agency, UID.reformArea, UID.topic]);

/** Creates the middleware over a Strapi instance and the counts. */
export function createPublishedTalliesMiddleware(strapi: Core.Strapi, tallies: PublishedTallies) {
  /** Rebuilds once the current one (if any) is done; bulk deletes queue one rebuild each, run one after another. */
  let queue: Promise<unknown> = Promise.resolve();
  const recountLater = () => {
    queue = queue.then(() => tallies.recount()).catch((error: Error) => strapi.log.error(`[cchc] rebuilding the counts failed: ${error.message}; they are rebuilt at the next start`));
    return queue;
  };
  return async (context: { uid: string; action: string; params: Record<string, unknown> }, next: () => Promise<unknown>) => {
    const { uid, action, params } = context;
    if (LINKED_UIDS.has(uid) && action === 'delete') {
      const result = await next();
      // Once the delete has committed: at once, or, inside a wider transaction (a bulk delete), after it.
      if (!strapi.db.inTransaction()) await tallies.recount();
      else await strapi.db.transaction(({ onCommit }) => onCommit(() => void recountLater()));
      return result;
    }
    if (uid !== UID.article || !ARTICLE_ACTIONS.has(action)) return next();
    // A plain save or a discarded draft changes only the draft.
    const published = action === 'publish' || action === 'unpublish' || action === 'delete' || params.status === 'published';
    return strapi.db.transaction(async ({ trx }) => {
      const given = typeof params.documentId === 'string' ? params.documentId : undefined;
      if (given) await tallies.lockDocument(given, trx);
      const before = given ? await Promise.all([published ? tallies.keyOfDocument(given, trx) : null, tallies.submitted.placesOfDocument(given, trx)]) : null;
      const result = await next();
      const documentId = given ?? (result as { documentId?: unknown } | null)?.documentId;
      if (typeof documentId !== 'string') return result;
      if (published) await tallies.move(before?.[0] ?? null, await tallies.keyOfDocument(documentId, trx), trx);
      await tallies.submitted.move(before?.[1] ?? [], await tallies.submitted.placesOfDocument(documentId, trx), trx);
      return result;
    });
  };
}
