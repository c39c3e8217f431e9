/** Admin-panel routes under /cchc, for signed-in administrators only. */
export default {
  type: 'admin' as const,
  routes: [
    {
      method: 'GET' as const,
      path: '/overview',
      handler: 'overview.get',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};
