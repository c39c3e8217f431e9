/**
 * Document Service middleware that reports changes the public can see to the
 * published-changes service (and writes an article's search entry in the change's own transaction):
 * an article published, unpublished, deleted, or
 * created or updated straight to published; a change note written; any write to
 * taxonomies and agencies; any write to the Steering Committee website's content.
 * A plain save changes only a draft, which the public does not see.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { COMMITTEE_UIDS, CONTEST_UIDS, PLUGIN_ID, UID } from '../constants.js';
import type { ArticleRepository } from '../repositories/articles.js';
import { documentsOf } from '../repositories/documents.js';
import { pluginServices } from '../services/index.js';

const ARTICLE_ACTIONS = new Set(['publish', 'unpublish', 'delete', 'create', 'update']);
const TAXONOMY_UIDS = new Set<string>([UID.reformArea, UID.topic, UID.agency, UID.plan, UID.planTask]);
/** The taxonomies the search filters on (plans are not among them). */
const FACET_UIDS = new Set<string>([UID.reformArea, UID.topic, UID.agency]);
const WRITE_ACTIONS = new Set(['create', 'update', 'delete']);
const COMMITTEE = new Set<string>(COMMITTEE_UIDS);
const CONTEST = new Set<string>(CONTEST_UIDS);
const COMMITTEE_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);
/** A change note read for the article it belongs to. */
const NoteArticle = z.object({ articleDocumentId: z.string() });

/** Runs `work` once the current transaction, if any, has committed (never for a rolled-back change). */
function afterCommit(strapi: Core.Strapi, work: () => void): void {
  if (!strapi.db.inTransaction()) return work();
  void strapi.db.transaction(({ onCommit }) => onCommit(work));
}

/** Creates the middleware, bound to a Strapi instance and the article repository. */
export function createPublishedChangesMiddleware(strapi: Core.Strapi, articles: ArticleRepository) {
  const services = pluginServices(strapi);
  const changes = () => services['published-changes'];

  /** A change note shows on its article's page: refresh that page. */
  async function noteChanged(params: Record<string, unknown>, next: () => Promise<unknown>): Promise<unknown> {
    const noteId = typeof params.documentId === 'string' ? params.documentId : undefined;
    const before = noteId ? NoteArticle.nullable().parse((await documentsOf(strapi, UID.changeNote).findOne({ documentId: noteId, fields: ['articleDocumentId'] })) ?? null) : null;
    const result = (await next()) as { articleDocumentId?: string } | null;
    const articleIds = new Set([before?.articleDocumentId, result?.articleDocumentId].filter((id): id is string => typeof id === 'string'));
    for (const id of articleIds) {
      const row = await articles.findPublishedByDocumentId(id);
      if (row) afterCommit(strapi, () => changes().articleChanged(id, row, row));
    }
    return result;
  }

  return async (context: { uid: string; action: string; params: Record<string, unknown> }, next: () => Promise<unknown>) => {
    const { uid, action, params } = context;
    // While Strapi boots (the seed runs then), the search catches up afterwards and no site has cached anything.
    if (!strapi.isLoaded) return next();
    if (TAXONOMY_UIDS.has(uid) && WRITE_ACTIONS.has(action)) {
      const result = await next();
      afterCommit(strapi, () => changes().taxonomyChanged(FACET_UIDS.has(uid)));
      return result;
    }
    if (COMMITTEE.has(uid) && COMMITTEE_ACTIONS.has(action)) {
      const result = await next();
      afterCommit(strapi, () => changes().committeeChanged());
      return result;
    }
    if (CONTEST.has(uid) && WRITE_ACTIONS.has(action)) {
      const result = await next();
      afterCommit(strapi, () => changes().contestChanged());
      return result;
    }
    if (uid === UID.changeNote && WRITE_ACTIONS.has(action)) return noteChanged(params, next);
    if (uid !== UID.article || !ARTICLE_ACTIONS.has(action)) return next();
    if ((action === 'create' || action === 'update') && params.status !== 'published') return next();
    // The change and its search entry commit together: every CMS instance finds what it sees published.
    return strapi.db.transaction(async () => {
      const given = typeof params.documentId === 'string' ? params.documentId : undefined;
      const before = given ? await articles.findPublishedByDocumentId(given) : null;
      const result = await next();
      const documentId = given ?? (result as { documentId?: string } | null)?.documentId;
      if (documentId) {
        const after = await services.search.index(documentId);
        afterCommit(strapi, () => changes().articleChanged(documentId, before, after));
      }
      return result;
    });
  };
}
