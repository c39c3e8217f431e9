import { describe, expect, test } from 'vitest';
import { openGraphTags } from '../../../site/src/lib/seo.js';
import { facebookShareUrl, zaloShareUrl } from '../../../site/src/lib/share.js';
import { cover } from './fixtures.js';

const resolve = (path: string) => `https://media.example.gov.vn${path}`;
const base = { title: 'Một cửa', description: 'Tóm tắt', siteName: 'Chuyên mục CCHC', resolve } as const;
const asMap = (tags: { property: string; content: string }[]) => Object.fromEntries(tags.map((t) => [t.property, t.content]));

describe('openGraphTags', () => {
  test('an article shares its cover original with size and alt text', () => {
    const tags = asMap(openGraphTags({ ...base, type: 'article', url: 'https://cchc.example.gov.vn/bai-viet/mot-cua', image: cover }));
    expect(tags).toEqual({
      'og:type': 'article',
      'og:title': 'Một cửa',
      'og:description': 'Tóm tắt',
      'og:locale': 'vi_VN',
      'og:site_name': 'Chuyên mục CCHC',
      'og:url': 'https://cchc.example.gov.vn/bai-viet/mot-cua',
      'og:image': 'https://media.example.gov.vn/uploads/anh_bia_a1b2.png',
      'og:image:width': '1200',
      'og:image:height': '800',
      'og:image:alt': 'Biểu đồ tỷ lệ hồ sơ trực tuyến',
    });
  });

  test('an image of unknown size has no size tags; an error page has no og:url', () => {
    const tags = asMap(openGraphTags({ ...base, type: 'website', url: null, image: { ...cover, width: null, height: null, alt: '' } }));
    expect(Object.keys(tags)).not.toContain('og:url');
    expect(Object.keys(tags)).not.toContain('og:image:width');
    expect(Object.keys(tags)).not.toContain('og:image:alt');
    expect(tags['og:image']).toBe('https://media.example.gov.vn/uploads/anh_bia_a1b2.png');
  });
});

describe('share links', () => {
  const url = 'https://cchc.example.gov.vn/bai-viet/mot-cua?trang=2&x=1';
  test.each([
    ['Facebook', facebookShareUrl(url), 'https://www.facebook.com/sharer/sharer.php', 'u'],
    ['Zalo', zaloShareUrl(url), 'https://sp.zalo.me/share_inline', 'url'],
  ])('%s carries the whole article URL in one parameter', (_name, link, page, param) => {
    const parsed = new URL(link);
    expect(`${parsed.origin}${parsed.pathname}`).toBe(page);
    expect(parsed.searchParams.get(param)).toBe(url);
  });
});
