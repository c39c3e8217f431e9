/**
 * Document Service middleware for articles: whatever saves an article (admin
 * panel, seed, plugin routes), its text is stored in NFC, it gets a unique
 * Vietnamese-aware slug, it cannot be published without a reform area, and it is
 * dated when first published if the editor gave no publication date.
 */
import type { Core } from '@strapi/strapi';
import { nfc, slugify } from '@cchc/shared';
import { UID } from '../constants.js';
import { InvalidInputError, MESSAGES } from '../errors.js';
import { workflowRoleOf } from '../services/roles.js';
import { inWorkflow } from '../workflow/context.js';
import { agencyOfUser } from '../repositories/agency-members.js';
import { uniqueSlug } from '../repositories/slugs.js';

const TEXT_FIELDS = ['title', 'summary', 'body', 'byline', 'slug'] as const;
/** Moved only by the workflow service, never by a save from the admin panel. */
const WORKFLOW_FIELDS = ['workflowState', 'submittedAt', 'scheduledAt'] as const;

type Data = Record<string, unknown>;

/** Normalises the article's text fields to NFC, in place. */
export function normaliseText(data: Data): void {
  for (const field of TEXT_FIELDS) {
    const value = data[field];
    if (typeof value === 'string') data[field] = nfc(value);
  }
}

/** Creates the middleware, bound to a Strapi instance. */
export function createArticleDocumentMiddleware(strapi: Core.Strapi) {
  /** A slug based on `base` that no other article document uses. */
  const articleSlug = (base: string, documentId: string | undefined) => uniqueSlug(strapi, UID.article, base, documentId, 'bai-viet');

  /**
   * Saves made by an admin user (the admin panel sets createdBy/updatedBy): the
   * workflow fields are left alone, and a contributor's piece always belongs to
   * the contributor's own agency, whatever the form sent.
   */
  async function applyAuthorRules(data: Data): Promise<void> {
    const userId = data.updatedBy ?? data.createdBy;
    if (typeof userId !== 'number' && typeof userId !== 'string') return;
    for (const field of WORKFLOW_FIELDS) delete data[field];
    const user = (await strapi.db.query('admin::user').findOne({ where: { id: userId }, populate: { roles: { select: ['code'] } } })) as
      | { email: string; roles?: Array<{ code: string }> }
      | null;
    if (!user || workflowRoleOf((user.roles ?? []).map((r) => r.code)) !== 'contributor') return;
    const agency = await agencyOfUser(strapi, user.email);
    if (!agency) throw new InvalidInputError(MESSAGES.contributorWithoutAgency);
    data.agency = agency.documentId;
  }

  /** Checks a draft before it is published, and dates it when it has no publication date. */
  async function prepareForPublishing(documentId: string): Promise<void> {
    const draft = (await strapi.documents(UID.article).findOne({
      documentId,
      status: 'draft',
      fields: ['publicationDate'] as never,
      populate: { areas: { fields: ['code'] } } as never,
    })) as { areas?: unknown[]; publicationDate?: string | null } | null;
    if (!draft) return;
    if ((draft.areas ?? []).length === 0) throw new InvalidInputError(MESSAGES.areaRequired);
    // Lists sort by publication date; an undated article would sort differently per database.
    if (!draft.publicationDate) {
      await strapi.db.query(UID.article).update({ where: { documentId, publishedAt: null }, data: { publicationDate: new Date() } });
    }
  }

  return async (context: { uid: string; action: string; params: Record<string, unknown> }, next: () => Promise<unknown>) => {
    if (context.uid !== UID.article) return next();
    const { action, params } = context;
    if ((action === 'create' || action === 'update') && params.data && typeof params.data === 'object') {
      const data = params.data as Data;
      normaliseText(data);
      await applyAuthorRules(data);
      const documentId = typeof params.documentId === 'string' ? params.documentId : undefined;
      if (action === 'create' && (typeof data.title !== 'string' || data.title.trim() === '')) {
        throw new InvalidInputError(MESSAGES.titleRequired);
      }
      if (typeof data.slug === 'string' && data.slug !== '') {
        data.slug = await articleSlug(slugify(data.slug), documentId);
      } else if (action === 'create' || data.slug === '' || data.slug === null) {
        if (typeof data.title === 'string') data.slug = await articleSlug(slugify(data.title), documentId);
      }
    }
    // Once Strapi is up, pieces go public only through the workflow, which records who and why.
    const goesPublic = action === 'publish' || action === 'unpublish' || ((action === 'create' || action === 'update') && params.status === 'published');
    if (goesPublic && strapi.isLoaded && !inWorkflow()) throw new InvalidInputError(MESSAGES.useWorkflow);
    if (action === 'publish' && typeof params.documentId === 'string') await prepareForPublishing(params.documentId);
    return next();
  };
}
