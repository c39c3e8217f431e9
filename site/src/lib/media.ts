/** The playable and downloadable files behind the media pages (video, radio, infographics). */
import { SITE_PATHS, type ArticleFormat, type Attachment, type Image } from '@cchc/shared';
import { fileTypeLabel } from './format';

/** A caption file name the site will fetch from the CMS's upload folder: one path segment ending in .vtt. */
export const CAPTIONS_FILE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}\.vtt$/;

/** The files of an article that the media pages play. */
export interface ArticleMedia {
  video: Attachment | null;
  /** WebVTT captions for the video. */
  captions: Attachment | null;
  audio: Attachment[];
}

/** True for a WebVTT caption file. */
export function isCaptions(attachment: Attachment): boolean {
  return attachment.mime === 'text/vtt' || /\.vtt$/i.test(attachment.url);
}

/** Picks the first video, the first caption file and every audio file of an article. */
export function articleMedia(attachments: readonly Attachment[]): ArticleMedia {
  return {
    video: attachments.find((a) => a.kind === 'video') ?? null,
    captions: attachments.find(isCaptions) ?? null,
    audio: attachments.filter((a) => a.kind === 'audio'),
  };
}

/** A caption file's path under the bucket's public base: the objects' folders, then a caption file name. */
export const CAPTIONS_PATH_PATTERN = /^(?:[A-Za-z0-9][A-Za-z0-9_.-]{0,200}\/){0,8}[A-Za-z0-9][A-Za-z0-9_.-]{0,200}\.vtt$/;

/**
 * The src of a <track>. Browsers load text tracks from another origin only with CORS
 * (and a crossorigin attribute that would then make the video itself need CORS), so
 * caption files in the CMS's upload folder, or in the bucket under `mediaBase`
 * (MEDIA_PUBLIC_URL), are served through the site's own origin.
 * @example captionsSrc({ url: '/uploads/phu_de_a1b2.vtt', name: 'phu-de.vtt', mime: 'text/vtt', sizeKb: 2, kind: 'document' }) === '/video/phu-de/phu_de_a1b2.vtt'
 * @example captionsSrc({ url: 'https://media.example.vn/cchc/phu_de.vtt', … }, resolve, 'https://media.example.vn') === '/video/phu-de/cchc/phu_de.vtt'
 */
export function captionsSrc(attachment: Attachment, resolve: (path: string) => string, mediaBase: string | null = null): string {
  const match = /^\/uploads\/([^/]+)$/.exec(attachment.url);
  if (match?.[1] && CAPTIONS_FILE_PATTERN.test(match[1])) return SITE_PATHS.captions(match[1]);
  if (mediaBase !== null && attachment.url.startsWith(`${mediaBase}/`)) {
    const path = attachment.url.slice(mediaBase.length + 1);
    if (CAPTIONS_PATH_PATTERN.test(path)) return SITE_PATHS.captions(path);
  }
  return resolve(attachment.url);
}

/**
 * The type and pixel size of an image's original file, for its download link.
 * @example imageDetails({ url: '/uploads/a.png', mime: 'image/png', width: 1200, height: 800, alt: '', renditions: [] }) === 'PNG, 1200 × 800 px'
 */
export function imageDetails(image: Image): string {
  const type = fileTypeLabel(image.url, image.mime);
  return image.width !== null && image.height !== null ? `${type}, ${image.width} × ${image.height} px` : type;
}

/** Formats shown in the infographic gallery. */
export const GALLERY_FORMATS = ['infographic', 'pano-ap-phich'] as const satisfies readonly ArticleFormat[];

/** Formats shown on the video page. */
export const VIDEO_FORMATS = ['video-clip', 'phong-su'] as const satisfies readonly ArticleFormat[];

/** The format of the audio bulletins (radio page and podcast feed). */
export const RADIO_FORMAT = 'ban-tin-phat-thanh' satisfies ArticleFormat;
