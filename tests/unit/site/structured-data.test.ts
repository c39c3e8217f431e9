import { describe, expect, test } from 'vitest';
import { breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd } from '../../../site/src/lib/structured-data.js';
import { cover, detail } from './fixtures.js';

const ORIGIN = 'https://cchc.example.gov.vn';
const resolve = (path: string) => `https://media.example.gov.vn${path}`;

describe('serializeJsonLd', () => {
  test.each([
    ['</script><script>alert(1)</script>'],
    ['<!-- <script>'],
    ['a & b > c'],
    ['line\u2028separator\u2029'],
    ['Cải cách "thủ tục" \\ hành chính'],
  ])('%j cannot leave the script element and reads back unchanged', (headline) => {
    const json = serializeJsonLd({ headline });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ headline });
  });

  test('escapes < as \\u003c', () => {
    expect(serializeJsonLd({ headline: '</script>' })).toBe('{"headline":"\\u003c/script\\u003e"}');
  });
});

describe('breadcrumbJsonLd', () => {
  test('numbers the steps from 1 with absolute URLs', () => {
    expect(breadcrumbJsonLd([{ name: 'Trang chủ', href: '/' }, { name: 'Thể chế', href: '/linh-vuc/the-che', current: true }], ORIGIN)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: `${ORIGIN}/` },
        { '@type': 'ListItem', position: 2, name: 'Thể chế', item: `${ORIGIN}/linh-vuc/the-che` },
      ],
    });
  });
});

describe('newsArticleJsonLd', () => {
  const context = { url: `${ORIGIN}/bai-viet/mot-cua-lien-thong`, publisherName: 'Chuyên mục CCHC', resolve };

  test('has headline, dates, publisher, image, language and URL', () => {
    expect(newsArticleJsonLd(detail({ cover }), context)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Một cửa liên thông',
      description: 'Tóm tắt bài viết.',
      datePublished: '2024-03-14T01:00:00.000Z',
      dateModified: '2024-03-15T02:00:00.000Z',
      publisher: { '@type': 'Organization', name: 'Chuyên mục CCHC' },
      image: ['https://media.example.gov.vn/uploads/anh_bia_a1b2.png'],
      inLanguage: 'vi',
      mainEntityOfPage: context.url,
    });
  });

  test('has no image without a cover', () => {
    expect(newsArticleJsonLd(detail(), context)).not.toHaveProperty('image');
  });

  test.each([
    ['the byline', { byline: 'Quốc Bảo' }, { '@type': 'Person', name: 'Quốc Bảo' }],
    ['the agency without a byline', { byline: '' }, { '@type': 'Organization', name: 'Sở Tư pháp' }],
    ['the column without either', { byline: '', agency: null }, { '@type': 'Organization', name: 'Chuyên mục CCHC' }],
  ])('names %s as author', (_case, overrides, author) => {
    expect(newsArticleJsonLd(detail(overrides), context).author).toEqual([author]);
  });
});
