/** Articles as the public API returns them, for the site's unit tests. */
import type { ArticleDetail, ArticleSummary, Attachment, Image } from '../../../shared/src/index.js';

/** An image with one rendition. */
export const cover: Image = {
  url: '/uploads/anh_bia_a1b2.png',
  width: 1200,
  height: 800,
  mime: 'image/png',
  alt: 'Biểu đồ tỷ lệ hồ sơ trực tuyến',
  renditions: [{ url: '/uploads/small_anh_bia_a1b2.png', width: 500, height: 333, mime: 'image/png' }],
};

/** A summary; fields can be overridden. */
export function summary(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    slug: 'mot-cua-lien-thong',
    title: 'Một cửa liên thông',
    summary: 'Tóm tắt bài viết.',
    format: 'bai-viet',
    publicationDate: '2024-03-14T01:00:00.000Z',
    featured: false,
    demo: true,
    areas: [
      { code: 'thu-tuc-hanh-chinh', name: 'Cải cách thủ tục hành chính' },
      { code: 'chinh-quyen-so', name: 'Xây dựng chính quyền điện tử, chính quyền số' },
    ],
    topics: [],
    agency: { slug: 'so-tu-phap', name: 'Sở Tư pháp', shortName: 'STP' },
    cover: null,
    ...overrides,
  };
}

/** A whole article; fields can be overridden. */
export function detail(overrides: Partial<ArticleDetail> = {}): ArticleDetail {
  return {
    ...summary(),
    body: 'Nội dung.',
    byline: '',
    attachments: [],
    updatedAt: '2024-03-15T02:00:00.000Z',
    related: [],
    previous: null,
    next: null,
    changes: [],
    ...overrides,
  };
}

/** An attachment; fields can be overridden. */
export function attachment(overrides: Partial<Attachment> = {}): Attachment {
  return { url: '/uploads/ban_tin_a1b2.wav', name: 'ban-tin.wav', mime: 'audio/wav', sizeKb: 532.4, kind: 'audio', ...overrides };
}
