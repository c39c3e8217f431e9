/**
 * Where uploaded media are kept: the CMS's own folder (`local`) or a bucket of an
 * S3-compatible service (`s3`), read from the environment and checked in one place.
 * The CMS configures its upload provider and its admin panel's CSP with it; the site
 * reads the same MEDIA_PUBLIC_URL with `mediaPublicUrl`. A wrong or missing value is an
 * error that names the variable, so that a process misconfigured stops at start.
 */
import { z } from 'zod';

/** The values of UPLOAD_PROVIDER. */
export const UPLOAD_PROVIDERS = ['local', 's3'] as const;
export type UploadProvider = (typeof UPLOAD_PROVIDERS)[number];

/**
 * The values of S3_ACL: `public-read` sends that canned ACL with every object (MinIO, Ceph
 * and most S3-compatible services); `none` sends none, for buckets whose policy makes objects
 * public and that refuse ACLs (AWS buckets created since April 2023, Cloudflare R2).
 * Private buckets are not offered: the site's pages are cached, signed URLs would expire in them.
 */
export const S3_ACLS = ['public-read', 'none'] as const;

/** Media kept in a bucket, as the CMS's upload provider needs it. */
export interface S3Storage {
  provider: 's3';
  bucket: string;
  region: string;
  /** The service's address; null: Amazon S3 itself. */
  endpoint: string | null;
  /** `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key`. */
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** Folder of the objects inside the bucket, without slashes at either end; '' for none. */
  prefix: string;
  /** Public base URL of the bucket or of a CDN in front of it, without a trailing slash. */
  publicUrl: string;
  acl: (typeof S3_ACLS)[number];
}

/** Where media are kept. */
export type MediaStorage = { provider: 'local' } | S3Storage;

/** The environment variable behind each setting. */
export const MEDIA_STORAGE_ENV = {
  provider: 'UPLOAD_PROVIDER',
  bucket: 'S3_BUCKET',
  region: 'S3_REGION',
  endpoint: 'S3_ENDPOINT',
  forcePathStyle: 'S3_FORCE_PATH_STYLE',
  accessKeyId: 'S3_ACCESS_KEY_ID',
  secretAccessKey: 'S3_SECRET_ACCESS_KEY',
  prefix: 'S3_PREFIX',
  publicUrl: 'MEDIA_PUBLIC_URL',
  acl: 'S3_ACL',
} as const satisfies Record<keyof S3Storage, string>;

/** The region the AWS SDK is given for a service that has none of its own (MinIO's default). */
const DEFAULT_REGION = 'us-east-1';

const REQUIRED = `required when ${MEDIA_STORAGE_ENV.provider}=s3`;

/** An http(s) URL with no query, fragment or credentials, its trailing slashes dropped. */
const baseUrl = z
  .url({ protocol: /^https?$/, error: 'an http:// or https:// address' })
  .refine((value) => {
    // Refinements run after a failed check too: an address that does not parse was refused above.
    const url = URL.parse(value);
    return url === null || (url.search === '' && url.hash === '' && url.username === '' && url.password === '');
  }, 'an address without query, fragment or credentials')
  .transform((value) => value.replace(/\/+$/, ''));

const flag = z.enum(['true', 'false'], { error: 'true or false' }).transform((value) => value === 'true');

const S3Schema = z.object({
  provider: z.literal('s3'),
  // The naming rules of Amazon S3, which S3-compatible services follow.
  bucket: z.string({ error: REQUIRED }).regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, '3 to 63 lowercase letters, digits, dots or hyphens'),
  region: z.string({ error: `required when ${MEDIA_STORAGE_ENV.provider}=s3 without ${MEDIA_STORAGE_ENV.endpoint}` }).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'a region name such as ap-southeast-1'),
  endpoint: baseUrl.nullable(),
  forcePathStyle: flag,
  accessKeyId: z.string({ error: REQUIRED }).min(1, REQUIRED),
  secretAccessKey: z.string({ error: REQUIRED }).min(1, REQUIRED),
  prefix: z.string().regex(/^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*)?$/, 'folder names of letters, digits, dots, hyphens and underscores separated by /'),
  publicUrl: z.string({ error: REQUIRED }).pipe(baseUrl),
  acl: z.enum(S3_ACLS, { error: S3_ACLS.join(' or ') }),
});

