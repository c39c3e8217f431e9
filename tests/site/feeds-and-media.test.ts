/** Media pages, topic pages, feeds, sitemaps and page metadata of the built site, over HTTP. */
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { slugify, type ArticleDetail, type ListArticles } from '../../shared/src/index.js';
import { contentManager, getJson, publishTestArticle, type TestArticle } from '../support/api.js';
import { getPage } from '../support/html.js';
import { seed, type SeedArticle } from '../support/seed.js';
import { purgeSiteCache } from '../support/site-cache.js';

const site = (path: string) => `${inject('siteUrl')}${path}`;
const api = (path: string) => `${inject('cmsUrl')}/api/cchc${path}`;
const media = (path: string) => `${inject('cmsUrl')}${path}`;
const newestFirst = [...seed.articles].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
const ofFormats = (...formats: string[]) => newestFirst.filter((a) => formats.includes(a.format));
const slugOf = (article: SeedArticle) => slugify(article.title);
const PER_PAGE = 12;
const FEED_SIZE = 20;
const BULLETIN = 'ban-tin-phat-thanh';

/** The whole article from the API (attachments, cover). */
async function detailOf(article: SeedArticle): Promise<ArticleDetail> {
  const { status, body } = await getJson<{ data: ArticleDetail }>(api(`/articles/${slugOf(article)}`));
  expect(status, slugOf(article)).toBe(200);
  return body.data;
}

/** GETs a feed or sitemap as text, with its status and content type. */
async function getText(path: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(site(path));
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** The same, rendered now: the page cache is purged first. */
const getFresh = async (path: string) => {
  await purgeSiteCache();
  return getText(path);
};

/** A string as a literal part of a regular expression. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `<loc>` values of a sitemap. */
const locations = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

/** The checks every paged listing shares: first page, last page, and 404 past the end or malformed. */
function describeListing(path: string, articles: SeedArticle[]) {
  const lastPage = Math.max(1, Math.ceil(articles.length / PER_PAGE));

  test('page 1 lists the newest pieces, and no other', async () => {
    expect(articles.length).toBeGreaterThan(0);
    const { status, html } = await getPage(site(path));
    expect(status).toBe(200);
    for (const article of articles.slice(0, PER_PAGE)) expect(html).toContain(article.title);
    for (const article of articles.slice(PER_PAGE)) expect(html).not.toContain(`href="/bai-viet/${slugOf(article)}"`);
  });

  test(`the last page (${lastPage}) lists the oldest piece`, async () => {
    const { status, html } = await getPage(site(lastPage > 1 ? `${path}?trang=${lastPage}` : path));
    expect(status).toBe(200);
    expect(html).toContain(articles.at(-1)!.title);
  });

  test.each([`?trang=${lastPage + 1}`, '?trang=0', '?trang=abc'])('%s is the 404 page', async (query) => {
    const { status, html } = await getPage(site(`${path}${query}`));
    expect(status).toBe(404);
    expect(html).toContain('Không tìm thấy');
  });
}

describe('/infographic', () => {
  const pieces = ofFormats('infographic', 'pano-ap-phich');
  describeListing('/infographic', pieces);

  test('offers each piece of the first page at full size and as a download of the original', async () => {
    const { raw } = await getPage(site('/infographic'));
    for (const piece of pieces.slice(0, PER_PAGE)) {
      const { cover } = await detailOf(piece);
      if (!cover) continue;
      expect(raw).toContain(`href="${media(cover.url)}" download`);
      expect(raw).toContain(`href="/bai-viet/${slugOf(piece)}"`);
    }
  });

  test('gives every image its alt text', async () => {
    const { raw } = await getPage(site('/infographic'));
    const images = raw.match(/<img\b[^>]*>/g) ?? [];
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) expect(img).toMatch(/\balt="[^"]+"/);
  });
});

