/**
 * The review workflow: who may move a piece from one state to another (rules in
 * @cchc/shared workflow), the side effects (publication, scheduling), and the
 * history row of every move, all in one transaction.
 */
import {
  WORKFLOW_REFUSAL_MESSAGES,
  addWorkingDays,
  availableActions,
  baselineEvent,
  decideTransition,
  diffSnapshots,
  workingDaysBetween,
  type ArticleSnapshot,
  type GetArticleChanges,
  type GetArticleHistory,
  type GetReviewQueue,
  type Handler,
  type Holidays,
  type TransitionArticle,
  type WorkflowEvent,
  type WorkflowRole,
  type DeskEventAction,
} from '@cchc/shared';
import { ConflictError, ForbiddenError, InvalidInputError, MESSAGES, NotFoundError } from '../errors.js';
import type { ReviewClaim } from '../repositories/desk.js';
import type { WorkflowArticle, WorkflowEventRecord, WorkflowEventRow } from '../repositories/records.js';
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

const toEvent = (row: WorkflowEventRecord & { id?: number; snapshot?: ArticleSnapshot | null }): WorkflowEvent => ({
  id: row.id ?? 0,
  action: row.action,
  fromState: row.fromState,
  toState: row.toState,
  note: row.note ?? '',
  actorName: row.actorName,
  occurredAt: new Date(row.occurredAt).toISOString(),
  hasSnapshot: Boolean(row.snapshot),
});

const toHandler = (claim: ReviewClaim | null | undefined, actor: Actor): Handler | null =>
  claim ? { id: claim.userId, name: claim.userName, since: claim.claimedAt.toISOString(), isMe: claim.userId === actor.id } : null;

/** Collaborators of the workflow service. */
export interface WorkflowDeps {
  repo: WorkflowRepository;
  /** The editors' desk: snapshots of drafts and who handles each submitted piece. */
  desk: {
    snapshotOf(documentId: string): Promise<ArticleSnapshot | null>;
    claimsOf(documentIds: readonly string[]): Promise<Map<string, ReviewClaim>>;
    claim(documentId: string, userId: number, userName: string, at: Date, takeOver: boolean): Promise<boolean>;
    handlerOf(documentId: string): Promise<ReviewClaim | null>;
    release(documentId: string, userId: number | null): Promise<boolean>;
  };
  holidays: () => Promise<Holidays>;
  /** Working days a submitted piece may wait. */
  reviewTargetDays: number;
  /** Told of every move once it is committed (e-mails). */
  notify?: (article: { documentId: string; title: string; agencyName: string }, event: WorkflowEventRecord) => Promise<void>;
  now?: () => Date;
}

