/** Admin-panel routes of the review workflow, under /cchc. Who may do what is checked by the workflow service. */
const route = (method: 'GET' | 'POST', path: string, handler: string) => ({
  method,
  path,
  handler: `workflow.${handler}`,
  config: { policies: ['admin::isAuthenticatedAdmin'] },
});

export default [
  route('POST', '/articles/:documentId/transition', 'transition'),
  route('GET', '/articles/:documentId/history', 'history'),
  route('GET', '/review-queue', 'reviewQueue'),
];
