/**
 * Koa middleware, placed before Strapi's body parser (config/middlewares.ts): a
 * multipart body is accepted only by the routes that take uploads, and only with
 * credentials (but for the public routes that declare files, within their size);
 * anything else is refused before a byte of it is written to disk.
 */
import fs from 'node:fs/promises';
import { QUESTION_ATTACHMENTS } from '@cchc/shared';

const UPLOAD_ROUTES: ReadonlyArray<[method: string, path: RegExp]> = [
  ['POST', /^\/upload\/?$/],
  ['POST', /^\/upload\/files\/?$/],
  ['POST', /^\/upload\/files\/\d+\/replace\/?$/],
  ['POST', /^\/api\/upload\/?$/],
];

/**
 * Public routes that take files from anyone (the plugin's endpoints that declare `files`), each
 * with the largest body it takes: a body without a declared length, or past it, is refused
 * before it is parsed.
 */
const PUBLIC_UPLOAD_ROUTES: ReadonlyArray<[method: string, path: RegExp, maxBytes: number]> = [
  ['POST', /^\/api\/cchc\/questions\/?$/, QUESTION_ATTACHMENTS.max * QUESTION_ATTACHMENTS.maxBytes + 1024 * 1024],
];

/** Answer of a public upload past its size. */
export const MULTIPART_TOO_LARGE = `Tệp gửi kèm quá lớn: tối đa ${QUESTION_ATTACHMENTS.max} tệp, mỗi tệp ${QUESTION_ATTACHMENTS.maxBytes / 1024 / 1024} MB.`;

/** Answer of a refused body (Vietnamese, for people). */
export const MULTIPART_REFUSED = 'Địa chỉ này không nhận tệp tải lên.';
/** Answer of an upload sent without signing in. */
export const MULTIPART_UNSIGNED = 'Hãy đăng nhập trước khi tải tệp lên.';

/** The paths of the files a parsed multipart body holds. */
function temporaryFiles(files: unknown): string[] {
  return Object.values((files ?? {}) as Record<string, unknown>)
    .flatMap((entry) => (Array.isArray(entry) ? entry : [entry]))
    .flatMap((file) => {
      const filepath = (file as { filepath?: unknown } | null)?.filepath;
      return typeof filepath === 'string' ? [filepath] : [];
    });
}

interface KoaContext {
  method: string;
  path: string;
  is: (...types: string[]) => string | false | null;
  get: (name: string) => string;
  status: number;
  body: unknown;
  request?: { files?: unknown };
}

/** True when a request may carry a multipart body. */
export function acceptsMultipart(method: string, path: string): boolean {
  return UPLOAD_ROUTES.some(([m, p]) => m === method && p.test(path));
}

/** The middleware factory, as Strapi's middleware config calls it. */
export default () => async (ctx: KoaContext, next: () => Promise<void>) => {
  if (!ctx.is('multipart')) return next();
  const open = PUBLIC_UPLOAD_ROUTES.find(([m, p]) => m === ctx.method && p.test(ctx.path));
  if (open) {
    const length = Number(ctx.get('content-length') || Number.NaN);
    if (!Number.isFinite(length) || length > open[2]) {
      ctx.status = 413;
      ctx.body = { data: null, error: { status: 413, name: 'PayloadTooLargeError', message: MULTIPART_TOO_LARGE } };
      return;
    }
    try {
      return await next();
    } finally {
      // Every temporary file the body parser wrote, under any field, whatever the answer: the handler copied what it keeps.
      await Promise.all(temporaryFiles(ctx.request?.files).map((file) => fs.rm(file, { force: true })));
    }
  }
  if (!acceptsMultipart(ctx.method, ctx.path)) {
    ctx.status = 415;
    ctx.body = { data: null, error: { status: 415, name: 'UnsupportedMediaTypeError', message: MULTIPART_REFUSED } };
    return;
  }
  // An upload without credentials is refused before its body is written to disk (the route checks them properly after).
  if (!ctx.get('authorization')) {
    ctx.status = 401;
    ctx.body = { data: null, error: { status: 401, name: 'UnauthorizedError', message: MULTIPART_UNSIGNED } };
    return;
  }
  await next();
};
