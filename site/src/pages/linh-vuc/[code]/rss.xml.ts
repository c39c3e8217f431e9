/** GET /linh-vuc/{area-code}/rss.xml: the 20 newest articles of a reform area. */
import type { APIRoute } from 'astro';
import { TAG } from '../../../lib/cache-tags';
import { ListArticles, SITE_PATHS } from '@cchc/shared';
import { call, reformAreas } from '../../../lib/cms';
import { FEED_SIZE, RSS_CONTENT_TYPE, articleRss } from '../../../lib/feeds';
import { notFound, textResponse } from '../../../lib/http';
import { UI } from '../../../lib/messages';
import { siteOrigin } from '../../../lib/deployment';

export const GET: APIRoute = async ({ params, url }) => {
  const area = (await reformAreas()).find((a) => a.code === params.code);
  if (!area) return notFound();
  const list = await call(ListArticles.Endpoint, { query: { area: area.code, pageSize: FEED_SIZE } });
  const feed = {
    title: UI.feedTitle(area.name),
    description: UI.feedDescriptionArea(area.name),
    pagePath: SITE_PATHS.area(area.code),
    feedPath: SITE_PATHS.areaFeed(area.code),
  };
  return textResponse(articleRss(siteOrigin(url), feed, list.data), RSS_CONTENT_TYPE, [TAG.area(area.code)]);
};
