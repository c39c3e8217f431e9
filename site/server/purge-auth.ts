/** Checks that a purge call comes from the CMS: HMAC-SHA256 signature and a recent timestamp. */
import { timingSafeEqual } from 'node:crypto';
import { PURGE_MAX_SKEW_SECONDS } from '@cchc/shared';
import { signPurge } from '@cchc/shared/node';

/** Why a purge call was refused, in words for the response body. */
export type PurgeAuthResult = { ok: true } | { ok: false; reason: string };

/** Verifies the signature and freshness of a purge call. */
export function verifyPurge(
  secret: string,
  body: string,
  timestampHeader: string | undefined,
  signatureHeader: string | undefined,
  nowSeconds: number,
): PurgeAuthResult {
  if (!timestampHeader || !/^\d{1,12}$/.test(timestampHeader) || !signatureHeader) {
    return { ok: false, reason: 'Thiếu chữ ký hoặc thời điểm ký.' };
  }
  const timestamp = Number(timestampHeader);
  if (Math.abs(nowSeconds - timestamp) > PURGE_MAX_SKEW_SECONDS) return { ok: false, reason: 'Chữ ký đã hết hạn.' };
  const expected = Buffer.from(signPurge(secret, timestamp, body));
  const given = Buffer.from(signatureHeader);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'Chữ ký không hợp lệ.' };
  return { ok: true };
}
