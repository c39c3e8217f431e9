/** GET /linh-vuc/{area-code}/rss.xml: the 20 newest articles of a reform area. */
import type { APIRoute } from 'astro';
import { TAG } from '../../../lib/cache-tags';
import { getReformArea, listArticles } from '../../../lib/cms';
import { FEED_SIZE, RSS_CONTENT_TYPE, articleRss } from '../../../lib/feeds';
import { notFound, textResponse } from '../../../lib/http';
import { UI } from '../../../lib/messages';
import { siteOrigin } from '../../../lib/urls';

export const GET: APIRoute = async ({ params, url }) => {
  const area = await getReformArea(params.code ?? '');
  if (!area) return notFound();
  const list = await listArticles({ area: area.code, pageSize: FEED_SIZE });
  const pagePath = `/linh-vuc/${area.code}`;
  const feed = { title: UI.feedTitle(area.name), description: UI.feedDescriptionArea(area.name), pagePath, feedPath: `${pagePath}/rss.xml` };
  return textResponse(articleRss(siteOrigin(url), feed, list.data), RSS_CONTENT_TYPE, [TAG.area(area.code)]);
};
