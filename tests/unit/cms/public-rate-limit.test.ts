/**
 * The public API's rate limiter: costs, client keys, and its Redis store, against the
 * local Redis (127.0.0.1:6379; REDIS_URL overrides): two CMS instances share one budget.
 * Without Redis the Redis case is skipped with a warning, except on CI where it fails.
 */
import net from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import { clientKey } from '../../../shared/src/index.js';
import { CHALLENGES_PER_CLIENT_MINUTE, costOf, createPublicRateLimit, type RateLimitConfig } from '../../../cms/src/plugins/cchc/server/src/rate-limit/public-rate-limit.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const redisUp = await new Promise<boolean>((resolve) => {
  const url = new URL(REDIS_URL);
  const socket = net.connect(Number(url.port || 6379), url.hostname);
  socket.once('connect', () => (socket.destroy(), resolve(true)));
  socket.once('error', () => resolve(false));
});
if (!redisUp) {
  if (process.env.CI) throw new Error(`Redis is not reachable at ${REDIS_URL}; CI must test the shared rate limit.`);
  console.warn(`[tests] Redis not reachable at ${REDIS_URL}: the shared rate-limit case is skipped.`);
}

/** A request as the middleware sees it; returns the status it answered (200: passed on). */
async function request(middleware: ReturnType<typeof createPublicRateLimit>['middleware'], path: string, ip: string, headers: Record<string, string> = {}) {
  const ctx = {
    path,
    querystring: '',
    ip,
    status: 200,
    body: undefined as unknown,
    sent: {} as Record<string, string>,
    get: (name: string) => headers[name.toLowerCase()] ?? '',
    set(name: string, value: string) {
      this.sent[name] = value;
    },
  };
  await middleware(ctx, async () => {});
  return ctx;
}

const config = (overrides: Partial<RateLimitConfig> = {}): RateLimitConfig => ({
  points: 6,
  durationSeconds: 60,
  redisUrl: '',
  exemptIps: [],
  siteApiKey: 'khoa-cua-site',
  registrationsPerClientHour: 3,
  registrationsPerPhoneHour: 2,
  registrationsWithoutChallengePerClientHour: 2,
  questionsPerClientMinute: 1,
  questionsPerClientHour: 2,
  ...overrides,
});

test.each([
  ['/api/cchc/topics', '', 1],
  ['/api/cchc/search', 'q=mot+cua', 3],
  ['/API/CCHC/SEARCH', 'q=x', 3],
  ['/api/cchc/committee/plans/2024', '', 5],
  ['/api/cchc/committee/plans', '', 1],
  ['/api/cchc/committee/documents', '', 3],
  ['/api/cchc/committee/documents/ke-hoach', '', 1],
  ['/api/cchc/search/', '', 3],
  ['/api/cchc/articles', 'page=21', 3],
])('%s?%s costs %i', (path, query, points) => {
  expect(costOf(path, query)).toBe(points);
});

test.each([
  ['10.1.2.3', '10.1.2.3'],
  ['::ffff:10.1.2.3', '10.1.2.3'],
  ['2001:db8:1:2:a:b:c:d', '2001:db8:1:2::/64'],
  ['2001:db8:1:2:ffff::1', '2001:db8:1:2::/64'],
  ['2001:db8::1', '2001:db8:0:0::/64'],
])('clientKey(%s) is %s', (ip, key) => {
  expect(clientKey(ip)).toBe(key);
});

