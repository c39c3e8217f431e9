import { describe, expect, it } from 'vitest';
import { safeWebsite, telHref } from '../../../site/src/lib/agencies.js';
import { attachmentLink, displayDate, fileTypeLabel, formatFileSize } from '../../../site/src/lib/format.js';
import { imageAttributes } from '../../../site/src/lib/images.js';
import { cacheControlFor } from '../../../site/src/lib/http.js';

describe('displayDate', () => {
  it.each([
    // 18:30 UTC on 13 March is already 14 March in Vietnam.
    ['2024-03-13T18:30:00.000Z', '14/03/2024', 'ngày 14 tháng 3 năm 2024'],
    ['2024-12-31T17:00:00.000Z', '01/01/2025', 'ngày 1 tháng 1 năm 2025'],
    ['2024-03-14', '14/03/2024', 'ngày 14 tháng 3 năm 2024'],
  ])('%s', (value, short, long) => {
    expect(displayDate(value)).toEqual({ datetime: value, short, long });
  });

  it('returns null for an unreadable date', () => {
    expect(displayDate('không phải ngày')).toBeNull();
  });
});

describe('file sizes and types', () => {
  it.each([
    [0.2, '1 KB'],
    [532.4, '532 KB'],
    [999.4, '999 KB'],
    [1240, '1,2 MB'],
    [20000, '20 MB'],
  ])('%d kB → %s', (kb, expected) => {
    expect(formatFileSize(kb)).toBe(expected);
  });

  it.each([
    ['ke-hoach.pdf', 'application/pdf', 'PDF'],
    ['poster', 'image/png', 'PNG'],
  ])('%s (%s) → %s', (name, mime, expected) => {
    expect(fileTypeLabel(name, mime)).toBe(expected);
  });

  it('builds a download link with the media URL', () => {
    const link = attachmentLink(
      { url: '/uploads/k.pdf', name: 'k.pdf', mime: 'application/pdf', sizeKb: 2000, kind: 'document' },
      (p) => `https://cms.vn${p}`,
    );
    expect(link).toEqual({ href: 'https://cms.vn/uploads/k.pdf', name: 'k.pdf', details: 'PDF, 2 MB' });
  });
});

describe('imageAttributes', () => {
  const resolve = (p: string) => `https://cms.vn${p}`;
  it('lists renditions and the original by width', () => {
    const attrs = imageAttributes(
      {
        url: '/uploads/a.png',
        width: 1200,
        height: 800,
        mime: 'image/png',
        alt: 'Biểu đồ',
        renditions: [
          { url: '/uploads/small_a.png', width: 500, height: 333, mime: 'image/png' },
          { url: '/uploads/thumbnail_a.png', width: 234, height: 156, mime: 'image/png' },
        ],
      },
      resolve,
    );
    expect(attrs).toEqual({
      src: 'https://cms.vn/uploads/a.png',
      srcset: 'https://cms.vn/uploads/thumbnail_a.png 234w, https://cms.vn/uploads/small_a.png 500w, https://cms.vn/uploads/a.png 1200w',
      width: 1200,
      height: 800,
      alt: 'Biểu đồ',
      sources: [],
    });
  });

  it('offers AVIF then WebP sources, each with its own widths, and keeps them out of the fallback srcset', () => {
    const attrs = imageAttributes(
      {
        url: '/uploads/a.png',
        width: 1200,
        height: 800,
        mime: 'image/png',
        alt: 'Biểu đồ',
        renditions: [
          { url: '/uploads/small_a.png', width: 500, height: 333, mime: 'image/png' },
          { url: '/uploads/small_a.webp', width: 500, height: 333, mime: 'image/webp' },
          { url: '/uploads/large_a.webp', width: 1000, height: 667, mime: 'image/webp' },
          { url: '/uploads/small_a.avif', width: 500, height: 333, mime: 'image/avif' },
        ],
      },
      resolve,
    );
    expect(attrs.sources).toEqual([
      { type: 'image/avif', srcset: 'https://cms.vn/uploads/small_a.avif 500w' },
      { type: 'image/webp', srcset: 'https://cms.vn/uploads/small_a.webp 500w, https://cms.vn/uploads/large_a.webp 1000w' },
    ]);
    expect(attrs.srcset).toBe('https://cms.vn/uploads/small_a.png 500w, https://cms.vn/uploads/a.png 1200w');
  });

  it('leaves srcset out when there is a single candidate', () => {
    const attrs = imageAttributes({ url: '/u/a.svg', width: null, height: null, mime: 'image/svg+xml', alt: '', renditions: [] }, resolve);
    expect(attrs.srcset).toBeUndefined();
    expect(attrs.width).toBeUndefined();
  });
});

describe('agency contact helpers', () => {
  it.each([
    ['https://sotuphap.binhdinh.gov.vn', 'https://sotuphap.binhdinh.gov.vn'],
    ['sotuphap.binhdinh.gov.vn', 'https://sotuphap.binhdinh.gov.vn'],
    ['javascript:alert(1)', null],
    ['', null],
    ['không có', null],
  ])('safeWebsite(%j) → %j', (value, expected) => {
    expect(safeWebsite(value)).toBe(expected);
  });

  it('strips spaces from phone links', () => {
    expect(telHref('0256 3 800 001')).toBe('tel:02563800001');
  });
});

describe('cacheControlFor', () => {
  it.each([
    [200, 'public, max-age=60'],
    [404, 'no-store'],
    [503, 'no-store'],
  ])('%i → %s', (status, expected) => {
    expect(cacheControlFor(status)).toBe(expected);
  });
});
