/**
 * The review workflow: who may move a piece from one state to another (rules in
 * @cchc/shared workflow), the side effects (publication, scheduling), and the
 * history row of every move, all in one transaction.
 */
import {
  WORKFLOW_REFUSAL_MESSAGES,
  availableActions,
  decideTransition,
  type GetArticleHistory,
  type GetReviewQueue,
  type TransitionArticle,
  type WorkflowEvent,
  type WorkflowRole,
} from '@cchc/shared';
import { ForbiddenError, InvalidInputError, MESSAGES, NotFoundError } from '../errors.js';
import type { WorkflowArticle, WorkflowEventRecord } from '../repositories/records.js';
import type { WorkflowRepository } from '../repositories/workflow.js';

/** The signed-in administrator taking an action. */
export interface Actor {
  id: number | null;
  name: string;
  email: string;
  role: WorkflowRole;
}

/** The actor the scheduler acts as. */
export const SCHEDULER: Actor = { id: null, name: 'Hệ thống (đăng theo lịch hẹn)', email: '', role: 'editor' };

const toEvent = (row: WorkflowEventRecord): WorkflowEvent => ({
  action: row.action,
  fromState: row.fromState,
  toState: row.toState,
  note: row.note ?? '',
  actorName: row.actorName,
  occurredAt: new Date(row.occurredAt).toISOString(),
});

/** Collaborators of the workflow service. */
export interface WorkflowDeps {
  repo: WorkflowRepository;
  /** Told of every move once it is committed (e-mails). */
  notify?: (article: { documentId: string; title: string; agencyName: string }, event: WorkflowEventRecord) => Promise<void>;
  now?: () => Date;
}

/** Creates the workflow service. */
export function createWorkflowService({ repo, notify = async () => {}, now = () => new Date() }: WorkflowDeps) {
  const tell = (article: WorkflowArticle, event: WorkflowEventRecord) =>
    notify({ documentId: article.documentId, title: article.title, agencyName: article.agency?.name ?? '' }, event);

  /** The article, if this actor may see it at all: contributors see only their own agency's pieces. */
  async function visibleArticle(documentId: string, actor: Actor): Promise<WorkflowArticle> {
    const article = await repo.findArticle(documentId);
    if (!article) throw new NotFoundError(MESSAGES.articleNotFound);
    if (actor.role === 'contributor') {
      const agency = actor.id === null ? null : await repo.agencyOf(actor.id);
      // Another agency's piece is not even acknowledged.
      if (!agency || article.agency?.slug !== agency) throw new NotFoundError(MESSAGES.articleNotFound);
    }
    return article;
  }

  /** Checks what the rules table cannot: content required before some moves. */
  function checkContent(article: WorkflowArticle, action: string, body: TransitionArticle.Body): void {
    if (action === 'submit' || action === 'publish-directly') {
      if (article.areas.length === 0) throw new InvalidInputError(MESSAGES.areaRequired);
      if (article.cover && !article.cover.alternativeText?.trim()) throw new InvalidInputError(MESSAGES.altTextRequired);
      if (!article.agency) throw new InvalidInputError(MESSAGES.agencyRequired);
    }
    if (action === 'schedule') {
      if (!body.scheduledAt) throw new InvalidInputError(MESSAGES.scheduleTimeRequired);
      if (Date.parse(body.scheduledAt) <= now().getTime()) throw new InvalidInputError(MESSAGES.scheduleTimeInPast);
    }
  }

  return {
    /** Takes an action on an article; returns the new state and the history row. */
    async transition(documentId: string, actor: Actor, body: TransitionArticle.Body): Promise<TransitionArticle.Response['data']> {
      const article = await visibleArticle(documentId, actor);
      const decision = decideTransition(article.workflowState, body.action, actor.role, body.note);
      if (!decision.ok) {
        const message = WORKFLOW_REFUSAL_MESSAGES[decision.refusal];
        throw decision.refusal === 'not-allowed' ? new ForbiddenError(message) : new InvalidInputError(message);
      }
      checkContent(article, body.action, body);
      const at = now();
      const event: WorkflowEventRecord = {
        articleDocumentId: documentId,
        action: body.action,
        fromState: article.workflowState,
        toState: decision.to,
        note: body.note.trim() || null,
        actorId: actor.id,
        actorName: actor.name,
        agencySlug: article.agency?.slug ?? null,
        occurredAt: at.toISOString(),
      };
      await repo.transaction(async () => {
        // The claim fails if someone else moved the piece meanwhile: no double publication.
        if (!(await repo.claimState(documentId, article.workflowState, decision.to))) {
          throw new InvalidInputError(WORKFLOW_REFUSAL_MESSAGES['wrong-state']);
        }
        if (body.action === 'submit') await repo.setState(documentId, { workflowState: decision.to, submittedAt: at });
        if (body.action === 'schedule') await repo.setState(documentId, { workflowState: decision.to, scheduledAt: new Date(body.scheduledAt!) });
        if (body.action === 'unschedule') await repo.setState(documentId, { workflowState: decision.to, scheduledAt: null });
        if (decision.to === 'published') await repo.publish(documentId);
        if (body.action === 'publish-update') await repo.addChangeNote(documentId, body.note.trim(), body.publicNote, at);
        if (body.action === 'withdraw') await repo.unpublish(documentId);
        await repo.record(event);
      });
      await tell(article, event);
      return { state: decision.to, event: toEvent(event) };
    },

    /** The state, the actions this actor may take, and the history of an article. */
    async history(documentId: string, actor: Actor): Promise<GetArticleHistory.Response['data']> {
      const article = await visibleArticle(documentId, actor);
      return {
        state: article.workflowState,
        actions: availableActions(article.workflowState, actor.role),
        events: (await repo.history(documentId)).map(toEvent),
      };
    },

    /** Submitted pieces waiting for an editor, oldest first. */
    async reviewQueue(actor: Actor): Promise<GetReviewQueue.Response['data']> {
      if (actor.role === 'contributor') throw new ForbiddenError(WORKFLOW_REFUSAL_MESSAGES['not-allowed']);
      const at = now().getTime();
      return (await repo.inState('submitted')).map((a) => ({
        documentId: a.documentId,
        title: a.title,
        agency: a.agency?.name ?? '',
        areas: a.areas.map((r) => r.code),
        format: a.format,
        submittedAt: a.submittedAt,
        ageHours: a.submittedAt ? Math.round((at - Date.parse(a.submittedAt)) / 36e5) : 0,
        actions: availableActions('submitted', actor.role),
      }));
    },

    /** Publishes the scheduled pieces whose time has come; returns how many. Safe to run concurrently and after restarts. */
    async publishDue(): Promise<number> {
      let published = 0;
      for (const article of await repo.dueForPublication(now())) {
        const event: WorkflowEventRecord = {
          articleDocumentId: article.documentId,
          action: 'publish',
          fromState: 'scheduled',
          toState: 'published',
          note: null,
          actorId: SCHEDULER.id,
          actorName: SCHEDULER.name,
          agencySlug: article.agency?.slug ?? null,
          occurredAt: now().toISOString(),
        };
        const done = await repo.transaction(async () => {
          if (!(await repo.claimState(article.documentId, 'scheduled', 'published'))) return false;
          await repo.publish(article.documentId);
          await repo.record(event);
          return true;
        });
        if (done) {
          published++;
          await tell(article, event);
        }
      }
      return published;
    },
  };
}

/** The workflow service's interface. */
export type WorkflowService = ReturnType<typeof createWorkflowService>;
