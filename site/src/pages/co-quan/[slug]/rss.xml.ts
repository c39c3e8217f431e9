/** GET /co-quan/{agency-slug}/rss.xml: the 20 newest articles of an agency (and of agencies merged into it). */
import type { APIRoute } from 'astro';
import { TAG } from '../../../lib/cache-tags';
import { GetAgency, ListArticles, SITE_PATHS } from '@cchc/shared';
import { call } from '../../../lib/cms';
import { FEED_SIZE, RSS_CONTENT_TYPE, articleRss } from '../../../lib/feeds';
import { notFound, textResponse } from '../../../lib/http';
import { UI } from '../../../lib/messages';
import { siteOrigin } from '../../../lib/deployment';

export const GET: APIRoute = async ({ params, url }) => {
  const agency = (await call(GetAgency.Endpoint, { params: { slug: params.slug } }))?.data;
  if (!agency) return notFound();
  const list = await call(ListArticles.Endpoint, { query: { agency: agency.slug, pageSize: FEED_SIZE } });
  const feed = {
    title: UI.feedTitle(agency.name),
    description: UI.feedDescriptionAgency(agency.name),
    pagePath: SITE_PATHS.agency(agency.slug),
    feedPath: SITE_PATHS.agencyFeed(agency.slug),
  };
  const tags = [agency, ...agency.predecessors].map((a) => TAG.agency(a.slug));
  return textResponse(articleRss(siteOrigin(url), feed, list.data), RSS_CONTENT_TYPE, tags);
};
