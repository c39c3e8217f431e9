/**
 * E-mails of the review workflow, sent through Strapi's email plugin: editors hear
 * of every submission, and the submitting agency of every decision on its piece.
 * A mail that cannot be sent is logged, never allowed to undo the decision.
 */
import { WORKFLOW_ACTIONS, WORKFLOW_STATE_LABELS, isWorkflowAction } from '@cchc/shared';
import type { WorkflowEventRecord } from '../repositories/records.js';

/** One e-mail. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Collaborators of the notification service. */
export interface NotificationDeps {
  enabled: boolean;
  send: (mail: Mail) => Promise<void>;
  editorEmails: () => Promise<string[]>;
  agencyEmails: (agencySlug: string) => Promise<string[]>;
  adminUrl: string;
  log: { info: (m: string) => void; warn: (m: string) => void };
}

/** Creates the notification service. */
export function createNotificationService({ enabled, send, editorEmails, agencyEmails, adminUrl, log }: NotificationDeps) {
  const link = (documentId: string) => `${adminUrl.replace(/\/$/, '')}/content-manager/collection-types/plugin::cchc.article/${documentId}`;

  async function sendAll(to: string[], subject: string, text: string): Promise<void> {
    for (const address of new Set(to)) {
      try {
        await send({ to: address, subject, text });
      } catch (error) {
        log.warn(`[cchc] e-mail to ${address} failed: ${(error as Error).message}`);
      }
    }
  }

  return {
    /** Tells whoever must know about a move of the workflow. */
    async afterTransition(article: { documentId: string; title: string; agencyName: string }, event: WorkflowEventRecord): Promise<void> {
      if (!enabled) return;
      const label = isWorkflowAction(event.action) ? WORKFLOW_ACTIONS[event.action].label : event.action;
      const note = event.note ? `\nGhi chú: ${event.note}` : '';
      if (event.action === 'submit') {
        await sendAll(
          await editorEmails(),
          `[CCHC] Tin bài chờ duyệt: ${article.title}`,
          `${article.agencyName} vừa gửi duyệt tin bài "${article.title}".\nXem và xử lý: ${link(article.documentId)}${note}`,
        );
        return;
      }
      if (!event.agencySlug || event.action === 'revise') return;
      await sendAll(
        await agencyEmails(event.agencySlug),
        `[CCHC] ${label}: ${article.title}`,
        `Tin bài "${article.title}" của ${article.agencyName}: ${label.toLowerCase()} (${WORKFLOW_STATE_LABELS[event.toState]}), do ${event.actorName} thực hiện.${note}\nXem: ${link(article.documentId)}`,
      );
    },
  };
}

/** The notification service's interface. */
export type NotificationService = ReturnType<typeof createNotificationService>;