describe('/video', () => {
  const clips = ofFormats('video-clip', 'phong-su');
  describeListing('/video', clips);

  test('plays files with the native player, never autoplaying; links pieces without a file to their article', async () => {
    const { raw } = await getPage(site('/video'));
    expect(raw).not.toMatch(/\bautoplay\b/i);
    for (const clip of clips.slice(0, PER_PAGE)) {
      const detail = await detailOf(clip);
      const video = detail.attachments.find((a) => a.kind === 'video');
      if (video) {
        expect(raw).toContain(`<source src="${media(video.url)}"`);
      } else {
        expect(raw).toContain(`href="/bai-viet/${slugOf(clip)}"`);
      }
    }
    for (const tag of raw.match(/<video\b[^>]*>/g) ?? []) {
      expect(tag).toContain('controls');
      expect(tag).toContain('preload="none"');
    }
  });
});

describe('/phat-thanh', () => {
  const bulletins = ofFormats(BULLETIN);
  describeListing('/phat-thanh', bulletins);

  test('has a native audio player for every audio file, and the podcast link', async () => {
    const { raw } = await getPage(site('/phat-thanh'));
    expect(raw).toContain('href="/phat-thanh/podcast.xml"');
    for (const bulletin of bulletins.slice(0, PER_PAGE)) {
      for (const audio of (await detailOf(bulletin)).attachments.filter((a) => a.kind === 'audio')) {
        expect(raw).toContain(`<source src="${media(audio.url)}" type="${audio.mime}"`);
      }
    }
    for (const tag of raw.match(/<audio\b[^>]*>/g) ?? []) {
      expect(tag).toContain('controls');
      expect(tag).toContain('preload="none"');
      expect(tag).not.toMatch(/\bautoplay\b/);
    }
  });
});

describe('/chu-de/{topic}', () => {
  const topic = 'mot-cua-lien-thong';
  describeListing(`/chu-de/${topic}`, newestFirst.filter((a) => a.topics.includes(topic)));

  test.each(['/chu-de/khong-co', '/chu-de/Mot-Cua'])('%s is the 404 page', async (path) => {
    const { status, html } = await getPage(site(path));
    expect(status).toBe(404);
    expect(html).toContain('Không tìm thấy');
  });
});

describe('RSS feeds', () => {
  test.each([
    ['/rss.xml', newestFirst],
    ['/linh-vuc/thu-tuc-hanh-chinh/rss.xml', newestFirst.filter((a) => a.areas.includes('thu-tuc-hanh-chinh'))],
  ])('%s holds the 20 newest articles, with titles, links and dates', async (path, expected) => {
    const { status, type, text } = await getText(path);
    expect(status).toBe(200);
    expect(type).toBe('application/rss+xml; charset=utf-8');
    const feed = parseFeed(text);
    expect(feed.language).toBe('vi');
    const newest = expected.slice(0, FEED_SIZE);
    expect(feed.items.map((i) => i.title)).toEqual(newest.map((a) => a.title));
    expect(feed.items.map((i) => i.url)).toEqual(newest.map((a) => site(`/bai-viet/${slugOf(a)}`)));
    expect(feed.items.map((i) => i.published?.getTime())).toEqual(newest.map((a) => new Date(a.publishedAt).getTime()));
  });

  test('an agency feed holds the agency page articles', async () => {
    const { body } = await getJson<ListArticles.Response>(api(`/articles?agency=so-tu-phap&pageSize=${FEED_SIZE}`));
    expect(body.data.length).toBeGreaterThan(0);
    const feed = parseFeed((await getText('/co-quan/so-tu-phap/rss.xml')).text);
    expect(feed.items.map((i) => i.title)).toEqual(body.data.map((a) => a.title));
    expect(feed.items.every((i) => i.published instanceof Date)).toBe(true);
  });

  test.each(['/linh-vuc/khong-co/rss.xml', '/co-quan/khong-co/rss.xml'])('%s answers 404', async (path) => {
    expect((await getText(path)).status).toBe(404);
  });

  test.each([
    ['/', '/rss.xml'],
    ['/linh-vuc/the-che', '/linh-vuc/the-che/rss.xml'],
    ['/co-quan/so-tu-phap', '/co-quan/so-tu-phap/rss.xml'],
    ['/phat-thanh', '/phat-thanh/podcast.xml'],
  ])('%s links its feed %s', async (page, feed) => {
    const { raw } = await getPage(site(page));
    expect(raw).toMatch(new RegExp(`<link rel="alternate" type="application/rss\\+xml" title="[^"]+" href="${literal(feed)}">`));
  });
});

