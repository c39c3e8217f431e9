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
    {
      // The quarterly compliance report: ?year=2024&quarter=1&format=json|csv|xlsx
      method: 'GET' as const,
      path: '/compliance',
      handler: 'compliance.get',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      // The quarter of the latest piece sent in, where the admin page opens.
      method: 'GET' as const,
      path: '/compliance/latest-period',
      handler: 'compliance.latestPeriod',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};
