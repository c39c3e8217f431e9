/**
 * Images in modern formats: every responsive size Strapi makes of an uploaded image
 * (small, medium, large) also gets an AVIF and a WebP copy, stored as extra formats
 * of the same file (`small_avif`, `small_webp`, …). The original stays untouched for
 * print download. Done by wrapping the upload plugin's own resize step, so the
 * copies are uploaded, stored and deleted with the file like Strapi's own formats.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';

/** A file as the upload plugin's image manipulation passes it around. */
interface WorkingFile {
  name: string;
  hash: string;
  ext?: string;
  mime?: string;
  filepath?: string;
  path?: string | null;
  width?: number;
  height?: number;
  size?: number;
  sizeInBytes?: number;
  tmpWorkingDirectory?: string;
  getStream: () => NodeJS.ReadableStream;
}

interface Format {
  key: string;
  file: WorkingFile;
}

/** Target encodings; quality chosen for photos and flat infographics alike, effort kept low for upload time. */
const ENCODINGS = [
  { suffix: 'avif', mime: 'image/avif', encode: (s: sharp.Sharp) => s.avif({ quality: 55, effort: 2 }) },
  { suffix: 'webp', mime: 'image/webp', encode: (s: sharp.Sharp) => s.webp({ quality: 78 }) },
] as const;

/** The AVIF and WebP copies of one resized format. */
async function modernCopies(format: Format): Promise<Format[]> {
  const source = format.file;
  if (!source.filepath) return [];
  const copies: Format[] = [];
  for (const { suffix, mime, encode } of ENCODINGS) {
    const hash = `${source.hash}_${suffix}`;
    const filepath = path.join(path.dirname(source.filepath), hash);
    const info = await encode(sharp(source.filepath)).toFile(filepath);
    copies.push({
      key: `${format.key}_${suffix}`,
      file: {
        name: `${suffix}_${source.name}`,
        hash,
        ext: `.${suffix}`,
        mime,
        filepath,
        path: source.path ?? null,
        width: info.width,
        height: info.height,
        // Strapi stores sizes in kB of 1000 bytes, to two decimals.
        size: Math.round(info.size / 10) / 100,
        sizeInBytes: info.size,
        getStream: () => fs.createReadStream(filepath),
      },
    });
  }
  return copies;
}

/** Wraps the upload plugin's responsive-format step to add AVIF and WebP copies. */
export function addModernImageFormats(strapi: Core.Strapi): void {
  const manipulation = strapi.plugin('upload').service('image-manipulation') as { generateResponsiveFormats: (file: WorkingFile) => Promise<Format[]> };
  const original = manipulation.generateResponsiveFormats.bind(manipulation);
  manipulation.generateResponsiveFormats = async (file) => {
    const formats = (await original(file)).filter(Boolean);
    // Animated GIFs and the like keep Strapi's formats only.
    if (file.mime !== 'image/png' && file.mime !== 'image/jpeg') return formats;
    const extra = await Promise.all(formats.map(modernCopies));
    return [...formats, ...extra.flat()];
  };
}
