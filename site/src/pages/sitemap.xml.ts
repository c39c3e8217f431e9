/** GET /sitemap.xml: the listing pages, every published article, the published questions and the Steering Committee website's pages. */
import type { APIRoute } from 'astro';
import { TAG } from '../lib/cache-tags';
import { ListAgencies, ListTopics, questionPaths } from '@cchc/shared';
import { listAllPublishedQuestions } from '../lib/questions/listing';
import { call, reformAreas } from '../lib/cms';
import { textResponse } from '../lib/http';
import { listAllArticles } from '../lib/listing';
import { committeeSitemapPaths } from '../lib/committee/sitemap';
import { XML_CONTENT_TYPE, articleSitemapEntry, buildSitemap, sitemapPaths } from '../lib/sitemap';
import { absoluteUrl } from '../lib/urls';
import { siteOrigin } from '../lib/deployment';

export const GET: APIRoute = async ({ url }) => {
  const origin = siteOrigin(url);
  const [areas, { data: topics }, { data: agencies }, articles, committee, questions] = await Promise.all([
    reformAreas(),
    call(ListTopics.Endpoint),
    call(ListAgencies.Endpoint),
    listAllArticles(),
    committeeSitemapPaths(),
    listAllPublishedQuestions(),
  ]);
  const entries = [
    ...[...sitemapPaths(areas, topics, agencies), ...committee, questionPaths.list].map((path) => ({ loc: absoluteUrl(origin, path) })),
    ...articles.map((article) => articleSitemapEntry(article, origin)),
    ...questions.map((q) => ({ loc: absoluteUrl(origin, questionPaths.item(q.code)) })),
  ];
  return textResponse(buildSitemap(entries), XML_CONTENT_TYPE, [TAG.latest, TAG.committee, TAG.questions]);
};
