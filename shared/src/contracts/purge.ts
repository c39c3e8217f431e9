/**
 * POST /_cache/purge on the site: the CMS tells the site's page cache which
 * content changed. The body is signed with a shared secret (HMAC-SHA256 over
 * `${timestamp}.${body}`), so only the CMS can purge, and a captured call cannot
 * be replayed after PURGE_MAX_SKEW_SECONDS.
 */
import { z } from 'zod';

/** Path of the purge endpoint on the site. */
export const PURGE_PATH = '/_cache/purge';
/** Header with the Unix time (seconds) the call was signed at. */
export const PURGE_TIMESTAMP_HEADER = 'x-cchc-timestamp';
/** Header with `sha256=<hex HMAC>`. */
export const PURGE_SIGNATURE_HEADER = 'x-cchc-signature';
/** How far the signing time may be from the site's clock. */
export const PURGE_MAX_SKEW_SECONDS = 300;

/** Tags to purge, or everything. */
export const PurgeRequestSchema = z.union([
  z.object({ tags: z.array(z.string().min(1).max(200)).min(1).max(1000) }),
  z.object({ all: z.literal(true) }),
]);
export type PurgeRequest = z.infer<typeof PurgeRequestSchema>;

/** What the site answers. */
export const PurgeResponseSchema = z.object({ purged: z.number().int().min(0) });
export type PurgeResponse = z.infer<typeof PurgeResponseSchema>;

/**
 * The string both sides feed to the HMAC.
 * @example purgeSigningInput(1700000000, '{"all":true}') === '1700000000.{"all":true}'
 */
export function purgeSigningInput(timestamp: number, body: string): string {
  return `${timestamp}.${body}`;
}