describe('the podcast feed', () => {
  test('has one episode per seeded audio bulletin, each with an audio enclosure of positive length', async () => {
    const { status, type, text } = await getText('/phat-thanh/podcast.xml');
    expect(status).toBe(200);
    expect(type).toBe('application/rss+xml; charset=utf-8');
    const feed = parseFeed(text);
    expect(feed.items).toHaveLength(seed.articles.filter((a) => a.format === BULLETIN).length);
    for (const item of feed.items) {
      const [audio] = item.mediaAudio;
      expect(audio, item.title ?? '').toBeDefined();
      expect(audio!.length).toBeGreaterThan(0);
      expect(audio!.mimeType).toMatch(/^audio\//);
      expect(item.published).toBeInstanceOf(Date);
    }
    for (const tag of ['xmlns:itunes=', '<itunes:category text="Government"/>', '<itunes:explicit>false</itunes:explicit>', '<itunes:author>']) {
      expect(text).toContain(tag);
    }
  });

  test("an enclosure's length is the size of the file it points to", async () => {
    const [item] = parseFeed((await getText('/phat-thanh/podcast.xml')).text).items;
    const audio = item?.mediaAudio[0];
    expect(audio).toBeDefined();
    const res = await fetch(audio!.url);
    expect(res.status).toBe(200);
    const bytes = (await res.arrayBuffer()).byteLength;
    // Strapi keeps sizes in kB to two decimals: the length is exact to a few bytes.
    expect(Math.abs(bytes - audio!.length!)).toBeLessThanOrEqual(10);
  });
});

describe('sitemaps and robots.txt', () => {
  let draftSlug = '';
  let removeDraft = async () => {};

  beforeAll(async () => {
    const token = inject('adminTokens').admin;
    const articles = contentManager(inject('cmsUrl'), token, 'plugin::cchc.article');
    const draft = await articles.create({ title: `Bản nháp chưa đăng ${inject('database')} ${Date.now()}`, format: 'tin-ngan' });
    expect(draft.status).toBe(201);
    draftSlug = draft.body.data.slug;
    removeDraft = async () => expect((await articles.remove(draft.body.data.documentId)).status).toBe(200);
  });

  afterAll(async () => {
    await removeDraft();
  });

  test('the sitemap lists every published article, no draft, and the listing pages', async () => {
    const { status, type, text } = await getFresh('/sitemap.xml');
    expect(status).toBe(200);
    expect(type).toBe('application/xml; charset=utf-8');
    const locs = locations(text);
    const articleLocs = locs.filter((l) => l.startsWith(site('/bai-viet/')));
    const { body } = await getJson<ListArticles.Response>(api('/articles?pageSize=1'));
    expect(articleLocs).toHaveLength(body.meta.pagination.total);
    for (const article of seed.articles) expect(articleLocs).toContain(site(`/bai-viet/${slugOf(article)}`));
    expect(draftSlug).not.toBe('');
    expect(text).not.toContain(draftSlug);
    for (const path of ['/', '/infographic', '/video', '/phat-thanh', '/co-quan/so-tu-phap', '/chu-de/chi-so', ...seed.taxonomy.reformAreas.map((a) => `/linh-vuc/${a.code}`)]) {
      expect(locs).toContain(site(path));
    }
    expect(new Set(locs).size).toBe(locs.length);
  });

  test('the news sitemap lists nothing older than two days', async () => {
    const { status, type, text } = await getText('/sitemap-news.xml');
    expect(status).toBe(200);
    expect(type).toBe('application/xml; charset=utf-8');
    expect(text).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    // The seed's articles are from 2024.
    for (const article of seed.articles) expect(text).not.toContain(slugOf(article));
    for (const [, date] of text.matchAll(/<news:publication_date>([^<]+)</g)) {
      expect(Date.now() - Date.parse(date!)).toBeLessThanOrEqual(2 * 24 * 3600 * 1000);
    }
  });

  test('robots.txt points at both sitemaps', async () => {
    const { status, type, text } = await getText('/robots.txt');
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(text).toContain(`Sitemap: ${site('/sitemap.xml')}`);
    expect(text).toContain(`Sitemap: ${site('/sitemap-news.xml')}`);
  });
});

describe('a freshly published article', () => {
  let article: TestArticle;
  const title = `Tin vừa đăng ${inject('database')} ${Date.now()}`;

  beforeAll(async () => {
    article = await publishTestArticle(inject('cmsUrl'), inject('adminTokens').admin, {
      title,
      summary: 'Tin thử của bộ kiểm thử.',
      format: 'tin-ngan',
      publicationDate: new Date().toISOString(),
    });
  });

  afterAll(async () => {
    await article?.remove();
  });

  test('is in the news sitemap with its title', async () => {
    const { text } = await getFresh('/sitemap-news.xml');
    expect(locations(text)).toContain(site(`/bai-viet/${article.slug}`));
    expect(text).toContain(`<news:title>${title}</news:title>`);
  });

  test('heads the column feed', async () => {
    const [first] = parseFeed((await getFresh('/rss.xml')).text).items;
    expect(first?.title).toBe(title);
  });
});

describe('page metadata', () => {
  const article = seed.articles.find((a) => a.format === 'infographic' && a.coverAlt)!;

  test('an article has its canonical URL, Open Graph tags with the cover, and NewsArticle and BreadcrumbList JSON-LD', async () => {
    const detail = await detailOf(article);
    const url = site(`/bai-viet/${slugOf(article)}`);
    const { raw } = await getPage(`${url}?utm_source=zalo`);
    expect(raw).toContain(`<link rel="canonical" href="${url}">`);
    expect(raw).toContain('<meta property="og:type" content="article">');
    expect(raw).toContain(`<meta property="og:url" content="${url}">`);
    expect(raw).toContain(`<meta property="og:image" content="${media(detail.cover!.url)}">`);
    expect(raw).toContain(`<meta property="og:image:width" content="${detail.cover!.width}">`);
    expect(raw).toContain('<meta property="og:locale" content="vi_VN">');
    const jsonLd = [...raw.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
    const news = jsonLd.find((d) => d['@type'] === 'NewsArticle');
    expect(news).toMatchObject({ headline: article.title, inLanguage: 'vi', datePublished: detail.publicationDate, image: [media(detail.cover!.url)] });
    expect(jsonLd.find((d) => d['@type'] === 'BreadcrumbList')).toBeDefined();
  });

  test('an article offers share links, its address to copy, and previous, next and related articles', async () => {
    const detail = await detailOf(article);
    const url = site(`/bai-viet/${slugOf(article)}`);
    const { raw } = await getPage(url);
    expect(raw).toContain(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`);
    expect(raw).toContain(`https://sp.zalo.me/share_inline?url=${encodeURIComponent(url)}`);
    expect(raw).toMatch(new RegExp(`<input[^>]*value="${literal(url)}"[^>]*readonly`));
    for (const link of [detail.previous, detail.next, ...detail.related]) {
      if (link) expect(raw).toContain(`href="/bai-viet/${link.slug}"`);
    }
  });

  test.each([
    ['/linh-vuc/thu-tuc-hanh-chinh?trang=1', '/linh-vuc/thu-tuc-hanh-chinh'],
    ['/linh-vuc/thu-tuc-hanh-chinh?trang=2', '/linh-vuc/thu-tuc-hanh-chinh?trang=2'],
    ['/infographic/', '/infographic'],
  ])('%s has the canonical URL %s', async (path, canonical) => {
    const { status, raw } = await getPage(site(path));
    expect(status).toBe(200);
    expect(raw).toContain(`<link rel="canonical" href="${site(canonical)}">`);
  });

  test('the 404 page has no canonical URL and is not indexed', async () => {
    const { status, raw } = await getPage(site('/khong-co-trang-nay'));
    expect(status).toBe(404);
    expect(raw).not.toContain('rel="canonical"');
    expect(raw).toContain('<meta name="robots" content="noindex">');
  });

  test('the main navigation links the media pages', async () => {
    const { html } = await getPage(site('/'));
    for (const path of ['/infographic', '/video', '/phat-thanh']) expect(html).toContain(`href="${path}"`);
  });
});
