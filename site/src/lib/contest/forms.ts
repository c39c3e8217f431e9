/**
 * The contest's forms and cookie, as plain functions: what a registration form sends,
 * the answers of an attempt form, and the cookie that ties an attempt to the browser
 * that registered (its secret never goes in a URL).
 */
import { contestPaths, type AttemptView, type RegisterEntry } from '@cchc/shared';
import type { z } from 'zod';
import { field } from '../forms';

export { formOf } from '../forms';

/** Cookie name of an attempt's entry and secret. */
const COOKIE_PREFIX = 'cchc_thi_';
/** Cookie name of a registration's entry and secret, by round: a browser that registered starts (or resumes) without registering again. */
const ENTRY_COOKIE_PREFIX = 'cchc_dk_';
/** How long a browser keeps an attempt's secret: long enough to see the result after the round. */
const COOKIE_MAX_AGE_SECONDS = 30 * 24 * 3600;


/**
 * The body of a registration from its form; the CMS checks every field.
 * @example registrationOf(form).consent === 'on' // only when the box was ticked
 */
export function registrationOf(form: FormData): Record<keyof RegisterEntry.Body, string> & z.input<typeof RegisterEntry.BodySchema> {
  return {
    name: field(form, 'name'),
    birthYear: field(form, 'birthYear'),
    phone: field(form, 'phone'),
    citizenId: field(form, 'citizenId'),
    audience: field(form, 'audience'),
    agency: field(form, 'agency'),
    commune: field(form, 'commune'),
    consent: field(form, 'consent'),
    // Put there by the altcha widget (the challenge solved); absent without JavaScript.
    proof: field(form, 'altcha'),
  };
}

/** The form field of a question: `q-<id>`, one value per chosen option. */
export const answerField = (questionId: string) => `q-${questionId}`;

/**
 * The answers an attempt form carries, for the attempt's own questions only; a question
 * answered before (`saved`) and now left blank is sent as cleared (an empty choice).
 */
export function answersOf(form: FormData, questions: AttemptView['questions'], saved: AttemptView['answers'] = {}): Record<string, number[]> {
  const answers: Record<string, number[]> = {};
  for (const q of questions) {
    const chosen = form
      .getAll(answerField(q.id))
      .map((v) => (typeof v === 'string' && /^\d$/.test(v) ? Number(v) : NaN))
      .filter((n) => Number.isInteger(n));
    if (chosen.length > 0) answers[q.id] = [...new Set(chosen)].sort((a, b) => a - b);
    else if ((saved[q.id] ?? []).length > 0) answers[q.id] = [];
  }
  return answers;
}

const cookie = (name: string, entry: string, secret: string, secure: boolean) => {
  const attrs = [`Path=${contestPaths.list}`, `Max-Age=${COOKIE_MAX_AGE_SECONDS}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])];
  return `${name}=${entry}.${secret}; ${attrs.join('; ')}`;
};

function readCookie(cookieHeader: string | null, wanted: string): { entry: string; secret: string } | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== wanted) continue;
    const match = /^([a-z0-9]{1,40})\.([A-Za-z0-9_-]{20,100})$/.exec(rest.join('='));
    return match ? { entry: match[1]!, secret: match[2]! } : null;
  }
  return null;
}

/** The Set-Cookie value that keeps an attempt's entry and secret in this browser only. */
export const attemptCookie = (attemptId: string, entry: string, secret: string, secure: boolean): string => cookie(`${COOKIE_PREFIX}${attemptId}`, entry, secret, secure);

/** The Set-Cookie value that keeps a round's registration in this browser, set as soon as the CMS has recorded it. */
export const entryCookie = (roundId: string, entry: string, secret: string, secure: boolean): string => cookie(`${ENTRY_COOKIE_PREFIX}${roundId}`, entry, secret, secure);

/** The Set-Cookie value that makes the browser forget a round's registration. */
export const forgetEntryCookie = (roundId: string): string => `${ENTRY_COOKIE_PREFIX}${roundId}=; Path=${contestPaths.list}; Max-Age=0; HttpOnly; SameSite=Lax`;

/**
 * The entry and secret this browser holds for an attempt, or null.
 * @example attemptSecret('cchc_thi_ab12=e1.s3cr3t; x=y', 'ab12') // { entry: 'e1', secret: 's3cr3t' }
 */
export const attemptSecret = (cookieHeader: string | null, attemptId: string) => readCookie(cookieHeader, `${COOKIE_PREFIX}${attemptId}`);

/** The registration this browser holds for a round, or null. */
export const entrySecret = (cookieHeader: string | null, roundId: string) => (/^[a-z0-9]{1,40}$/.test(roundId) ? readCookie(cookieHeader, `${ENTRY_COOKIE_PREFIX}${roundId}`) : null);
