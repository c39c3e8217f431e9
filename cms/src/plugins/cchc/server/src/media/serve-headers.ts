/**
 * Headers of every file served from /uploads: the browser never guesses a type
 * (nosniff), nothing there runs as a page of the CMS's origin (a sandboxing CSP),
 * and anything that is not an image, audio or video downloads instead of opening.
 */
import type { Core } from '@strapi/strapi';

const INLINE = /^(image|audio|video)\//;

/**
 * True for a type a browser may show in place (image, audio, video); anything else downloads.
 * @example opensInline('application/pdf') // false
 */
export function opensInline(contentType: string): boolean {
  return INLINE.test(contentType);
}

/** The headers for a served upload of this content type. */
export function uploadHeaders(contentType: string): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
    ...(opensInline(contentType) ? {} : { 'Content-Disposition': 'attachment' }),
  };
}

/**
 * True for a path the static server resolves into the uploads folder: it decodes
 * (`/%75ploads/x` is `/uploads/x`) and the folder name is matched whatever its case.
 * @example servesUpload('/%75ploads/x.html') // true
 */
export function servesUpload(path: string): boolean {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Undecodable: the static server refuses it too; keep the raw path.
  }
  return /^\/+uploads\//i.test(decoded.replace(/\\/g, '/'));
}

interface KoaContext {
  path: string;
  response: { get: (name: string) => string };
  set: (headers: Record<string, string>) => void;
}

/** Adds the headers to /uploads responses. */
export function secureUploadResponses(strapi: Core.Strapi): void {
  strapi.server.use(async (ctx: KoaContext, next: () => Promise<void>) => {
    await next();
    if (servesUpload(ctx.path)) ctx.set(uploadHeaders(ctx.response.get('Content-Type')));
  });
}
