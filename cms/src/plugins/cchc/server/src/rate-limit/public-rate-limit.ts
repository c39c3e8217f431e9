/**
 * Rate limits on the public API (/api/…), per client address, with
 * rate-limiter-flexible: in memory by default, in Redis when REDIS_URL is set (so
 * several CMS instances share one budget; memory takes over while Redis is down).
 * Expensive reads cost more points, as their declarations say (`cost`). The site, which serves every reader from its page
 * cache, identifies itself with SITE_API_KEY and is not limited; nor are the
 * addresses an operator lists (monitoring, a trusted proxy).
 */
import crypto from 'node:crypto';
import * as shared from '@cchc/shared';
import { SITE_KEY_HEADER, VISITOR_HEADER, clientKey, declaredEndpoints, pathPattern } from '@cchc/shared';
import { errors } from '@strapi/utils';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** The limiter's settings (plugin config `rateLimit`). */
import type { RateLimitConfig } from '../config.js';

export type { RateLimitConfig };

/**
 * What a request costs, by path: the public endpoints declared with a cost above one
 * point (reads that aggregate or search), each as the pattern of its path.
 */
export const ROUTE_COSTS: ReadonlyArray<[pattern: RegExp, points: number]> = declaredEndpoints(shared)
  .filter((endpoint) => endpoint.api === 'content-api' && endpoint.cost > 1)
  .map((endpoint) => [pathPattern(endpoint), endpoint.cost]);

/** Pages past this one cost as much as a search: deep offsets make the database work. */
const DEEP_PAGE = 20;

/**
 * The points a request costs.
 * @example costOf('/api/cchc/search', 'q=mot+cua') // 3
 */
export function costOf(path: string, query: string): number {
  const base = ROUTE_COSTS.find(([pattern]) => pattern.test(path))?.[1] ?? 1;
  const page = Number(new URLSearchParams(query).get('page') ?? 1);
  return Number.isFinite(page) && page > DEEP_PAGE ? Math.max(base, 3) : base;
}

/** The refusal of a registration past its hourly budget, in Vietnamese. */
export const tooManyRegistrationsMessage = (minutes: number) => `Đã có quá nhiều lượt đăng ký dự thi từ địa chỉ hoặc số điện thoại này. Vui lòng thử lại sau ${minutes} phút.`;

/** Failed question lookups (a wrong code or contact) a client may make per hour. */
export const FAILED_LOOKUPS_PER_CLIENT_HOUR = 10;

/** Receipts of questions e-mailed to one address per day. */
export const RECEIPTS_PER_ADDRESS_DAY = 3;

/** The refusal of a lookup past its client's failures, in Vietnamese. */
export const tooManyLookupsMessage = (minutes: number) => `Bạn đã tra cứu sai nhiều lần. Vui lòng kiểm tra lại mã tra cứu và thông tin liên hệ, rồi thử lại sau ${minutes} phút.`;

/** Registration challenges one client may be issued per minute (each costs the CMS a key derivation). */
export const CHALLENGES_PER_CLIENT_MINUTE = 20;

/** The refusal of a registration without a solved challenge past its small hourly allowance, in Vietnamese. */
export const proofRequiredMessage = (minutes: number) =>
  `Từ địa chỉ này đã có nhiều lượt đăng ký chưa qua bước xác minh chống tự động. Hãy bật JavaScript trong trình duyệt để bước xác minh tự chạy, rồi gửi lại; hoặc thử lại sau ${minutes} phút.`;

/** The refusal of a question past its client's budget, in Vietnamese, with when to try again. */
export const tooManyQuestionsMessage = (seconds: number) =>
  `Bạn vừa gửi câu hỏi. Để tránh gửi trùng, mỗi địa chỉ mạng chỉ gửi được ít câu hỏi trong một khoảng thời gian; vui lòng thử lại sau ${seconds >= 120 ? `${Math.ceil(seconds / 60)} phút` : `${seconds} giây`}.`;

/** The answer of a limited request, in Vietnamese. */
export const tooManyMessage = (seconds: number) => `Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ${seconds} giây.`;

interface KoaContext {
  path: string;
  querystring: string;
  ip: string;
  get: (name: string) => string;
  set: (name: string, value: string) => void;
  status: number;
  body: unknown;
}

