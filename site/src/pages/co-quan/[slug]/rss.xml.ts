/** GET /co-quan/{agency-slug}/rss.xml: the 20 newest articles of an agency (and of agencies merged into it). */
import type { APIRoute } from 'astro';
import { TAG } from '../../../lib/cache-tags';
import { getAgency, listArticles } from '../../../lib/cms';
import { FEED_SIZE, RSS_CONTENT_TYPE, articleRss } from '../../../lib/feeds';
import { notFound, textResponse } from '../../../lib/http';
import { UI } from '../../../lib/messages';
import { siteOrigin } from '../../../lib/urls';

export const GET: APIRoute = async ({ params, url }) => {
  const agency = await getAgency(params.slug ?? '');
  if (!agency) return notFound();
  const list = await listArticles({ agency: agency.slug, pageSize: FEED_SIZE });
  const pagePath = `/co-quan/${agency.slug}`;
  const feed = { title: UI.feedTitle(agency.name), description: UI.feedDescriptionAgency(agency.name), pagePath, feedPath: `${pagePath}/rss.xml` };
  const tags = [agency, ...agency.predecessors].map((a) => TAG.agency(a.slug));
  return textResponse(articleRss(siteOrigin(url), feed, list.data), RSS_CONTENT_TYPE, tags);
};
