/**
 * The proof-of-work challenge on contest registration, self-hosted with altcha-lib:
 * the CMS issues a signed challenge, the entrant's browser solves it (the altcha
 * widget, a few seconds of work on a phone), and the registration carries the
 * solution. A solution is checked by its signatures alone (deterministic mode: the
 * server knows the answer, so checking costs two HMACs), and counts once.
 *
 * A browser without JavaScript cannot solve anything: its registration comes without a
 * proof and is counted against a small hourly allowance per visitor instead
 * (rate-limit/public-rate-limit.ts), so the plain form keeps working for a person and
 * stops a script.
 */
import crypto from 'node:crypto';
import { CHALLENGE_ALGORITHM, CHALLENGE_PROOF_MAX_LENGTH, PROOF_INVALID, type GetRegistrationChallenge } from '@cchc/shared';
import { createChallenge, randomInt, verifySolution, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { InvalidInputError } from '../errors.js';

/** The challenge's settings (plugin config `contestChallenge`). */
export interface ChallengeConfig {
  /** Master secret; the signing keys are derived from it. */
  secret: string;
  /** PBKDF2 iterations per try. */
  cost: number;
  /** Tries needed at most (the answer is drawn between a fifth of it and it). */
  counterMax: number;
  /** How long a challenge may be solved and used, in seconds. */
  lifetimeSeconds: number;
}

export const CHALLENGE_MESSAGES = {
  invalid: PROOF_INVALID,
  expired: 'Bước xác minh chống tự động đã hết hạn. Vui lòng tải lại trang và gửi lại.',
  spent: 'Bước xác minh chống tự động này đã được dùng. Vui lòng tải lại trang và gửi lại.',
} as const;

/** A proof whose signatures hold, not yet spent. */
export interface VerifiedProof {
  nonce: string;
  expiresAtMs: number;
}

const derive = (secret: string, purpose: string) => crypto.createHmac('sha256', secret).update(`cchc-contest-challenge:${purpose}`).digest('hex');

/**
 * Creates the challenge service; `record` stores a challenge's nonce once (false when it was
 * already). `now` dates the challenges issued and is the clock a spend is checked by;
 * altcha-lib checks expiry at verification by the system clock.
 */
export function createContestChallenge(config: ChallengeConfig, record: (nonce: string, expiresAtMs: number) => Promise<boolean>, now: () => number = Date.now) {
  const hmacSignatureSecret = derive(config.secret, 'signature');
  const hmacKeySignatureSecret = derive(config.secret, 'key');

  /** The payload the widget put in the form (base64 of JSON), or null when it is not one. */
  function parse(proof: string): Payload | null {
    if (proof.length > CHALLENGE_PROOF_MAX_LENGTH || !/^[A-Za-z0-9+/=]+$/.test(proof)) return null;
    try {
      const payload = JSON.parse(Buffer.from(proof, 'base64').toString('utf8')) as Payload;
      const p = payload?.challenge?.parameters;
      if (!p || typeof p.nonce !== 'string' || !/^[0-9a-f]{32}$/.test(p.nonce) || typeof p.expiresAt !== 'number' || p.algorithm !== CHALLENGE_ALGORITHM) return null;
      return payload.solution && typeof payload.solution === 'object' ? payload : null;
    } catch {
      return null;
    }
  }

  return {
    /** A new challenge for a registration form. */
    async issue(): Promise<GetRegistrationChallenge.Response> {
      const { parameters, signature = '' } = await createChallenge({
        algorithm: CHALLENGE_ALGORITHM,
        cost: config.cost,
        counter: randomInt(config.counterMax, Math.max(1, Math.floor(config.counterMax / 5))),
        deriveKey,
        expiresAt: new Date(now() + config.lifetimeSeconds * 1000),
        hmacSignatureSecret,
        hmacKeySignatureSecret,
      });
      // Copied into a plain record: the contract's parameters are an open object.
      return { parameters: { ...parameters }, signature };
    },

    /**
     * Checks a registration's proof by its signatures (two HMACs; nothing is written): null
     * when it came without one, the proof when it holds, a 400 in Vietnamese when it does not.
     */
    async verify(proof: string): Promise<VerifiedProof | null> {
      if (proof === '') return null;
      const payload = parse(proof);
      if (!payload) throw new InvalidInputError(CHALLENGE_MESSAGES.invalid);
      const result = await verifySolution({ challenge: payload.challenge, solution: payload.solution, deriveKey, hmacSignatureSecret, hmacKeySignatureSecret }).catch(() => null);
      if (result?.expired) throw new InvalidInputError(CHALLENGE_MESSAGES.expired);
      if (!result?.verified) throw new InvalidInputError(CHALLENGE_MESSAGES.invalid);
      return { nonce: payload.challenge.parameters.nonce, expiresAtMs: payload.challenge.parameters.expiresAt! * 1000 };
    },

    /** Spends a verified proof, once: a 400 in Vietnamese when it has expired since it was checked, or was spent already (here or on another instance). */
    async spend(proof: VerifiedProof): Promise<void> {
      if (proof.expiresAtMs <= now()) throw new InvalidInputError(CHALLENGE_MESSAGES.expired);
      if (!(await record(proof.nonce, proof.expiresAtMs))) throw new InvalidInputError(CHALLENGE_MESSAGES.spent);
    },
  };
}

export type ContestChallenge = ReturnType<typeof createContestChallenge>;
