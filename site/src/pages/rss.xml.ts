/** GET /rss.xml: the 20 newest articles of the column. */
import type { APIRoute } from 'astro';
import { TAG } from '../lib/cache-tags';
import { ListArticles, SITE_PATHS } from '@cchc/shared';
import { call } from '../lib/cms';
import { FEED_SIZE, RSS_CONTENT_TYPE, articleRss } from '../lib/feeds';
import { textResponse } from '../lib/http';
import { UI } from '../lib/messages';
import { siteOrigin } from '../lib/deployment';

export const GET: APIRoute = async ({ url }) => {
  const list = await call(ListArticles.Endpoint, { query: { pageSize: FEED_SIZE } });
  const feed = { title: UI.siteName, description: UI.siteDescription, pagePath: SITE_PATHS.home, feedPath: SITE_PATHS.feed };
  return textResponse(articleRss(siteOrigin(url), feed, list.data), RSS_CONTENT_TYPE, [TAG.latest]);
};
