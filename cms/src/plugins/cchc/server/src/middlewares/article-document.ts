/**
 * Document Service middleware for articles: the one adapter between every path
 * that writes a piece (the Content Manager's single and bulk actions, clone,
 * discard, delete, the workflow, the seed) and the article rules in
 * @cchc/shared (`decideArticleOperation`). Besides the rules, whatever saves an
 * article stores its text in NFC and gives it a unique Vietnamese-aware slug; a
 * piece cannot be published without a reform area, and is dated when first published.
 */
import type { Core } from '@strapi/strapi';
import {
  ARTICLE_OPERATIONS,
  ARTICLE_REFUSAL_MESSAGES,
  FRESH_DRAFT_FIELDS,
  decideArticleOperation,
  nfc,
  slugify,
  type ArticleOperation,
  type ArticleRefusal,
  type StoredPiece,
  type WorkflowState,
} from '@cchc/shared';
import { z } from 'zod';
import { UID } from '../constants.js';
import { ForbiddenError, InvalidInputError, MESSAGES, NotFoundError } from '../errors.js';
import { agencyOfUser } from '../repositories/agency-members.js';
import { uniqueSlug } from '../repositories/slugs.js';
import { currentCaller } from '../workflow/caller.js';

const TEXT_FIELDS = ['title', 'summary', 'body', 'byline', 'slug'] as const;
/** Strapi's own fields that no form may set on a piece. */
const SYSTEM_FIELDS = ['publishedAt', 'id', 'documentId'] as const;

type Data = Record<string, unknown>;
type Context = { uid: string; action: string; params: Record<string, unknown> };

/** Normalises the article's text fields to NFC, in place. */
export function normaliseText(data: Data): void {
  for (const field of TEXT_FIELDS) {
    const value = data[field];
    if (typeof value === 'string') data[field] = nfc(value);
  }
}

/** The operation a Document Service action amounts to (a create or update straight to published also publishes). */
function operationsOf(action: string, params: Record<string, unknown>): ArticleOperation[] {
  const operation = ARTICLE_OPERATIONS.find((o) => o === action);
  if (!operation) return [];
  return (operation === 'create' || operation === 'update') && params.status === 'published' ? [operation, 'publish'] : [operation];
}

const StoredRow = z.object({
  workflowState: z.string(),
  submittedAt: z.union([z.string(), z.date(), z.number()]).nullable().optional(),
  publicationDate: z.union([z.string(), z.date(), z.number()]).nullable().optional(),
  title: z.string().nullable().optional(),
  slug: z.string().nullable().optional(),
  agency: z.object({ id: z.number() }).nullable().optional(),
});

/** The error a refusal is answered with: 404 for what is not there, 400 for a wrong path, 403 otherwise. */
function refusalError(refusal: ArticleRefusal): Error {
  const message = ARTICLE_REFUSAL_MESSAGES[refusal];
  if (refusal === 'not-found') return new NotFoundError(message);
  if (refusal === 'use-workflow') return new InvalidInputError(message);
  return new ForbiddenError(message);
}

/** Creates the middleware, bound to a Strapi instance. */
export function createArticleDocumentMiddleware(strapi: Core.Strapi) {
  /** A slug based on `base` that no other article document uses. */
  const articleSlug = (base: string, documentId: string | undefined) => uniqueSlug(strapi, UID.article, base, documentId, 'bai-viet');

  /** The draft version of a stored piece, as the rules need it. */
  async function storedDraft(documentId: string) {
    const row = await strapi.db.query(UID.article).findOne({
      where: { documentId, publishedAt: null },
      select: ['workflowState', 'submittedAt', 'publicationDate', 'title', 'slug'],
      populate: { agency: { select: ['id'] } },
    });
    return row ? StoredRow.parse(row) : null;
  }

  /** Checks a draft before it is published, and dates it when it has no publication date. */
  async function prepareForPublishing(documentId: string): Promise<void> {
    const draft = await strapi.db.query(UID.article).findOne({
      where: { documentId, publishedAt: null },
      select: ['publicationDate'],
      populate: { areas: { select: ['id'] } },
    });
    if (!draft) return;
    const { areas, publicationDate } = z.object({ areas: z.array(z.unknown()).optional(), publicationDate: z.unknown() }).parse(draft);
    if ((areas ?? []).length === 0) throw new InvalidInputError(MESSAGES.areaRequired);
    // Lists sort by publication date; an undated article would sort differently per database.
    if (!publicationDate) {
      await strapi.db.query(UID.article).update({ where: { documentId, publishedAt: null }, data: { publicationDate: new Date() } });
    }
  }

  /** Applies the rules to one operation; shapes the data sent accordingly. */
  async function enforceRules(operation: ArticleOperation, params: Record<string, unknown>): Promise<void> {
    const { caller, userId } = currentCaller(strapi);
    const documentId = typeof params.documentId === 'string' ? params.documentId : undefined;
    const stored = operation !== 'create' && documentId ? await storedDraft(documentId) : null;
    const contributor = caller.kind === 'user' && caller.role === 'contributor';
    const membership = contributor && userId !== null ? await agencyOfUser(strapi, userId) : null;
    if (contributor && !membership) throw new InvalidInputError(MESSAGES.contributorWithoutAgency);
    const piece: StoredPiece | null = stored
      ? {
          state: stored.workflowState as WorkflowState,
          // Published directly, a piece has no submission on record but a decision all the same.
          everSubmitted: Boolean(stored.submittedAt) || Boolean(stored.publicationDate),
          sameAgency: !contributor || stored.agency?.id === membership?.id,
        }
      : null;
    const decision = decideArticleOperation(caller, operation, piece);
    if (!decision.ok) throw refusalError(decision.refusal);
    if (operation !== 'create' && operation !== 'update' && operation !== 'clone') return;
    const data = (params.data && typeof params.data === 'object' ? params.data : (params.data = {})) as Data;
    if (caller.kind === 'user') for (const field of SYSTEM_FIELDS) delete data[field];
    for (const field of decision.strip) delete data[field];
    if (decision.forceOwnAgency && membership) data.agency = membership.documentId;
    if (decision.freshDraft) {
      Object.assign(data, FRESH_DRAFT_FIELDS);
      // A copy needs its own address.
      if (typeof data.slug !== 'string' || data.slug === '') data.slug = slugify(String(data.title ?? stored?.slug ?? stored?.title ?? ''));
    }
  }

  return async (context: Context, next: () => Promise<unknown>) => {
    if (context.uid !== UID.article) return next();
    const { action, params } = context;
    for (const operation of operationsOf(action, params)) await enforceRules(operation, params);
    if ((action === 'create' || action === 'update' || action === 'clone') && params.data && typeof params.data === 'object') {
      const data = params.data as Data;
      normaliseText(data);
      const documentId = action === 'update' && typeof params.documentId === 'string' ? params.documentId : undefined;
      if (action === 'create' && (typeof data.title !== 'string' || data.title.trim() === '')) {
        throw new InvalidInputError(MESSAGES.titleRequired);
      }
      if (typeof data.slug === 'string' && data.slug !== '') {
        data.slug = await articleSlug(slugify(data.slug), documentId);
      } else if (action === 'create' || data.slug === '' || data.slug === null) {
        if (typeof data.title === 'string') data.slug = await articleSlug(slugify(data.title), documentId);
      }
    }
    if (action === 'publish' && typeof params.documentId === 'string') await prepareForPublishing(params.documentId);
    return next();
  };
}