/** A variable's value, with an empty or blank one counted as unset. */
function read(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Throws one error naming every wrong variable. */
function fail(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): never {
  const problems = issues.map((issue) => {
    const key = String(issue.path[0] ?? 'provider') as keyof S3Storage;
    return `${MEDIA_STORAGE_ENV[key] ?? key}: ${issue.message}`;
  });
  throw new Error(`Media storage is misconfigured: ${problems.join('; ')}`);
}

/**
 * Where media are kept, from the environment (UPLOAD_PROVIDER, S3_*, MEDIA_PUBLIC_URL).
 * Throws an error naming each wrong or missing variable.
 * @example mediaStorageFromEnv({}) // { provider: 'local' }
 */
export function mediaStorageFromEnv(env: Readonly<Record<string, string | undefined>>): MediaStorage {
  const provider = z.enum(UPLOAD_PROVIDERS, { error: UPLOAD_PROVIDERS.join(' or ') }).safeParse(read(env, MEDIA_STORAGE_ENV.provider) ?? 'local');
  if (!provider.success) fail(provider.error.issues.map((issue) => ({ ...issue, path: ['provider'] })));
  if (provider.data === 'local') return { provider: 'local' };
  const endpoint = read(env, MEDIA_STORAGE_ENV.endpoint) ?? null;
  const result = S3Schema.safeParse({
    provider: 's3',
    bucket: read(env, MEDIA_STORAGE_ENV.bucket),
    // A service of one's own (MinIO, Ceph) often has no region: the SDK still needs a name.
    region: read(env, MEDIA_STORAGE_ENV.region) ?? (endpoint ? DEFAULT_REGION : undefined),
    endpoint,
    // S3-compatible services are addressed by path unless told otherwise (no wildcard DNS needed).
    forcePathStyle: read(env, MEDIA_STORAGE_ENV.forcePathStyle) ?? String(endpoint !== null),
    accessKeyId: read(env, MEDIA_STORAGE_ENV.accessKeyId),
    secretAccessKey: read(env, MEDIA_STORAGE_ENV.secretAccessKey),
    prefix: (read(env, MEDIA_STORAGE_ENV.prefix) ?? '').replace(/^\/+|\/+$/g, ''),
    publicUrl: read(env, MEDIA_STORAGE_ENV.publicUrl),
    acl: read(env, MEDIA_STORAGE_ENV.acl) ?? 'public-read',
  });
  if (!result.success) fail(result.error.issues);
  return result.data;
}

/**
 * MEDIA_PUBLIC_URL as the site reads it: unset (media are the CMS's own) or a checked base URL.
 * @example mediaPublicUrl({ MEDIA_PUBLIC_URL: 'https://media.example.vn/' }) // 'https://media.example.vn'
 */
export function mediaPublicUrl(env: Readonly<Record<string, string | undefined>>): string | null {
  const value = read(env, MEDIA_STORAGE_ENV.publicUrl);
  if (value === undefined) return null;
  const result = baseUrl.safeParse(value);
  if (!result.success) fail(result.error.issues.map((issue) => ({ ...issue, path: ['publicUrl'] })));
  return result.data;
}

/**
 * The origin media are loaded from, for a Content-Security-Policy; null when they are the CMS's own.
 * @example mediaOrigin(storage) // 'https://media.example.vn'
 */
export function mediaOrigin(storage: MediaStorage): string | null {
  return storage.provider === 's3' ? new URL(storage.publicUrl).origin : null;
}
