/**
 * Public, read-only routes under /api/cchc. They need no token: they serve only
 * published content through explicit mappers.
 */
const route = (path: string, handler: string) => ({
  method: 'GET' as const,
  path,
  handler: handler.includes('.') ? handler : `public.${handler}`,
  config: { auth: false as const },
});

export default {
  type: 'content-api' as const,
  routes: [
    route('/home', 'home'),
    route('/articles', 'listArticles'),
    route('/search', 'search'),
    route('/articles/:slug', 'getArticle'),
    route('/reform-areas', 'listReformAreas'),
    route('/topics', 'listTopics'),
    route('/agencies', 'listAgencies'),
    route('/agencies/:slug', 'getAgency'),
    route('/plans/:year', 'getPlan'),
    // The Steering Committee website.
    route('/committee', 'committee.about'),
    route('/committee/home', 'committee.home'),
    route('/committee/documents', 'committee.listDocuments'),
    route('/committee/documents/:slug', 'committee.getDocument'),
    route('/committee/plans', 'committee.listPlanYears'),
    route('/committee/plans/:year', 'committee.getPlanTracker'),
    route('/committee/indices', 'committee.listIndices'),
    route('/committee/events', 'committee.listEvents'),
    route('/committee/events/:slug', 'committee.getEvent'),
  ],
};
