/**
 * What agencies may upload: infographics (JPEG, PNG, WebP), clips (MP4, WebM),
 * audio bulletins (MP3, M4A, WAV), publications and documents (PDF, DOCX) and WebVTT captions. The type
 * is read from the file's content, never its name; SVG (which can carry script)
 * is refused; each kind has a size limit; images past a pixel count are refused
 * before anything decodes them. Wraps the upload plugin's service, so every path
 * (admin panel, API, seed) goes through it, and answers with a Vietnamese 400.
 */
import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';
import { InvalidInputError } from '../errors.js';

/** Kinds of media and their limits. */
export interface UploadLimits {
  imageMb: number;
  videoMb: number;
  audioMb: number;
  documentMb: number;
  /** Largest image, in millions of pixels (30000 × 30000 is 900). */
  imageMegapixels: number;
}

type Kind = 'image' | 'video' | 'audio' | 'document' | 'captions';

/** Types accepted, by MIME type as detected from content. */
const ACCEPTED: Record<string, { kind: Kind; label: string }> = {
  'image/jpeg': { kind: 'image', label: 'ảnh JPEG' },
  'image/png': { kind: 'image', label: 'ảnh PNG' },
  'image/webp': { kind: 'image', label: 'ảnh WebP' },
  'video/mp4': { kind: 'video', label: 'video MP4' },
  'video/webm': { kind: 'video', label: 'video WebM' },
  'audio/mpeg': { kind: 'audio', label: 'âm thanh MP3' },
  'audio/x-m4a': { kind: 'audio', label: 'âm thanh M4A' },
  'audio/mp4': { kind: 'audio', label: 'âm thanh M4A' },
  'audio/wav': { kind: 'audio', label: 'âm thanh WAV' },
  'audio/x-wav': { kind: 'audio', label: 'âm thanh WAV' },
  'application/pdf': { kind: 'document', label: 'tài liệu PDF' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'document', label: 'tài liệu Word (DOCX)' },
  'text/vtt': { kind: 'captions', label: 'phụ đề WebVTT' },
};

const ACCEPTED_LIST = 'JPEG, PNG, WebP, MP4, WebM, MP3, M4A, WAV, PDF, DOCX hoặc phụ đề WebVTT';

/** An uploaded file as the upload plugin receives it. */
interface IncomingFile {
  filepath?: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size?: number;
}

/** The first bytes of a file. */
async function head(filepath: string, length = 4100): Promise<Buffer> {
  const file = await fs.open(filepath, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * The MIME type of a file from its content: binary signatures through file-type,
 * and the two text formats that matter here (WebVTT accepted, SVG recognised to be refused).
 */
export async function sniffType(bytes: Buffer): Promise<string | undefined> {
  // Text formats first: file-type calls an SVG with an XML declaration just "XML".
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>/]/i.test(text)) return 'image/svg+xml';
  if (text.startsWith('WEBVTT')) return 'text/vtt';
  const { fileTypeFromBuffer } = await import('file-type');
  return (await fileTypeFromBuffer(new Uint8Array(bytes)))?.mime;
}

/** Checks one file; throws InvalidInputError with a message a person can act on. Returns the real MIME type. */
export async function checkUpload(file: IncomingFile, limits: UploadLimits): Promise<string> {
  const name = file.originalFilename ?? 'tệp';
  if (!file.filepath) throw new InvalidInputError(`Không đọc được tệp "${name}".`);
  const bytes = await head(file.filepath);
  let type = await sniffType(bytes);
  if (type === 'application/zip') {
    // A DOCX is a ZIP: its [Content_Types].xml may lie past the first bytes (writers order entries
    // as they like), so a ZIP within the document limit is looked at whole, through its directory.
    const size = file.size ?? (await fs.stat(file.filepath)).size;
    if (size / 1_000_000 <= limits.documentMb) type = await sniffType(await fs.readFile(file.filepath));
  }
  if (type === 'image/svg+xml') {
    throw new InvalidInputError(`Tệp "${name}" là ảnh SVG: không nhận SVG vì nó có thể chứa mã chạy được. Hãy xuất ảnh ra PNG hoặc JPEG.`);
  }
  const accepted = type ? ACCEPTED[type] : undefined;
  if (!type || !accepted) {
    throw new InvalidInputError(`Nội dung tệp "${name}" không phải loại được nhận (${ACCEPTED_LIST}), dù tên tệp thế nào.`);
  }
  const sizeMb = (file.size ?? (await fs.stat(file.filepath)).size) / 1_000_000;
  const limitMb = { image: limits.imageMb, video: limits.videoMb, audio: limits.audioMb, document: limits.documentMb, captions: 1 }[accepted.kind];
  if (sizeMb > limitMb) {
    throw new InvalidInputError(`Tệp "${name}" (${accepted.label}) nặng ${sizeMb.toFixed(1)} MB, quá giới hạn ${limitMb} MB cho loại này.`);
  }
  if (accepted.kind === 'image') {
    // Reads the header only: a pixel bomb is refused before anything decodes it.
    const { width = 0, height = 0 } = await sharp(file.filepath, { limitInputPixels: false }).metadata();
    if ((width * height) / 1_000_000 > limits.imageMegapixels) {
      throw new InvalidInputError(
        `Ảnh "${name}" có ${width.toLocaleString('vi-VN')} × ${height.toLocaleString('vi-VN')} điểm ảnh, quá giới hạn ${limits.imageMegapixels} triệu điểm ảnh. Hãy thu nhỏ ảnh trước khi tải lên.`,
      );
    }
  }
  return type;
}

/** Wraps the upload plugin's upload and replace so that every file is checked first. */
export function guardUploads(strapi: Core.Strapi, limits: () => UploadLimits): void {
  const service = strapi.plugin('upload').service('upload') as {
    upload: (input: { data: unknown; files: IncomingFile | IncomingFile[] }, opts?: unknown) => Promise<unknown>;
    replace: (id: unknown, input: { data: unknown; file: IncomingFile }, opts?: unknown) => Promise<unknown>;
  };
  const upload = service.upload.bind(service);
  const replace = service.replace.bind(service);
  const check = async (file: IncomingFile) => {
    // The detected type wins over what the browser claimed.
    file.mimetype = await checkUpload(file, limits());
  };
  service.upload = async (input, opts) => {
    for (const file of Array.isArray(input.files) ? input.files : [input.files]) await check(file);
    return upload(input, opts);
  };
  service.replace = async (id, input, opts) => {
    await check(input.file);
    return replace(id, input, opts);
  };
}
