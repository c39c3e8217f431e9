/** Database access of the review workflow: article states, history rows, agency membership. */
import type { Core } from '@strapi/strapi';
import type { ArticleSnapshot, WorkflowState } from '@cchc/shared';
import { z } from 'zod';
import { ADMIN_ROLE, UID } from '../constants.js';
import { agencyOfUser, agencyUserEmails } from './agency-members.js';
import { documentsOf } from './documents.js';
import { createSubmittedTallies } from './submitted-tallies.js';
import { WorkflowArticleSchema, WorkflowEventRowSchema, type WorkflowArticle, type WorkflowEventRecord, type WorkflowEventRow } from './records.js';

const ARTICLE_POPULATE = { agency: { fields: ['slug', 'name'] }, areas: { fields: ['code'] }, cover: { fields: ['alternativeText'] } } as const;
const ARTICLE_FIELDS = ['documentId', 'title', 'slug', 'format', 'workflowState', 'submittedAt', 'scheduledAt'] as const;

/** Creates the workflow repository over a Strapi instance. */
export function createWorkflowRepository(strapi: Core.Strapi) {
  const articles = () => documentsOf(strapi, UID.article);
  const submitted = createSubmittedTallies(strapi);
  return {
    /** The draft version of an article, or null. */
    async findArticle(documentId: string): Promise<WorkflowArticle | null> {
      const row = await articles().findOne({ documentId, status: 'draft', fields: ARTICLE_FIELDS, populate: ARTICLE_POPULATE });
      return WorkflowArticleSchema.nullable().parse(row ?? null);
    },

    /**
     * Sets workflow fields on every version of an article; a new `submittedAt` moves the
     * document in the counts of pieces sent in, in the same transaction.
     */
    async setState(documentId: string, fields: { workflowState: WorkflowState; submittedAt?: Date; scheduledAt?: Date | null }): Promise<void> {
      if (!fields.submittedAt) {
        await strapi.db.query(UID.article).updateMany({ where: { documentId }, data: fields });
        return;
      }
      await strapi.db.transaction(async ({ trx }) => {
        const before = await submitted.placesOfDocument(documentId, trx);
        await strapi.db.query(UID.article).updateMany({ where: { documentId }, data: fields });
        await submitted.move(before, await submitted.placesOfDocument(documentId, trx), trx);
      });
    },

    /**
     * Moves an article from one state to another only if it is still in the first;
     * true when this call made the move (so concurrent movers cannot both win).
     */
    async claimState(documentId: string, from: WorkflowState, to: WorkflowState): Promise<boolean> {
      const { count } = await strapi.db.query(UID.article).updateMany({ where: { documentId, workflowState: from, publishedAt: null }, data: { workflowState: to } });
      return count > 0;
    },

    // The article rules let these through only from the workflow's route or the scheduler.
    publish: (documentId: string) => articles().publish({ documentId }),
    unpublish: (documentId: string) => articles().unpublish({ documentId }),

    /** Records a note on an edit made after publication. */
    async addChangeNote(documentId: string, note: string, isPublic: boolean, at: Date): Promise<void> {
      await documentsOf(strapi, UID.changeNote).create({ data: { articleDocumentId: documentId, note, public: isPublic, notedAt: at } });
    },

    /** Appends a history row, with the piece's snapshot when the move stored one; returns the row's id. */
    async record(event: WorkflowEventRecord, snapshot: ArticleSnapshot | null = null): Promise<number> {
      const row = await documentsOf(strapi, UID.workflowEvent).create({ data: { ...event, snapshot } });
      return z.object({ id: z.number().int() }).parse(row).id;
    },

    /** The history of an article, oldest first, with the snapshots. */
    async history(documentId: string): Promise<WorkflowEventRow[]> {
      const rows = await documentsOf(strapi, UID.workflowEvent).findMany({
        filters: { articleDocumentId: { $eq: documentId } },
        sort: [{ occurredAt: 'asc' }, { id: 'asc' }],
        limit: 1000,
      });
      return z.array(WorkflowEventRowSchema).parse(rows);
    },

    /** Which of these pieces were sent back before (their history has a request for changes). */
    async sentBackBefore(documentIds: readonly string[]): Promise<Set<string>> {
      if (documentIds.length === 0) return new Set();
      const rows = await documentsOf(strapi, UID.workflowEvent).findMany({
        filters: { articleDocumentId: { $in: [...documentIds] }, action: { $eq: 'request-changes' } },
        fields: ['articleDocumentId'],
        limit: 10_000,
      });
      return new Set(z.array(z.object({ articleDocumentId: z.string() })).parse(rows).map((r) => r.articleDocumentId));
    },

    /** Drafts in a state, oldest submission first (the review queue). */
    async inState(state: WorkflowState, limit = 200): Promise<WorkflowArticle[]> {
      const rows = await articles().findMany({
        status: 'draft',
        filters: { workflowState: { $eq: state } },
        fields: ARTICLE_FIELDS,
        populate: ARTICLE_POPULATE,
        sort: [{ submittedAt: 'asc' }],
        limit,
      });
      return z.array(WorkflowArticleSchema).parse(rows);
    },

    /** Scheduled articles whose time has come. */
    async dueForPublication(now: Date): Promise<WorkflowArticle[]> {
      const rows = await articles().findMany({
        status: 'draft',
        filters: { workflowState: { $eq: 'scheduled' }, scheduledAt: { $lte: now.toISOString() } },
        fields: ARTICLE_FIELDS,
        populate: ARTICLE_POPULATE,
        limit: 100,
      });
      return z.array(WorkflowArticleSchema).parse(rows);
    },

    /** The slug of the agency an admin user belongs to, or null. */
    async agencyOf(userId: number): Promise<string | null> {
      return (await agencyOfUser(strapi, userId))?.slug ?? null;
    },

    /** E-mail addresses of the active editors and committee administrators. */
    async editorEmails(): Promise<string[]> {
      const users = await strapi.db.query('admin::user').findMany({
        where: { isActive: true, roles: { code: { $in: [ADMIN_ROLE.cchcEditor, ADMIN_ROLE.committeeAdmin] } } },
        select: ['email'],
      });
      return z.array(z.object({ email: z.string() })).parse(users).map((u) => u.email);
    },

    /** E-mail addresses of an agency's staff. */
    agencyEmails: (agencySlug: string) => agencyUserEmails(strapi, agencySlug),

    /** Runs `work` in one database transaction: all of it is written, or none. */
    transaction: <T>(work: () => Promise<T>) => strapi.db.transaction(work),
  };
}

/** The workflow repository's interface. */
export type WorkflowRepository = ReturnType<typeof createWorkflowRepository>;
