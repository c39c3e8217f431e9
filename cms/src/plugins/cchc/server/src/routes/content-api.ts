/**
 * Public, read-only routes under /api/cchc. They need no token: they serve only
 * published content through explicit mappers.
 */
const route = (path: string, handler: string) => ({
  method: 'GET' as const,
  path,
  handler: `public.${handler}`,
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
  ],
};
