/**
 * The plugin's configuration, in one place: each key's environment variable, its
 * default and its check are written here once. The host app only enables the plugin
 * (cms/config/plugins.ts); a key set there overrides what the environment says.
 * Strapi runs the validator at start: a wrong value stops the CMS with a message
 * that names the environment variable.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { VARNISH_PURGE_SECRET_PATTERN } from '@cchc/shared';
import { PLUGIN_ID } from './constants.js';

const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) => z.number().int().min(min).max(max);

const UploadLimitsSchema = z.object({
  imageMb: wholeNumber(1),
  videoMb: wholeNumber(1),
  audioMb: wholeNumber(1),
  documentMb: wholeNumber(1),
  /** Largest image, in millions of pixels (30000 × 30000 is 900). */
  imageMegapixels: wholeNumber(1),
});
/** Size limits of uploads by kind, in MB, and the largest image in megapixels. */
export type UploadLimits = z.output<typeof UploadLimitsSchema>;

const RateLimitSchema = z.object({
  /** Points a client address may spend per window (a search costs 3, the plan tracker 5). */
  points: wholeNumber(1),
  /** The window, in seconds. */
  durationSeconds: wholeNumber(1),
  /** Redis for a budget shared by several CMS instances; empty: memory. */
  redisUrl: z.string(),
  /** Addresses never limited. */
  exemptIps: z.array(z.string()),
  /** The site's key (SITE_API_KEY); empty: no client is exempt by key. */
  siteApiKey: z.string(),
  /** Contest registrations an address may attempt per hour (the site forwards its visitors' addresses). */
  registrationsPerClientHour: wholeNumber(1),
  /** Contest registrations one phone number may be used for per hour. */
  registrationsPerPhoneHour: wholeNumber(1),
  /** Of those, the ones without a solved proof-of-work challenge (a browser without JavaScript). */
  registrationsWithoutChallengePerClientHour: wholeNumber(1),
  /** Questions an address may send per minute, and per hour. */
  questionsPerClientMinute: wholeNumber(1),
  questionsPerClientHour: wholeNumber(1),
});
/** Rate limits of the public API. */
export type RateLimitConfig = z.output<typeof RateLimitSchema>;

const ContestChallengeSchema = z.object({
  /** Master secret of the registration challenge (signing keys are derived from it); every CMS instance needs the same. */
  secret: z.string().min(16, { error: 'at least 16 characters' }),
  /** PBKDF2 iterations per try; the CMS derives one key per challenge it issues, so make it harder with more tries, not a higher cost. */
  cost: wholeNumber(1, 20_000),
  /** Tries needed at most; a phone solves the default in a few seconds. */
  counterMax: wholeNumber(5, 10_000_000),
  /** How long a challenge may be solved and used, in seconds. */
  lifetimeSeconds: wholeNumber(60, 86_400),
});

const VarnishSchema = z
  .object({
    /** Varnish instances in front of the site (deploy/varnish/cchc.vcl), sent PURGE with the changed tags; none: no Varnish. */
    urls: z.array(z.url({ protocol: /^https?$/ })),
    /** Secret those instances check on PURGE (written into their generated local.vcl). */
    purgeSecret: z.string(),
  })
  .refine((varnish) => varnish.urls.length === 0 || VARNISH_PURGE_SECRET_PATTERN.test(varnish.purgeSecret), {
    path: ['purgeSecret'],
    error: 'needed with VARNISH_URLS: 16 to 256 characters of A-Z, a-z, 0-9 and ._~+/=-',
  });

