/** The forms (hình thức) a CCHC communication piece can take, with their Vietnamese labels. */
export const ARTICLE_FORMATS = [
  { code: 'tin-ngan', label: 'Tin ngắn' },
  { code: 'bai-viet', label: 'Bài viết' },
  { code: 'phong-su', label: 'Phóng sự' },
  { code: 'video-clip', label: 'Video clip' },
  { code: 'infographic', label: 'Infographic' },
  { code: 'an-pham', label: 'Ấn phẩm' },
  { code: 'ban-tin-phat-thanh', label: 'Bản tin phát thanh' },
  { code: 'pano-ap-phich', label: 'Pano, áp phích' },
  { code: 'hoi-dap', label: 'Hỏi đáp' },
] as const;

/** A format code such as `infographic` or `phong-su`. */
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number]['code'];

/** All format codes, in display order. */
export const ARTICLE_FORMAT_CODES = ARTICLE_FORMATS.map((f) => f.code) as [ArticleFormat, ...ArticleFormat[]];

/** Narrows a string to a format code. */
export function isArticleFormat(value: string): value is ArticleFormat {
  return (ARTICLE_FORMAT_CODES as readonly string[]).includes(value);
}

/** The Vietnamese label of a format. */
export function formatLabel(code: ArticleFormat): string {
  return ARTICLE_FORMATS.find((f) => f.code === code)?.label ?? code;
}
