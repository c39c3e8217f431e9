/**
 * The registration challenge's constants, in a module of its own with no imports, so the
 * site's browser bundle (site/src/scripts/registration-challenge.ts) can take them without
 * the rest of shared (`@cchc/shared/contest-challenge`).
 */

/** The proof-of-work algorithm of the registration challenge (altcha's name), for the CMS and the site's widget. */
export const CHALLENGE_ALGORITHM = 'PBKDF2/SHA-256';

/** Longest proof a registration may carry (the widget's are about 1 KB). */
export const CHALLENGE_PROOF_MAX_LENGTH = 4000;
