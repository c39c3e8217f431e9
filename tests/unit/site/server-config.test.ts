/** The front server's media origins: the CMS's and the media bucket's (MEDIA_PUBLIC_URL), checked at start. */
import { describe, expect, test } from 'vitest';
import { readConfig } from '../../../site/server/config.ts';
import { securityHeaders } from '../../../site/server/security-headers.ts';

describe('media origins', () => {
  test('images and media may come from the CMS and from the bucket or its CDN, nowhere else', () => {
    const config = readConfig({ CMS_PUBLIC_URL: 'https://cms.example.vn', MEDIA_PUBLIC_URL: 'https://media.example.vn:8443/cchc-media/' });
    expect(config.mediaOrigins).toEqual(['https://cms.example.vn', 'https://media.example.vn:8443']);
    const csp = securityHeaders(config.mediaOrigins, false)['Content-Security-Policy'];
    expect(csp).toContain("img-src 'self' data: https://cms.example.vn https://media.example.vn:8443;");
    expect(csp).toContain("media-src 'self' data: https://cms.example.vn https://media.example.vn:8443;");
  });

  test('without MEDIA_PUBLIC_URL, only the CMS', () => {
    expect(readConfig({ CMS_PUBLIC_URL: 'https://cms.example.vn' }).mediaOrigins).toEqual(['https://cms.example.vn']);
  });

  test.each([['media.example.vn'], ['ftp://media.example.vn'], ['https://media.example.vn/?v=2']])('MEDIA_PUBLIC_URL=%s stops the site at start, naming the variable', (value) => {
    expect(() => readConfig({ MEDIA_PUBLIC_URL: value })).toThrow(/MEDIA_PUBLIC_URL/);
  });
});
