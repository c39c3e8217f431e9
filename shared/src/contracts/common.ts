/**
 * Building blocks of the public API contracts. Each schema validates data at a
 * boundary (query strings on the CMS, CMS responses on the site); the TypeScript
 * types are derived from the schemas.
 */
import { z } from 'zod';
import { SLUG_PATTERN } from '../text/vietnamese.js';

/** Largest page size the public API serves. */
export const MAX_PAGE_SIZE = 50;
/** Page size when none is asked for. */
export const DEFAULT_PAGE_SIZE = 10;
/** Highest page number accepted; deeper pages are refused rather than scanned. */
export const MAX_PAGE = 10_000;

/** A slug query parameter (area code, agency slug, topic slug). */
export const slugParam = (name: string) =>
  z.string({ error: `Tham số "${name}" phải là một chuỗi.` }).regex(SLUG_PATTERN, {
    error: `Tham số "${name}" chỉ gồm chữ thường không dấu, số và dấu gạch ngang.`,
  });

/** A document or record id in a path (lower-case letters and digits, as Strapi's document ids and the contest's ids are). */
export const idParam = (name: string) =>
  z.string({ error: `Tham số "${name}" không hợp lệ.` }).regex(/^[a-z0-9]{1,40}$/, { error: `Tham số "${name}" không hợp lệ.` });

/** A positive integer query parameter given as a decimal string. */
export const intParam = (name: string, min: number, max: number) =>
  z
    .string({ error: `Tham số "${name}" phải là một số.` })
    .regex(/^\d{1,6}$/, { error: `Tham số "${name}" phải là số nguyên từ ${min} đến ${max}.` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `Tham số "${name}" phải là số nguyên từ ${min} đến ${max}.` });

/**
 * A database row's id in a path or query (a history row, a share link): a positive
 * decimal integer that fits a 32-bit column.
 * @example rowIdParam('since').parse('1234567') === 1234567
 */
export const rowIdParam = (name: string) =>
  z
    .string({ error: `Tham số "${name}" phải là một số.` })
    .regex(/^[1-9]\d{0,9}$/, { error: `Tham số "${name}" phải là mã số dương.` })
    .transform(Number)
    .refine((n) => n <= 2_147_483_647, { error: `Tham số "${name}" phải là mã số dương.` });

/** Page and page size, as every list endpoint takes them. */
export const paginationQuery = {
  page: intParam('page', 1, MAX_PAGE).default(1),
  pageSize: intParam('pageSize', 1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};

/** Pagination metadata of a list response. */
export const PaginationSchema = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  pageCount: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type Pagination = z.infer<typeof PaginationSchema>;

/** The error body the API answers with (Strapi's shape). */
export const ErrorResponseSchema = z.object({
  data: z.null(),
  error: z.object({ status: z.number(), name: z.string(), message: z.string() }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** One rendition of an image (Strapi's responsive formats). */
export const ImageRenditionSchema = z.object({
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  mime: z.string(),
});

/** An image as the public API exposes it: URL, size, alt text and renditions. */
export const ImageSchema = z.object({
  url: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  mime: z.string(),
  alt: z.string(),
  renditions: z.array(ImageRenditionSchema),
});
export type Image = z.infer<typeof ImageSchema>;

/** A downloadable file attached to a piece. */
export const AttachmentSchema = z.object({
  url: z.string(),
  name: z.string(),
  mime: z.string(),
  /** Size in kilobytes of 1000 bytes, to two decimals, as Strapi stores it. */
  sizeKb: z.number(),
  kind: z.enum(['image', 'video', 'audio', 'document', 'other']),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/**
 * Header with which the site identifies itself to the CMS's public API (SITE_API_KEY on
 * both sides): the site serves every reader from its page cache, so the CMS's per-address
 * rate limit does not apply to it.
 */
export const SITE_KEY_HEADER = 'x-cchc-site-key';
/**
 * The address of the visitor on whose behalf the site calls (its front server sets it,
 * overwriting whatever the visitor sent); the CMS believes it only with the site's key.
 */
export const VISITOR_HEADER = 'x-cchc-visitor';

/**
 * Characters a person never types: controls (tab and line breaks excepted; a NUL would be refused
 * by PostgreSQL), and U+FFFD, which stands where bytes that were not UTF-8 could not be read.
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

/**
 * A text as a person typed it: NFC, line breaks as one character (a browser sends `\r\n`
 * where its form counted one), trimmed.
 */
export const typedText = (s: string) => s.normalize('NFC').replace(/\r\n?/g, '\n').trim();

/**
 * A text a person types (a name, a title): normalised (`typedText`), required, without control
 * characters, with a Vietnamese message naming the field (`label`, lower case) and its longest length.
 */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `Hãy nhập ${label}.` })
    .transform(typedText)
    .pipe(
      z
        .string()
        .min(1, { error: `Hãy nhập ${label}.` })
        .max(max, { error: `${label[0]!.toUpperCase()}${label.slice(1)} dài quá ${max} ký tự.` })
        .refine((s) => !CONTROL_CHARACTERS.test(s), { error: `${label[0]!.toUpperCase()}${label.slice(1)} có ký tự không hợp lệ.` }),
    );
