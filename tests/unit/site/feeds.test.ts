import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, test } from 'vitest';
import {
  articleFeedItem,
  articleRss,
  buildRss,
  bytesFromKb,
  escapeXml,
  htmlText,
  podcastItem,
  rfc822Date,
  type FeedItem,
} from '../../../site/src/lib/feeds.js';
import { attachment, cover, detail, summary } from './fixtures.js';

const ORIGIN = 'https://cchc.example.gov.vn';
const resolve = (path: string) => `https://media.example.gov.vn${path}`;

describe('escapeXml', () => {
  test.each([
    ['Hỏi & đáp', 'Hỏi &amp; đáp'],
    ['<b>"CCHC"</b>', '&lt;b&gt;&quot;CCHC&quot;&lt;/b&gt;'],
    ["Sở Tư pháp's", 'Sở Tư pháp&apos;s'],
    ['</script><script>alert(1)</script>', '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a\u0000b\u0008c\u000Bd\u001Fe', 'abcde'],
    ['tab\tand\nline\r', 'tab\tand\nline\r'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['emoji 📻 stays', 'emoji 📻 stays'],
    // Decomposed (NFD) input from Windows tools comes out composed.
    ['Cải cách'.normalize('NFD'), 'Cải cách'],
  ])('%j → %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

describe('htmlText', () => {
  test('escapes markup so a reader rendering HTML shows it as text', () => {
    expect(htmlText('a <script>x()</script> & b')).toBe('a &lt;script&gt;x()&lt;/script&gt; &amp; b');
  });
});

describe('rfc822Date', () => {
  test.each([
    ['2024-03-14T01:00:00Z', 'Thu, 14 Mar 2024 01:00:00 GMT'],
    // 06:30 in Vietnam on 1 January is still the previous day in GMT.
    ['2024-01-01T06:30:00+07:00', 'Sun, 31 Dec 2023 23:30:00 GMT'],
  ])('%s → %s', (iso, expected) => {
    expect(rfc822Date(new Date(iso))).toBe(expected);
  });
});

describe('bytesFromKb', () => {
  test.each([
    [532.4, 532400],
    [1, 1000],
    [0.42, 420],
    [1234.56, 1234560],
  ])('%d kB → %d bytes', (kb, bytes) => {
    expect(bytesFromKb(kb)).toBe(bytes);
  });
});

describe('articleRss', () => {
  const articles = [
    summary({ slug: 'moi-nhat', title: 'Tin mới nhất', publicationDate: '2024-12-17T12:45:00.000Z' }),
    summary({ slug: 'cu-hon', title: 'Tin cũ hơn & khác', publicationDate: '2024-12-12T02:30:00.000Z', areas: [] }),
  ];
  const xml = articleRss(ORIGIN, { title: 'Chuyên mục', description: 'Mô tả', pagePath: '/', feedPath: '/rss.xml' }, articles);

  test('parses as RSS with the channel language, link and self link', () => {
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('rss');
    expect(feed.title).toBe('Chuyên mục');
    expect(feed.language).toBe('vi');
    expect(feed.url).toBe(`${ORIGIN}/`);
    expect(feed.self).toBe(`${ORIGIN}/rss.xml`);
  });

  test('has one item per article, with title, permalink guid, date and area categories', () => {
    const feed = parseFeed(xml);
    expect(feed.items.map((i) => i.title)).toEqual(['Tin mới nhất', 'Tin cũ hơn & khác']);
    expect(feed.items.map((i) => i.url)).toEqual([`${ORIGIN}/bai-viet/moi-nhat`, `${ORIGIN}/bai-viet/cu-hon`]);
    expect(feed.items.map((i) => i.id)).toEqual([`${ORIGIN}/bai-viet/moi-nhat`, `${ORIGIN}/bai-viet/cu-hon`]);
    expect(feed.items.map((i) => i.published?.toISOString())).toEqual(['2024-12-17T12:45:00.000Z', '2024-12-12T02:30:00.000Z']);
    expect(feed.items[0]!.categories.map((c) => c.term)).toEqual(['Cải cách thủ tục hành chính', 'Xây dựng chính quyền điện tử, chính quyền số']);
    expect(xml).toContain('<guid isPermaLink="true">');
    expect(xml).toContain('<lastBuildDate>Tue, 17 Dec 2024 12:45:00 GMT</lastBuildDate>');
  });

  test('an empty list is still a valid feed', () => {
    const feed = parseFeed(articleRss(ORIGIN, { title: 'T', description: 'D', pagePath: '/x', feedPath: '/x/rss.xml' }, []));
    expect(feed.items).toEqual([]);
  });
});

describe('script payloads in a feed', () => {
  const hostile = summary({ title: 'Tiêu đề </title><script>alert(1)</script>', summary: 'Tóm tắt <script>window.__pwned=1</script> <img src=x onerror=alert(2)>' });
  const xml = buildRss({ title: 'T', link: ORIGIN, description: 'D', selfUrl: `${ORIGIN}/rss.xml` }, [articleFeedItem(hostile, ORIGIN)]);

  test('stay text: no element of the XML is made from them', () => {
    expect(xml).not.toMatch(/<script|<img|<\/title><script/i);
    const [item] = parseFeed(xml).items;
    expect(item?.title).toBe(hostile.title);
  });

  test('the description carries the summary as HTML-escaped text, so a reader rendering HTML shows the markup', () => {
    expect(xml).toContain('Tóm tắt &amp;lt;script&amp;gt;window.__pwned=1&amp;lt;/script&amp;gt;');
  });
});

describe('podcastItem and the podcast feed', () => {
  const bulletin = detail({
    slug: 'ban-tin-an-nhon',
    title: 'Bản tin phát thanh: An Nhơn',
    format: 'ban-tin-phat-thanh',
    cover,
    attachments: [attachment({ kind: 'document', url: '/uploads/loi_ban_tin.pdf', mime: 'application/pdf', name: 'loi.pdf' }), attachment()],
  });

  test('is null for a bulletin without an audio file', () => {
    expect(podcastItem(detail({ attachments: [attachment({ kind: 'document', mime: 'application/pdf' })] }), ORIGIN, resolve, 'Chuyên mục')).toBeNull();
  });

  test('takes the first audio file as the enclosure, length in bytes, and the agency as author', () => {
    expect(podcastItem(bulletin, ORIGIN, resolve, 'Chuyên mục')).toMatchObject({
      link: `${ORIGIN}/bai-viet/ban-tin-an-nhon`,
      enclosure: { url: 'https://media.example.gov.vn/uploads/ban_tin_a1b2.wav', length: 532400, type: 'audio/wav' },
      podcast: { author: 'Sở Tư pháp', image: 'https://media.example.gov.vn/uploads/anh_bia_a1b2.png' },
    });
    expect(podcastItem(detail({ agency: null, attachments: [attachment()] }), ORIGIN, resolve, 'Chuyên mục')?.podcast?.author).toBe('Chuyên mục');
  });

  test('parses with the enclosure and carries the iTunes tags', () => {
    const item = podcastItem(bulletin, ORIGIN, resolve, 'Chuyên mục') as FeedItem;
    const xml = buildRss(
      {
        title: 'Bản tin phát thanh',
        link: `${ORIGIN}/phat-thanh`,
        description: 'Bản tin cho đài truyền thanh cơ sở',
        selfUrl: `${ORIGIN}/phat-thanh/podcast.xml`,
        podcast: { author: 'Chuyên mục', category: 'Government', image: null },
      },
      [item],
    );
    const feed = parseFeed(xml);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.mediaAudio).toEqual([
      expect.objectContaining({ url: 'https://media.example.gov.vn/uploads/ban_tin_a1b2.wav', length: 532400, mimeType: 'audio/wav' }),
    ]);
    expect(xml).toContain('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"');
    for (const tag of [
      '<itunes:category text="Government"/>',
      '<itunes:explicit>false</itunes:explicit>',
      '<itunes:author>Chuyên mục</itunes:author>',
      '<itunes:author>Sở Tư pháp</itunes:author>',
      '<itunes:summary>Tóm tắt bài viết.</itunes:summary>',
      '<itunes:image href="https://media.example.gov.vn/uploads/anh_bia_a1b2.png"/>',
    ]) {
      expect(xml).toContain(tag);
    }
  });

  test('an ordinary feed has no iTunes namespace', () => {
    expect(buildRss({ title: 'T', link: ORIGIN, description: 'D', selfUrl: ORIGIN }, [])).not.toContain('itunes');
  });
});
