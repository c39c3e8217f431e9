/**
 * The sitemaps (sitemaps.org protocol, and Google News for the newest articles) and
 * robots.txt. Pure functions: endpoints load the content and pass absolute URLs in.
 */
import { SITE_PATHS, type Agency, type ArticleSummary, type ReformArea, type Topic } from '@cchc/shared';
import { escapeXml } from './feeds';
import { absoluteUrl } from './urls';

/** The MIME type sitemaps are served with. */
export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

/** How far back the news sitemap reaches (Google News reads the last two days). */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** The site's pages that are not articles, as listed in the sitemap. */
export const MEDIA_PATHS = [SITE_PATHS.infographic, SITE_PATHS.video, SITE_PATHS.radio] as const;

/** One URL of a sitemap. */
export interface SitemapEntry {
  loc: string;
  /** W3C date-time of the last change, when known. */
  lastmod?: string;
}

/** One article of the news sitemap. */
export interface NewsEntry {
  loc: string;
  title: string;
  /** ISO date-time of publication. */
  publicationDate: string;
}

/** The publication a news sitemap names. */
export interface NewsPublication {
  name: string;
  /** ISO 639 code, `vi`. */
  language: string;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/**
 * Paths of the listing pages: home, agency index, media pages, then every area, topic and agency.
 * @example sitemapPaths([{ code: 'the-che' }], [], []) // ['/', '/co-quan', '/infographic', '/video', '/phat-thanh', '/linh-vuc/the-che']
 */
export function sitemapPaths(
  areas: readonly Pick<ReformArea, 'code'>[],
  topics: readonly Pick<Topic, 'slug'>[],
  agencies: readonly Pick<Agency, 'slug'>[],
): string[] {
  return [
    SITE_PATHS.home,
    SITE_PATHS.agencies,
    ...MEDIA_PATHS,
    ...areas.map((a) => SITE_PATHS.area(a.code)),
    ...topics.map((t) => SITE_PATHS.topic(t.slug)),
    ...agencies.map((a) => SITE_PATHS.agency(a.slug)),
  ];
}

/**
 * The sitemap entry of an article. No lastmod: the list API carries no update date,
 * and a publication date standing in for one would tell crawlers that edits never happen.
 */
export function articleSitemapEntry(article: Pick<ArticleSummary, 'slug'>, origin: string): SitemapEntry {
  return { loc: absoluteUrl(origin, SITE_PATHS.article(article.slug)) };
}

/** A sitemaps.org <urlset> document. */
export function buildSitemap(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const lastmod = e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : '';
    return `<url><loc>${escapeXml(e.loc)}</loc>${lastmod}</url>`;
  });
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}">`, ...urls, '</urlset>', ''].join('\n');
}

/** A Google News sitemap; an empty <urlset> when nothing is recent. */
export function buildNewsSitemap(entries: readonly NewsEntry[], publication: NewsPublication): string {
  const name = escapeXml(publication.name);
  const language = escapeXml(publication.language);
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(e.loc)}</loc><news:news><news:publication><news:name>${name}</news:name>` +
      `<news:language>${language}</news:language></news:publication>` +
      `<news:publication_date>${escapeXml(e.publicationDate)}</news:publication_date>` +
      `<news:title>${escapeXml(e.title)}</news:title></news:news></url>`,
  );
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`, ...urls, '</urlset>', ''].join('\n');
}

/**
 * True when a publication date falls in the news window ending at `now`.
 * @example isRecent('2024-03-14T00:00:00Z', new Date('2024-03-15T00:00:00Z')) === true
 */
export function isRecent(publicationDate: string, now: Date, windowMs = NEWS_WINDOW_MS): boolean {
  const time = new Date(publicationDate).getTime();
  return !Number.isNaN(time) && time >= now.getTime() - windowMs && time <= now.getTime();
}

/**
 * robots.txt: everything may be crawled; the sitemaps are named with absolute URLs.
 * @example robotsTxt('https://cchc.gov.vn').includes('Sitemap: https://cchc.gov.vn/sitemap.xml') === true
 */
export function robotsTxt(origin: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(origin, SITE_PATHS.sitemap)}`, `Sitemap: ${absoluteUrl(origin, SITE_PATHS.newsSitemap)}`, ''].join('\n');
}
