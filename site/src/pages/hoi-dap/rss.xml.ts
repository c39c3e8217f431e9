/** GET /hoi-dap/rss.xml: the 20 newest published answers. */
import type { APIRoute } from 'astro';
import { ListPublishedQuestions, questionPaths } from '@cchc/shared';
import { TAG } from '../../lib/cache-tags';
import { call } from '../../lib/cms';
import { siteOrigin } from '../../lib/deployment';
import { FEED_SIZE, RSS_CONTENT_TYPE, buildRss } from '../../lib/feeds';
import { textResponse } from '../../lib/http';
import { QUI } from '../../lib/questions/messages';
import { absoluteUrl } from '../../lib/urls';

export const GET: APIRoute = async ({ url }) => {
  const origin = siteOrigin(url);
  const list = await call(ListPublishedQuestions.Endpoint, { query: { pageSize: FEED_SIZE } });
  const rss = buildRss(
    { title: QUI.feedTitle, description: QUI.feedDescription, link: absoluteUrl(origin, questionPaths.list), selfUrl: absoluteUrl(origin, questionPaths.feed) },
    list.data.map((q) => ({
      title: q.title,
      link: absoluteUrl(origin, questionPaths.item(q.code)),
      description: `${q.agency ? `${QUI.answeredBy(q.agency.name)}. ` : ''}${q.answer}`,
      pubDate: new Date(q.publishedAt),
      categories: [q.subject.name],
    })),
  );
  return textResponse(rss, RSS_CONTENT_TYPE, [TAG.questions]);
};
