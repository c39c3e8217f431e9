/**
 * The proof-of-work challenge on contest registration (services/contest-challenge.ts):
 * a challenge solved as the widget solves it passes once; a changed, expired, foreign
 * or reused one is refused with a 400 in Vietnamese. The spent-challenge table is tried
 * on both databases in tests/integration/contest.test.ts.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { describe, expect, test } from 'vitest';
import { CHALLENGE_MESSAGES, createContestChallenge } from '../../../cms/src/plugins/cchc/server/src/services/contest-challenge.js';

const CONFIG = { secret: 'bi-mat-thu-thach-dang-ky-du-thi', cost: 10, counterMax: 50, lifetimeSeconds: 600 };

/** A challenge service over a spent set kept in memory (the table's unique key, as a Set). */
function service(config = CONFIG, now = Date.now) {
  const spent = new Set<string>();
  return createContestChallenge(config, async (nonce) => (spent.has(nonce) ? false : (spent.add(nonce), true)), now);
}

/** Solves a challenge and packs the payload as the widget puts it in the form. */
async function proofOf(challenge: Challenge, tamper: (payload: { challenge: Challenge; solution: object }) => void = () => {}): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  expect(solution).not.toBeNull();
  const payload = { challenge, solution: solution! };
  tamper(payload);
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

describe('registration challenge', () => {
  test('a solved challenge passes, and is spent once; a registration without one has no proof', async () => {
    const challenges = service();
    const challenge = await challenges.issue();
    expect(challenge.parameters).toMatchObject({ algorithm: 'PBKDF2/SHA-256', cost: 10 });
    expect(challenge.parameters.keySignature).toMatch(/^[0-9a-f]{64}$/);
    const proof = await challenges.verify(await proofOf(challenge));
    expect(proof).toEqual({ nonce: challenge.parameters.nonce, expiresAtMs: challenge.parameters.expiresAt! * 1000 });
    await challenges.spend(proof!);
    // Verifying writes nothing; spending twice is what is refused.
    await expect(challenges.verify(await proofOf(challenge))).resolves.not.toBeNull();
    await expect(challenges.spend(proof!)).rejects.toMatchObject({ name: 'ValidationError', message: CHALLENGE_MESSAGES.spent });
    await expect(challenges.verify('')).resolves.toBeNull();
  });

  test.each([
    ['a changed cost (less work claimed)', (p: { challenge: Challenge }) => void (p.challenge.parameters.cost = 1)],
    ['a wrong derived key', (p: { solution: object }) => void Object.assign(p.solution, { derivedKey: '00'.repeat(32) })],
    ['no signature', (p: { challenge: Challenge }) => void delete p.challenge.signature],
    ['no key signature (the solver would be asked to re-derive)', (p: { challenge: Challenge }) => void delete p.challenge.parameters.keySignature],
    ['no expiry', (p: { challenge: Challenge }) => void delete p.challenge.parameters.expiresAt],
    ['a nonce that is not hex', (p: { challenge: Challenge }) => void (p.challenge.parameters.nonce = 'xyz')],
    ['another algorithm', (p: { challenge: Challenge }) => void (p.challenge.parameters.algorithm = 'SHA-256')],
    ['a counter that is a string', (p: { solution: object }) => void Object.assign(p.solution, { counter: '12' })],
    ['no solution', (p: { solution: unknown }) => void (p.solution = null)],
  ])('%s is refused as invalid', async (_, tamper) => {
    const challenges = service();
    const proof = await proofOf(await challenges.issue(), tamper as never);
    await expect(challenges.verify(proof)).rejects.toMatchObject({ name: 'ValidationError', message: CHALLENGE_MESSAGES.invalid });
  });

  test('a proof that expires between its check and its spend is refused as expired, not recorded', async () => {
    let clock = Date.now();
    const recorded: string[] = [];
    const challenges = createContestChallenge(CONFIG, async (nonce) => (recorded.push(nonce), true), () => clock);
    const proof = await challenges.verify(await proofOf(await challenges.issue()));
    clock += CONFIG.lifetimeSeconds * 1000 + 1;
    await expect(challenges.spend(proof!)).rejects.toMatchObject({ message: CHALLENGE_MESSAGES.expired });
    expect(recorded).toEqual([]);
  });

  test('a challenge signed with another secret (another site) is refused', async () => {
    const foreign = await service({ ...CONFIG, secret: 'mot-bi-mat-khac-hoan-toan' }).issue();
    await expect(service().verify(await proofOf(foreign))).rejects.toMatchObject({ message: CHALLENGE_MESSAGES.invalid });
  });

  test('a challenge solved after its lifetime is refused as expired', async () => {
    let clock = Date.now() - 3_600_000;
    const past = service(CONFIG, () => clock);
    const challenge = await past.issue();
    clock = Date.now();
    await expect(past.verify(await proofOf(challenge))).rejects.toMatchObject({ message: CHALLENGE_MESSAGES.expired });
  });

  test.each([
    ['not base64', 'không phải base64!'],
    ['base64 of something else', Buffer.from('{"a":1}').toString('base64')],
    ['base64 of no JSON', Buffer.from('xin chào').toString('base64')],
    ['base64 of null', Buffer.from('null').toString('base64')],
    ['base64 of a list', Buffer.from('[1,2]').toString('base64')],
    ['padding alone', '===='],
    ['too long', 'A'.repeat(5000)],
  ])('a proof that is %s is refused as invalid', async (_, proof) => {
    await expect(service().verify(proof)).rejects.toMatchObject({ message: CHALLENGE_MESSAGES.invalid });
  });
});
