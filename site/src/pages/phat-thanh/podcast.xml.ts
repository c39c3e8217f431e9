/** GET /phat-thanh/podcast.xml: the audio bulletins that have an audio file, as a podcast a commune station can subscribe to. */
import type { APIRoute } from 'astro';
import { TAG } from '../../lib/cache-tags';
import { ListArticles, SITE_PATHS } from '@cchc/shared';
import { call } from '../../lib/cms';
import { mediaUrl, siteOrigin } from '../../lib/deployment';
import { FEED_SIZE, RSS_CONTENT_TYPE, buildRss, podcastItem, type FeedItem } from '../../lib/feeds';
import { textResponse } from '../../lib/http';
import { loadDetails } from '../../lib/listing';
import { RADIO_FORMAT } from '../../lib/media';
import { UI } from '../../lib/messages';
import { absoluteUrl } from '../../lib/urls';

export const GET: APIRoute = async ({ url }) => {
  const origin = siteOrigin(url);
  const list = await call(ListArticles.Endpoint, { query: { format: [RADIO_FORMAT], pageSize: FEED_SIZE } });
  const items = (await loadDetails(list.data))
    .map((article) => podcastItem(article, origin, mediaUrl, UI.siteName))
    .filter((item): item is FeedItem => item !== null);
  const channel = {
    title: UI.podcastTitle,
    link: absoluteUrl(origin, SITE_PATHS.radio),
    description: UI.radioIntro,
    selfUrl: absoluteUrl(origin, SITE_PATHS.podcast),
    podcast: { author: UI.siteName, category: UI.podcastCategory, image: null },
  };
  return textResponse(buildRss(channel, items), RSS_CONTENT_TYPE, [TAG.format(RADIO_FORMAT)]);
};