/** Creates the workflow service. */
export function createWorkflowService({ repo, desk, holidays, reviewTargetDays, notify = async () => {}, now = () => new Date() }: WorkflowDeps) {
  const tell = (article: WorkflowArticle, event: WorkflowEventRecord) =>
    notify({ documentId: article.documentId, title: article.title, agencyName: article.agency?.name ?? '' }, event);

  /** Appends a history row that moves nothing (a take, a share link): from and to the piece's current state. */
  async function recordDeskEvent(article: WorkflowArticle, actor: Actor, action: DeskEventAction, note: string | null, at = now()): Promise<void> {
    await repo.record({
      articleDocumentId: article.documentId,
      action,
      fromState: article.workflowState,
      toState: article.workflowState,
      note,
      actorId: actor.id,
      actorName: actor.name,
      agencySlug: article.agency?.slug ?? null,
      occurredAt: at.toISOString(),
    });
  }

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
    /** Throws NotFoundError unless the actor may see the piece (contributors: their agency's only). */
    visible: (documentId: string, actor: Actor): Promise<WorkflowArticle> => visibleArticle(documentId, actor),

    /** Records a share link made or revoked on a piece the actor may see. */
    async recordShare(documentId: string, actor: Actor, action: 'share-preview' | 'revoke-preview', note: string): Promise<void> {
      await recordDeskEvent(await visibleArticle(documentId, actor), actor, action, note);
    },

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
      const recorded = await repo.transaction(async () => {
        // What the piece says at this move: the next round's diff compares with it.
        const snapshot = await desk.snapshotOf(documentId);
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
        // Out of review, nobody handles it any more.
        if (decision.to !== 'submitted') await desk.release(documentId, null);
        return { id: await repo.record(event, snapshot), snapshot };
      });
      await tell(article, event);
      return { state: decision.to, event: toEvent({ ...event, ...recorded }) };
    },

    /** The state, the actions this actor may take, and the history of an article. */
    async history(documentId: string, actor: Actor): Promise<GetArticleHistory.Response['data']> {
      const article = await visibleArticle(documentId, actor);
      const [events, handler] = await Promise.all([repo.history(documentId), desk.handlerOf(documentId)]);
      return {
        state: article.workflowState,
        actions: availableActions(article.workflowState, actor.role),
        events: events.map(toEvent),
        handler: article.workflowState === 'submitted' ? toHandler(handler, actor) : null,
      };
    },

    /** What changed in the draft since a recorded move (`since`), or since the baseline its state calls for. */
    async changes(documentId: string, actor: Actor, since: number | undefined): Promise<GetArticleChanges.Response['data']> {
      const article = await visibleArticle(documentId, actor);
      const events = await repo.history(documentId);
      const withSnapshots = events.filter((e): e is WorkflowEventRow & { snapshot: ArticleSnapshot } => e.snapshot !== null);
      const baseline = since === undefined ? baselineEvent(article.workflowState, withSnapshots) : withSnapshots.find((e) => e.id === since);
      if (since !== undefined && !baseline) throw new NotFoundError(MESSAGES.snapshotNotFound);
      if (!baseline) return { baseline: null, diff: null };
      const current = await desk.snapshotOf(documentId);
      if (!current) throw new NotFoundError(MESSAGES.articleNotFound);
      return { baseline: toEvent(baseline), diff: diffSnapshots(baseline.snapshot, current) };
    },

    /** Marks the editor as handling a submitted piece ("Tôi xử lý"), or lets go of it; recorded in the history. */
    async take(documentId: string, actor: Actor, body: { release: boolean; takeOver: boolean }): Promise<Handler | null> {
      const userId = actor.id;
      if (actor.role === 'contributor' || userId === null) throw new ForbiddenError(WORKFLOW_REFUSAL_MESSAGES['not-allowed']);
      const article = await visibleArticle(documentId, actor);
      const at = now();
      const record = (action: DeskEventAction, note: string | null) => recordDeskEvent(article, actor, action, note, at);
      if (body.release) {
        // The claim and its history row go together, or neither does.
        await repo.transaction(async () => {
          if (await desk.release(documentId, userId)) await record('release', null);
        });
        return toHandler(await desk.handlerOf(documentId), actor);
      }
      if (article.workflowState !== 'submitted') throw new InvalidInputError(MESSAGES.notInReview);
      const before = await desk.handlerOf(documentId);
      if (before?.userId === userId) return toHandler(before, actor);
      const took = await repo.transaction(async () => {
        if (!(await desk.claim(documentId, userId, actor.name, at, body.takeOver))) return false;
        await record('take', before ? `Nhận thay ${before.userName}` : null);
        return true;
      });
      if (!took) {
        const holder = await desk.handlerOf(documentId);
        throw new ConflictError(MESSAGES.takenByOther(holder?.userName ?? 'một biên tập viên khác'));
      }
      return toHandler(await desk.handlerOf(documentId), actor);
    },

    /** Submitted pieces waiting for an editor, oldest first. */
    async reviewQueue(actor: Actor): Promise<GetReviewQueue.Response> {
      if (actor.role === 'contributor') throw new ForbiddenError(WORKFLOW_REFUSAL_MESSAGES['not-allowed']);
      const at = now();
      const pieces = await repo.inState('submitted');
      const ids = pieces.map((a) => a.documentId);
      const [days, claims, sentBack] = await Promise.all([holidays(), desk.claimsOf(ids), repo.sentBackBefore(ids)]);
      const data = pieces.map((a) => {
        const submitted = a.submittedAt ? new Date(a.submittedAt) : at;
        return {
          documentId: a.documentId,
          title: a.title,
          agency: a.agency?.name ?? '',
          areas: a.areas.map((r) => r.code),
          format: a.format,
          submittedAt: a.submittedAt,
          ageHours: Math.round((at.getTime() - submitted.getTime()) / 36e5),
          ageWorkingDays: Math.max(0, workingDaysBetween(submitted, at, days)),
          // Late once the last moment of the target's last working day has passed.
          overdue: at.getTime() > addWorkingDays(submitted, reviewTargetDays, days).getTime(),
          resubmitted: sentBack.has(a.documentId),
          handler: toHandler(claims.get(a.documentId), actor),
          actions: availableActions('submitted', actor.role),
        };
      });
      return { data, meta: { targetDays: reviewTargetDays } };
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
          const snapshot = await desk.snapshotOf(article.documentId);
          if (!(await repo.claimState(article.documentId, 'scheduled', 'published'))) return false;
          await repo.publish(article.documentId);
          await repo.record(event, snapshot);
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