describe('in memory', () => {
  const limit = createPublicRateLimit(config(), () => {});
  afterAll(() => limit.close());

  test('a client past its budget gets 429 with Retry-After and a Vietnamese message; the site by its key and other paths pass', async () => {
    expect((await request(limit.middleware, '/api/cchc/search', '10.0.0.1')).status).toBe(200);
    expect((await request(limit.middleware, '/api/cchc/search', '10.0.0.1')).status).toBe(200);
    const refused = await request(limit.middleware, '/api/cchc/topics', '10.0.0.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.sent['Retry-After'])).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(refused.body)).toContain('thử lại sau');
    expect((await request(limit.middleware, '/api/cchc/topics', '10.0.0.1', { 'x-cchc-site-key': 'khoa-cua-site' })).status).toBe(200);
    expect((await request(limit.middleware, '/admin/login', '10.0.0.1')).status).toBe(200);
    // Another address of the same IPv6 /64 is the same client.
    for (let i = 0; i < 6; i++) await request(limit.middleware, '/api/cchc/topics', `2001:db8:9:9::${i + 1}`);
    expect((await request(limit.middleware, '/api/cchc/topics', '2001:db8:9:9::ff')).status).toBe(429);
  });
});

describe('contest registrations', () => {
  const limit = createPublicRateLimit(config({ exemptIps: ['10.5.5.5'] }), () => {});
  afterAll(() => limit.close());

  test('the visitor the site names is the client only with the site\'s key', () => {
    expect(limit.clientOf({ 'x-cchc-site-key': 'khoa-cua-site', 'x-cchc-visitor': '10.1.1.1' }, '127.0.0.1')).toBe('10.1.1.1');
    expect(limit.clientOf({ 'x-cchc-site-key': 'sai-khoa', 'x-cchc-visitor': '10.1.1.1' }, '127.0.0.2')).toBe('127.0.0.2');
    expect(limit.clientOf({ 'x-cchc-visitor': '10.1.1.1' }, '::ffff:127.0.0.3')).toBe('127.0.0.3');
  });

  test('an address past its hourly budget, or a phone past its own, gets a 429 in Vietnamese; an exempt address never does', async () => {
    await limit.registration('10.2.2.2', '0905000001', true);
    await limit.registration('10.2.2.2', '0905000002', true);
    await limit.registration('10.2.2.2', '0905000003', true);
    await expect(limit.registration('10.2.2.2', '0905000004', true)).rejects.toMatchObject({ name: 'RateLimitError', message: expect.stringContaining('Vui lòng thử lại sau') });
    await limit.registration('10.3.3.3', '0905000009', true);
    await limit.registration('10.4.4.4', '0905000009', true);
    await expect(limit.registration('10.6.6.6', '0905000009', true)).rejects.toMatchObject({ name: 'RateLimitError' });
    for (let i = 0; i < 10; i++) await limit.registration('10.5.5.5', `09050001${String(i).padStart(2, '0')}`, i % 2 === 0);
  });

  test('registrations without a solved challenge have a smaller allowance, which asks for JavaScript; proved ones go on', async () => {
    await limit.registration('10.7.7.7', '0905000021', false);
    await limit.registration('10.7.7.7', '0905000022', false);
    await expect(limit.registration('10.7.7.7', '0905000023', false)).rejects.toMatchObject({ name: 'RateLimitError', message: expect.stringContaining('bật JavaScript') });
    // The refused one cost nothing of the general budget: one proved registration is still left.
    await limit.registration('10.7.7.7', '0905000024', true);
    await expect(limit.registration('10.7.7.7', '0905000025', true)).rejects.toMatchObject({ message: expect.stringContaining('quá nhiều lượt đăng ký') });
    await expect(limit.registration('10.7.7.7', '0905000026', false)).rejects.toMatchObject({ message: expect.stringContaining('bật JavaScript') });
  });

  test('questions: one a minute; the 429 says when to try again, in Vietnamese', async () => {
    await limit.question('10.6.1.1');
    await expect(limit.question('10.6.1.1')).rejects.toMatchObject({ name: 'RateLimitError', message: expect.stringMatching(/thử lại sau \d+ giây/) });
    await limit.question('10.6.1.2');
    for (let i = 0; i < 5; i++) await limit.question('10.5.5.5');
  });

  test('questions: past the hour\'s budget the wait is told in minutes', async () => {
    const hourly = createPublicRateLimit(config({ questionsPerClientMinute: 10, questionsPerClientHour: 2 }), () => {});
    await hourly.question('10.6.2.1');
    await hourly.question('10.6.2.1');
    await expect(hourly.question('10.6.2.1')).rejects.toMatchObject({ message: expect.stringMatching(/thử lại sau \d+ phút/) });
    await hourly.close();
  });

  test('failed lookups: ten an hour, then a 429; a right one is not counted; a receipt goes to an address three times a day', async () => {
    for (let i = 0; i < 10; i++) {
      await limit.lookupAllowed('10.6.3.1');
      await limit.lookupFailed('10.6.3.1');
    }
    await expect(limit.lookupAllowed('10.6.3.1')).rejects.toMatchObject({ name: 'RateLimitError', message: expect.stringContaining('tra cứu sai nhiều lần') });
    await limit.lookupAllowed('10.6.3.2');
    expect([await limit.receiptAllowed('a@example.vn'), await limit.receiptAllowed('a@example.vn'), await limit.receiptAllowed('a@example.vn'), await limit.receiptAllowed('a@example.vn')]).toEqual([true, true, true, false]);
  });

  test('a client is issued a few challenges a minute; an exempt address is not counted', async () => {
    for (let i = 0; i < CHALLENGES_PER_CLIENT_MINUTE; i++) await limit.challenge('10.9.9.9');
    await expect(limit.challenge('10.9.9.9')).rejects.toMatchObject({ name: 'RateLimitError', message: expect.stringContaining('thử lại sau') });
    await limit.challenge('10.9.9.8');
    for (let i = 0; i <= CHALLENGES_PER_CLIENT_MINUTE; i++) await limit.challenge('10.5.5.5');
  });
});

describe.runIf(redisUp)('in Redis', () => {
  test('two CMS instances share one budget', async () => {
    const prefix = `10.9.${Date.now() % 250}.${Math.floor(Math.random() * 250)}`;
    const a = createPublicRateLimit(config({ redisUrl: REDIS_URL }), () => {});
    const b = createPublicRateLimit(config({ redisUrl: REDIS_URL }), () => {});
    try {
      await Promise.all([a.ready(), b.ready()]);
      for (let i = 0; i < 3; i++) expect((await request(a.middleware, '/api/cchc/topics', prefix)).status).toBe(200);
      for (let i = 0; i < 3; i++) expect((await request(b.middleware, '/api/cchc/topics', prefix)).status).toBe(200);
      expect((await request(a.middleware, '/api/cchc/topics', prefix)).status).toBe(429);
      expect((await request(b.middleware, '/api/cchc/topics', prefix)).status).toBe(429);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
