/** GET /sitemap-news.xml: Google News sitemap of the articles published in the last two days (often empty). */
import type { APIRoute } from 'astro';
import { SITE_PATHS } from '@cchc/shared';
import { TAG } from '../lib/cache-tags';
import { textResponse } from '../lib/http';
import { listArticlesSince } from '../lib/listing';
import { UI } from '../lib/messages';
import { NEWS_WINDOW_MS, XML_CONTENT_TYPE, buildNewsSitemap } from '../lib/sitemap';
import { absoluteUrl } from '../lib/urls';
import { siteOrigin } from '../lib/deployment';

export const GET: APIRoute = async ({ url }) => {
  const origin = siteOrigin(url);
  const articles = await listArticlesSince(new Date(Date.now() - NEWS_WINDOW_MS));
  const entries = articles.map((a) => ({ loc: absoluteUrl(origin, SITE_PATHS.article(a.slug)), title: a.title, publicationDate: a.publicationDate }));
  return textResponse(buildNewsSitemap(entries, { name: UI.siteName, language: 'vi' }), XML_CONTENT_TYPE, [TAG.latest]);
};
