/**
 * @cchc/shared/node: the parts of the shared code that need Node.js built-ins,
 * kept out of the main entry so the admin panel's browser bundle never pulls them in.
 */
import { createHmac } from 'node:crypto';
import { purgeSigningInput } from '../contracts/purge.js';

/** The `sha256=<hex>` signature of a purge body at a time (the CMS signs with it, the site checks with it). */
export function signPurge(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(purgeSigningInput(timestamp, body)).digest('hex')}`;
}
