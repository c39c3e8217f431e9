/**
 * RSS 2.0 feeds of the column, and the podcast feed of the audio bulletins (RSS 2.0
 * with enclosures and Apple's iTunes tags). Pure functions: the endpoints load the
 * articles and pass absolute URLs in; these turn them into XML text.
 */
import { SITE_PATHS, type Attachment, type ArticleDetail, type ArticleSummary } from '@cchc/shared';
import { absoluteUrl } from './urls';

/** Items per feed: enough for a reader that polls a few times a day. */
export const FEED_SIZE = 20;

/** The MIME type feeds are served with. */
export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';

/** Characters XML 1.0 forbids anywhere in a document (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone surrogates). */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for XML element content and attribute values, dropping characters
 * XML cannot carry at all (one stray control character would make the whole feed unreadable).
 * @example escapeXml('Hỏi & đáp <b>"CCHC"</b>') === 'Hỏi &amp; đáp &lt;b&gt;&quot;CCHC&quot;&lt;/b&gt;'
 */
export function escapeXml(text: string): string {
  return text.normalize('NFC').replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/**
 * Plain text as HTML: RSS readers render <description> as HTML, so a summary that
 * contains markup must arrive as text (escaped twice in the XML: once for HTML, once for XML).
 * @example htmlText('a <script>') === 'a &lt;script&gt;'
 */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/**
 * A date in RFC 822 form, as RSS 2.0 requires (in GMT, which the RFC allows).
 * @example rfc822Date(new Date('2024-03-14T01:00:00Z')) === 'Thu, 14 Mar 2024 01:00:00 GMT'
 */
export function rfc822Date(date: Date): string {
  return date.toUTCString();
}

/** A media file attached to an item: URL, size in bytes and MIME type. */
export interface Enclosure {
  url: string;
  length: number;
  type: string;
}

/** One entry of a feed, with absolute URLs. */
export interface FeedItem {
  title: string;
  link: string;
  /** Plain text (the article's summary). */
  description: string;
  pubDate: Date;
  /** Reform-area names. */
  categories: readonly string[];
  enclosure?: Enclosure;
  /** iTunes tags of a podcast episode. */
  podcast?: { author: string; image: string | null };
}

/** The feed itself, with absolute URLs. */
export interface FeedChannel {
  title: string;
  /** The HTML page the feed belongs to. */
  link: string;
  description: string;
  /** The feed's own URL (atom:link rel="self"). */
  selfUrl: string;
  language?: string;
  /** Present for a podcast: the channel's iTunes tags. */
  podcast?: { author: string; category: string; image: string | null };
}

/** One XML element with escaped text content. */
function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

/** An iTunes image tag, or nothing. */
function itunesImage(url: string | null): string[] {
  return url ? [`<itunes:image href="${escapeXml(url)}"/>`] : [];
}

/** The XML of one item. */
function itemXml(item: FeedItem): string {
  const lines = [
    element('title', item.title),
    element('link', item.link),
    `<guid isPermaLink="true">${escapeXml(item.link)}</guid>`,
    element('pubDate', rfc822Date(item.pubDate)),
    element('description', htmlText(item.description)),
    ...item.categories.map((name) => element('category', name)),
  ];
  if (item.enclosure) {
    const { url, length, type } = item.enclosure;
    lines.push(`<enclosure url="${escapeXml(url)}" length="${length}" type="${escapeXml(type)}"/>`);
  }
  if (item.podcast) {
    lines.push(
      element('itunes:author', item.podcast.author),
      element('itunes:summary', item.description),
      element('itunes:explicit', 'false'),
      ...itunesImage(item.podcast.image),
    );
  }
  return `<item>\n  ${lines.join('\n  ')}\n</item>`;
}

/**
 * A whole RSS 2.0 document. lastBuildDate is the newest item's date, so the same
 * content always gives the same bytes (and the same cache validators).
 */
export function buildRss(channel: FeedChannel, items: readonly FeedItem[]): string {
  const namespaces = ['xmlns:atom="http://www.w3.org/2005/Atom"'];
  if (channel.podcast) namespaces.push('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"');
  const newest = items.reduce<Date | null>((max, i) => (max === null || i.pubDate > max ? i.pubDate : max), null);
  const head = [
    element('title', channel.title),
    element('link', channel.link),
    element('description', channel.description),
    element('language', channel.language ?? 'vi'),
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...(newest ? [element('lastBuildDate', rfc822Date(newest))] : []),
  ];
  if (channel.podcast) {
    head.push(
      element('itunes:author', channel.podcast.author),
      element('itunes:summary', channel.description),
      element('itunes:explicit', 'false'),
      `<itunes:category text="${escapeXml(channel.podcast.category)}"/>`,
      ...itunesImage(channel.podcast.image),
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0" ${namespaces.join(' ')}>`,
    '<channel>',
    ...head,
    ...items.map(itemXml),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** A feed item for an article, linking to its page on the site at `origin`. */
export function articleFeedItem(article: ArticleSummary, origin: string): FeedItem {
  return {
    title: article.title,
    link: absoluteUrl(origin, SITE_PATHS.article(article.slug)),
    description: article.summary,
    pubDate: new Date(article.publicationDate),
    categories: article.areas.map((area) => area.name),
  };
}

/** The first audio file of an article, or null. */
export function audioAttachment(attachments: readonly Attachment[]): Attachment | null {
  return attachments.find((a) => a.kind === 'audio') ?? null;
}

/**
 * Bytes from the kilobytes Strapi stores (of 1000 bytes, rounded to two decimals), as an enclosure's length.
 * @example bytesFromKb(532.4) === 532400
 */
export function bytesFromKb(sizeKb: number): number {
  return Math.round(sizeKb * 1000);
}

/**
 * A podcast episode for an audio bulletin, or null when it has no audio file.
 * `resolve` turns a CMS media path into an absolute URL.
 */
export function podcastItem(article: ArticleDetail, origin: string, resolve: (path: string) => string, fallbackAuthor: string): FeedItem | null {
  const audio = audioAttachment(article.attachments);
  if (!audio) return null;
  return {
    ...articleFeedItem(article, origin),
    enclosure: { url: resolve(audio.url), length: bytesFromKb(audio.sizeKb), type: audio.mime },
    podcast: { author: article.agency?.name ?? fallbackAuthor, image: article.cover ? resolve(article.cover.url) : null },
  };
}

/** The page a feed belongs to and the feed's own path, both root-relative. */
export interface FeedPaths {
  title: string;
  description: string;
  pagePath: string;
  feedPath: string;
}

/** An RSS document of articles, for the column, an area or an agency. */
export function articleRss(origin: string, feed: FeedPaths, articles: readonly ArticleSummary[]): string {
  const channel: FeedChannel = {
    title: feed.title,
    link: absoluteUrl(origin, feed.pagePath),
    description: feed.description,
    selfUrl: absoluteUrl(origin, feed.feedPath),
  };
  return buildRss(channel, articles.map((a) => articleFeedItem(a, origin)));
}
