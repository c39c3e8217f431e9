/** Database access of the review workflow: article states, history rows, agency membership. */
import type { Core } from '@strapi/strapi';
import type { WorkflowState } from '@cchc/shared';
import { ADMIN_ROLE, UID } from '../constants.js';
import { agencyOfUser, agencyUserEmails } from './agency-members.js';

/** The draft version of an article, as the workflow needs it. */
export interface WorkflowArticle {
  documentId: string;
  title: string;
  slug: string;
  format: string;
  workflowState: WorkflowState;
  submittedAt: string | null;
  scheduledAt: string | null;
  agency: { slug: string; name: string } | null;
  areas: { code: string }[];
  cover: { alternativeText: string | null } | null;
  publishedAt?: string | null;
}

/** A history row as stored. */
export interface WorkflowEventRecord {
  articleDocumentId: string;
  action: string;
  fromState: WorkflowState;
  toState: WorkflowState;
  note: string | null;
  actorId: number | null;
  actorName: string;
  agencySlug: string | null;
  occurredAt: string;
}

const ARTICLE_POPULATE = { agency: { fields: ['slug', 'name'] }, areas: { fields: ['code'] }, cover: { fields: ['alternativeText'] } } as const;
const ARTICLE_FIELDS = ['documentId', 'title', 'slug', 'format', 'workflowState', 'submittedAt', 'scheduledAt'] as const;

/** Creates the workflow repository over a Strapi instance. */
export function createWorkflowRepository(strapi: Core.Strapi) {
  const articles = () => strapi.documents(UID.article);
  return {
    /** The draft version of an article, or null. */
    async findArticle(documentId: string): Promise<WorkflowArticle | null> {
      const row = await articles().findOne({ documentId, status: 'draft', fields: ARTICLE_FIELDS as never, populate: ARTICLE_POPULATE as never });
      return (row as unknown as WorkflowArticle | null) ?? null;
    },

    /** Sets workflow fields on the draft version (the published version follows at publication). */
    async setState(documentId: string, fields: { workflowState: WorkflowState; submittedAt?: Date; scheduledAt?: Date | null }): Promise<void> {
      await strapi.db.query(UID.article).updateMany({ where: { documentId }, data: fields });
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
      await strapi.documents(UID.changeNote).create({ data: { articleDocumentId: documentId, note, public: isPublic, notedAt: at } as never });
    },

    /** Appends a history row. */
    async record(event: WorkflowEventRecord): Promise<void> {
      await strapi.documents(UID.workflowEvent).create({ data: event as never });
    },

    /** The history of an article, oldest first. */
    async history(documentId: string): Promise<WorkflowEventRecord[]> {
      const rows = await strapi.documents(UID.workflowEvent).findMany({
        filters: { articleDocumentId: { $eq: documentId } } as never,
        sort: [{ occurredAt: 'asc' }, { id: 'asc' }] as never,
        limit: 1000,
      });
      return rows as unknown as WorkflowEventRecord[];
    },

    /** Drafts in a state, oldest submission first (the review queue). */
    async inState(state: WorkflowState, limit = 200): Promise<WorkflowArticle[]> {
      const rows = await articles().findMany({
        status: 'draft',
        filters: { workflowState: { $eq: state } } as never,
        fields: ARTICLE_FIELDS as never,
        populate: ARTICLE_POPULATE as never,
        sort: [{ submittedAt: 'asc' }] as never,
        limit,
      });
      return rows as unknown as WorkflowArticle[];
    },

    /** Scheduled articles whose time has come. */
    async dueForPublication(now: Date): Promise<WorkflowArticle[]> {
      const rows = await articles().findMany({
        status: 'draft',
        filters: { workflowState: { $eq: 'scheduled' }, scheduledAt: { $lte: now.toISOString() } } as never,
        fields: ARTICLE_FIELDS as never,
        populate: ARTICLE_POPULATE as never,
        limit: 100,
      });
      return rows as unknown as WorkflowArticle[];
    },

    /** The slug of the agency an admin user belongs to, or null. */
    async agencyOf(userId: number): Promise<string | null> {
      return (await agencyOfUser(strapi, userId))?.slug ?? null;
    },

    /** E-mail addresses of the active editors and committee administrators. */
    async editorEmails(): Promise<string[]> {
      const users = (await strapi.db.query('admin::user').findMany({
        where: { isActive: true, roles: { code: { $in: [ADMIN_ROLE.cchcEditor, ADMIN_ROLE.committeeAdmin] } } },
        select: ['email'],
      })) as Array<{ email: string }>;
      return users.map((u) => u.email);
    },

    /** E-mail addresses of an agency's staff. */
    agencyEmails: (agencySlug: string) => agencyUserEmails(strapi, agencySlug),

    /** Runs `work` in one database transaction: all of it is written, or none. */
    transaction: <T>(work: () => Promise<T>) => strapi.db.transaction(work),
  };
}

/** The workflow repository's interface. */
export type WorkflowRepository = ReturnType<typeof createWorkflowRepository>;
