/**
 * Files kept in an S3-compatible bucket are served by the bucket (or a CDN in front),
 * not by the CMS, so the headers `/uploads` adds (serve-headers.ts) must travel with each
 * object instead: the bucket answers with what was stored with it. The type is the one
 * detected from the content (the upload guard set it); anything that is not an image,
 * audio or video is stored with `Content-Disposition: attachment`, so it downloads
 * rather than opens on the bucket's origin. Wraps the provider's writes, so every
 * original, format and AVIF/WebP copy is stored that way, on upload and on replace.
 */
import type { Core } from '@strapi/strapi';
import { opensInline } from './serve-headers.js';

/** A file as the upload plugin hands it to its provider. */
interface ProviderFile {
  hash: string;
  ext?: string;
  mime?: string;
  path?: string | null;
}

/** Extra parameters of a PutObject call (the AWS SDK's names). */
type PutParams = Record<string, unknown>;

/** The provider's writes, as the upload plugin wraps them: (file, custom parameters). */
interface BucketProvider {
  uploadStream?: (file: ProviderFile, params?: PutParams) => Promise<void>;
  upload?: (file: ProviderFile, params?: PutParams) => Promise<void>;
  replaceStream?: (file: ProviderFile, old: ProviderFile) => Promise<void>;
  replace?: (file: ProviderFile, old: ProviderFile) => Promise<void>;
  delete: (file: ProviderFile) => Promise<unknown>;
}

/**
 * The headers stored with an object of this type.
 * @example objectHeaders('application/pdf') // { ContentDisposition: 'attachment' }
 */
export function objectHeaders(mime: string | undefined): PutParams {
  return opensInline(mime ?? '') ? {} : { ContentDisposition: 'attachment' };
}

/** Where a provider keeps a file: two files with the same place are one object. */
const placeOf = (file: ProviderFile) => `${file.path ?? ''}/${file.hash}${file.ext ?? ''}`;

/** Wraps the bucket provider's writes so that each object is stored with its headers. */
export function storeObjectsWithHeaders(strapi: Core.Strapi): void {
  const config = strapi.config.get('plugin::upload') as { provider?: string; actionOptions?: Record<string, PutParams | undefined> };
  if (config.provider !== 'aws-s3') return;
  const provider = strapi.plugin('upload').provider as unknown as BucketProvider;
  for (const write of ['uploadStream', 'upload'] as const) {
    const original = provider[write]?.bind(provider);
    if (!original) continue;
    const defaults = config.actionOptions?.[write] ?? {};
    provider[write] = (file, params) => original(file, { ...(params ?? defaults), ...objectHeaders(file.mime) });
  }
  // The provider's own replace cannot be given parameters through the upload plugin (it passes
  // two arguments): write the new object as an upload does (the upload plugin has set its stream
  // or buffer), then delete the old one if it was elsewhere, so the file is never missing.
  for (const [replace, write] of [['replaceStream', 'uploadStream'], ['replace', 'upload']] as const) {
    const store = provider[write];
    if (!provider[replace] || !store) continue;
    provider[replace] = async (file, old) => {
      await store(file);
      if (placeOf(file) !== placeOf(old)) await provider.delete(old);
    };
  }
}
