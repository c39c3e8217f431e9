import type { UploadLimits } from './media/upload-guard.js';
import type { RateLimitConfig } from './rate-limit/public-rate-limit.js';

/** The plugin's configuration, set in the host app's config/plugins.ts. */
export interface CchcConfig {
  /** Folder of the demo data set, relative to the host app's root. */
  seedDir: string;
  /** Whether to seed on start. */
  seed: boolean;
  /** Password of the demo accounts (created only on a loopback CMS, or when `demo` is set). */
  demoPassword: string;
  /** CCHC_DEMO=true: demo accounts even on a CMS that listens beyond loopback (a public demo). */
  demo: boolean;
  /** Base URLs of the sites whose page caches are purged after a change. */
  sitePurgeUrls: string[];
  /** Secret shared with the sites to sign purge calls. */
  purgeSecret: string;
  /** How often the scheduler looks for pieces due for publication, in seconds. */
  scheduleCheckSeconds: number;
  /** Whether workflow e-mails are sent (an SMTP server is configured). */
  notify: boolean;
  /** Base URL of the admin panel, for links in e-mails. */
  adminUrl: string;
  /** Size limits of uploads by kind, in MB, and the largest image in megapixels. */
  uploadLimits: UploadLimits;
  /** Rate limits of the public API. */
  rateLimit: RateLimitConfig;
  /** How long the public API keeps an aggregated answer (plan tracker, documents list) at most, in seconds; 0: never (benchmarks). */
  responseCacheSeconds: number;
}

export default {
  default: { seedDir: 'seed/demo', seed: true, demoPassword: 'CchcDemo2024!', demo: false, sitePurgeUrls: [], purgeSecret: '', scheduleCheckSeconds: 30, notify: false, adminUrl: 'http://localhost:1337/admin',
    uploadLimits: { imageMb: 20, videoMb: 500, audioMb: 100, documentMb: 50, imageMegapixels: 100 },
    rateLimit: { points: 120, durationSeconds: 60, redisUrl: '', exemptIps: [], siteApiKey: '' },
    responseCacheSeconds: 300,
  } satisfies CchcConfig,
  validator(config: Partial<CchcConfig>) {
    if (config.seedDir !== undefined && typeof config.seedDir !== 'string') throw new Error('cchc.seedDir must be a folder path');
    const every = config.scheduleCheckSeconds;
    if (every !== undefined && (!Number.isInteger(every) || every < 1 || every > 59)) {
      throw new Error('CCHC_SCHEDULE_CHECK_SECONDS must be a whole number of seconds from 1 to 59');
    }
    const limit = config.rateLimit;
    if (limit !== undefined && (!Number.isInteger(limit.points) || limit.points < 1 || !Number.isInteger(limit.durationSeconds) || limit.durationSeconds < 1)) {
      throw new Error('RATE_LIMIT_POINTS and RATE_LIMIT_WINDOW_SECONDS must be whole numbers of at least 1');
    }
    if (config.demoPassword !== undefined && String(config.demoPassword).length < 8) {
      throw new Error('DEMO_PASSWORD must have at least 8 characters');
    }
  },
};