export const CchcConfigSchema = z.object({
  /** Folder of the demo data set, relative to the host app's root. Data, not code: another province or year is another folder. */
  seedDir: z.string().min(1),
  /** Whether to seed on start (on by default outside production). */
  seed: z.boolean(),
  /** Password of the demo accounts (created only on a loopback CMS, or when `demo` is set). */
  demoPassword: z.string().min(8, { error: 'at least 8 characters' }),
  /** Demo accounts even on a CMS that listens beyond loopback (a public demo). */
  demo: z.boolean(),
  /** Base URLs of the sites whose page caches are purged after a change. */
  sitePurgeUrls: z.array(z.url({ protocol: /^https?$/ })),
  /** Secret shared with the sites to sign purge calls. */
  purgeSecret: z.string(),
  varnish: VarnishSchema,
  /** How often the scheduler looks for pieces due for publication, in seconds. */
  scheduleCheckSeconds: wholeNumber(1, 59),
  /** Whether workflow e-mails are sent (an SMTP server is configured). */
  notify: z.boolean(),
  /** Base URL of the admin panel, for links in e-mails. */
  adminUrl: z.url({ protocol: /^https?$/ }),
  uploadLimits: UploadLimitsSchema,
  rateLimit: RateLimitSchema,
  /** The proof-of-work challenge on contest registration (services/contest-challenge.ts). */
  contestChallenge: ContestChallengeSchema,
  /** How long the public API keeps an aggregated answer (plan tracker, documents list) at most, in seconds; 0: never (benchmarks). */
  responseCacheSeconds: wholeNumber(0),
  /** Citizens' questions: working days each state may last, and how long contact details are kept after an item ends. */
  questions: z.object({
    classifyDays: wholeNumber(0, 60),
    assignDays: wholeNumber(0, 60),
    answerDays: wholeNumber(1, 120),
    publishDays: wholeNumber(0, 60),
    /** 0: erased at the scheduler's next run after the question ends. */
    keepContactMonths: wholeNumber(0, 120),
    /** Folder of citizens' attachments, never served (relative to the CMS's folder). */
    filesDir: z.string().min(1),
  }),
  /** The editors' desk: the review target, previews and share links. */
  desk: z.object({
    /** Working days a submitted piece may wait for an editor before the queue shows it late. */
    reviewTargetDays: wholeNumber(1, 60),
    /** The site's public address, where the admin panel's preview and share links open. */
    previewSiteUrl: z.url({ protocol: /^https?$/ }),
    /** Secret signing preview tokens; every CMS instance needs the same. */
    previewSecret: z.string().min(16, { error: 'at least 16 characters' }),
    /** How long a preview opened from the edit view stays readable, in minutes. */
    previewMinutes: wholeNumber(1, 24 * 60),
    /** How long a share link lasts by default, and at most, in hours. */
    shareLinkHours: wholeNumber(1, 24 * 30),
    shareLinkMaxHours: wholeNumber(1, 24 * 90),
  }),
});
export type CchcConfig = z.output<typeof CchcConfigSchema>;

