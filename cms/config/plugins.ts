import type { Core } from '@strapi/strapi';
import { mediaStorageFromEnv, type MediaStorage } from '@cchc/shared';

/**
 * The upload plugin's provider: Strapi's own folder, or @strapi/provider-upload-aws-s3 on a
 * bucket of an S3-compatible service. The settings are checked in @cchc/shared
 * (media/storage.ts), so a wrong or missing one stops the CMS here, at start, naming its variable.
 */
export function uploadConfig(storage: MediaStorage) {
  if (storage.provider === 'local') return { provider: 'local' };
  return {
    provider: 'aws-s3',
    providerOptions: {
      // The URL Strapi stores for each file: <MEDIA_PUBLIC_URL>/<S3_PREFIX>/<name>.
      baseUrl: storage.publicUrl,
      rootPath: storage.prefix || undefined,
      s3Options: {
        region: storage.region,
        ...(storage.endpoint ? { endpoint: storage.endpoint } : {}),
        forcePathStyle: storage.forcePathStyle,
        credentials: { accessKeyId: storage.accessKeyId, secretAccessKey: storage.secretAccessKey },
        // The SDK's default checksums (since 3.729) are refused by many S3-compatible services
        // (aws/aws-sdk-js-v3#6810): elsewhere than Amazon S3, only where an operation needs one.
        ...(storage.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
        // The provider sends `public-read` unless the key is present; null sends no ACL at all.
        params: { Bucket: storage.bucket, ACL: storage.acl === 'none' ? null : 'public-read' },
      },
    },
  };
}

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Media files: see uploadConfig. Formats (and the plugin's AVIF/WebP copies) go where the original goes.
  upload: { config: uploadConfig(mediaStorageFromEnv(process.env)) },
  // Notifications of the review workflow go through this SMTP server. Without SMTP_HOST
  // the plugin sends nothing (and says so in the log).
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 25),
        secure: env.bool('SMTP_SECURE', false),
        ignoreTLS: !env.bool('SMTP_STARTTLS', false),
        ...(env('SMTP_USER', '') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASSWORD', '') } } : {}),
      },
      settings: {
        defaultFrom: env('MAIL_FROM', 'Chuyên mục CCHC <no-reply@cchc.local>'),
        defaultReplyTo: env('MAIL_REPLY_TO', 'no-reply@cchc.local'),
      },
    },
  },
  // The CCHC plugin reads its own settings from the environment (CCHC_*, SITE_PURGE_URLS,
  // RATE_LIMIT_*, UPLOAD_*_MB …): each variable, its default and its check are in
  // src/plugins/cchc/server/src/config.ts. A key set under `config` here overrides it.
  cchc: {
    enabled: true,
    resolve: './src/plugins/cchc',
  },
});
