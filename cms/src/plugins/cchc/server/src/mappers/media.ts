/** Maps Strapi upload files to the public Image and Attachment contracts. */
import type { Attachment, Image } from '@cchc/shared';
import type { UploadFile } from '../repositories/records.js';

/** An image with its responsive renditions, smallest first. */
export function toImage(file: UploadFile | null | undefined): Image | null {
  if (!file) return null;
  const renditions = Object.values(file.formats ?? {})
    .map(({ url, width, height, mime }) => ({ url, width, height, mime }))
    .sort((a, b) => a.width - b.width);
  return {
    url: file.url,
    width: file.width ?? null,
    height: file.height ?? null,
    mime: file.mime,
    alt: file.alternativeText ?? '',
    renditions,
  };
}

/** MIME types of documents people download and read: PDF and Word (DOCX). */
const DOCUMENT_MIMES: ReadonlySet<string> = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);

/** The kind of a file, from its MIME type. */
function kindOf(mime: string): Attachment['kind'] {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (DOCUMENT_MIMES.has(mime)) return 'document';
  return 'other';
}

/** A downloadable attachment. Strapi stores sizes in kB of 1000 bytes. */
export function toAttachment(file: UploadFile): Attachment {
  return { url: file.url, name: file.name, mime: file.mime, sizeKb: file.size, kind: kindOf(file.mime) };
}
