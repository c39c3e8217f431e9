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
  cchc: {
    enabled: true,
    resolve: './src/plugins/cchc',
    config: {
      // Folder of the demo data set, relative to the cms folder. Data, not code:
      // another province or year is another folder.
      seedDir: env('CCHC_SEED_DIR', 'seed/demo'),
      // Seeding is on by default outside production; demo accounts: see `demo` below.
      seed: env.bool('CCHC_SEED', env('NODE_ENV') !== 'production'),
      demoPassword: env('DEMO_PASSWORD', 'CchcDemo2024!'),
      // Demo accounts exist only on a CMS that listens on loopback, unless this is set (a public demo).
      demo: env.bool('CCHC_DEMO', false),
      // Sites whose page caches are purged after a change, and the secret that signs the calls.
      sitePurgeUrls: env.array('SITE_PURGE_URLS', []),
      purgeSecret: env('PURGE_SECRET', ''),
      // The scheduler looks for pieces due for publication this often.
      scheduleCheckSeconds: env.int('CCHC_SCHEDULE_CHECK_SECONDS', 30),
      // Workflow e-mails are sent only when an SMTP server is configured.
      notify: env('SMTP_HOST', '') !== '',
      // Where links in the e-mails point (the admin panel).
      adminUrl: env('ADMIN_URL', `http://localhost:${env('PORT', '1337')}/admin`),
      // What agencies may upload, by kind (MB), and the largest image (megapixels).
      // The public API's rate limit per client address: points per window (a search costs 3, the plan tracker 5),
      // shared through Redis when REDIS_URL is set. The site sends SITE_API_KEY and is not limited.
      rateLimit: {
        points: env.int('RATE_LIMIT_POINTS', 120),
        durationSeconds: env.int('RATE_LIMIT_WINDOW_SECONDS', 60),
        redisUrl: env('REDIS_URL', ''),
        exemptIps: env.array('RATE_LIMIT_EXEMPT_IPS', []),
        siteApiKey: env('SITE_API_KEY', ''),
      },
      // The plan tracker and the documents list are kept until a change purges them, at most this long.
      responseCacheSeconds: env.int('CCHC_RESPONSE_CACHE_SECONDS', 300),
      uploadLimits: {
        imageMb: env.int('UPLOAD_IMAGE_MB', 20),
        videoMb: env.int('UPLOAD_VIDEO_MB', 500),
        audioMb: env.int('UPLOAD_AUDIO_MB', 100),
        documentMb: env.int('UPLOAD_PDF_MB', 50),
        imageMegapixels: env.int('UPLOAD_IMAGE_MEGAPIXELS', 100),
      },
    },
  },
});
