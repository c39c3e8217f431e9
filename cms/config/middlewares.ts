import type { Core } from '@strapi/strapi';
import { mediaOrigin, mediaStorageFromEnv } from '@cchc/shared';

/**
 * CORS is closed by default: the site reads the CMS server to server, so no
 * browser origin needs credentials (Strapi's default reflects any origin).
 * The admin panel shows media from the CMS itself, or from the bucket's public
 * address (MEDIA_PUBLIC_URL) when media are kept on S3-compatible storage.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const media = mediaOrigin(mediaStorageFromEnv(process.env));
  const sources = ["'self'", 'data:', 'blob:', ...(media ? [media] : [])];
  return [
    'strapi::logger',
    'strapi::errors',
    {
      name: 'strapi::security',
      config: {
        contentSecurityPolicy: {
          useDefaults: true,
          // The media library reads files it edits or downloads with fetch: the bucket too (http:// in a test or on a LAN).
          directives: { 'img-src': sources, 'media-src': sources, 'connect-src': ["'self'", 'https:', ...(media ? [media] : [])] },
        },
      },
    },
    {
      name: 'strapi::cors',
      config: { origin: env.array('CORS_ORIGINS', []), credentials: false },
    },
    'strapi::poweredBy',
    'strapi::query',
    // Multipart bodies only where uploads are taken, refused before anything is written to disk.
    'plugin::cchc.multipart-gate',
    // Uploads are checked by kind in the plugin (media/upload-guard.ts); this is the outer bound.
    { name: 'strapi::body', config: { formLimit: '1mb', jsonLimit: '1mb', textLimit: '1mb', formidable: { maxFileSize: env.int('UPLOAD_VIDEO_MB', 500) * 1_000_000 } } },
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};
