import type { Core } from '@strapi/strapi';
/**
 * CORS is closed by default: the site reads the CMS server to server, so no
 * browser origin needs credentials (Strapi's default reflects any origin).
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'media-src': ["'self'", 'data:', 'blob:'] },
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