/** The environment variable behind each key, for the error messages and the README. */
export const ENV_NAMES: Record<string, string> = {
  seedDir: 'CCHC_SEED_DIR',
  seed: 'CCHC_SEED',
  demoPassword: 'DEMO_PASSWORD',
  demo: 'CCHC_DEMO',
  sitePurgeUrls: 'SITE_PURGE_URLS',
  purgeSecret: 'PURGE_SECRET',
  'varnish.urls': 'VARNISH_URLS',
  'varnish.purgeSecret': 'VARNISH_PURGE_SECRET',
  scheduleCheckSeconds: 'CCHC_SCHEDULE_CHECK_SECONDS',
  notify: 'SMTP_HOST',
  adminUrl: 'ADMIN_URL',
  'uploadLimits.imageMb': 'UPLOAD_IMAGE_MB',
  'uploadLimits.videoMb': 'UPLOAD_VIDEO_MB',
  'uploadLimits.audioMb': 'UPLOAD_AUDIO_MB',
  'uploadLimits.documentMb': 'UPLOAD_PDF_MB',
  'uploadLimits.imageMegapixels': 'UPLOAD_IMAGE_MEGAPIXELS',
  'rateLimit.points': 'RATE_LIMIT_POINTS',
  'rateLimit.durationSeconds': 'RATE_LIMIT_WINDOW_SECONDS',
  'rateLimit.redisUrl': 'REDIS_URL',
  'rateLimit.exemptIps': 'RATE_LIMIT_EXEMPT_IPS',
  'rateLimit.siteApiKey': 'SITE_API_KEY',
  'rateLimit.registrationsPerClientHour': 'CONTEST_REGISTRATIONS_PER_CLIENT_HOUR',
  'rateLimit.registrationsPerPhoneHour': 'CONTEST_REGISTRATIONS_PER_PHONE_HOUR',
  'rateLimit.registrationsWithoutChallengePerClientHour': 'CONTEST_REGISTRATIONS_WITHOUT_CHALLENGE_PER_CLIENT_HOUR',
  'rateLimit.questionsPerClientMinute': 'QUESTIONS_PER_CLIENT_MINUTE',
  'rateLimit.questionsPerClientHour': 'QUESTIONS_PER_CLIENT_HOUR',
  'contestChallenge.secret': 'CONTEST_CHALLENGE_SECRET',
  'contestChallenge.cost': 'CONTEST_CHALLENGE_COST',
  'contestChallenge.counterMax': 'CONTEST_CHALLENGE_MAX_TRIES',
  'contestChallenge.lifetimeSeconds': 'CONTEST_CHALLENGE_LIFETIME_SECONDS',
  responseCacheSeconds: 'CCHC_RESPONSE_CACHE_SECONDS',
  'questions.classifyDays': 'QUESTION_CLASSIFY_DAYS',
  'questions.assignDays': 'QUESTION_ASSIGN_DAYS',
  'questions.answerDays': 'QUESTION_ANSWER_DAYS',
  'questions.publishDays': 'QUESTION_PUBLISH_DAYS',
  'questions.keepContactMonths': 'QUESTION_KEEP_CONTACT_MONTHS',
  'questions.filesDir': 'QUESTION_FILES_DIR',
  'desk.reviewTargetDays': 'REVIEW_TARGET_DAYS',
  'desk.previewSiteUrl': 'PREVIEW_SITE_URL',
  'desk.previewSecret': 'PREVIEW_SECRET',
  'desk.previewMinutes': 'PREVIEW_TOKEN_MINUTES',
  'desk.shareLinkHours': 'PREVIEW_LINK_HOURS',
  'desk.shareLinkMaxHours': 'PREVIEW_LINK_MAX_HOURS',
};

/** Strapi's env helper, as far as this module uses it. */
interface Env {
  (name: string, fallback?: string): string | undefined;
  int(name: string, fallback?: number): number | undefined;
  bool(name: string, fallback?: boolean): boolean | undefined;
  array(name: string, fallback?: string[]): string[] | undefined;
}

