/**
 * Contracts of drafts' previews: the site reads a draft with a preview token (one
 * signed for an editor's edit view, short-lived, for an article, a steering document
 * or an event; or a share link's, which an agency sends its director, for an article),
 * and staff create, list and revoke share links.
 */
import { z } from 'zod';
import { ArticleDetailSchema } from './articles.js';
import { rowIdParam } from './common.js';
import { CommitteeEventSchema, DocumentDetailSchema } from './committee.js';
import { ANY_WORKFLOW_ROLE, declareEndpoint } from './endpoint.js';
import { DocumentParamsSchema } from './workflow.js';

/** The header carrying a preview token: a secret that must not go in a URL the CMS logs. */
export const PREVIEW_TOKEN_HEADER = 'x-cchc-preview-token';

/** Tokens are URL-safe base64 with a dot-separated prefix; anything else is refused before any lookup. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,16}\.[A-Za-z0-9_.-]{16,600}$/;

/**
 * True when a string has the shape of a preview token (the site checks before calling).
 * @example isPreviewTokenShape('s1.abcdefghijklmnopqrstuvwxyz012345') // true
 */
export function isPreviewTokenShape(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** What a preview shows. */
export const PREVIEW_KINDS = ['article', 'document', 'event'] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

/** GET /api/cchc/preview */
export namespace GetPreview {
  export const HeadersSchema = z.object({
    [PREVIEW_TOKEN_HEADER]: z.string({ error: 'Thiếu mã xem trước.' }).regex(TOKEN_PATTERN, { error: 'Mã xem trước không hợp lệ.' }),
  });
  const Facts = {
    /** `editor`: opened from the edit view; `share`: a share link. */
    mode: z.enum(['editor', 'share']),
    /** When the draft was read: the page says it shows the draft as it was then. */
    readAt: z.string(),
    expiresAt: z.string(),
    /** Who shared the link (share links only). */
    sharedBy: z.string().nullable(),
  };
  export const ResponseSchema = z.object({
    data: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('article'), ...Facts, article: ArticleDetailSchema }),
      z.object({ kind: z.literal('document'), ...Facts, document: DocumentDetailSchema }),
      z.object({ kind: z.literal('event'), ...Facts, event: CommitteeEventSchema }),
    ]),
  });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'getPreview',
    api: 'content-api',
    method: 'GET',
    path: '/preview',
    summary: 'The draft a preview token is for, as the column would show it (never cached; 404 when the token is unknown, expired, revoked or no longer allowed).',
    headers: HeadersSchema,
    response: ResponseSchema,
    access: 'public',
    // A miss costs an indexed lookup. The site calls with its key (not limited here): visitors
    // are limited by the site's own budget of private requests; tokens are 256-bit anyway.
    cost: 3,
  });
}

/** A share link as staff see it (its token only once, when created). */
export const ShareLinkSchema = z.object({
  id: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  openedCount: z.number().int(),
  lastOpenedAt: z.string().nullable(),
  /** Live: neither revoked nor expired. */
  live: z.boolean(),
});
export type ShareLink = z.infer<typeof ShareLinkSchema>;

/** POST /cchc/articles/:documentId/share-links */
export namespace CreateShareLink {
  export const BodySchema = z.object({
    /** How long the link lasts, in hours (the configured default when left out; capped by the configured maximum). */
    hours: z.number({ error: 'Thời hạn phải là số giờ.' }).int({ error: 'Thời hạn phải là số giờ nguyên.' }).min(1, { error: 'Thời hạn ít nhất 1 giờ.' }).optional(),
  });
  export const ResponseSchema = z.object({ data: z.object({ link: ShareLinkSchema, url: z.string() }) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'createShareLink',
    api: 'admin',
    method: 'POST',
    path: '/articles/:documentId/share-links',
    summary: 'Creates a read-only preview link of the draft that expires; recorded in the history. The URL is shown once.',
    params: DocumentParamsSchema,
    body: BodySchema,
    response: ResponseSchema,
    access: ANY_WORKFLOW_ROLE,
  });
}

/** GET /cchc/articles/:documentId/share-links */
export namespace ListShareLinks {
  export const ResponseSchema = z.object({ data: z.array(ShareLinkSchema) });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'listShareLinks',
    api: 'admin',
    method: 'GET',
    path: '/articles/:documentId/share-links',
    summary: 'The share links of a draft, newest first, with how often each was opened.',
    params: DocumentParamsSchema,
    response: ResponseSchema,
    access: ANY_WORKFLOW_ROLE,
  });
}

/** POST /cchc/articles/:documentId/share-links/:linkId/revoke */
export namespace RevokeShareLink {
  export const ParamsSchema = DocumentParamsSchema.extend({ linkId: rowIdParam('linkId') });
  export const ResponseSchema = z.object({ data: ShareLinkSchema });
  export type Response = z.infer<typeof ResponseSchema>;
  export const Endpoint = declareEndpoint({
    name: 'revokeShareLink',
    api: 'admin',
    method: 'POST',
    path: '/articles/:documentId/share-links/:linkId/revoke',
    summary: 'Ends a share link before it expires; recorded in the history.',
    params: ParamsSchema,
    response: ResponseSchema,
    access: ANY_WORKFLOW_ROLE,
  });
}
