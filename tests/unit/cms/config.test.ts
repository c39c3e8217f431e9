/**
 * The plugin's configuration: every key has an environment variable, a default and
 * a check, in one schema (cms/src/plugins/cchc/server/src/config.ts).
 */
import { env } from '@strapi/utils';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CchcConfigSchema, ENV_NAMES, configFromEnv, validateConfig } from '../../../cms/src/plugins/cchc/server/src/config.js';

const saved = { ...process.env };
// Strapi cannot start without its app keys; the challenge's secret defaults to them.
beforeEach(() => void (process.env.APP_KEYS = 'khoa-ung-dung-mot,khoa-ung-dung-hai'));
afterEach(() => {
  for (const name of Object.values(ENV_NAMES)) delete process.env[name];
  if (!('APP_KEYS' in saved)) delete process.env.APP_KEYS;
  Object.assign(process.env, saved);
});

/** Every leaf key of the schema, dotted. */
function leafKeys(shape: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(shape).flatMap(([key, schema]) => {
    const inner = (schema as { shape?: Record<string, unknown> }).shape;
    return inner ? leafKeys(inner, `${prefix}${key}.`) : [`${prefix}${key}`];
  });
}

describe('plugin configuration', () => {
  test('every key of the schema has its environment variable, and no variable names a missing key', () => {
    expect(leafKeys(CchcConfigSchema.shape).sort()).toEqual(Object.keys(ENV_NAMES).sort());
  });

  test('an empty environment (but for the app keys Strapi cannot start without) gives a valid configuration with the documented defaults', () => {
    for (const name of Object.values(ENV_NAMES)) delete process.env[name];
    const config = validateConfig(configFromEnv(env));
    expect(config).toMatchObject({ seedDir: 'seed/demo', scheduleCheckSeconds: 30, notify: false, responseCacheSeconds: 300 });
    expect(config.rateLimit).toEqual({
      points: 120,
      durationSeconds: 60,
      redisUrl: '',
      exemptIps: [],
      siteApiKey: '',
      registrationsPerClientHour: 20,
      registrationsPerPhoneHour: 5,
      registrationsWithoutChallengePerClientHour: 3,
      questionsPerClientMinute: 1,
      questionsPerClientHour: 5,
    });
    // The challenge's secret is the app's keys unless it has its own.
    expect(config.contestChallenge).toEqual({ secret: 'khoa-ung-dung-mot,khoa-ung-dung-hai', cost: 1000, counterMax: 3000, lifetimeSeconds: 1800 });
    process.env.CONTEST_CHALLENGE_SECRET = 'bi-mat-rieng-cua-thu-thach';
    expect(validateConfig(configFromEnv(env)).contestChallenge.secret).toBe('bi-mat-rieng-cua-thu-thach');
    expect(config.uploadLimits.videoMb).toBe(500);
    expect(config.questions).toEqual({ classifyDays: 2, assignDays: 1, answerDays: 15, publishDays: 2, keepContactMonths: 12, filesDir: 'data/question-files' });
  });

  test('the environment sets each key', () => {
    Object.assign(process.env, { RATE_LIMIT_POINTS: '7', SITE_PURGE_URLS: 'http://a.test,https://b.test', SMTP_HOST: 'smtp.test', UPLOAD_PDF_MB: '9' });
    const config = validateConfig(configFromEnv(env));
    expect(config.rateLimit.points).toBe(7);
    expect(config.sitePurgeUrls).toEqual(['http://a.test', 'https://b.test']);
    expect(config.notify).toBe(true);
    expect(config.uploadLimits.documentMb).toBe(9);
  });

  test.each([
    ['CCHC_SCHEDULE_CHECK_SECONDS', '60'],
    ['CCHC_SCHEDULE_CHECK_SECONDS', 'abc'],
    ['RATE_LIMIT_POINTS', '0'],
    ['RATE_LIMIT_WINDOW_SECONDS', 'mot phut'],
    ['DEMO_PASSWORD', 'short'],
    ['SITE_PURGE_URLS', 'ftp://site.test'],
    ['ADMIN_URL', 'not a url'],
    ['UPLOAD_VIDEO_MB', '-1'],
    ['CCHC_RESPONSE_CACHE_SECONDS', '-5'],
    ['CONTEST_CHALLENGE_SECRET', 'ngan'],
    ['CONTEST_CHALLENGE_MAX_TRIES', '0'],
    ['VARNISH_URLS', 'varnish.test:6081'],
  ])('a wrong %s (%s) stops the start with a message that names it', (name, value) => {
    process.env[name] = value;
    expect(() => validateConfig(configFromEnv(env))).toThrow(name);
  });

  test.each([
    ['unset', undefined],
    ['too short', 'ngan-qua'],
    ['with a quote', 'bi-mat-co-dau-"-nhay-kep'],
    ['with a space', 'bi mat co khoang trang 123'],
  ])('Varnish addresses with a purge secret %s stop the start, naming VARNISH_PURGE_SECRET', (_, secret) => {
    process.env.VARNISH_URLS = 'http://127.0.0.1:6081,http://10.0.0.2:6081';
    if (secret !== undefined) process.env.VARNISH_PURGE_SECRET = secret;
    expect(() => validateConfig(configFromEnv(env))).toThrow('VARNISH_PURGE_SECRET');
  });

  test('Varnish addresses and their secret are read; without addresses the secret is not needed', () => {
    expect(validateConfig(configFromEnv(env)).varnish).toEqual({ urls: [], purgeSecret: '' });
    Object.assign(process.env, { VARNISH_URLS: 'http://127.0.0.1:6081, http://10.0.0.2:6081', VARNISH_PURGE_SECRET: 'bi-mat-cua-varnish_0123' });
    expect(validateConfig(configFromEnv(env)).varnish).toEqual({ urls: ['http://127.0.0.1:6081', 'http://10.0.0.2:6081'], purgeSecret: 'bi-mat-cua-varnish_0123' });
  });
});
