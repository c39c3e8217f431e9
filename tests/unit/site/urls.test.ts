import { describe, expect, test } from 'vitest';
import { siteOrigin } from '../../../site/src/lib/deployment.js';
import { absoluteUrl, canonicalUrl } from '../../../site/src/lib/urls.js';

const ORIGIN = 'https://cchc.example.gov.vn';

describe('canonicalUrl', () => {
  test.each([
    ['http://127.0.0.1:4321/', `${ORIGIN}/`],
    ['http://127.0.0.1:4321/linh-vuc/the-che', `${ORIGIN}/linh-vuc/the-che`],
    ['http://127.0.0.1:4321/linh-vuc/the-che/', `${ORIGIN}/linh-vuc/the-che`],
    ['http://127.0.0.1:4321/linh-vuc/the-che?trang=1', `${ORIGIN}/linh-vuc/the-che`],
    ['http://127.0.0.1:4321/linh-vuc/the-che?trang=2', `${ORIGIN}/linh-vuc/the-che?trang=2`],
    ['http://127.0.0.1:4321/video/?utm_source=zalo&trang=3&fbclid=x', `${ORIGIN}/video?trang=3`],
    ['http://127.0.0.1:4321/bai-viet/mot-cua?fbclid=abc', `${ORIGIN}/bai-viet/mot-cua`],
    ['http://127.0.0.1:4321/infographic?trang=abc', `${ORIGIN}/infographic`],
  ])('%s → %s', (url, expected) => {
    expect(canonicalUrl(ORIGIN, new URL(url))).toBe(expected);
  });
});

describe('siteOrigin', () => {
  test('is SITE_URL when configured, else the request origin', () => {
    const request = new URL('http://127.0.0.1:4321/linh-vuc/the-che?trang=2');
    expect(siteOrigin(request, ORIGIN)).toBe(ORIGIN);
    expect(siteOrigin(request, undefined)).toBe('http://127.0.0.1:4321');
  });
});

describe('absoluteUrl', () => {
  test.each([
    ['/bai-viet/a', `${ORIGIN}/bai-viet/a`],
    ['rss.xml', `${ORIGIN}/rss.xml`],
    ['/', `${ORIGIN}/`],
  ])('%s → %s', (path, expected) => {
    expect(absoluteUrl(ORIGIN, path)).toBe(expected);
  });
});
