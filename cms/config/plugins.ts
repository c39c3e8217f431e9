import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
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
