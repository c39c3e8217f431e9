/**
 * Varnish in front of the site (deploy/varnish/cchc.vcl): the headers both sides use.
 * The site names each page's tags in `xkey` (as in Cache-Tag); the CMS purges them with
 * `PURGE` and `xkey-purge: tag1 tag2`, with the secret in its own header. The VCL spells
 * these names too; a unit test checks that it spells them alike.
 */

/** Method of a purge sent to Varnish. */
export const VARNISH_PURGE_METHOD = 'PURGE';
/** Response header with a page's cache tags, space-separated, which Varnish's xkey vmod indexes. */
export const XKEY_HEADER = 'xkey';
/** Request header of a purge: the tags whose pages Varnish drops, space-separated. */
export const XKEY_PURGE_HEADER = 'xkey-purge';
/** Request header of a purge carrying the secret Varnish checks (VARNISH_PURGE_SECRET). */
export const VARNISH_PURGE_SECRET_HEADER = 'x-cchc-purge-secret';
/** What the secret may be: it is written into the generated VCL and sent in a header. */
export const VARNISH_PURGE_SECRET_PATTERN = /^[A-Za-z0-9._~+/=-]{16,256}$/;
/** Path of the site's health answer (no render, no CMS call), which Varnish's probe asks. */
export const SITE_HEALTH_PATH = '/_health';
/**
 * Longest `xkey-purge` value sent in one request, in bytes: well under Varnish's
 * http_req_hdr_len (8 KB by default), whatever else the request carries.
 */
export const XKEY_PURGE_MAX_BYTES = 4000;

/**
 * Splits tags into groups whose space-joined length fits one purge header. A tag
 * longer than the bound still goes, alone (the schema bounds tags at 200 characters).
 * @example purgeHeaderValues(['a', 'b', 'c'], 3) // ['a b', 'c']
 */
export function purgeHeaderValues(tags: readonly string[], maxBytes = XKEY_PURGE_MAX_BYTES): string[] {
  const encoder = new TextEncoder();
  const values: string[] = [];
  let current = '';
  for (const tag of tags) {
    const next = current === '' ? tag : `${current} ${tag}`;
    if (current !== '' && encoder.encode(next).length > maxBytes) {
      values.push(current);
      current = tag;
    } else current = next;
  }
  if (current !== '') values.push(current);
  return values;
}
