/**
 * The registration form's proof-of-work widget (altcha), bundled by Astro into files of
 * the site's own: the CSP runs no inline script and no blob worker, so the widget's
 * "external" build is used with its stylesheet and its PBKDF2 worker as separate files.
 * Without JavaScript none of this runs, and the form is sent without a proof.
 *
 * A widget that cannot solve (a page not in a secure context, such as a plain-HTTP
 * address other than localhost, where Web Crypto is missing; or a challenge that could not
 * be fetched) would block its form with a required box: it is taken out instead, and the
 * form is sent without a proof, as from a browser without JavaScript.
 */
import 'altcha/external';
import 'altcha/altcha.css';
import 'altcha/i18n/vi';
import Pbkdf2Worker from 'altcha/workers/pbkdf2?worker';
import { CHALLENGE_ALGORITHM } from '@cchc/shared/contest-challenge';

globalThis.$altcha.algorithms.set(CHALLENGE_ALGORITHM, () => new Pbkdf2Worker());

function standDown(widget: Element): void {
  widget.closest('form')?.querySelector<HTMLElement>('[data-challenge-fallback]')?.removeAttribute('hidden');
  widget.remove();
}

for (const widget of document.querySelectorAll('altcha-widget')) {
  if (!globalThis.isSecureContext) standDown(widget);
  else widget.addEventListener('statechange', (event) => (event as CustomEvent<{ state?: string }>).detail?.state === 'error' && standDown(widget));
}
