/** Admin-panel routes of the review workflow, under /cchc. Who may do what is checked by the workflow service. */
const route = (method: 'GET' | 'POST', path: string, action: string) => ({
  method,
  path,
  handler: `workflow.${action}`,
  config: { policies: ['admin::isAuthenticatedAdmin'] },
});

/** The route that takes workflow actions: the article rules let publications through only from it (workflow/caller.ts). */
export const WORKFLOW_HANDLER = 'workflow.transition';

export default [
  route('POST', '/articles/:documentId/transition', 'transition'),
  route('GET', '/articles/:documentId/history', 'history'),
  route('GET', '/review-queue', 'reviewQueue'),
];
