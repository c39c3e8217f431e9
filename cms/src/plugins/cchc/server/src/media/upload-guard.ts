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
import type { UploadLimits } from '../config.js';

export type { UploadLimits };

type Kind = 'image' | 'video' | 'audio' | 'document' | 'captions';

/** Types accepted, by MIME type as detected from content. */
const ACCEPTED: Record<string, { kind: Kind; label: string; ext: string }> = {
  'image/jpeg': { kind: 'image', label: 'ảnh JPEG', ext: '.jpg' },
  'image/png': { kind: 'image', label: 'ảnh PNG', ext: '.png' },
  'image/webp': { kind: 'image', label: 'ảnh WebP', ext: '.webp' },
  'video/mp4': { kind: 'video', label: 'video MP4', ext: '.mp4' },
  'video/webm': { kind: 'video', label: 'video WebM', ext: '.webm' },
  'audio/mpeg': { kind: 'audio', label: 'âm thanh MP3', ext: '.mp3' },
  'audio/x-m4a': { kind: 'audio', label: 'âm thanh M4A', ext: '.m4a' },
  'audio/mp4': { kind: 'audio', label: 'âm thanh M4A', ext: '.m4a' },
  'audio/wav': { kind: 'audio', label: 'âm thanh WAV', ext: '.wav' },
  'audio/x-wav': { kind: 'audio', label: 'âm thanh WAV', ext: '.wav' },
  'application/pdf': { kind: 'document', label: 'tài liệu PDF', ext: '.pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'document', label: 'tài liệu Word (DOCX)', ext: '.docx' },
  'text/vtt': { kind: 'captions', label: 'phụ đề WebVTT', ext: '.vtt' },
};

/**
 * The name a file is stored under: its own, with the extension of the type its
 * content has (never the one it was sent with), so that `/uploads` serves it as that type.
 * @example storedName('bao-cao.js', 'text/vtt') // 'bao-cao.vtt'
 */
export function storedName(name: string, mime: string): string {
  const ext = ACCEPTED[mime]?.ext ?? '';
  const base = name.replace(/\.[^./\\]*$/, '').replace(/[\u0000-\u001f/\\]/g, '') || 'tep';
  return `${base}${ext}`;
}

const ACCEPTED_LIST = 'JPEG, PNG, WebP, MP4, WebM, MP3, M4A, WAV, PDF, DOCX hoặc phụ đề WebVTT';

/** An uploaded file as the upload plugin receives it. */
interface IncomingFile {
  filepath?: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  /** Strapi prefers this over `mimetype` when it names the stored type. */
  detectedMimeType?: string;
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

const CUE_TIMING = /^(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}[ \t]+-->[ \t]+(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}(?:[ \t].*)?$/;

/**
 * True when a text is WebVTT as its specification frames it: valid UTF-8, the
 * WEBVTT header, then blocks that are cues (with a timing line), notes, styles or regions.
 * @example isWebVtt(Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào')) // true
 */
export function isWebVtt(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return false;
  }
  if (text.includes('\u0000')) return false;
  const [header = '', ...blocks] = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  if (!/^WEBVTT(?:[ \t][^\n]*)?(?:\n[^\n]+)*$/.test(header) || !/^WEBVTT(?:[ \t].*)?$/.test(header.split('\n')[0]!)) return false;
  let cues = 0;
  for (const block of blocks.map((b) => b.trim()).filter(Boolean)) {
    const lines = block.split('\n');
    if (/^(NOTE|STYLE|REGION)(?:[ \t\n]|$)/.test(lines[0]!)) continue;
    const timing = CUE_TIMING.test(lines[0]!) ? 0 : CUE_TIMING.test(lines[1] ?? '') && !lines[0]!.includes('-->') ? 1 : -1;
    if (timing < 0) return false;
    cues++;
  }
  return cues > 0;
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
  if (accepted.kind === 'captions' && !isWebVtt(await fs.readFile(file.filepath))) {
    throw new InvalidInputError(`Tệp "${name}" bắt đầu bằng WEBVTT nhưng không phải phụ đề WebVTT hợp lệ (mỗi đoạn cần dòng thời gian dạng 00:00:01.000 --> 00:00:04.000).`);
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
    // The detected type wins over what the browser claimed, and names the stored extension.
    file.mimetype = await checkUpload(file, limits());
    file.detectedMimeType = file.mimetype;
    file.originalFilename = storedName(file.originalFilename ?? 'tep', file.mimetype);
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
