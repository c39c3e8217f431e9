/**
 * GET /video/phu-de/{file}.vtt: a caption file of the CMS upload folder, or of the media
 * bucket (its path under MEDIA_PUBLIC_URL, prefix included: /video/phu-de/cchc/{file}.vtt),
 * served from the site's own origin because browsers refuse cross-origin text tracks without CORS.
 */
import type { APIRoute } from 'astro';
import { uploadText } from '../../../lib/cms';
import { notFound, textResponse } from '../../../lib/http';
import { CAPTIONS_PATH_PATTERN } from '../../../lib/media';

export const GET: APIRoute = async ({ params }) => {
  const file = params.file ?? '';
  if (!CAPTIONS_PATH_PATTERN.test(file)) return notFound();
  const text = await uploadText(file);
  if (text === null) return notFound();
  // Upload names carry a content hash: the file at this name never changes, so no content tag.
  return textResponse(text, 'text/vtt; charset=utf-8');
};