/** Compares secrets in constant time. */
const sameSecret = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Creates the limiter and its Koa middleware; `close` ends the Redis connection. */
export function createPublicRateLimit(config: RateLimitConfig, warn: (message: string) => void) {
  const memory = new RateLimiterMemory({ points: config.points, duration: config.durationSeconds, keyPrefix: 'cchc-public' });
  let redis: Redis | null = null;
  let limiter: RateLimiterAbstract = memory;
  if (config.redisUrl) {
    redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', (error: Error) => warn(`[cchc] rate limit: Redis unavailable (${error.message}); counting in memory meanwhile`));
    limiter = new RateLimiterRedis({ storeClient: redis, points: config.points, duration: config.durationSeconds, keyPrefix: 'cchc-public', insuranceLimiter: memory });
  }
  const exempt = new Set(config.exemptIps);
  /** A budget of `points` per `seconds` (contest registrations, challenges), in Redis when the general one is. */
  const budget = (points: number, seconds: number, keyPrefix: string): RateLimiterAbstract => {
    const local = new RateLimiterMemory({ points, duration: seconds, keyPrefix });
    return redis ? new RateLimiterRedis({ storeClient: redis, points, duration: seconds, keyPrefix, insuranceLimiter: local }) : local;
  };
  const hourly = (points: number, keyPrefix: string) => budget(points, 3600, keyPrefix);
  const registrationsByClient = hourly(config.registrationsPerClientHour, 'cchc-registration-client');
  const registrationsByPhone = hourly(config.registrationsPerPhoneHour, 'cchc-registration-phone');
  const registrationsWithoutChallenge = hourly(config.registrationsWithoutChallengePerClientHour, 'cchc-registration-without-challenge');
  // Issuing a challenge costs a key derivation: a visitor gets a few a minute, whoever asks (the site included, for its visitor).
  const challengesByClient = budget(CHALLENGES_PER_CLIENT_MINUTE, 60, 'cchc-challenge');
  const questionsByMinute = budget(config.questionsPerClientMinute, 60, 'cchc-question-minute');
  const questionsByHour = hourly(config.questionsPerClientHour, 'cchc-question-hour');
  const failedLookups = hourly(FAILED_LOOKUPS_PER_CLIENT_HOUR, 'cchc-question-lookup-failed');
  const receiptsByAddress = budget(RECEIPTS_PER_ADDRESS_DAY, 86_400, 'cchc-question-receipt');
  const fromSite = (headers: Record<string, unknown>) => {
    const key = headers[SITE_KEY_HEADER];
    return Boolean(config.siteApiKey && typeof key === 'string' && key && sameSecret(key, config.siteApiKey));
  };

  const middleware = async (ctx: KoaContext, next: () => Promise<void>) => {
    // The router matches paths whatever their case: so does the limit.
    if (!ctx.path.toLowerCase().startsWith('/api/')) return next();
    const key = ctx.get(SITE_KEY_HEADER);
    const client = clientKey(ctx.ip);
    if ((config.siteApiKey && key && sameSecret(key, config.siteApiKey)) || exempt.has(client)) return next();
    try {
      const result = await limiter.consume(client, costOf(ctx.path, ctx.querystring));
      ctx.set('RateLimit-Remaining', String(result.remainingPoints));
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      ctx.status = 429;
      ctx.set('Retry-After', String(seconds));
      ctx.body = { data: null, error: { status: 429, name: 'TooManyRequestsError', message: tooManyMessage(seconds) } };
      return;
    }
    await next();
  };

  return {
    middleware,
    /**
     * Who a request is for: the visitor the site names (with its key), else the address
     * that sent it. Keyed like the limits (an IPv6 /64 is one client).
     */
    clientOf(headers: Record<string, unknown>, ip: string): string {
      const visitor = headers[VISITOR_HEADER];
      return clientKey(fromSite(headers) && typeof visitor === 'string' && visitor ? visitor : ip);
    },
    /**
     * Counts a contest registration against its client's and its phone's hourly budgets, and,
     * when it came without a solved challenge (`proved` false), against the client's small
     * allowance of those; a 429 past any. The allowance is looked at first, so a refusal by it
     * spends nothing of the others.
     */
    async registration(client: string, identity: string | null, proved: boolean): Promise<void> {
      if (exempt.has(client)) return;
      const refuse = (refusal: unknown, message: (minutes: number) => string) => {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return new errors.RateLimitError(message(Math.max(1, Math.ceil(refusal.msBeforeNext / 60_000))));
      };
      if (!proved) {
        const used = await registrationsWithoutChallenge.get(client);
        if (used && used.consumedPoints >= config.registrationsWithoutChallengePerClientHour) throw refuse(used, proofRequiredMessage);
      }
      try {
        await registrationsByClient.consume(client);
        if (identity) await registrationsByPhone.consume(identity);
      } catch (refusal) {
        throw refuse(refusal, tooManyRegistrationsMessage);
      }
      if (!proved) {
        try {
          await registrationsWithoutChallenge.consume(client);
        } catch (refusal) {
          throw refuse(refusal, proofRequiredMessage);
        }
      }
    },
    /** Counts a question sent by a client against its budgets per minute and per hour; a 429 in Vietnamese past either. */
    async question(client: string): Promise<void> {
      if (exempt.has(client)) return;
      try {
        await questionsByMinute.consume(client);
        await questionsByHour.consume(client);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        throw new errors.RateLimitError(tooManyQuestionsMessage(seconds));
      }
    },
    /** Refuses a client's question lookup with a 429 once it has failed too often this hour (codes cannot be tried one by one). */
    async lookupAllowed(client: string): Promise<void> {
      if (exempt.has(client)) return;
      const used = await failedLookups.get(client);
      if (used && used.consumedPoints >= FAILED_LOOKUPS_PER_CLIENT_HOUR) throw new errors.RateLimitError(tooManyLookupsMessage(Math.max(1, Math.ceil(used.msBeforeNext / 60_000))));
    },
    /** Counts a failed lookup (a wrong code or contact) against its client. */
    async lookupFailed(client: string): Promise<void> {
      if (exempt.has(client)) return;
      await failedLookups.consume(client).catch((refusal: unknown) => {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
      });
    },
    /** Whether one more receipt may be e-mailed to an address today (the form names any address: it is no relay). */
    async receiptAllowed(address: string): Promise<boolean> {
      try {
        await receiptsByAddress.consume(address);
        return true;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return false;
      }
    },
    /** Counts a registration challenge issued for a client; a 429 past a few a minute. */
    async challenge(client: string): Promise<void> {
      if (exempt.has(client)) return;
      try {
        await challengesByClient.consume(client);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        throw new errors.RateLimitError(tooManyMessage(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000))));
      }
    },
    /** Resolves once Redis is connected (until then, and whenever it is down, counts are kept in memory). */
    ready: (): Promise<void> => (redis && redis.status !== 'ready' ? new Promise((resolve) => redis!.once('ready', () => resolve())) : Promise.resolve()),
    close: async () => void (await redis?.quit().catch(() => undefined)),
  };
}