/** The configuration from the environment, defaults filled in. */
export function configFromEnv(env: Env): z.input<typeof CchcConfigSchema> {
  const port = env('PORT', '1337');
  return {
    seedDir: env('CCHC_SEED_DIR', 'seed/demo') ?? 'seed/demo',
    seed: env.bool('CCHC_SEED', env('NODE_ENV') !== 'production') ?? true,
    demoPassword: env('DEMO_PASSWORD', 'CchcDemo2024!') ?? '',
    demo: env.bool('CCHC_DEMO', false) ?? false,
    sitePurgeUrls: env.array('SITE_PURGE_URLS', []) ?? [],
    purgeSecret: env('PURGE_SECRET', '') ?? '',
    varnish: {
      urls: env.array('VARNISH_URLS', []) ?? [],
      purgeSecret: env('VARNISH_PURGE_SECRET', '') ?? '',
    },
    scheduleCheckSeconds: env.int('CCHC_SCHEDULE_CHECK_SECONDS', 30) ?? 30,
    // Workflow e-mails are sent only when an SMTP server is configured (config/plugins.ts, email).
    notify: (env('SMTP_HOST', '') ?? '') !== '',
    adminUrl: env('ADMIN_URL', `http://localhost:${port}/admin`) ?? '',
    uploadLimits: {
      imageMb: env.int('UPLOAD_IMAGE_MB', 20) ?? 20,
      videoMb: env.int('UPLOAD_VIDEO_MB', 500) ?? 500,
      audioMb: env.int('UPLOAD_AUDIO_MB', 100) ?? 100,
      documentMb: env.int('UPLOAD_PDF_MB', 50) ?? 50,
      imageMegapixels: env.int('UPLOAD_IMAGE_MEGAPIXELS', 100) ?? 100,
    },
    rateLimit: {
      points: env.int('RATE_LIMIT_POINTS', 120) ?? 120,
      durationSeconds: env.int('RATE_LIMIT_WINDOW_SECONDS', 60) ?? 60,
      redisUrl: env('REDIS_URL', '') ?? '',
      exemptIps: env.array('RATE_LIMIT_EXEMPT_IPS', []) ?? [],
      siteApiKey: env('SITE_API_KEY', '') ?? '',
      registrationsPerClientHour: env.int('CONTEST_REGISTRATIONS_PER_CLIENT_HOUR', 20) ?? 20,
      registrationsPerPhoneHour: env.int('CONTEST_REGISTRATIONS_PER_PHONE_HOUR', 5) ?? 5,
      registrationsWithoutChallengePerClientHour: env.int('CONTEST_REGISTRATIONS_WITHOUT_CHALLENGE_PER_CLIENT_HOUR', 3) ?? 3,
      questionsPerClientMinute: env.int('QUESTIONS_PER_CLIENT_MINUTE', 1) ?? 1,
      questionsPerClientHour: env.int('QUESTIONS_PER_CLIENT_HOUR', 5) ?? 5,
    },
    contestChallenge: {
      // The app's own keys when no secret of its own is set: every instance of one CMS shares them.
      secret: env('CONTEST_CHALLENGE_SECRET', '') || (env.array('APP_KEYS', []) ?? []).join(','),
      cost: env.int('CONTEST_CHALLENGE_COST', 1000) ?? 1000,
      counterMax: env.int('CONTEST_CHALLENGE_MAX_TRIES', 3000) ?? 3000,
      lifetimeSeconds: env.int('CONTEST_CHALLENGE_LIFETIME_SECONDS', 1800) ?? 1800,
    },
    responseCacheSeconds: env.int('CCHC_RESPONSE_CACHE_SECONDS', 300) ?? 300,
    questions: {
      classifyDays: env.int('QUESTION_CLASSIFY_DAYS', 2) ?? 2,
      assignDays: env.int('QUESTION_ASSIGN_DAYS', 1) ?? 1,
      answerDays: env.int('QUESTION_ANSWER_DAYS', 15) ?? 15,
      publishDays: env.int('QUESTION_PUBLISH_DAYS', 2) ?? 2,
      keepContactMonths: env.int('QUESTION_KEEP_CONTACT_MONTHS', 12) ?? 12,
      filesDir: env('QUESTION_FILES_DIR', 'data/question-files') ?? 'data/question-files',
    },
    desk: {
      reviewTargetDays: env.int('REVIEW_TARGET_DAYS', 2) ?? 2,
      // The site's public address; else the one the purge calls reach (often internal: set PREVIEW_SITE_URL in production).
      previewSiteUrl: env('PREVIEW_SITE_URL', '') || env('SITE_URL', '') || (env.array('SITE_PURGE_URLS', []) ?? [])[0] || 'http://localhost:4321',
      previewSecret: env('PREVIEW_SECRET', '') || (env.array('APP_KEYS', []) ?? []).join(','),
      previewMinutes: env.int('PREVIEW_TOKEN_MINUTES', 30) ?? 30,
      shareLinkHours: env.int('PREVIEW_LINK_HOURS', 72) ?? 72,
      shareLinkMaxHours: env.int('PREVIEW_LINK_MAX_HOURS', 720) ?? 720,
    },
  };
}

/** Checks every key; the error names each wrong key's environment variable. */
export function validateConfig(config: unknown): CchcConfig {
  const result = CchcConfigSchema.safeParse(config);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.filter((p) => typeof p === 'string').join('.');
    return `${ENV_NAMES[key] ?? key} (${key}): ${issue.message}`;
  });
  throw new Error(problems.join('; '));
}

/** The plugin's configuration, typed: the one place that reads it from Strapi. */
export function pluginConfig(strapi: Core.Strapi): CchcConfig {
  return CchcConfigSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}`));
}

export default {
  default: ({ env }: { env: Env }) => configFromEnv(env),
  validator: (config: unknown) => void validateConfig(config),
};
